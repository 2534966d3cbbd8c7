// 外出记录: newest first, by person and state, with the travel-allowance days.
import { Badge, Table } from '@mantine/core';

import type { Trip, TripStatus } from '../../../db/schema/attendance';
import { spanText } from '../core';
import { TRIP_KIND_LABELS, TRIP_STATUS_LABELS } from '../labels';

import { NumberCell, RequestList } from './request';

export const TRIP_STATUS_COLOR: Record<TripStatus, string> = {
  pending: 'blue',
  approved: 'teal',
  reported: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function TripList() {
  return (
    <RequestList<Trip>
      kind="trip"
      personLabel="外出人"
      statusLabels={TRIP_STATUS_LABELS}
      emptyText="没有外出记录。"
      headers={['编号', '外出人', '类型', '目的地', '时间', '天数', '补助天数', '状态']}
      cells={(t) => (
        <>
          <NumberCell tab="trip" r={t} />
          <Table.Td>{t.staffName}</Table.Td>
          <Table.Td>
            {TRIP_KIND_LABELS[t.tripKind]}
            {t.afterTheFact ? '·补办' : ''}
          </Table.Td>
          <Table.Td>{t.destination}</Table.Td>
          <Table.Td>{spanText(t)}</Table.Td>
          <Table.Td>{t.days}</Table.Td>
          <Table.Td>{t.allowanceDays}</Table.Td>
          <Table.Td>
            <Badge color={TRIP_STATUS_COLOR[t.status]}>{TRIP_STATUS_LABELS[t.status]}</Badge>
          </Table.Td>
        </>
      )}
    />
  );
}
