// Printed forms of the petitions module, A4 from a print view that needs no editing:
// 信访事项交办单 / 转送函, 督办通知, the ledgers, and the monthly 上访情况分析.
import { useLiveQuery } from 'dexie-react-hooks';

import { PETITION_DEADLINE_LABELS, provisionalReason, ruleText } from '../../../../../shared/rules';
import type { PetitionDeadlineKind } from '../../../../../shared/rules';
import { useCalendar } from '../../../calendar/calendar';
import { notifyError } from '../../../components/notify';
import { PrintView } from '../../../components/PrintView';
import { dueText, provisionalYears } from '../../../components/ProvisionalBadge';
import { today } from '../../../db/clock';
import { unitName } from '../../../org/org';
import { completionDueOf, recordPrinted } from '../core/commands';
import { maskForOutside } from '../core/informant';
import type { ShownPetition } from '../core/informant';
import { caseSteps } from '../core/queries';
import { DECISION_LABELS, STEP_LABELS } from '../labels';

import { useActor, useSettings } from './ui';

function useUnitName() {
  return useLiveQuery(unitName, [], '');
}

function Sign({ label }: { label: string }) {
  return (
    <span style={{ marginRight: 32 }}>
      {label}：<span className="sign-line" />
    </span>
  );
}

// 交办单 / 转送函: sent out of the bureau, so an informant's identity is never on it (PET-6),
// whoever prints it.
export function HandoverPrint({ p: shown }: { p: ShownPetition }) {
  const actor = useActor();
  const unit = useUnitName();
  const cal = useCalendar();
  const settings = useSettings();
  const p = maskForOutside(shown);
  const steps = useLiveQuery(() => caseSteps(p.id), [p.id], []);
  const forward = p.decision === 'forward';
  const title = forward ? '信访事项转送函' : '信访事项交办单';
  const limit = completionDueOf(p, cal, settings);
  const due = limit && dueText(limit, cal); // “2027-02-19（暂定）” while 2027's holidays are not loaded
  const provisional = provisionalYears(limit, cal);
  const chain = steps.filter((s) => ['register', 'sort', 'reroute', 'objection'].includes(s.kind));
  return (
    <PrintView
      title={`${title} ${p.regNo}`}
      size="A4"
      onPrinted={async () => {
        try {
          await recordPrinted([p.id], title, actor);
        } catch (e) {
          notifyError(e);
        }
      }}
    >
      <h2 style={{ textAlign: 'center', margin: '0 0 4mm', letterSpacing: 4 }}>{title}</h2>
      <p style={{ textAlign: 'right', margin: 0 }}>编号：{p.regNo}</p>
      <p>
        <b>{p.unitName}</b>：
      </p>
      <p style={{ textIndent: '2em', lineHeight: 1.8 }}>
        {forward
          ? `现将${p.name === '***' ? '信访人' : p.name}反映的信访事项转送你单位，请依法依规处理，并按规定答复信访人。本事项作为一件整体转送，不得分拆。`
          : `现将${p.name === '***' ? '信访人' : p.name}反映的信访事项交办你单位，请于${due ?? '规定期限'}前办结，并将办理结果书面报我局。对交办事项不属本单位职责范围的，请于收到之日起5个工作日内提出异议并说明理由。`}
      </p>
      <table className="form-table">
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>信访人</th>
            <td>{p.name}</td>
            <th style={{ width: '18%' }}>联系电话</th>
            <td>{p.phone ?? ''}</td>
          </tr>
          <tr>
            <th>住址</th>
            <td colSpan={3}>
              {p.address} {p.township}
            </td>
          </tr>
          <tr>
            <th>收件日期</th>
            <td>{p.receivedOn}</td>
            <th>问题类别</th>
            <td>{p.category}</td>
          </tr>
          <tr>
            <th>内容摘要</th>
            <td colSpan={3} style={{ height: '40mm' }}>
              {p.summary}
            </td>
          </tr>
          <tr>
            <th>办理方式</th>
            <td>{p.decision ? DECISION_LABELS[p.decision] : ''}</td>
            <th>办理期限</th>
            <td>{forward ? '按有关规定' : (due ?? '')}</td>
          </tr>
          <tr>
            <th>依据</th>
            <td colSpan={3} style={{ fontSize: 12 }}>
              {ruleText('PET-8').id}：{ruleText('PET-8').text}
              <br />
              {ruleText('PET-3').id}：{ruleText('PET-3').text}
              {p.informantCase && (
                <>
                  <br />
                  {ruleText('PET-6').id}：{ruleText('PET-6').text}
                </>
              )}
            </td>
          </tr>
          <tr>
            <th>办理经过</th>
            <td colSpan={3} style={{ fontSize: 12 }}>
              {chain.map((s) => (
                <div key={s.id}>
                  {s.on} {STEP_LABELS[s.kind]}：{s.text}（{s.byName}）
                </div>
              ))}
            </td>
          </tr>
        </tbody>
      </table>
      {!forward && provisional.length > 0 && (
        <p style={{ fontSize: 12 }}>注：办理期限暂定：{provisionalReason(provisional)}。</p>
      )}
      <p style={{ marginTop: '10mm' }}>
        <Sign label="经办人" />
        <Sign label="审核人" />
        <Sign label="签发人" />
      </p>
      <p style={{ textAlign: 'right', marginTop: '12mm' }}>
        {unit}（盖章）
        <br />
        {today()}
      </p>
    </PrintView>
  );
}

