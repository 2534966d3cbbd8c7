// One trip: details, approval chain (decide here too), withdraw, the report back (TRIP-4) and the
// printable 外出审批单.
import { Alert, Badge, Group, Select, Text, Textarea } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { tripState } from '../../../../../shared/rules';
import type { ApprovalRequest } from '../../../approvals/types';
import { currentActor, useCan, useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { FormDate } from '../../../components/FormPrint';
import { useCommandForm } from '../../../components/useCommandForm';
import { today } from '../../../db/clock';
import type { Trip } from '../../../db/schema/attendance';
import { getTrip, markTripPrinted, reportLeaders, reportTrip, spanText } from '../core';
import { L, TRIP_KIND_LABELS, TRIP_STATUS_LABELS } from '../labels';

import { ApprovalCard } from './request';
import { RequestView, SlipPrint, useRequestRecord } from './RequestView';
import { SlipClosingRow, SlipHeader, SlipPersonRow, SlipRulesRow, SlipSpan, SlipStepRows } from './slip';
import { TRIP_STATUS_COLOR } from './TripList';

const STATE_LABELS = {
  upcoming: '未出发',
  away: '外出中',
  awaiting_report: '已返回，待汇报',
  closed: '已汇报',
} as const;

export function TripDetail({ id, slip }: { id: string; slip: boolean }) {
  const user = useSession((s) => s.user)!;
  const office = useCan('attendance.register');
  const data = useRequestRecord(id, getTrip, async () => ({}));
  if (!data) return null;
  if (!data.record) return <Alert color="red">外出记录不存在。</Alert>;
  const { record: trip, approval } = data;

  if (slip) {
    return (
      <SlipPrint
        tab="trip"
        r={trip}
        form="外出审批单"
        onPrinted={async () => {
          await markTripPrinted(trip.id, currentActor());
        }}
      >
        <TripSlip trip={trip} approval={approval} unit={data.unit} />
      </SlipPrint>
    );
  }

  const state = trip.status === 'approved' || trip.status === 'reported' ? tripState(trip, today()) : null;
  const mine = trip.staffId === user.staffId;
  return (
    <RequestView
      tab="trip"
      r={trip}
      title={TRIP_KIND_LABELS[trip.tripKind]}
      badges={
        <>
          <Badge size="lg" color={TRIP_STATUS_COLOR[trip.status]}>
            {TRIP_STATUS_LABELS[trip.status]}
          </Badge>
          {state && (
            <Badge size="lg" variant="light">
              {STATE_LABELS[state]}
            </Badge>
          )}
        </>
      }
      printLabel="打印外出审批单"
      back={{ tab: 'trips', label: '返回外出记录' }}
      facts={
        <>
          <Text>
            外出人：{trip.staffName}（{trip.sectionName}）
          </Text>
          <Text>
            外出类型：{TRIP_KIND_LABELS[trip.tripKind]}
            {trip.afterTheFact ? '，事后补办' : ''}
          </Text>
          <Text>目的地：{trip.destination}</Text>
          <Text>时间：{spanText(trip)}</Text>
          <Text>时长：{trip.days}天</Text>
          <Text>出差补助天数：{trip.allowanceDays}天</Text>
          <Text style={{ gridColumn: '1 / -1' }}>事由：{trip.purpose}</Text>
          {trip.decisionNumber && (
            <Text style={{ gridColumn: '1 / -1' }}>依据：{trip.decisionNumber}（局长办公会，TRIP-3）</Text>
          )}
          {trip.reportedOn && (
            <Text style={{ gridColumn: '1 / -1' }}>
              汇报：{trip.reportedOn} 向{trip.reportToName}汇报：{trip.reportText}
            </Text>
          )}
        </>
      }
    >
      {trip.afterTheFact && trip.status === 'pending' && (
        <Alert color="orange" p="xs">
          {L.msg.tripAfterTheFact}
        </Alert>
      )}
      {approval?.status === 'pending' && approval.steps[approval.currentStep]?.external && (
        <Alert color="blue" p="xs" data-testid="trip-awaiting-county">
          {L.msg.awaitingCounty}
        </Alert>
      )}
      {approval && (
        <ApprovalCard
          approval={approval}
          mayDecide={!!data.mayDecide}
          office={office}
          withdrawTitle="撤回外出申请"
          withdrawMessage="撤回后本次外出申请作废。"
          chain={
            approval.steps.length === 0 ? (
              <Text size="sm">向办公室登记即可，无需审批（TRIP-2）。</Text>
            ) : undefined
          }
        />
      )}
      {trip.status === 'approved' && (mine || office) && <ReportForm trip={trip} />}
    </RequestView>
  );
}

function ReportForm({ trip }: { trip: Trip }) {
  const who = useLiveQuery(() => reportLeaders(trip), [trip.staffId, trip.sectionId]);
  const leaders = who?.leaders;
  const sectionDeputy = who?.sectionDeputy;
  const form = useCommandForm<{ reportedOn: string; to: string | null; text: string }>({
    initial: () => ({ reportedOn: today(), to: null, text: '' }),
    submit: (v) =>
      reportTrip(
        trip.id,
        { reportedOn: v.reportedOn, reportToId: v.to ?? sectionDeputy ?? '', text: v.text },
        currentActor(),
      ),
    success: '已登记汇报，外出办结',
    notifyFieldErrors: 'never',
  });
  const reportTo = form.values.to ?? sectionDeputy ?? null;
  return (
    <FormCard form={form} title="外出汇报（TRIP-4）" submitLabel="登记汇报">
      <Group align="flex-start">
        <DateField label="汇报日期" {...form.input('reportedOn')} w={170} />
        <Select
          label="汇报对象"
          data={(leaders ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.title ?? ''}）` }))}
          value={reportTo}
          onChange={(v) => form.set('to', v)}
          error={form.errors.reportToId}
          w={280}
        />
      </Group>
      <Textarea label="汇报情况" {...form.text('text')} autosize minRows={2} />
    </FormCard>
  );
}

// 外出审批单: number, traveller, section, kind, destination, purpose, from–to, length, allowance days,
// the rule and (TRIP-3) the decision cited, the approval chain, signature lines and the report back.
export function TripSlip({ trip, approval, unit }: { trip: Trip; approval?: ApprovalRequest; unit: string }) {
  const steps = approval?.steps ?? [];
  return (
    <div>
      <SlipHeader title="外出审批单" unit={unit} number={trip.number} />
      <table className="form-table">
        <tbody>
          <SlipPersonRow label="外出人" r={trip} />
          <tr>
            <th>外出类型</th>
            <td>
              {TRIP_KIND_LABELS[trip.tripKind]}
              {trip.afterTheFact ? '（事后补办）' : ''}
            </td>
            <th>目的地</th>
            <td>{trip.destination}</td>
          </tr>
          <tr>
            <th>外出时间</th>
            <td colSpan={3}>
              <SlipSpan r={trip} />
              ，共 {trip.days} 天；出差补助 {trip.allowanceDays} 天
            </td>
          </tr>
          <tr>
            <th>外出事由</th>
            <td colSpan={3} style={{ height: '12mm' }}>
              {trip.purpose}
            </td>
          </tr>
          <SlipRulesRow ruleIds={trip.ruleIds}>
            {trip.decisionNumber && <div>局长办公会决定：{trip.decisionNumber}</div>}
          </SlipRulesRow>
          {steps.length === 0 && (
            <tr>
              <th>审批</th>
              <td colSpan={3}>向办公室登记（无需审批）</td>
            </tr>
          )}
          <SlipStepRows steps={steps} markReports />
          <tr>
            <th>外出人签字</th>
            <td className="sign-cell" />
            <th>办公室登记</th>
            <td className="sign-cell" />
          </tr>
          <SlipClosingRow
            label="返回汇报"
            sign={['汇报日期', '听取汇报领导']}
            done={
              trip.reportedOn && (
                <>
                  <FormDate value={trip.reportedOn} /> 向{trip.reportToName}汇报：{trip.reportText}
                </>
              )
            }
          />
        </tbody>
      </table>
      <p className="note">
        注：因公外出须事前经有关领导同意并告知办公室；回来后及时向分管或主要领导汇报（TRIP-4）。
      </p>
    </div>
  );
}
