// 添置办公用品申报单 / 印制文件申报单 as printed (A4), with the approval chain.
import { useLiveQuery } from 'dexie-react-hooks';

import {
  formatYuan,
  printingRequestRoute,
  rmbUppercase,
  ruleText,
  supplyRequestRoute,
} from '../../../../../shared/rules';
import type { ApprovalRequest } from '../../../approvals/types';
import { currentActor } from '../../../auth/session';
import { PrintView } from '../../../components/PrintView';
import type { SpendRequest } from '../../../db/schema/finance';
import { useSections } from '../../../org/hooks';
import { staffRecord } from '../core/queries';
import { markRequestPrinted } from '../core/requests';

import { usePrintUnit } from './ExpensePrint';

export function RequestPrint({
  r,
  req,
  applicant,
}: {
  r: SpendRequest;
  req?: ApprovalRequest;
  applicant: string;
}) {
  const unit = usePrintUnit();
  const sections = useSections();
  const applicantSection = useLiveQuery(() => staffRecord(r.applicantId), [r.applicantId]);
  const formName = r.kind === 'supply' ? supplyRequestRoute().formName : printingRequestRoute().formName;
  const rule =
    r.kind === 'supply'
      ? '经局分管领导和局主要领导同意后由办公室和财务人员统一购置'
      : '经局分管领导或主要领导批准，否则费用自理';
  return (
    <PrintView
      title={`${formName} ${r.number}`}
      size="A4"
      onPrinted={() => markRequestPrinted(r.id, currentActor())}
    >
      <div style={{ textAlign: 'center', fontSize: 22, fontWeight: 700 }}>
        {unit}
        {formName}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', margin: '8px 0', fontSize: 14 }}>
        <span>编号：{r.number}</span>
        <span>申报日期：{r.requestedOn}</span>
      </div>
      <table className="form-table">
        <tbody>
          <tr>
            <th style={{ width: '18%' }}>申报人</th>
            <td>{applicant}</td>
            <th style={{ width: '18%' }}>股室</th>
            <td>{applicantSection?.sectionId ? sections.get(applicantSection.sectionId) : ''}</td>
          </tr>
          <tr>
            <th>{r.kind === 'supply' ? '事由' : '文件名称'}</th>
            <td colSpan={3}>{r.title}</td>
          </tr>
          <tr>
            <th>申报理由</th>
            <td colSpan={3}>{r.reason}</td>
          </tr>
          {r.printer && (
            <tr>
              <th>印制单位</th>
              <td colSpan={3}>{r.printer}</td>
            </tr>
          )}
        </tbody>
      </table>
      <table className="form-table" style={{ marginTop: 8 }}>
        <thead>
          <tr>
            <th>序号</th>
            <th>{r.kind === 'supply' ? '品名' : '印制内容'}</th>
            <th>数量</th>
            <th>单位</th>
            <th>预算金额（元）</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((it, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{it.name}</td>
              <td>{it.quantity}</td>
              <td>{it.unit}</td>
              <td>{formatYuan(it.estFen)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={4}>合计（人民币大写：{rmbUppercase(r.estimatedFen)}）</th>
            <td>{formatYuan(r.estimatedFen)}</td>
          </tr>
        </tbody>
      </table>
      <table className="form-table" style={{ marginTop: 8 }}>
        <thead>
          <tr>
            <th>审批环节</th>
            <th>审批人</th>
            <th>意见</th>
            <th>日期</th>
            <th>签字</th>
          </tr>
        </thead>
        <tbody>
          {(req?.steps ?? []).map((s, i) => (
            <tr key={i}>
              <td>{s.label}</td>
              <td>{s.decidedByName ?? s.approverName}</td>
              <td>
                {s.decision
                  ? (s.decision === 'approved' ? '同意' : '退回') + (s.comment ? `：${s.comment}` : '')
                  : ''}
              </td>
              <td>{s.decidedAt?.slice(0, 10) ?? ''}</td>
              <td>
                <span className="sign-line" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ marginTop: 12, fontSize: 12 }}>
        FIN-6：{ruleText('FIN-6').text}（制度 九、{rule}）
      </div>
      <div style={{ marginTop: 24, display: 'flex', justifyContent: 'space-between', fontSize: 14 }}>
        <span>
          申报人签字：
          <span className="sign-line" />
        </span>
        <span>
          办公室经办：
          <span className="sign-line" />
        </span>
      </div>
    </PrintView>
  );
}
