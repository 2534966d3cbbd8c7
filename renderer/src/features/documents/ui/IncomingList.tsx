// 收文 register: the year's documents by status and search, the export, and the registration form.
import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { deadlineState } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { useCan } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { thisYear, YearSelect } from '../../../components/dates';
import { STATE_COLOR, STATE_LABEL } from '../../../components/DeadlineView';
import { labelOptions } from '../../../components/ListTable';
import { notifyError } from '../../../components/notify';
import { ProvisionalBadge } from '../../../components/ProvisionalBadge';
import { today } from '../../../db/clock';
import type { IncomingStatus } from '../../../db/schema/documents';
import { exportIncomingRegister } from '../core/exports';
import { listIncoming } from '../core/incoming';
import {
  INCOMING_STATUS_COLORS,
  INCOMING_STATUS_LABELS,
  INCOMING_STATUS_SHORT,
  L,
  URGENCY_LABELS,
} from '../labels';

import { IncomingForm } from './IncomingForm';

const PAGE = 50;

export function IncomingList() {
  const manage = useCan('documents.manage');
  const [year, setYear] = useState(thisYear());
  const [status, setStatus] = useState<string>('');
  const [q, setQ] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [showForm, setShowForm] = useState(false);
  const cal = useCalendar();
  const rows = useLiveQuery(
    () => listIncoming(year, status as IncomingStatus | '', limit),
    [year, status, limit],
  );
  const shown = (rows ?? []).filter(
    (d) => !q || d.title.includes(q) || d.issuer.includes(q) || d.regNo.includes(q),
  );
  const more = (rows?.length ?? 0) > limit;
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <YearSelect
            value={year}
            onChange={(y) => {
              setYear(y);
              setLimit(PAGE);
            }}
          />
          <NativeSelect
            label="状态"
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value);
              setLimit(PAGE);
            }}
            data={labelOptions(INCOMING_STATUS_LABELS, '全部')}
          />
          <TextInput
            label="查找"
            placeholder="标题、来文单位、编号"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
        </Group>
        <Group>
          <Button variant="default" onClick={() => exportIncomingRegister(year).catch(notifyError)}>
            {L.exportExcel}
          </Button>
          {manage && (
            <Button onClick={() => setShowForm((s) => !s)}>{showForm ? '收起登记表' : '收文登记'}</Button>
          )}
        </Group>
      </Group>
      {showForm && (
        <IncomingForm
          onSaved={(d) => {
            setShowForm(false);
            navigate('documents', 'incoming', d.id);
          }}
        />
      )}
      <Table striped highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>收文编号</Table.Th>
            <Table.Th>{L.receivedOn}</Table.Th>
            <Table.Th>{L.issuer}</Table.Th>
            <Table.Th>{L.docTitle}</Table.Th>
            <Table.Th>{L.urgency}</Table.Th>
            <Table.Th>传阅期限</Table.Th>
            <Table.Th>现在何处</Table.Th>
            <Table.Th>状态</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.slice(0, limit).map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor href={href('documents', 'incoming', d.id)}>{d.regNo}</Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.receivedOn}</Table.Td>
              <Table.Td>{d.issuer}</Table.Td>
              <Table.Td>
                <Anchor href={href('documents', 'incoming', d.id)} size="sm">
                  {d.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {d.urgency === 'normal' ? (
                  URGENCY_LABELS.normal
                ) : (
                  <Badge color="red">{URGENCY_LABELS[d.urgency]}</Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {d.circulationDue ?? ''}
                {d.status === 'circulating' && <ProvisionalBadge due={d.circulationDue} cal={cal} />}
                {d.circulationDue &&
                  d.status === 'circulating' &&
                  deadlineState(d.circulationDue, today(), cal) !== 'running' && (
                    <Badge
                      ml={4}
                      size="xs"
                      color={STATE_COLOR[deadlineState(d.circulationDue, today(), cal)]}
                    >
                      {STATE_LABEL[deadlineState(d.circulationDue, today(), cal)]}
                    </Badge>
                  )}
              </Table.Td>
              <Table.Td>{d.holder}</Table.Td>
              <Table.Td>
                <Badge
                  color={INCOMING_STATUS_COLORS[d.status]}
                  variant="light"
                  title={INCOMING_STATUS_LABELS[d.status]}
                >
                  {INCOMING_STATUS_SHORT[d.status]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {shown.length === 0 && <Text c="dimmed">{year}年没有收文记录。</Text>}
      {more && (
        <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)}>
          显示更多
        </Button>
      )}
    </Stack>
  );
}
