import { Anchor, Card, Table, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';

import { href } from '../../../../app/router';
import { AttachmentLink } from '../../../../components/AttachmentLink';
import type { ShownPetition } from '../../core/informant';
import { attachmentsOfCase } from '../../core/lookups';
import { duplicatesOf, receptionDaysOfCase } from '../../core/queries';
import {
  DECISION_LABELS,
  INFORMANT_TEXT,
  NATURE_LABELS,
  RECEPTION_KIND_LABELS,
  RECUSAL_LABELS,
} from '../../labels';
import { useUnits } from '../ui';

type Petition = ShownPetition;

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={140} style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

export function CaseInfo({ p }: { p: Petition }) {
  const units = useUnits();
  const dups = useLiveQuery(() => duplicatesOf(p.id), [p.id], []);
  const receptions = useLiveQuery(() => receptionDaysOfCase(p), [p.id, p.receivedOn], []);
  const files = useLiveQuery(() => attachmentsOfCase(p.id), [p.id], []);
  return (
    <Card withBorder>
      <Table fz="sm" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          <Row label="收件日期">{p.receivedOn}</Row>
          <Row label="信访人">
            {p.name}
            {p.channel === 'visit' && (p.visitors ?? 1) > 1 && `（共${p.visitors}人）`}
          </Row>
          <Row label="身份证号">{p.idNo ?? '—'}</Row>
          <Row label="联系电话">{p.phone ?? '—'}</Row>
          <Row label="住址/所属乡镇">
            {p.address || '—'} / {p.township}
          </Row>
          {p.representatives && p.representatives.length > 0 && (
            <Row label="代表">
              {p.representatives.map((r) => `${r.name}${r.phone ? `（${r.phone}）` : ''}`).join('、')}
            </Row>
          )}
          {p.receptionistName && <Row label="接待人">{p.receptionistName}</Row>}
          {receptions.map((r) => (
            <Row key={r.id} label={RECEPTION_KIND_LABELS[r.kind]}>
              <Anchor href={href('petitions', 'reception')} size="sm">
                {r.date} {r.leaderName}（{r.place}）
              </Anchor>
            </Row>
          ))}
          <Row label="来源">{[p.letterSource, p.upstreamNo].filter(Boolean).join(' ') || '—'}</Row>
          <Row label="问题类别">
            {p.category}（{NATURE_LABELS[p.nature]}）
          </Row>
          <Row label="内容摘要">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {p.summary}
            </Text>
          </Row>
          {p.informant && (
            <Row label="被检举单位/人">
              {[...p.accusedUnitIds.map((u) => units.byId.get(u)?.name ?? u), p.accusedNote]
                .filter(Boolean)
                .join('、')}
            </Row>
          )}
          <Row label="全国系统录入编号">
            {p.nationalNo ?? (
              <Text c="orange" size="sm">
                未录入
              </Text>
            )}
          </Row>
          {p.decision && (
            <Row label="处理方式">
              {DECISION_LABELS[p.decision]}（{p.sortedOn}）{p.unitName && `→ ${p.unitName}`}
              {p.rejectReason && `，理由：${p.rejectReason}`}
            </Row>
          )}
          {p.assigneeName && <Row label="承办人">{p.assigneeName}</Row>}
          {p.recusals.length > 0 && (
            <Row label="回避">
              {p.recusals.map((r) => `${r.staffName}（${RECUSAL_LABELS[r.reason]}）`).join('、')}
            </Row>
          )}
          {p.extensionDays > 0 && (
            <Row label="延期">
              {p.extensionDays}天：{p.extensionReason}
            </Row>
          )}
          {p.concludedOn && (
            <Row label="办结">
              {p.concludedOn} {p.outcome}：{p.outcomeText}
            </Row>
          )}
          {p.urgentReport && (
            <Row label="紧急报告">
              {new Date(p.urgentReport.at).toLocaleString('zh-CN')} 报 {p.urgentReport.recipients.join('、')}
              （{p.urgentReport.byName}）
              {p.urgentReport.delayReason && `，迟报原因：${p.urgentReport.delayReason}`}
            </Row>
          )}
          {p.urgentDowngrade && (
            <Row label="降级">
              {p.urgentDowngrade.reason}（{p.urgentDowngrade.byName}）
              {p.directorNoticeOpen ? '，待局长阅知' : '，局长已阅'}
            </Row>
          )}
          {p.duplicateOf && (
            <Row label={p.state === 'repeat' ? '重复信访，并入' : '重复件，并入'}>
              <Anchor href={href('petitions', 'case', p.duplicateOf)} size="sm">
                {p.duplicateOfRegNo ?? '原件'}
              </Anchor>
              {p.duplicateNote && `：${p.duplicateNote}`}
            </Row>
          )}
          {dups.length > 0 && (
            <Row label="重复件">
              {dups.map((d) => (
                <Anchor key={d.id} href={href('petitions', 'case', d.id)} size="sm" mr="xs">
                  {d.regNo}（{d.receivedOn}）
                </Anchor>
              ))}
            </Row>
          )}
          <Row label="附件">
            {files.length === 0
              ? '—'
              : p.identityMasked
                ? INFORMANT_TEXT.attachmentsHidden(files.length)
                : files.map((f) => <AttachmentLink key={f.id} file={f} />)}
          </Row>
        </Table.Tbody>
      </Table>
    </Card>
  );
}
