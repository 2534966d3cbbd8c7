// 发文稿纸 (A4): the number, the four approval steps with names, opinions and dates (签发, 定稿, 核稿,
// 审核, as the paper lays them out from the top), the drafter, the title, addressees, print run and
// distribution, the rule that routed it, and blank lines for the hand signatures.
import { Alert, Anchor, Group } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { ruleText } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import { approvalFor } from '../../../approvals/engine';
import type { ApprovalStep } from '../../../approvals/types';
import { currentActor } from '../../../auth/session';
import { FormDate, FormPrint, FormTitle, Opinion, SignLine, SignRow } from '../../../components/FormPrint';
import { useStaffBook } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { docNumberText } from '../core/hubNumbers';
import { markOutgoingPrinted } from '../core/outgoing';
import { outgoingDoc, sectionRecord } from '../core/queries';
import { SECRECY_LABELS, URGENCY_LABELS } from '../labels';

function stepFor(steps: ApprovalStep[], key: string): ApprovalStep | undefined {
  return steps.find((s) => s.key === key || s.label.includes(key));
}

// An approver's box: the opinion once, who, a box to sign (签发 above all) and the date.
function StepCell({ step }: { step?: ApprovalStep }) {
  if (!step)
    return (
      <td>
        <Opinion decision={undefined} at={null} />
      </td>
    );
  return (
    <td style={{ height: '30mm' }}>
      <Opinion
        decision={step.decision}
        comment={step.comment}
        words={{ approved: '同意', rejected: '退回' }}
        by={step.decidedByName ?? step.approverName}
        at={step.decidedAt}
      />
    </td>
  );
}

export function OutgoingPrint({ id }: { id: string }) {
  const book = useStaffBook();
  const data = useLiveQuery(async () => {
    const doc = (await outgoingDoc(id)) ?? undefined;
    const section = await sectionRecord(doc?.draftSectionId);
    return { doc, req: await approvalFor('outgoingDocs', id), section, unit: await unitName() };
  }, [id]);
  if (!data) return null;
  const { doc, req, section, unit } = data;
  if (!doc) return <Alert color="red">发文记录不存在。</Alert>;
  const steps = req?.steps ?? [];
  return (
    <div>
      <Group className="no-print" mb="sm">
        <Anchor href={href('documents', 'outgoing', id)}>← 返回</Anchor>
      </Group>
      <FormPrint
        form="发文稿纸"
        jobTitle={`发文稿纸 ${doc.docNumber ?? doc.title}`}
        onPrinted={() => markOutgoingPrinted(id, currentActor())}
      >
        <FormTitle>{unit}发文稿纸</FormTitle>
        <table className="form-table">
          <tbody>
            <tr>
              <th style={{ width: '16%' }}>文号</th>
              <td style={{ width: '34%' }}>{docNumberText(doc)}</td>
              <th style={{ width: '16%' }}>紧急程度/密级</th>
              <td>
                {URGENCY_LABELS[doc.urgency]} / {SECRECY_LABELS[doc.secrecy]}
              </td>
            </tr>
            <tr>
              <th>局长签发</th>
              <StepCell step={stepFor(steps, 'sign')} />
              <th>分管办公室领导定稿</th>
              <StepCell step={stepFor(steps, 'finalize') ?? stepFor(steps, '定稿')} />
            </tr>
            <tr>
              <th>办公室核稿</th>
              <StepCell step={stepFor(steps, 'office_check')} />
              <th>分管领导审核</th>
              <StepCell step={stepFor(steps, 'deputy_review')} />
            </tr>
            <tr>
              <th>拟稿股室</th>
              <td>{section?.name ?? ''}</td>
              <th>拟稿人</th>
              <td>
                {book.name(doc.drafterId)}　<SignLine width="20mm" />
              </td>
            </tr>
            <tr>
              <th>标题</th>
              <td colSpan={3} style={{ fontWeight: 600 }}>
                {doc.title}
              </td>
            </tr>
            <tr>
              <th>主送</th>
              <td colSpan={3}>{doc.mainTo}</td>
            </tr>
            <tr>
              <th>抄送</th>
              <td colSpan={3}>{doc.copyTo}</td>
            </tr>
            <tr>
              <th>印制份数</th>
              <td>{doc.printCopies}</td>
              <th>签发日期</th>
              <td>
                <FormDate value={doc.signedOn} />
              </td>
            </tr>
            <tr>
              <th>分发范围</th>
              <td colSpan={3}>{doc.distribution.join('、')}</td>
            </tr>
            <tr>
              <th>正文摘要</th>
              <td colSpan={3} style={{ height: '28mm', whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
                {doc.summary}
              </td>
            </tr>
          </tbody>
        </table>
        <p className="note">办理依据：DOC-3 {ruleText('DOC-3').text}</p>
        <SignRow labels={['校对', '印制', '分发']} />
      </FormPrint>
    </div>
  );
}
