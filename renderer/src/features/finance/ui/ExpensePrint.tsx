// 报销审批单 (printed, A4): the claim, its amount in figures and in 人民币大写, the five FIN-1 steps
// with names and dates, the rules that applied, and blank lines for the hand signatures.
import { useEffect, useState } from 'react';

import {
  expenseSteps,
  formatYuan,
  INVOICE_LABELS,
  rmbUppercase,
  ruleText,
} from '../../../../../shared/rules';
import type { ApprovalRequest } from '../../../approvals/types';
import { currentActor } from '../../../auth/session';
import {
  FormDate,
  NumberDateMeta,
  FormPrint,
  FormTitle,
  opinionText,
  SignLine,
} from '../../../components/FormPrint';
import type { Expense } from '../../../db/schema/finance';
import { unitName } from '../../../org/org';
import { markExpensePrinted, witnessOf } from '../core/payments';
import { CATEGORY_LABELS } from '../labels';

export function usePrintUnit(): string {
  const [unit, setUnit] = useState('');
  useEffect(() => {
    void unitName().then(setUnit);
  }, []);
  return unit;
}

export function ExpensePrint({ e, req, claimant }: { e: Expense; req?: ApprovalRequest; claimant: string }) {
  const unit = usePrintUnit();
  const [, check, discipline, financeLeader, dir] = expenseSteps();
  const step = (key: string) =>
    req?.steps.find((s) => s.key === key || (key === 'director' && s.key === 'county'));
  const merged = (key: string) => !step(key) && req; // merged into the next person (LV-4)
  const rows = [
    {
      label: expenseSteps()[0].label,
      name: claimant,
      at: e.handlerSignedAt,
      opinion: `用途：${e.purpose}`,
    },
    ...[check, discipline, financeLeader, dir].map((s) => {
      const st = step(s.key);
      return {
        label: s.label,
        name: st ? (st.decidedByName ?? st.approverName) : merged(s.key) ? '（本人报销，由上一级审批）' : '',
        at: st?.decidedAt,
        opinion: opinionText(st?.decision, st?.comment, { approved: '同意', rejected: '退回' }),
      };
    }),
  ];
  const ruleIds = req?.ruleIds ?? ['FIN-1'];
  const witness = witnessOf(req);
  return (
    <FormPrint
      form="报销审批单"
      jobTitle={`报销审批单 ${e.number}`}
      onPrinted={() => markExpensePrinted(e.id, currentActor())}
    >
      <FormTitle>{unit}报销审批单</FormTitle>
      <NumberDateMeta number={e.number} dateLabel="报销日期" date={e.claimedOn} />
      <table className="form-table">
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>经办人</th>
            <td style={{ width: '32%' }}>{claimant}</td>
            <th style={{ width: '18%' }}>开支类别</th>
            <td>{CATEGORY_LABELS[e.category]}</td>
          </tr>
          <tr>
            <th>用途</th>
            <td colSpan={3}>{e.purpose}</td>
          </tr>
          <tr>
            <th>开支日期</th>
            <td>
              <FormDate value={e.expenseOn} blank={false} />
            </td>
            <th>附单据</th>
            <td>
              {e.invoices.length
                ? `${e.invoices.length}张（${[...new Set(e.invoices.map((i) => INVOICE_LABELS[i.kind]))].join('、')}）`
                : e.category === 'publicity_reward'
                  ? '发表作品原稿及奖励发放表'
                  : '—'}
            </td>
          </tr>
          <tr>
            <th>金额（小写）</th>
            <td colSpan={3}>¥{formatYuan(e.amountFen)}</td>
          </tr>
          <tr>
            <th>人民币（大写）</th>
            <td colSpan={3} data-testid="print-uppercase">
              {rmbUppercase(e.amountFen)}
            </td>
          </tr>
          {e.advanced && (
            <tr>
              <th>逾期报销（FIN-2）</th>
              <td colSpan={3}>{e.late ? `是。理由：${e.lateReason}` : '否（1个月内报销）'}</td>
            </tr>
          )}
          {e.meetingDecisionNumber && (
            <tr>
              <th>局长办公会决定（FIN-5）</th>
              <td colSpan={3}>{e.meetingDecisionNumber}</td>
            </tr>
          )}
          {e.requestNumber && (
            <tr>
              <th>申报单（FIN-6）</th>
              <td colSpan={3}>{e.requestNumber}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p style={{ fontWeight: 'bold', margin: '3mm 0 1mm' }}>审批流程（FIN-1）</p>
      <table className="form-table">
        <thead>
          <tr>
            <th style={{ width: '24%' }}>环节</th>
            <th style={{ width: '13%' }}>经办/审批人</th>
            <th>意见</th>
            <th style={{ width: '17%' }}>日期</th>
            <th style={{ width: '16%' }}>签字</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                {i + 1}. {r.label}
              </td>
              <td>{r.name}</td>
              <td>
                {r.opinion}
                {i === 1 && (
                  <div>{witness ? `证明人：${witness}` : <SignLine label="证明人" width="20mm" />}</div>
                )}
              </td>
              <td style={{ whiteSpace: 'nowrap' }}>
                <FormDate value={r.at} />
              </td>
              <td className="sign-cell" />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="note">
        {ruleIds.map((id) => (
          <div key={id}>
            {id}：{safeRule(id)}
          </div>
        ))}
      </div>
      <div className="signs">
        <SignLine label="领款人签字" />
        <SignLine label="出纳" />
        <span>
          付款日期：
          <FormDate value={e.paidOn} />
        </span>
      </div>
    </FormPrint>
  );
}

export function safeRule(id: string): string {
  try {
    return ruleText(id).text;
  } catch {
    return '';
  }
}
