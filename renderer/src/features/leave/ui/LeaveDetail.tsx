// One leave: its details, the approval chain (decide here too), withdraw, 销假 (LV-7), and the
// 请假申报条 print view (LV-6) with its printed and filed state.
import { Alert, Badge, Button, NativeSelect, Text, Textarea } from '@mantine/core';

import { leaveCloseOverdue, leaveTypeInfo } from '../../../../../shared/rules';
import type { ApprovalRequest } from '../../../approvals/types';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { loadCalendar } from '../../../calendar/calendar';
import { FormCard } from '../../../components/FormCard';
import { FormDate } from '../../../components/FormPrint';
import { notifyError, notifyOk } from '../../../components/notify';
import type { PaperSize } from '../../../components/PrintView';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import { DomainError } from '../../../db/repo';
import type { Leave } from '../../../db/schema/attendance';
import { getSetting, setSetting } from '../../../db/settings';
import { closeDue, closeLeave, getLeave, markSlipFiled, markSlipPrinted, spanText } from '../core';
import { LEAVE_STATUS_LABELS } from '../labels';

import { LEAVE_STATUS_COLOR } from './LeaveList';
import { fmtAt } from './parts';
import { ApprovalCard } from './request';
import { RequestView, SlipPrint, useRequestRecord } from './RequestView';
import { SlipClosingRow, SlipHeader, SlipPersonRow, SlipRulesRow, SlipSpan, SlipStepRows } from './slip';

export const SLIP_SIZE_KEY = 'leave.slipSize';

export function LeaveDetail({ id, slip }: { id: string; slip: boolean }) {
  const user = useSession((s) => s.user)!;
  const office = useCan('attendance.register');
  const data = useRequestRecord(id, getLeave, async (leave) => {
    const cal = await loadCalendar();
    return {
      due: closeDue(leave, cal),
      overdue: leave.status === 'approved' && leaveCloseOverdue(leave.endDate, today(), cal),
      size: await getSetting<PaperSize>(SLIP_SIZE_KEY, 'A5'),
    };
  });
  if (!data) return null;
  if (!data.record) return <Alert color="red">请假记录不存在。</Alert>;
  const { record: leave, approval } = data;

  if (slip) {
    return (
      <SlipPrint
        tab="leave"
        r={leave}
        form="请假申报条"
        paper={data.size === 'A4' ? 'A4' : 'A5'}
        onPrinted={async () => {
          await markSlipPrinted(leave.id, currentActor());
        }}
        actions={
          <>
            <NativeSelect
              aria-label="纸张"
              data={['A5', 'A4']}
              value={data.size}
              onChange={async (e) => {
                try {
                  await setSetting(SLIP_SIZE_KEY, e.currentTarget.value, currentActor());
                } catch (err) {
                  notifyError(err);
                }
              }}
              disabled={!office}
            />
            {office && (leave.status === 'approved' || leave.status === 'closed') && !leave.filedAt && (
              <Button
                variant="default"
                onClick={async () => {
                  try {
                    await markSlipFiled(leave.id, currentActor());
                    notifyOk('已登记存档（LV-6）');
                  } catch (e) {
                    notifyError(e);
                  }
                }}
              >
                登记存档
              </Button>
            )}
            <Badge
              color={leave.filedAt ? 'green' : leave.printedAt ? 'blue' : 'gray'}
              size="lg"
              variant="light"
            >
              {leave.filedAt
                ? `已存档 ${fmtAt(leave.filedAt).slice(0, 10)}`
                : leave.printedAt
                  ? `已打印 ${fmtAt(leave.printedAt).slice(0, 10)}`
                  : '未打印'}
            </Badge>
          </>
        }
      >
        <LeaveSlip leave={leave} approval={approval} unit={data.unit} />
      </SlipPrint>
    );
  }

  const mine = leave.staffId === user.staffId;
  return (
    <RequestView
      tab="leave"
      r={leave}
      title={leaveTypeInfo(leave.leaveType).label}
      badges={
        <Badge size="lg" color={LEAVE_STATUS_COLOR[leave.status]}>
          {LEAVE_STATUS_LABELS[leave.status]}
        </Badge>
      }
      printLabel="打印请假申报条"
      back={{ tab: 'list', label: '返回请假记录' }}
      facts={
        <>
          <Text>
            请假人：{leave.staffName}（{leave.sectionName}）
          </Text>
          <Text>请假类型：{leaveTypeInfo(leave.leaveType).label}</Text>
          <Text>时间：{spanText(leave)}</Text>
          <Text>时长：{leave.days}天（工作日）</Text>
          <Text>
            形式：{leave.form === 'written' ? '书面（请假申报条）' : '口头'}
            {leave.afterTheFact ? '，事后补办（LV-5）' : ''}
          </Text>
          <Text>{leave.recordedByName ? `代录人：${leave.recordedByName}` : '本人申请'}</Text>
          <Text style={{ gridColumn: '1 / -1' }}>事由：{leave.reason}</Text>
          <Text>申报条：{leave.filedAt ? '已存档' : leave.printedAt ? '已打印' : '未打印'}</Text>
          <Text>
            销假：
            {leave.closedOn
              ? `${leave.closedOn}（${leave.closedByName}）${leave.closedLate ? `，逾期说明：${leave.closeNote}` : ''}`
              : leave.status === 'approved'
                ? `应于 ${data.due} 前销假${data.overdue ? '（已逾期）' : ''}`
                : '—'}
          </Text>
        </>
      }
    >
      {approval && (
        <ApprovalCard
          approval={approval}
          mayDecide={!!data.mayDecide}
          office={office}
          withdrawTitle="撤回请假"
          withdrawMessage="撤回后本次请假作废，可重新申请。"
        />
      )}
      {leave.status === 'approved' && (mine || office) && (
        <CloseForm leave={leave} overdue={data.overdue} due={data.due} />
      )}
    </RequestView>
  );
}