export type SupervisionCase = {
  id: string;
  regNo: string;
  receivedOn: string;
  summary: string;
  due: string;
  kind: string;
  overdue: boolean;
};

export function SupervisionNoticePrint({ unit: target, cases }: { unit: string; cases: SupervisionCase[] }) {
  const actor = useActor();
  const unit = useUnitName();
  const cal = useCalendar();
  const day = today();
  const provisional = [...new Set(cases.flatMap((c) => provisionalYears(c.due, cal)))].sort();
  return (
    <PrintView
      title={`督办通知 ${target}`}
      size="A4"
      onPrinted={async () => {
        try {
          await recordPrinted(
            cases.map((c) => c.id),
            `督办通知（${target}）`,
            actor,
            'supervise',
          );
        } catch (e) {
          notifyError(e);
        }
      }}
    >
      <h2 style={{ textAlign: 'center', margin: '0 0 6mm', letterSpacing: 6 }}>督办通知</h2>
      <p>
        <b>{target}</b>：
      </p>
      <p style={{ textIndent: '2em', lineHeight: 1.8 }}>
        我局交（转）你单位办理的下列{cases.length}
        件信访事项已逾期或即将到期。请高度重视，于收到本通知之日起3个工作日内办结，并将办理结果书面报送我局；确有特殊情况的，请书面说明理由。
      </p>
      <table className="form-table">
        <thead>
          <tr>
            <th>序号</th>
            <th>登记编号</th>
            <th>收件日期</th>
            <th>内容摘要</th>
            <th>期限</th>
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c, i) => (
            <tr key={c.id}>
              <td>{i + 1}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{c.regNo}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{c.receivedOn}</td>
              <td>{c.summary}</td>
              <td style={{ whiteSpace: 'nowrap' }}>
                {dueText(c.due, cal)}
                <br />
                <span style={{ fontSize: 11 }}>
                  {PETITION_DEADLINE_LABELS[c.kind as PetitionDeadlineKind] ?? ''}
                </span>
              </td>
              <td>{c.overdue ? '已逾期' : '即将到期'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ fontSize: 12 }}>
        依据：{ruleText('PET-9').id} {ruleText('PET-9').text}
      </p>
      {provisional.length > 0 && (
        <p style={{ fontSize: 12 }}>注：标“暂定”的期限：{provisionalReason(provisional)}。</p>
      )}
      <p style={{ marginTop: '10mm' }}>
        <Sign label="经办人" />
        <Sign label="审核人" />
        <Sign label="签发人" />
      </p>
      <p style={{ textAlign: 'right', marginTop: '12mm' }}>
        {unit}（盖章）
        <br />
        {day}
      </p>
    </PrintView>
  );
}

// The ledgers print as their Excel sheets do: one print view for every ledger.
export { LedgerPrint } from '../../../components/LedgerPrint';

export function AnalysisPrint({ period, text }: { period: string; text: string }) {
  const unit = useUnitName();
  return (
    <PrintView title={`${period}上访情况分析`} size="A4">
      <h2 style={{ textAlign: 'center', margin: '0 0 6mm' }}>
        {unit}
        <br />
        {period}上访情况分析
      </h2>
      {text.split('\n').map((line, i) => (
        <p
          key={i}
          style={{
            textIndent: /^[一二三四五六七八九十]、/.test(line) ? 0 : '2em',
            fontWeight: /^[一二三四五六七八九十]、/.test(line) ? 700 : 400,
            lineHeight: 1.9,
            margin: '1mm 0',
          }}
        >
          {line}
        </p>
      ))}
      <p style={{ marginTop: '12mm' }}>
        <Sign label="撰稿" />
        <Sign label="审核" />
      </p>
    </PrintView>
  );
}
