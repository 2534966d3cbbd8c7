// 月度审核 (ATT-7): the clerk compiles and submits, the office's 分管领导 verifies, the 局长 reviews,
// the clerk announces and the month is locked; after that, corrections are amendments with a
// reason (both versions kept). The printable 考勤情况通报.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import type { MonthMarkRow } from '../../../../../shared/ledgers/attendance';
import { ATTENDANCE_FLOW, attendanceMonthEnded, ruleText } from '../../../../../shared/rules';
import type { Half } from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { canDecide } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { FormDate, FormPrint, FormTitle, SignLine } from '../../../components/FormPrint';
import { notifyError, notifyOk } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import { localHHmm, today, toLocalISODate } from '../../../db/clock';
import { DomainError } from '../../../db/repo';
import type { AttendanceMonth } from '../../../db/schema/attendance';
import { unitName } from '../../../org/org';
import {
  amendmentsOf,
  amendMonth,
  announceMonth,
  compileCheck,
  compileMonth,
  flowStateOf,
  logBulletinPrinted,
  monthStatus,
} from '../core/close';
import { liveMonth, sheetPeople } from '../core/tally';
import { STAGE_LABELS } from '../labels';

import { parseTimeInput } from './gridKeys';
import { MonthInput, previewLabel, useLiveFor } from './parts';
import { COUNT_COLUMNS, COUNT_HEADS } from './tallyColumns';

function fmt(at?: string | null) {
  if (!at) return '';
  const d = new Date(at);
  return `${toLocalISODate(d)} ${localHHmm(d)}`;
}

