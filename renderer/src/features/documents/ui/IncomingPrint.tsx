// 收文处理单 (A4): the registration, 拟办, 批办, circulation with dates, result and filing, the rule
// that governs it, and blank lines for the hand signatures.
import { Alert, Anchor, Group, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { ruleText } from '../../../../../shared/rules';
import { href } from '../../../app/router';
import { currentActor } from '../../../auth/session';
import { fmtTime } from '../../../components/dates';
import { PrintView } from '../../../components/PrintView';
import { db } from '../../../db/db';
import { useStaffBook } from '../../../org/hooks';
import { unitName } from '../../../org/org';
import { circulationsOf, formatProposalBy, markIncomingPrinted, proposalBy } from '../core/incoming';
import { CIRCULATION_ROLE_LABELS, INCOMING_KIND_LABELS, L, SECRECY_LABELS, URGENCY_LABELS } from '../labels';

export function IncomingPrint({ id }: { id: string }) {
  const book = useStaffBook();
  const data = useLiveQuery(async () => {
    const doc = await db.incomingDocs.get(id);
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
      <PrintView
        title={`收文处理单 ${doc.regNo}`}
        size="A4"
        onPrinted={() => markIncomingPrinted(id, currentActor())}
      >
        <Text ta="center" fw={700} fz={22} mb={4}>
          {unit}收文处理单
        </Text>
        <Group justify="space-between" mb={6}>
          <Text fz={13}>收文编号：{doc.regNo}</Text>
          <Text fz={13}>收文日期：{doc.receivedOn}</Text>
        </Group>
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
            <tr>
              <th>拟办意见</th>
              <td colSpan={3} style={{ height: 70 }}>
                {doc.proposal}
                <Text fz={12} ta="right">
                  {proposer ? (
                    formatProposalBy(proposer)
                  ) : (
                    <>
                      {L.proposer}：<span className="sign-line" />
                    </>
                  )}
                  {'　'}
                  {fmtTime(doc.proposedAt).slice(0, 10)}
                </Text>
              </td>
            </tr>
            <tr>
              <th>局长批办</th>
              <td colSpan={3} style={{ height: 80 }}>
                {doc.decision}
                <Text fz={12} ta="right">
                  批办人：{book.name(doc.decidedById) || <span className="sign-line" />}　签字：
                  <span className="sign-line" />　{fmtTime(doc.decidedAt).slice(0, 10)}
                </Text>
              </td>
            </tr>
            <tr>
              <th>传阅、承办</th>
              <td colSpan={3}>
                <Text fz={12}>传阅期限：{doc.circulationDue ?? '（未分送）'}</Text>
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
                        <td>{c.done ? fmtTime(c.doneAt) : '未阅'}</td>
                        <td>{c.note}</td>
                        <td style={{ width: 80 }} />
                      </tr>
                    ))}
                    {circs.length === 0 && (
                      <tr>
                        <td colSpan={5} style={{ height: 60 }} />
                      </tr>
                    )}
                  </tbody>
                </table>
              </td>
            </tr>
            <tr>
              <th>办理结果</th>
              <td colSpan={3} style={{ height: 60 }}>
                {doc.outcome}
                {doc.reportedOn ? `（${doc.reportedOn}反馈局长）` : ''}
              </td>
            </tr>
            <tr>
              <th>归档</th>
              <td colSpan={3}>{doc.archived ? `${doc.archivedOn}　卷号：${doc.archiveRef ?? ''}` : ''}</td>
            </tr>
          </tbody>
        </table>
        <Text fz={11} mt={8}>
          办理依据：DOC-1 {ruleText('DOC-1').text}　DOC-2 {ruleText('DOC-2').text}
        </Text>
        <Group justify="space-between" mt={16}>
          <Text fz={13}>
            经办人：
            <span className="sign-line" />
          </Text>
          <Text fz={13}>
            办公室主任：
            <span className="sign-line" />
          </Text>
        </Group>
      </PrintView>
    </div>
  );
}
