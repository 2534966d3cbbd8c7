import { notificationsStore } from '@mantine/notifications';
import { beforeEach, describe, expect, it } from 'vitest';

import type { SessionUser } from '../auth/service';
import { useSession } from '../auth/session';
import { DomainError } from '../db/repo';


import { clearNotices, errorMessage, hideNotice, NOTICE_LIMIT, notifyError, notifyOk, showNotice } from './notify';

describe('errorMessage', () => {
  it('cites a refusal’s rule with the regulation’s clause', () => {
    expect(errorMessage(new DomainError('上午已签到（08:05）', 'signIn', 'ATT-1'))).toBe(
      '上午已签到（08:05）（ATT-1，制度 二、(一)1）',
    );
    expect(errorMessage(new DomainError('严禁使用', 'sealId', 'SEAL-3'))).toBe(
      '严禁使用（SEAL-3，制度 七、(四)）',
    );
  });

  it('shows a refusal without a rule as it is, and other faults as 操作失败', () => {
    expect(errorMessage(new DomainError('请选择接待人', 'receptionistId'))).toBe('请选择接待人');
    expect(errorMessage(new RangeError('x'))).toBe('输入有误：x');
    expect(errorMessage(new Error('x'))).toBe('操作失败：x');
    expect(errorMessage('x')).toBe('操作失败：x');
  });
});

describe('notices', () => {
  beforeEach(() => {
    clearNotices();
    notificationsStore.setState({ ...notificationsStore.getState(), limit: NOTICE_LIMIT });
  });
  const messages = (list: { message?: unknown }[]) => list.map((n) => String(n.message));

  it('always shows the newest: three lingering refusals give way to 「已同意」, none queued behind', () => {
    for (const m of ['甲', '乙', '丙']) notifyError(new DomainError(m));
    notifyOk('已同意');
    const { notifications, queue } = notificationsStore.getState();
    expect(messages(notifications)).toEqual(['乙', '丙', '已同意']);
    expect(queue).toEqual([]);
  });

  it('a success notice replaces the one before', () => {
    notifyOk('已保存');
    notifyOk('已同意');
    expect(messages(notificationsStore.getState().notifications)).toEqual(['已同意']);
  });

  it('what one user was told is gone when another signs in, and at sign-out', () => {
    notifyError(new DomainError('张三的来信不予受理'));
    useSession.getState().signIn({ staffId: 's2', name: '李四', roles: [] } as unknown as SessionUser);
    expect(notificationsStore.getState().notifications).toEqual([]);
    notifyOk('已同意');
    useSession.getState().signOut();
    expect(notificationsStore.getState().notifications).toEqual([]);
  });

  it('a progress notice keeps its id while updated and frees its place when hidden', () => {
    showNotice({ id: 'export-1', message: '正在导出', autoClose: false });
    showNotice({ id: 'export-1', message: '正在导出', autoClose: false });
    for (const m of ['甲', '乙']) notifyError(new DomainError(m));
    hideNotice('export-1');
    notifyError(new DomainError('丙'));
    expect(messages(notificationsStore.getState().notifications)).toEqual(['甲', '乙', '丙']);
  });
});
