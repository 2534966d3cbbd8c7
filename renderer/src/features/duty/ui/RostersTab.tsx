// 值班安排: holiday and sensitive-period duty rosters, edited day by day, printed and exported.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { dutyRosterLedger } from '../../../../../shared/ledgers/finance';
import { can } from '../../../../../shared/permissions';
import { dayOfWeek, isISODate } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { currentActor, useSession } from '../../../auth/session';
import { notifyError, notifyOk } from '../../../components/notify';
import { PrintView } from '../../../components/PrintView';
import { StaffSelect } from '../../../components/StaffSelect';
import { useFieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import type { DutyEntry, DutyRoster } from '../../../db/schema/supervision';
import { exportLedger } from '../../../export';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { usePrintUnit } from '../../finance';
import {
  getRoster,
  listRosters,
  markRosterPrinted,
  publishRoster,
  rosterDates,
  saveRoster,
} from '../core/rosters';
import { L, ROSTER_KIND_LABELS, ROSTER_STATUS_LABELS } from '../labels';

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

export function RostersTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const rows = useLiveQuery(listRosters, []);
  if (id === 'new') return <RosterEditor />;
  if (id) return <RosterDetail id={id} />;
  const visible = (rows ?? []).filter((r) => manage || r.status === 'published');
  return (
    <Stack>
      {manage && (
        <Group>
          <Button onClick={() => navigate('duty', 'rosters', 'new')}>新建值班表</Button>
        </Group>
      )}
      {rows && visible.length === 0 ? (
        <Text c="dimmed">没有值班表。</Text>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{L.rosterTitle}</Table.Th>
              <Table.Th>{L.rosterKind}</Table.Th>
              <Table.Th>期间</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor href={href('duty', 'rosters', r.id)} size="sm">
                    {r.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{ROSTER_KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>
                  {r.startDate} 至 {r.endDate}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.status === 'published' ? 'green' : 'gray'}>
                    {ROSTER_STATUS_LABELS[r.status]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function RosterEditor({ roster, onDone }: { roster?: DutyRoster; onDone?: () => void }) {
  const { list } = useStaff();
  const leaders = list.filter(
    (s) => s.rank === 'director' || s.rank === 'deputy' || s.rank === 'section_head',
  );
  const [title, setTitle] = useState(roster?.title ?? '');
  const [kind, setKind] = useState<DutyRoster['kind']>(roster?.kind ?? 'holiday');
  const [startDate, setStartDate] = useState(roster?.startDate ?? today());
  const [endDate, setEndDate] = useState(roster?.endDate ?? today());
  const [requirements, setRequirements] = useState(
    roster?.requirements ?? '实行24小时值班，值班人员不得擅离岗位，遇重大紧急情况立即报告带班领导。',
  );
  const [entries, setEntries] = useState<DutyEntry[]>(roster?.entries ?? []);
  const { errors, fail, clear } = useFieldErrors({ notifyFieldErrors: 'with_rule' });
  const valid =
    isISODate(startDate) && isISODate(endDate) && endDate >= startDate && endDate <= addDays(startDate, 60);
  const dates = valid ? rosterDates(startDate, endDate) : [];
  const entry = (d: string) =>
    entries.find((e) => e.date === d) ?? { date: d, leaderId: null, staffIds: [], phone: '', note: '' };
  const setEntry = (d: string, p: Partial<DutyEntry>) =>
    setEntries([...entries.filter((e) => e.date !== d), { ...entry(d), ...p }]);
  return (
    <Card withBorder>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          clear();
          try {
            const kept = entries.filter(
              (x) => dates.includes(x.date) && (x.leaderId || x.staffIds.length || x.phone),
            );
            const r = await saveRoster(
              { title, kind, startDate, endDate, requirements, entries: kept },
              currentActor(),
              roster?.id,
            );
            notifyOk('值班表已保存');
            if (onDone) onDone();
            else navigate('duty', 'rosters', r.id);
          } catch (err) {
            fail(err, 'title');
          }
        }}
      >
        <Stack>
          <Title order={4}>{roster ? '修改值班表' : '新建值班表'}</Title>
          <Group grow align="flex-start">
            <TextInput
              label={L.rosterTitle}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
              autoFocus
              required
              placeholder="例如：2026年国庆节值班安排表"
            />
            <NativeSelect
              label={L.rosterKind}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as DutyRoster['kind'])}
              data={Object.entries(ROSTER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <TextInput
              label={L.startDate}
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
              error={errors.startDate}
            />
            <TextInput
              label={L.endDate}
              type="date"
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
              error={errors.endDate}
            />
          </Group>
          <Textarea
            label={L.requirements}
            value={requirements}
            onChange={(e) => setRequirements(e.currentTarget.value)}
            autosize
            minRows={1}
          />
          {!valid && <Alert color="orange">请填写正确的起止日期（最长60天）。</Alert>}
          <Table fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>日期</Table.Th>
                <Table.Th>{L.leader}</Table.Th>
                <Table.Th>{L.dutyStaff}</Table.Th>
                <Table.Th>{L.phone}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dates.map((d, i) => {
                const en = entry(d);
                return (
                  <Table.Tr key={d}>
                    <Table.Td>
                      {d}（{WEEK[dayOfWeek(d)]}）
                    </Table.Td>
                    <Table.Td>
                      <StaffSelect
                        aria-label={`${d} ${L.leader}`}
                        staff={leaders}
                        value={en.leaderId ?? ''}
                        onChange={(v) => setEntry(d, { leaderId: v || null })}
                        error={errors[`entries.${i}.leaderId`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <MultiSelect
                        aria-label={`${d} ${L.dutyStaff}`}
                        searchable
                        value={en.staffIds}
                        onChange={(v) => setEntry(d, { staffIds: v })}
                        data={list.map((s) => ({ value: s.id, label: s.name }))}
                        error={errors[`entries.${i}.staffIds`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${d} ${L.phone}`}
                        value={en.phone}
                        onChange={(e) => setEntry(d, { phone: e.currentTarget.value })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {errors.entries && (
            <Text c="red" size="sm">
              {errors.entries}
            </Text>
          )}
          {Object.entries(errors)
            .filter(([k]) => k.startsWith('entries.'))
            .map(([k, v]) => (
              <Text key={k} c="red" size="sm">
                {v}
              </Text>
            ))}
          <Group>
            <Button type="submit">{L.saveRoster}</Button>
            <Button variant="default" onClick={() => (onDone ? onDone() : navigate('duty', 'rosters'))}>
              取消
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

function RosterDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const r = useLiveQuery(() => getRoster(id), [id]);
  const { name } = useStaff();
  const [editing, setEditing] = useState(false);
  const unit = usePrintUnit();
  useEffect(() => setEditing(false), [id]);
  if (r === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!r) return <Alert color="red">值班表不存在。</Alert>;
  if (editing) return <RosterEditor roster={r} onDone={() => setEditing(false)} />;
  const rows = r.entries.map((e) => ({
    date: e.date,
    leader: name(e.leaderId),
    staff: e.staffIds.map(name),
    phone: e.phone,
    note: e.note ?? '',
  }));
  async function exportIt() {
    try {
      await exportLedger(r!.title, [
        dutyRosterLedger(await unitName(), r!.title, `${r!.startDate}至${r!.endDate}`, rows),
      ]);
    } catch (e) {
      notifyError(e);
    }
  }
  return (
    <Stack>
      <Anchor href={href('duty', 'rosters')}>← 返回值班表</Anchor>
      <Group>
        {manage && (
          <Button variant="default" onClick={() => setEditing(true)}>
            修改
          </Button>
        )}
        {manage && r.status === 'draft' && (
          <Button
            onClick={async () => {
              try {
                await publishRoster(r.id, currentActor());
                notifyOk('已发布');
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            {L.publish}
          </Button>
        )}
        <Button variant="default" onClick={exportIt}>
          导出Excel
        </Button>
      </Group>
      <PrintView
        title={r.title}
        size="A4"
        onPrinted={async () => {
          await markRosterPrinted(r.id, currentActor());
        }}
      >
        <div style={{ textAlign: 'center', fontSize: 22, fontWeight: 700 }}>
          {unit}
          {r.title}
        </div>
        <div style={{ textAlign: 'center', margin: '6px 0 10px', fontSize: 14 }}>
          （{ROSTER_KIND_LABELS[r.kind]}：{r.startDate} 至 {r.endDate}）
        </div>
        <table className="form-table">
          <thead>
            <tr>
              <th>日期</th>
              <th>星期</th>
              <th>{L.leader}</th>
              <th>{L.dutyStaff}</th>
              <th>{L.phone}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x) => (
              <tr key={x.date}>
                <td>{x.date}</td>
                <td>星期{WEEK[dayOfWeek(x.date)]}</td>
                <td>{x.leader}</td>
                <td>{x.staff.join('、')}</td>
                <td>{x.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.requirements && <p style={{ fontSize: 14 }}>值班要求：{r.requirements}</p>}
        <div style={{ marginTop: 24, display: 'flex', justifyContent: 'space-between', fontSize: 14 }}>
          <span>
            制表：
            <span className="sign-line" />
          </span>
          <span>
            办公室主任：
            <span className="sign-line" />
          </span>
          <span>
            分管领导：
            <span className="sign-line" />
          </span>
        </div>
      </PrintView>
    </Stack>
  );
}
