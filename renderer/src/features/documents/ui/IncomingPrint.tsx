// 收文处理单 (A4): the registration, 拟办, 批办, circulation with dates, result and filing, the rule
// that governs it, and blank lines for the hand signatures.
import { Alert, Anchor, Group } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { ruleText } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import { currentActor } from '../../../auth/session';
import { FormDate, FormMeta, FormPrint, FormTitle, SignLine, SignRow } from '../../../components/FormPrint';
import { useStaffBook } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { circulationsOf, formatProposalBy, markIncomingPrinted, proposalBy } from '../core/incoming';
import { incomingDoc } from '../core/queries';
import { CIRCULATION_ROLE_LABELS, INCOMING_KIND_LABELS, L, SECRECY_LABELS, URGENCY_LABELS } from '../labels';

export function IncomingPrint({ id }: { id: string }) {
  const book = useStaffBook();
  const data = useLiveQuery(async () => {
    const doc = (await incomingDoc(id)) ?? undefined;
    return {
      doc,
      circs: doc ? await circulationsOf(id) : [],
      unit: await unitName(),
      proposer: doc ? await proposalBy(doc) : null,
    };
  }, [id]);
  if (!data) return null;
  const { doc, circs, unit, proposer } = data;
  if (!doc) return <Alert color="red">收文记录不存在。</Alert>;
  return (
    <div>
      <Group className="no-print" mb="sm">
        <Anchor href={href('documents', 'incoming', id)}>← 返回</Anchor>
      </Group>
      <FormPrint
        form="收文处理单"
        jobTitle={`收文处理单 ${doc.regNo}`}
        onPrinted={() => markIncomingPrinted(id, currentActor())}
      >
        <FormTitle>{unit}收文处理单</FormTitle>
        <FormMeta
          left={`收文编号：${doc.regNo}`}
          right={
            <>
              收文日期：
              <FormDate value={doc.receivedOn} />
            </>
          }
        />
        <table className="form-table">
          <tbody>
            <tr>
              <th style={{ width: '16%' }}>来文单位</th>
              <td style={{ width: '34%' }}>{doc.issuer}</td>
              <th style={{ width: '16%' }}>来文字号</th>
              <td>{doc.issuerNumber}</td>
            </tr>
            <tr>
              <th>文件标题</th>
              <td colSpan={3}>{doc.title}</td>
            </tr>
            <tr>
              <th>类别</th>
              <td>{INCOMING_KIND_LABELS[doc.kind]}</td>
              <th>紧急程度/密级</th>
              <td>
                {URGENCY_LABELS[doc.urgency]} / {SECRECY_LABELS[doc.secrecy]}，{doc.copies}份
              </td>
            </tr>
            <OpinionRow
              label="拟办意见"
              text={doc.proposal}
              by={proposer ? formatProposalBy(proposer) : `${L.proposer}：`}
              at={doc.proposedAt}
            />
            <OpinionRow
              label="局长批办"
              text={doc.decision}
              by={`批办人：${book.name(doc.decidedById)}`}
              at={doc.decidedAt}
            />
            <tr>
              <th>传阅、承办</th>
              <td colSpan={3}>
                <div>
                  传阅期限：{doc.circulationDue ? <FormDate value={doc.circulationDue} /> : '（未分送）'}
                </div>
                <table className="form-table" style={{ marginTop: 4 }}>
                  <tbody>
                    <tr>
                      <th>姓名</th>
                      <th>方式</th>
                      <th>阅办时间</th>
                      <th>意见/办理情况</th>
                      <th>签字</th>
                    </tr>
                    {circs.map((c) => (
                      <tr key={c.id}>
                        <td>{book.name(c.staffId)}</td>
                        <td>{CIRCULATION_ROLE_LABELS[c.role]}</td>
                        <td style={{ whiteSpace: 'nowrap' }}>
                          {c.done ? <FormDate value={c.doneAt} /> : '未阅'}
                        </td>
                        <td>{c.note}</td>
                        <td className="sign-cell" style={{ width: '22mm' }} />
                      </tr>
                    ))}
                    {circs.length === 0 && (
                      <tr>
                        <td colSpan={5} className="sign-cell" />
                      </tr>
                    )}
                  </tbody>
                </table>
              </td>
            </tr>
            <tr>
              <th>办理结果</th>
              <td colSpan={3} style={{ height: '15mm' }}>
                {doc.outcome}
                {doc.reportedOn && (
                  <>
                    （<FormDate value={doc.reportedOn} />
                    反馈局长）
                  </>
                )}
              </td>
            </tr>
            <tr>
              <th>归档</th>
              <td colSpan={3}>
                {doc.archived ? (
                  <>
                    <FormDate value={doc.archivedOn} />
                    　卷号：{doc.archiveRef ?? ''}
                  </>
                ) : null}
              </td>
            </tr>
          </tbody>
        </table>
        <p className="note">
          办理依据：DOC-1 {ruleText('DOC-1').text}　DOC-2 {ruleText('DOC-2').text}
        </p>
        <SignRow labels={['经办人', '办公室主任']} />
      </FormPrint>
    </div>
  );
}

// An opinion (拟办, 批办): its text, who gave it, the line to sign and the date.
function OpinionRow({
  label,
  text,
  by,
  at,
}: {
  label: string;
  text: string | null | undefined;
  by: string;
  at: string | null | undefined;
}) {
  return (
    <tr>
      <th>{label}</th>
      <td colSpan={3}>
        <div>{text}</div>
        <div className="opinion-by">
          <span>{by}</span>
          <SignLine label="签字" width="24mm" />
          <span>
            <FormDate value={at} />
          </span>
        </div>
      </td>
    </tr>
  );
}
