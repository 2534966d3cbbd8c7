// 归档 (DOC-6): the year's documents by 31 March of the next year, with the warning from February.
import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { href } from '../../../app/router';
import { currentActor, useCan } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { DateField, thisYear, YearSelect } from '../../../components/dates';
import { notifyOk } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { today } from '../../../db/clock';
import { archiveYear, archiveYearStatus } from '../core/archive';
import { unfiledOfYear } from '../core/queries';
import { INCOMING_STATUS_LABELS, L, OUTGOING_STATUS_LABELS } from '../labels';

import { useFieldErrors } from './fieldErrors';

export function ArchiveTab() {
  const manage = useCan('documents.manage');
  const [year, setYear] = useState(thisYear() - 1);
  const [ref, setRef] = useState('');
  const [on, setOn] = useState(today());
  const { errors, fail, clear } = useFieldErrors();
  const st = useLiveQuery(() => archiveYearStatus(year, today()), [year]);
  const open = useLiveQuery(() => unfiledOfYear(year), [year]);
  if (!st) return null;
  const ready = st.incomingReady + st.outgoingReady;
  return (
    <Stack>
      <Group align="flex-end">
        <YearSelect value={year} onChange={setYear} label="公文年度" />
      </Group>
      {st.warning !== 'none' && (
        <Alert
          color={st.warning === 'overdue' ? 'red' : 'orange'}
          title={st.warning === 'overdue' ? '已超过归档期限（DOC-6）' : '归档提醒（DOC-6）'}
        >
          {year}年公文{st.warning === 'overdue' ? '应' : '须'}在{st.due}前立卷归档，
          {st.warning === 'overdue' ? '仍' : '尚'}有{st.incomingOpen + st.outgoingOpen}件未归档。
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label="归档期限" value={st.due} />
        <Figure label="收文未归档 / 可归档" value={`${st.incomingOpen} / ${st.incomingReady}`} />
        <Figure label="发文未归档 / 可归档" value={`${st.outgoingOpen} / ${st.outgoingReady}`} />
      </SimpleGrid>
      {manage && (
        <Card withBorder>
          <Title order={5} mb="xs">
            年度立卷归档
          </Title>
          <Group align="flex-end">
            <TextInput
              label={L.archiveRef}
              placeholder={`${year}-文书-1`}
              value={ref}
              onChange={(e) => setRef(e.currentTarget.value)}
            />
            <DateField
              label="归档日期"
              value={on}
              onChange={(v) => setOn(v)}
              error={errors.archivedOn ?? errors.year}
            />
            <ConfirmButton
              color="blue"
              disabled={ready === 0}
              title="年度归档"
              message={`将${year}年已办结的收文${st.incomingReady}件、已印发的发文${st.outgoingReady}件立卷归档。归档后不能修改。`}
              onConfirm={async () => {
                clear();
                try {
                  const r = await archiveYear(year, ref, on, currentActor());
                  notifyOk(`已归档收文${r.incoming}件、发文${r.outgoing}件`);
                } catch (e) {
                  fail(e, 'year');
                }
              }}
            >
              归档可归档的公文（{ready}件）
            </ConfirmButton>
          </Group>
        </Card>
      )}
      {open && open.inc.length + open.out.length > 0 && (
        <Card withBorder>
          <Title order={5} mb="xs">
            尚在办理、暂不能归档
          </Title>
          <Table fz="sm">
            <Table.Tbody>
              {open.inc.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <a href={href('documents', 'incoming', d.id)}>{d.regNo}</a>
                  </Table.Td>
                  <Table.Td>{d.title}</Table.Td>
                  <Table.Td>{INCOMING_STATUS_LABELS[d.status]}</Table.Td>
                </Table.Tr>
              ))}
              {open.out.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <a href={href('documents', 'outgoing', d.id)}>{d.docNumber}</a>
                  </Table.Td>
                  <Table.Td>{d.title}</Table.Td>
                  <Table.Td>{OUTGOING_STATUS_LABELS[d.status]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <RuleLines ids={['DOC-6']} inline />
    </Stack>
  );
}

// One figure of the year's filing: what it counts, and the number.
function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Card>
  );
}
