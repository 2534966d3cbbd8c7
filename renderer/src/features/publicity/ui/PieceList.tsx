// The year's pieces, all or only one's own, with the reward total.
import { Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';

import { formatYuan, LEVEL_LABELS } from '../../../../../shared/rules';
import { href, navigate } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { thisYear as currentYear, yearOptions } from '../../../components/dates';
import { StatusBadge } from '../../../components/Detail';
import { ListOrEmpty } from '../../../components/ListParts';
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
      <ListOrEmpty
        loaded={!!pieces}
        empty="本年度没有登记的作品。"
        rows={rows}
        head={[
          L.pieceTitle,
          L.author,
          L.outlet,
          '级别',
          L.chars,
          L.kind,
          L.publishedOn,
          { label: '奖励（元）', right: true },
          '状态',
        ]}
        row={(p) => [
          <Anchor key="title" href={href('publicity', 'pieces', p.id)} size="sm">
            {p.title}
          </Anchor>,
          name(p.staffId),
          p.outlet,
          LEVEL_LABELS[p.level],
          p.chars,
          KIND_LABELS[p.kind],
          p.publishedOn,
          formatYuan(p.rewardFen),
          <StatusBadge key="state" value={p.claimState} labels={STATE_LABEL} colors={STATE_COLOR} />,
        ]}
      />
    </Stack>
  );
}
