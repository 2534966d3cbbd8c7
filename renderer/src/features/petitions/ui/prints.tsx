// Printed forms of the petitions module, A4 from a print view that needs no editing:
// 信访事项交办单 / 转送函, 督办通知, the ledgers, and the monthly 上访情况分析.
import { Button } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { formalDates } from '../../../../../shared/paper';
import { PETITION_DEADLINE_LABELS, provisionalReason, ruleText } from '../../../../../shared/rules';
import type { PetitionDeadlineKind } from '../../../../../shared/rules';
import { useCalendar } from '../../../calendar/calendar';
import { FormDate, FormMeta, FormPrint, FormTitle, LetterSeal, SignRow } from '../../../components/FormPrint';
import { notifyError } from '../../../components/notify';
import { PrintView } from '../../../components/PrintView';
import { dueText, provisionalYears } from '../../../components/ProvisionalBadge';
import { unitName } from '../../../org/org';
import { completionDueOf, recordPrinted } from '../core/commands';
import { maskForOutside } from '../core/informant';
import type { ShownPetition } from '../core/informant';
import { issuedNotice, issueSupervisionNotice } from '../core/notices';
import type { IssuedNotice } from '../core/notices';
import { caseSteps } from '../core/queries';
import { DECISION_LABELS, STEP_LABELS } from '../labels';

import { useActor, useSettings } from './ui';

function useUnitName() {
  return useLiveQuery(unitName, [], '');
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
  const due = limit && formalDates(dueText(limit, cal)); // “2027年2月19日（暂定）” while 2027's holidays are not loaded
  const provisional = provisionalYears(limit, cal);
  const chain = steps.filter((s) => ['register', 'sort', 'reroute', 'objection'].includes(s.kind));
  return (
    <FormPrint
      form={title}
      jobTitle={`${title} ${p.regNo}`}
      onPrinted={async () => {
        try {
          await recordPrinted([p.id], title, actor);
        } catch (e) {
          notifyError(e);
        }
      }}
    >
      <FormTitle>{title}</FormTitle>
      <FormMeta right={`编号：${p.regNo}`} />
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
            <td>
              <FormDate value={p.receivedOn} />
            </td>
            <th>问题类别</th>
            <td>{p.category}</td>
          </tr>
          <tr>
            <th>内容摘要</th>
            <td colSpan={3} style={{ height: '30mm', verticalAlign: 'top' }}>
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
            <td colSpan={3} className="note">
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
            <td colSpan={3} className="note">
              {chain.map((s) => (
                <div key={s.id}>
                  <FormDate value={s.on} /> {STEP_LABELS[s.kind]}：{formalDates(s.text)}（{s.byName}）
                </div>
              ))}
            </td>
          </tr>
        </tbody>
      </table>
      {!forward && provisional.length > 0 && (
        <p className="note">注：办理期限暂定：{provisionalReason(provisional)}。</p>
      )}
      <SignRow labels={['经办人', '审核人', '签发人']} />
      {/* the date of the act: the day it was handed over (转送/交办), not the day it is printed */}
      <LetterSeal unit={unit} on={p.handedOn ?? p.sortedOn} />
    </FormPrint>
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

// 督办通知 (PET-9): numbered 督〔2026〕N号 when it is issued (签发, or its first printing), the
// number and the date of issue kept on its cases (notices.ts); printed again, the same notice.
export function SupervisionNoticePrint({ unit: target, cases }: { unit: string; cases: SupervisionCase[] }) {
  const actor = useActor();
  const unit = useUnitName();
  const cal = useCalendar();
  const ids = cases.map((c) => c.id);
  const key = ids.join();
  const kept = useLiveQuery(() => issuedNotice(target, ids), [target, key]);
  const [fresh, setFresh] = useState<IssuedNotice | null>(null);
  const notice = fresh ?? kept ?? null;
  const provisional = [...new Set(cases.flatMap((c) => provisionalYears(c.due, cal)))].sort();
  async function issue() {
    if (notice) return;
    setFresh(await issueSupervisionNotice(target, ids, actor));
  }
  return (
    <FormPrint
      form="督办通知"
      jobTitle={`督办通知 ${notice?.no ?? ''} ${target}`}
      beforePrint={issue}
      extraActions={
        !notice && (
          <Button variant="light" onClick={() => issue().catch(notifyError)}>
            签发督办通知
          </Button>
        )
      }
      onPrinted={async () => {
        try {
          await recordPrinted(ids, `督办通知 ${notice?.no ?? ''}（${target}）`, actor);
        } catch (e) {
          notifyError(e);
        }
      }}
    >
      <FormTitle>{unit}督办通知</FormTitle>
      <p style={{ textAlign: 'center' }} data-testid="notice-number">
        {notice?.no ?? '督〔　　〕　号（签发时编号）'}
      </p>
      <p>
        <b>{target}</b>：
      </p>
      <p style={{ textIndent: '2em' }}>
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
              <td style={{ textAlign: 'center' }}>{i + 1}</td>
              <td style={{ whiteSpace: 'nowrap' }}>{c.regNo}</td>
              <td style={{ whiteSpace: 'nowrap' }}>
                <FormDate value={c.receivedOn} />
              </td>
              <td>{c.summary}</td>
              <td style={{ whiteSpace: 'nowrap' }}>
                {formalDates(dueText(c.due, cal))}
                <br />
                <span className="note">{PETITION_DEADLINE_LABELS[c.kind as PetitionDeadlineKind] ?? ''}</span>
              </td>
              <td style={{ whiteSpace: 'nowrap' }}>{c.overdue ? '已逾期' : '即将到期'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">
        依据：{ruleText('PET-9').id} {ruleText('PET-9').text}
      </p>
      {provisional.length > 0 && (
        <p className="note">注：标“暂定”的期限：{provisionalReason(provisional)}。</p>
      )}
      <SignRow labels={['经办人', '审核人', '签发人']} />
      {/* the date of the act: the day the notice was issued, not the day it is printed */}
      <LetterSeal unit={unit} on={notice?.on} />
    </FormPrint>
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
      <SignRow labels={['撰稿', '审核']} />
    </PrintView>
  );
}
