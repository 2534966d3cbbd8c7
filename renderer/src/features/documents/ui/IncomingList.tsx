// 收文 register: the year's documents by status and search, the export, and the registration form.
import { Anchor, Badge, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { deadlineState } from '../../../../../shared/rules';
import type { CalendarData } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { useCan } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { thisYear, YearSelect } from '../../../components/dates';
import { STATE_COLOR, STATE_LABEL } from '../../../components/DeadlineView';
import { labelOptions, ListTable } from '../../../components/ListTable';
import { notifyError } from '../../../components/notify';
import { ProvisionalBadge } from '../../../components/ProvisionalBadge';
import { today } from '../../../db/clock';
import type { IncomingDoc, IncomingStatus } from '../../../db/schema/documents';
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
      <ListTable
        rows={shown.slice(0, limit)}
        head={[
          { label: '收文编号', ws: 'nowrap' },
          { label: L.receivedOn, ws: 'nowrap' },
          L.issuer,
          L.docTitle,
          L.urgency,
          { label: '传阅期限', ws: 'nowrap' },
          '现在何处',
          '状态',
        ]}
        row={(d) => [
          <Anchor href={href('documents', 'incoming', d.id)}>{d.regNo}</Anchor>,
          d.receivedOn,
          d.issuer,
          <Anchor href={href('documents', 'incoming', d.id)} size="sm">
            {d.title}
          </Anchor>,
          d.urgency === 'normal' ? (
            URGENCY_LABELS.normal
          ) : (
            <Badge color="red">{URGENCY_LABELS[d.urgency]}</Badge>
          ),
          <CirculationDue doc={d} cal={cal} />,
          d.holder,
          <Badge
            color={INCOMING_STATUS_COLORS[d.status]}
            variant="light"
            title={INCOMING_STATUS_LABELS[d.status]}
          >
            {INCOMING_STATUS_SHORT[d.status]}
          </Badge>,
        ]}
        empty={`${year}年没有收文记录。`}
      />
      {more && (
        <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)}>
          显示更多
        </Button>
      )}
    </Stack>
  );
}

// 传阅期限: the date, provisional while the calendar is not confirmed, and overdue or due soon.
function CirculationDue({ doc, cal }: { doc: IncomingDoc; cal: CalendarData }) {
  const due = doc.circulationDue;
  const circulating = doc.status === 'circulating';
  const state = due && circulating ? deadlineState(due, today(), cal) : 'running';
  return (
    <>
      {due ?? ''}
      {circulating && <ProvisionalBadge due={due} cal={cal} />}
      {state !== 'running' && (
        <Badge ml={4} size="xs" color={STATE_COLOR[state]}>
          {STATE_LABEL[state]}
        </Badge>
      )}
    </>
  );
}