function CloseForm({ leave, overdue, due }: { leave: Leave; overdue: boolean; due: string }) {
  const form = useCommandForm({
    initial: { closeNote: '' },
    check: (v): Record<string, string> =>
      overdue && !v.closeNote.trim() ? { closeNote: '已超过销假期限，请说明未按时销假的情况' } : {},
    submit: async (v) => {
      try {
        await closeLeave(leave.id, v.closeNote, currentActor());
      } catch (e) {
        // only the note is a field here: any other refusal is a notice
        if (e instanceof DomainError && e.field !== 'closeNote')
          throw new DomainError(e.message, undefined, e.ruleId);
        throw e;
      }
    },
    success: '已销假',
    notifyFieldErrors: 'never',
  });
  return (
    <FormCard form={form} title="销假（LV-7）" submitLabel="销假">
      <Text size="sm">
        假期满后到办公室销假，期限：{due}。
        {overdue && <b style={{ color: 'var(--mantine-color-red-7)' }}>已逾期，须说明情况。</b>}
      </Text>
      <Textarea label="情况说明" {...form.text('closeNote')} autosize minRows={1} w={420} />
    </FormCard>
  );
}

// 请假申报条 (LV-3, LV-6): unit, number, applicant, section, type, reason, from–to, length, the rule
// that routed it, each approver's name, decision and date (and a delegate), signature lines, 销假.
export function LeaveSlip({
  leave,
  approval,
  unit,
}: {
  leave: Leave;
  approval?: ApprovalRequest;
  unit: string;
}) {
  const steps = approval?.steps ?? [];
  return (
    <div className="leave-slip">
      <SlipHeader title="请假申报条" unit={unit} number={leave.number} />
      <table className="form-table">
        <tbody>
          <SlipPersonRow label="请假人" r={leave} />
          <tr>
            <th>请假类型</th>
            <td>{leaveTypeInfo(leave.leaveType).label}</td>
            <th>请假天数</th>
            <td>{leave.days}天</td>
          </tr>
          <tr>
            <th>请假时间</th>
            <td colSpan={3}>
              <SlipSpan r={leave} />
            </td>
          </tr>
          <tr>
            <th>事由</th>
            <td colSpan={3} style={{ height: '12mm' }}>
              {leave.reason}
              {leave.afterTheFact ? '（事后补办）' : ''}
            </td>
          </tr>
          <SlipRulesRow ruleIds={leave.ruleIds} />
          <SlipStepRows steps={steps} />
          <tr>
            <th>请假人签字</th>
            <td className="sign-cell" />
            <th>申请日期</th>
            <td>
              <FormDate value={leave.createdAt} />
            </td>
          </tr>
          <SlipClosingRow
            label="销假"
            sign={['销假日期', '办公室经办人']}
            done={
              leave.closedOn && (
                <>
                  已于 <FormDate value={leave.closedOn} /> 销假（经办：{leave.closedByName}）
                  {leave.closedLate ? `。逾期说明：${leave.closeNote}` : ''}
                </>
              )
            }
          />
        </tbody>
      </table>
      <p className="note">
        注：审批后的请假条一律交办公室存档备查（LV-6）；假期满后须及时到办公室销假（LV-7）。
      </p>
    </div>
  );
}
