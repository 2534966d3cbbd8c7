// 投诉举报 (SUP-3): complaints and reports about staff received by the designated person, investigated
// and answered; PET-11 attitude complaints from 信访 land here too and feed ASM-3.
import { Alert, Anchor, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { can } from '../../../../../shared/permissions';
import { href } from '../../../app/router';
import { useSession } from '../../../auth/session';
import { StatusBadge } from '../../../components/Detail';
import { ListTable, MoreButton } from '../../../components/ListTable';
import { RuleLines } from '../../../components/RuleCite';
import { useStaffBook } from '../../../org/hooks';
import { latestComplaints } from '../core/queries';
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_SOURCE_LABELS,
  COMPLAINT_STATUS_COLORS,
  COMPLAINT_STATUS_LABELS,
  FINDING_LABELS,
  L,
} from '../labels';

import { ComplaintDetail } from './ComplaintDetail';
import { ComplaintForm } from './ComplaintForm';

export function ComplaintsTab({ id }: { id?: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'assessment.manage');
  const { name } = useStaffBook();
  const [limit, setLimit] = useState(50);
  const rows = useLiveQuery(() => latestComplaints(limit + 1), [limit]);
  if (!manage)
    return <Alert color="gray">投诉举报由办公室指定专人受理（SUP-3），仅考核监督人员可查看。</Alert>;
  if (id) return <ComplaintDetail id={id} />;
  return (
    <Stack>
      <RuleLines ids={['SUP-3']} inline />
      <ComplaintForm />
      <ListTable
        rows={rows?.slice(0, limit)}
        head={[L.receivedOn, L.staff, L.source, L.kind, '内容', '核查结论', '状态']}
        row={(c) => [
          c.receivedOn,
          name(c.staffId),
          COMPLAINT_SOURCE_LABELS[c.source],
          COMPLAINT_KIND_LABELS[c.kind],
          <Anchor key="content" href={href('assessment', 'complaints', c.id)} size="sm" lineClamp={1}>
            {c.content}
          </Anchor>,
          c.finding ? FINDING_LABELS[c.finding] : '—',
          <StatusBadge
            key="status"
            value={c.status}
            labels={COMPLAINT_STATUS_LABELS}
            colors={COMPLAINT_STATUS_COLORS}
          />,
        ]}
      />
      <MoreButton more={rows && rows.length > limit} onMore={() => setLimit(limit + 50)} />
    </Stack>
  );
}
