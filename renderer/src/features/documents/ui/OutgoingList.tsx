// 发文 register: the drafts, the year's numbered documents, the export and the 机关代字 setting.
import { Anchor, Badge, Button, Card, Group, Stack, Table, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { href, navigate } from '../../../app/router';
import { useCan, useSession } from '../../../auth/session';
import { thisYear, YearSelect } from '../../../components/dates';
import { ListTable } from '../../../components/ListTable';
import { notifyError } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import type { OutgoingStatus } from '../../../db/schema/documents';
import { useStaffBook } from '../../../org/hooks';
import { exportOutgoingRegister } from '../core/exports';
import { docNumberText } from '../core/hubNumbers';
import { numberedOutgoing, outgoingDrafts } from '../core/queries';
import { L, OUTGOING_STATUS_COLORS, OUTGOING_STATUS_LABELS } from '../labels';

import { PrefixSettings } from './PrefixSettings';

const PAGE = 50;

export function OutgoingList() {
  const user = useSession((s) => s.user)!;
  const manage = useCan('documents.manage');
  const book = useStaffBook();
  const [year, setYear] = useState(thisYear());
  const [limit, setLimit] = useState(PAGE);
  const drafts = useLiveQuery(
    () => outgoingDrafts({ staffId: user.staffId, manage }),
    [manage, user.staffId],
    [],
  );
  const numbered = useLiveQuery(() => numberedOutgoing(year, limit), [year, limit], []);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <YearSelect
          value={year}
          onChange={(y) => {
            setYear(y);
            setLimit(PAGE);
          }}
        />
        <Group>
          <Button variant="default" onClick={() => exportOutgoingRegister(year).catch(notifyError)}>
            {L.exportExcel}
          </Button>
          <Button onClick={() => navigate('documents', 'outgoing', 'new')}>发文拟稿</Button>
        </Group>
      </Group>
      {drafts.length > 0 && (
        <Card withBorder>
          <Title order={5} mb="xs">
            拟稿与审核签发中
          </Title>
          <Table fz="sm" striped>
            <Table.Tbody>
              {drafts.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={href('documents', 'outgoing', d.id)} size="sm">
                      {d.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{book.name(d.drafterId)}</Table.Td>
                  <Table.Td>{d.updatedAt.slice(0, 10)}</Table.Td>
                  <Table.Td>
                    <OutgoingBadge status={d.status} /> {docNumberText(d)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Title order={5}>发文登记（{year}年）</Title>
      <ListTable
        rows={numbered.slice(0, limit)}
        head={[{ label: '文号', ws: 'nowrap' }, '签发日期', '标题', '拟稿人', '主送', '状态', '归档']}
        row={(d) => [
          <Anchor href={href('documents', 'outgoing', d.id)}>{d.docNumber}</Anchor>,
          d.signedOn,
          d.title,
          book.name(d.drafterId),
          d.mainTo,
          <OutgoingBadge status={d.status} />,
          d.archived ? d.archivedOn : '',
        ]}
        empty={`${year}年还没有编号的发文。`}
      />
      {numbered.length > limit && (
        <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)}>
          显示更多
        </Button>
      )}
      {manage && <PrefixSettings />}
      <RuleLines ids={['DOC-3']} inline />
    </Stack>
  );
}

function OutgoingBadge({ status }: { status: OutgoingStatus }) {
  return (
    <Badge color={OUTGOING_STATUS_COLORS[status]} variant="light">
      {OUTGOING_STATUS_LABELS[status]}
    </Badge>
  );
}