export function MonthClose({ year, month, monthKey }: { year: number; month: number; monthKey: string }) {
  const user = useSession((s) => s.user)!;
  const isClerk = useCan('attendance.close');
  const [printing, setPrinting] = useState(false);
  const status = useLiveFor(`${monthKey}|${user.staffId}`, async () => {
    const s = await monthStatus(year, month);
    const mayDecide = s.approval
      ? (await canDecide(s.approval, { id: user.staffId, name: user.name })) === null
      : false;
    const amendments = s.rec ? await amendmentsOf(s.rec.key) : [];
    // ATT-7: compiled from the month's last working day on; until it is, the live tally is a preview.
    const due = await compileCheck(year, month);
    const preview = s.stage === 'open' ? (await liveMonth(year, month)).rows : null;
    return { ...s, mayDecide, due, preview, amendments, unit: await unitName() };
  });

  if (!status) return null;
  const { rec, approval, stage, due } = status;
  const flowIndex = ATTENDANCE_FLOW.findIndex((f) => f.state === flowStateOf(stage));
  const active =
    stage === 'announced' ? ATTENDANCE_FLOW.length : stage === 'open' || stage === 'returned' ? 0 : flowIndex;

  async function run(fn: () => Promise<unknown>, ok: string) {
    try {
      await fn();
      notifyOk(ok);
    } catch (e) {
      notifyError(e);
    }
  }

  if (printing && rec?.snapshot) {
    return (
      <Stack>
        <Group className="no-print">
          <Button variant="default" onClick={() => setPrinting(false)}>
            返回
          </Button>
        </Group>
        <FormPrint
          form="考勤情况通报"
          jobTitle={`${year}年${month}月考勤情况通报`}
          onPrinted={async () => {
            await logBulletinPrinted(rec.id, currentActor());
          }}
        >
          <Bulletin
            unit={status.unit}
            year={year}
            month={month}
            rec={rec}
            approval={approval}
            rows={rec.snapshot}
          />
        </FormPrint>
      </Stack>
    );
  }

  return (
    <Stack>
      <Group align="flex-end">
        <MonthInput value={monthKey} onChange={(k) => navigate('attendance', 'close', k)} />
        <Badge size="lg" color={stage === 'announced' ? 'orange' : stage === 'returned' ? 'red' : 'blue'}>
          {STAGE_LABELS[stage]}
        </Badge>
      </Group>
      <Stepper active={active} size="sm" allowNextStepsSelect={false}>
        {ATTENDANCE_FLOW.map((f) => (
          <Stepper.Step key={f.state} label={f.label} description={stepWho(f.state, rec, approval)} />
        ))}
      </Stepper>
      <Text size="xs" c="dimmed">
        ATT-7 {ruleText('ATT-7').text}
      </Text>

      {isClerk && (stage === 'open' || stage === 'returned') && (
        <Card withBorder>
          <Text mb="xs">
            {stage === 'returned'
              ? '上次汇总已被退回，请核对后重新汇总。'
              : '汇总本月全体人员的签到、请假和公出，计算月考核分，提交分管领导核实。'}
          </Text>
          {!due.ok && (
            <Alert color="yellow" mb="xs" role="alert" title="尚未到汇总时间">
              {due.message}（{due.ruleId}）
            </Alert>
          )}
          <Group>
            <Button
              disabled={!due.ok}
              onClick={() => run(() => compileMonth(year, month, currentActor()), '已汇总并提交分管领导核实')}
            >
              汇总并提交核实
            </Button>
          </Group>
        </Card>
      )}
      {status.preview && (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={5}>{previewLabel(attendanceMonthEnded(year, month, today()), today())}</Title>
            <Button variant="default" onClick={() => navigate('attendance', 'month', monthKey)}>
              查看预览考勤表
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            按当前的签到、请假和公出记录实时计算，只统计已到的时段；不是正式考勤结果，正式结果以汇总、核实、审阅后的通报为准。
          </Text>
          <SummaryTable rows={status.preview} />
        </Card>
      )}
      {approval && (stage === 'submitted' || stage === 'verified' || stage === 'returned') && (
        <Card withBorder>
          <Title order={5} mb="xs">
            审核流程
          </Title>
          <ApprovalChain req={approval} />
          {status.mayDecide && approval.status === 'pending' && (
            <div style={{ marginTop: 12 }}>
              <DecideForm req={approval} />
            </div>
          )}
        </Card>
      )}
      {isClerk && stage === 'reviewed' && (
        <Card withBorder>
          <Text mb="xs">分管领导已核实、局长已审阅。通报后本月考勤锁定，签到不能再修改，只能办理更正。</Text>
          <ConfirmButton
            color="blue"
            title="全局通报"
            message={`通报${year}年${month}月考勤结果并锁定该月？`}
            confirmLabel="通报"
            onConfirm={() =>
              run(() => announceMonth(year, month, currentActor()), '已全局通报，该月考勤已锁定')
            }
          >
            全局通报
          </ConfirmButton>
        </Card>
      )}
      {stage === 'announced' && (
        <Alert color="orange" title="已通报并锁定">
          {year}年{month}月考勤已于 {fmt(rec?.announcedAt)} 由 {rec?.announcedByName} 通报，当前为第
          {rec?.version}版。签到记录只读，更正须说明理由，原版本保留。
        </Alert>
      )}
      {rec?.snapshot && stage !== 'open' && (
        <Card withBorder>
          <Group justify="space-between" mb="xs">
            <Title order={5}>{stage === 'announced' ? '通报结果' : '汇总结果'}</Title>
            <Button variant="default" onClick={() => setPrinting(true)}>
              打印通报
            </Button>
          </Group>
          <SummaryTable rows={rec.snapshot} />
        </Card>
      )}
      {isClerk && stage === 'announced' && <AmendForm year={year} month={month} />}
      {status.amendments.length > 0 && (
        <Card withBorder>
          <Title order={5} mb="xs">
            更正记录
          </Title>
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>版本</Table.Th>
                <Table.Th>时间</Table.Th>
                <Table.Th>经办人</Table.Th>
                <Table.Th>理由</Table.Th>
                <Table.Th>更正内容（前 → 后）</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {status.amendments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>第{a.version}版</Table.Td>
                  <Table.Td>{fmt(a.createdAt)}</Table.Td>
                  <Table.Td>{a.byName}</Table.Td>
                  <Table.Td>{a.reason}</Table.Td>
                  <Table.Td>{a.changes.join('；') || '无变化'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}

function stepWho(
  state: string,
  rec: AttendanceMonth | undefined,
  approval: ApprovalRequest | undefined,
): string {
  if (state === 'compiling') return rec?.compiledByName ? `${rec.compiledByName} ${fmt(rec.compiledAt)}` : '';
  if (state === 'announced')
    return rec?.announcedByName ? `${rec.announcedByName} ${fmt(rec.announcedAt)}` : '';
  const step = approval?.steps.find((s) => s.key === (state === 'verified' ? 'verify' : 'review'));
  if (!step) return '';
  return step.decidedAt ? `${step.decidedByName} ${fmt(step.decidedAt)}` : `待 ${step.approverName}`;
}

function SummaryTable({ rows }: { rows: MonthMarkRow[] }) {
  return (
    <Table withTableBorder withColumnBorders fz="sm" striped>
      <Table.Thead>
        <Table.Tr>
          {['序号', '姓名', '股室', ...COUNT_HEADS, '扣分', '月考核分'].map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={r.staffId}>
            <Table.Td>{i + 1}</Table.Td>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.section}</Table.Td>
            {COUNT_COLUMNS.map(([h, value]) => (
              <Table.Td key={h}>{value(r)}</Table.Td>
            ))}
            <Table.Td>{r.deductions.total}</Table.Td>
            <Table.Td fw={700}>{r.score}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

// 考勤情况通报 as printed.
function Bulletin(p: {
  unit: string;
  year: number;
  month: number;
  rec: AttendanceMonth;
  approval?: ApprovalRequest;
  rows: MonthMarkRow[];
}) {
  const flagged = p.rows.filter((r) => r.late || r.early || r.absentDays);
  const step = (key: string) => p.approval?.steps.find((s) => s.key === key);
  return (
    <div>
      <FormTitle>
        {p.unit}
        <br />
        {p.year}年{p.month}月考勤情况通报
      </FormTitle>
      <p style={{ textIndent: '2em' }}>
        根据《考勤制度》，现将{p.year}年{p.month}月全局考勤情况通报如下：本月迟到 {sum(p.rows, 'late')}{' '}
        人次，早退 {sum(p.rows, 'early')} 人次，旷工 {sum(p.rows, 'absentDays')} 天，事假{' '}
        {sum(p.rows, 'personalLeaveDays')} 天，病假 {sum(p.rows, 'sickLeaveDays')} 天，公出{' '}
        {sum(p.rows, 'tripDays')} 天。
        {flagged.length
          ? `有迟到、早退或旷工记录的人员：${flagged.map((r) => r.name).join('、')}。`
          : '全体人员无迟到、早退和旷工。'}
      </p>
      <table className="form-table dense">
        <thead>
          <tr>
            {['序号', '姓名', '股室', ...COUNT_HEADS, '月考核分'].map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r, i) => (
            <tr key={r.staffId}>
              <td style={{ textAlign: 'center' }}>{i + 1}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{r.name}</td>
              <td>{r.section}</td>
              {COUNT_COLUMNS.map(([h, value]) => (
                <td key={h}>{value(r)}</td>
              ))}
              <td>{r.score}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        计分依据：ATT-2至ATT-6（迟到、早退每次扣0.5分，旷工每天扣15分，基础分{p.rows[0]?.base ?? 100}分）。
        {p.rec.version > 1 ? `本通报为更正后第${p.rec.version}版。` : ''}
      </p>
      <div className="signs">
        {[
          { label: '考勤员', by: p.rec.compiledByName, at: p.rec.compiledAt },
          { label: '分管领导核实', by: step('verify')?.decidedByName, at: step('verify')?.decidedAt },
          { label: '局长审阅', by: step('review')?.decidedByName, at: step('review')?.decidedAt },
        ].map((s) => (
          <span key={s.label}>
            <SignLine label={`${s.label}${s.by ? `（${s.by}）` : ''}`} width="22mm" />
            <br />
            <FormDate value={s.at} />
          </span>
        ))}
      </div>
      {/* the date of the act: the day the bulletin was announced */}
      <div className="seal">
        {p.unit}办公室
        <br />
        <FormDate value={p.rec.announcedAt} />
      </div>
    </div>
  );
}

function sum(
  rows: MonthMarkRow[],
  k: 'late' | 'early' | 'absentDays' | 'personalLeaveDays' | 'sickLeaveDays' | 'tripDays',
) {
  return rows.reduce((a, r) => a + r[k], 0);
}

// ATT-7 更正: reason required; optionally one sign-in changed with it.
type AmendValues = {
  reason: string;
  staffId: string | null;
  date: string;
  half: Half;
  field: 'at' | 'leftAt';
  value: string;
};

function AmendForm({ year, month }: { year: number; month: number }) {
  const people = useLiveQuery(sheetPeople, []);
  const form = useCommandForm<AmendValues>({
    initial: { reason: '', staffId: null, date: '', half: 'am', field: 'at', value: '' },
    check: (v) => {
      const errs: Record<string, string> = {};
      if (!v.reason.trim()) errs.reason = '请填写更正理由';
      if (v.staffId) {
        if (!v.date) errs.date = '请填写日期';
        const p = parseTimeInput(v.value);
        if (!p.ok) errs.value = p.error;
      }
      return errs;
    },
    submit: async (v) => {
      const p = parseTimeInput(v.value);
      const change = v.staffId
        ? { staffId: v.staffId, date: v.date, half: v.half, field: v.field, value: p.ok ? p.value : null }
        : null;
      try {
        await amendMonth(year, month, { reason: v.reason, change }, currentActor());
      } catch (e) {
        // a refusal lands at the reason, the date or the new value
        if (e instanceof DomainError && e.field && e.field !== 'reason' && e.field !== 'date')
          throw new DomainError(e.message, 'value', e.ruleId);
        throw e;
      }
    },
    success: '已更正，原版本已保留',
    notifyFieldErrors: 'never',
    onDone: () => form.setValues((v) => ({ ...v, reason: '', value: '' })),
  });

  return (
    <FormCard
      form={form}
      title="更正（ATT-7）"
      submitLabel="保存更正"
      footer={
        <Text size="xs" c="dimmed">
          不选人员时，仅按当前签到、请假和公出记录重新计算（例如事后补办的请假已批准）。
        </Text>
      }
    >
      <Textarea label="更正理由" required {...form.text('reason')} autosize minRows={2} />
      <Group align="flex-end">
        <Select
          label="人员（可选）"
          clearable
          searchable
          data={(people ?? []).map((p) => ({ value: p.staffId, label: `${p.name}（${p.section}）` }))}
          {...form.input('staffId')}
          w={200}
        />
        <DateField label="日期" {...form.input('date')} w={170} />
        <NativeSelect
          label="时段"
          data={[
            { value: 'am', label: '上午' },
            { value: 'pm', label: '下午' },
          ]}
          value={form.values.half}
          onChange={(e) => form.set('half', e.currentTarget.value as Half)}
        />
        <NativeSelect
          label="项目"
          data={[
            { value: 'at', label: '签到' },
            { value: 'leftAt', label: '离岗' },
          ]}
          value={form.values.field}
          onChange={(e) => form.set('field', e.currentTarget.value as 'at' | 'leftAt')}
        />
        <TextInput label="改为（时间，空＝清除，旷＝旷工）" {...form.text('value')} w={240} />
      </Group>
    </FormCard>
  );
}
