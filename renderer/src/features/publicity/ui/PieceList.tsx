// The year's pieces, all or only one's own, with the reward total.
import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';

import { formatYuan, LEVEL_LABELS } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { thisYear as currentYear, yearOptions } from '../../../components/dates';
import { Yuan } from '../../../components/Yuan';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { KIND_LABELS, L } from '../labels';

import { STATE_COLOR, STATE_LABEL, usePieces } from './state';

export function PieceList() {
  const user = useSession((s) => s.user)!;
  const [year, setYear] = useState(String(currentYear()));
  const [mine, setMine] = useState(false);
  const pieces = usePieces(Number(year));
  const { name } = useStaff();
  const rows = (pieces ?? []).filter((p) => !mine || p.staffId === user.staffId);
  const total = rows.reduce((n, p) => n + p.rewardFen, 0);
  return (
    <Stack>
      <Group align="flex-end">
        <NativeSelect
          label={L.year}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={yearOptions()}
          w={120}
        />
        <Checkbox
          label="只看本人作品"
          checked={mine}
          onChange={(e) => setMine(e.currentTarget.checked)}
          mb={8}
        />
        <Text ml="auto" size="sm">
          共{rows.length}篇，奖励合计 <Yuan fen={total} />
        </Text>
        <Button onClick={() => navigate('publicity', 'new')}>{L.tabNew}</Button>
      </Group>
      {pieces && rows.length === 0 ? (
        <Text c="dimmed">本年度没有登记的作品。</Text>
      ) : (
        <Table striped highlightOnHover fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{L.pieceTitle}</Table.Th>
              <Table.Th>{L.author}</Table.Th>
              <Table.Th>{L.outlet}</Table.Th>
              <Table.Th>级别</Table.Th>
              <Table.Th>{L.chars}</Table.Th>
              <Table.Th>{L.kind}</Table.Th>
              <Table.Th>{L.publishedOn}</Table.Th>
              <Table.Th ta="right">奖励（元）</Table.Th>
              <Table.Th>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor href={href('publicity', 'pieces', p.id)} size="sm">
                    {p.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{name(p.staffId)}</Table.Td>
                <Table.Td>{p.outlet}</Table.Td>
                <Table.Td>{LEVEL_LABELS[p.level]}</Table.Td>
                <Table.Td>{p.chars}</Table.Td>
                <Table.Td>{KIND_LABELS[p.kind]}</Table.Td>
                <Table.Td>{p.publishedOn}</Table.Td>
                <Table.Td ta="right">{formatYuan(p.rewardFen)}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[p.claimState]}>{STATE_LABEL[p.claimState]}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
