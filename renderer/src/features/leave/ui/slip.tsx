// The printed slips' common parts (请假申报条, 外出审批单): the header, the applicant's row, the span,
// the rules that routed it, the approvers' rows and the closing row (done, or lines to sign).
import type { ReactNode } from 'react';

import type { ApprovalRequest } from '../../../approvals/types';
import { FormDate, FormMeta, FormTitle, Opinion, SignLine } from '../../../components/FormPrint';
import type { Span } from '../core';
import { ruleLine } from '../core';
import { HALF_LABELS } from '../labels';

export function SlipHeader({ title, unit, number }: { title: string; unit: string; number: string }) {
  return (
    <>
      <FormTitle>{title}</FormTitle>
      <FormMeta left={`单位：${unit}`} right={`编号：${number}`} />
    </>
  );
}

// The applicant and the section.
export function SlipPersonRow({
  label,
  r,
}: {
  label: string;
  r: { staffName: string; sectionName: string };
}) {
  return (
    <tr>
      <th style={{ width: '20%' }}>{label}</th>
      <td style={{ width: '32%' }}>{r.staffName}</td>
      <th style={{ width: '18%' }}>股室</th>
      <td>{r.sectionName}</td>
    </tr>
  );
}

// 自 <start> 上午 至 <end> 下午
export function SlipSpan({ r }: { r: Span }) {
  return (
    <>
      自 <FormDate value={r.startDate} /> {HALF_LABELS[r.startHalf]} 至 <FormDate value={r.endDate} />{' '}
      {HALF_LABELS[r.endHalf]}
    </>
  );
}

// 审批依据: each rule with its text, and what else was cited.
export function SlipRulesRow({ ruleIds, children }: { ruleIds: string[]; children?: ReactNode }) {
  return (
    <tr>
      <th>审批依据</th>
      <td colSpan={3} className="note">
        {ruleIds.map((r) => (
          <div key={r}>{ruleLine(r)}</div>
        ))}
        {children}
      </td>
    </tr>
  );
}

// The closing row (销假, 返回汇报): what was recorded, or two lines to fill in by hand.
export function SlipClosingRow({
  label,
  done,
  sign,
}: {
  label: string;
  done: ReactNode;
  sign: [string, string];
}) {
  return (
    <tr>
      <th>{label}</th>
      <td colSpan={3}>
        {done || (
          <>
            <SignLine label={sign[0]} width="26mm" /> <SignLine label={sign[1]} width="26mm" />
          </>
        )}
      </td>
    </tr>
  );
}

// One row per approver: the opinion (once), who decided (and for whom), a box to sign and the date.
// With `markReports`, an external step (报告) says 报告 instead of 审批人.
export function SlipStepRows({
  steps,
  markReports,
}: {
  steps: ApprovalRequest['steps'];
  markReports?: boolean;
}) {
  return (
    <>
      {steps.map((s, i) => (
        <tr key={i}>
          <th>{s.label.replace(/审批$/, '意见')}</th>
          <td colSpan={3}>
            <Opinion
              decision={s.decision}
              comment={s.comment}
              by={`${s.decidedByName ?? s.approverName}${s.onBehalfOfName ? `（代 ${s.onBehalfOfName}）` : ''}`}
              byLabel={markReports && s.external ? '报告' : '审批人'}
              at={s.decidedAt}
            />
          </td>
        </tr>
      ))}
    </>
  );
}
