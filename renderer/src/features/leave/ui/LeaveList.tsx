// 请假记录: newest first, by person and state, paged by an index (loads more on request).
import { Badge, Table } from '@mantine/core';

import { leaveTypeInfo } from '../../../../../shared/rules';
import type { Leave, LeaveStatus } from '../../../db/schema/attendance';
import { spanText } from '../core';
import { LEAVE_STATUS_LABELS } from '../labels';

import { NumberCell, RequestList } from './request';

export const LEAVE_STATUS_COLOR: Record<LeaveStatus, string> = {
  pending: 'blue',
  approved: 'teal',
  closed: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function LeaveList() {
  return (
    <RequestList<Leave>
      kind="leave"
      personLabel="请假人"
      statusLabels={LEAVE_STATUS_LABELS}
      emptyText="没有请假记录。"
      headers={['编号', '请假人', '股室', '类型', '时间', '天数', '形式', '状态', '申报条']}
      cells={(l) => (
        <>
          <NumberCell tab="leave" r={l} />
          <Table.Td>{l.staffName}</Table.Td>
          <Table.Td>{l.sectionName}</Table.Td>
          <Table.Td>{leaveTypeInfo(l.leaveType).label}</Table.Td>
          <Table.Td>{spanText(l)}</Table.Td>
          <Table.Td>{l.days}</Table.Td>
          <Table.Td>
            {l.form === 'written' ? '书面' : '口头'}
            {l.afterTheFact ? '·补办' : ''}
          </Table.Td>
          <Table.Td>
            <Badge color={LEAVE_STATUS_COLOR[l.status]}>{LEAVE_STATUS_LABELS[l.status]}</Badge>
          </Table.Td>
          <Table.Td>{l.filedAt ? '已存档' : l.printedAt ? '已打印' : ''}</Table.Td>
        </>
      )}
    />
  );
}
