// 系统 › 同步冲突: the empty state, and a conflict's versions side by side with the PCs' names,
// the differing fields marked and a 保留此版本 button over each version.
import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { ConflictView } from '../core/conflicts';

import { ConflictList } from './ConflictsTab';

const render = (list: ConflictView[] | undefined) =>
  renderToStaticMarkup(
    <MantineProvider>
      <ConflictList list={list} />
    </MantineProvider>,
  );

const section: ConflictView = {
  docId: 'sections:s1',
  kind: 'revisions',
  kindLabel: '股室',
  title: '办信股',
  seenAt: '2026-05-10 09:00:00',
  versions: [
    { rev: '2-a', pcName: '办公室一号机', local: false },
    { rev: '2-b', pcName: '信访股二号机', local: false },
  ],
  rows: [
    { key: 'name', label: '股室名称', values: ['办信股', '来访接待股'], differs: true },
    { key: 'order', label: '顺序', values: ['0', '0'], differs: false },
  ],
  masked: false,
};

describe('ConflictsTab', () => {
  it('says when nothing waits', () => {
    expect(render([])).toContain('没有待处理的同步冲突');
  });

  it('shows both versions field by field, the differing field marked, each with 保留此版本', () => {
    const html = render([section]);
    expect(html).toContain('股室');
    expect(html).toContain('办信股');
    expect(html).toContain('「办公室一号机」的版本');
    expect(html).toContain('「信访股二号机」的版本');
    expect(html).toContain('来访接待股');
    expect(html.match(/保留此版本/g)).toHaveLength(2);
    expect(html.match(/data-differs="true"/g)).toHaveLength(1);
    expect(html).not.toContain('没有待处理的同步冲突');
  });

  it('offers a record kept aside for its unique value: keep this PC’s record, or merge the one that came', () => {
    const html = render([
      {
        ...section,
        kind: 'parked',
        kindLabel: '账户',
        reasonLabel: '登录名',
        versions: [
          { rev: 'local', pcName: '本机', local: true },
          { rev: '1-c', pcName: '办公室一号机', local: false },
        ],
      },
    ]);
    expect(html).toContain('与本机记录的“登录名”相同，暂未并入');
    expect(html).toContain('保留本机记录');
    expect(html).toContain('并入传来的记录');
    expect(html).toContain('「办公室一号机」传来的记录');
  });

  it('says when an informant’s identity is hidden', () => {
    expect(render([{ ...section, masked: true }])).toContain('PET-6');
  });

  it('shows a change the hub refused as this PC has it, with the hub’s reason and one decision', () => {
    const html = render([
      {
        ...section,
        docId: 'approvals:r1',
        kind: 'denied',
        kindLabel: '审批',
        title: '审批 请假半天',
        refusal: '审批人不是该步骤的审批人或其代理人：e1',
        versions: [{ rev: '3-a', pcName: '本机', local: true }],
        rows: [{ key: 'status', label: '状态', values: ['已同意'], differs: false }],
      },
    ]);
    expect(html).toContain('同步中心拒绝：审批人不是该步骤的审批人或其代理人：e1');
    expect(html).toContain('本机的版本（同步中心未接受）');
    expect(html).toContain('已同意');
    expect(html.match(/采用同步中心的版本/g)).toHaveLength(2); // the note, the button
    expect(html).not.toContain('保留此版本');
  });
});
