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
import {
  FormDate,
  NumberDateMeta,
  FormPrint,
  FormTitle,
  opinionText,
  SignRow,
} from '../../../components/FormPrint';
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
    <FormPrint
      form={r.kind === 'supply' ? '添置办公用品申报单' : '印制文件申报单'}
      jobTitle={`${formName} ${r.number}`}
      onPrinted={() => markRequestPrinted(r.id, currentActor())}
    >
      <FormTitle>
        {unit}
        {formName}
      </FormTitle>
      <NumberDateMeta number={r.number} dateLabel="申报日期" date={r.requestedOn} />
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
              <td>{opinionText(s.decision, s.comment, { approved: '同意', rejected: '退回' })}</td>
              <td style={{ whiteSpace: 'nowrap' }}>
                <FormDate value={s.decidedAt} />
              </td>
              <td className="sign-cell" style={{ width: '22mm' }} />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="note">
        FIN-6：{ruleText('FIN-6').text}（制度 九、{rule}）
      </div>
      <SignRow labels={['申报人签字', '办公室经办']} />
    </FormPrint>
  );
}
