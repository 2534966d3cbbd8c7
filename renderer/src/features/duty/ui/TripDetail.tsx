// One trip: its approval chain, withdrawal while pending, and the departure and return log.
import { Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { can } from '../../../../../shared/permissions';
import { ApprovalCard } from '../../../approvals/ApprovalPanel';
import { approvalFor } from '../../../approvals/engine';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { BackLink, DetailCard, InfoLine, Loading, Missing, StatusBadge } from '../../../components/Detail';
import { notifyError } from '../../../components/notify';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { getTrip, getVehicle, withdrawTrip } from '../core/vehicles';
import { TRIP_STATUS_LABELS } from '../labels';

import { TripLogForm } from './TripLogForm';
import { STATUS_COLOR } from './trips';

export function TripDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'duty.manage');
  const t = useLiveQuery(() => getTrip(id), [id]);
  const req = useLiveQuery(() => approvalFor('vehicleTrips', id), [id]);
  const v = useLiveQuery(() => (t ? getVehicle(t.vehicleId) : undefined), [t?.vehicleId]);
  const { name } = useStaff();
  if (t === undefined) return <Loading />;
  if (!t) return <Missing>派车单不存在。</Missing>;
  return (
    <Stack>
      <BackLink to={['duty', 'vehicles']}>返回车辆调度</BackLink>
      <DetailCard
        title={`${t.number} ${v?.plate ?? ''} → ${t.destination}`}
        badge={<StatusBadge size="lg" value={t.status} labels={TRIP_STATUS_LABELS} colors={STATUS_COLOR} />}
      >
        <InfoLine
          mt="xs"
          items={[
            ['用车人', name(t.applicantId)],
            ['事由', t.purpose],
            ['乘车人员', t.passengers || '—'],
            ['用车日期', `${t.plannedStart} 至 ${t.plannedEnd}`],
          ]}
        />
        {t.departedAt && (
          <Text size="sm">
            出车：{t.departedAt}（里程表 {t.odometerOut} 公里，驾驶员 {t.driver || '—'}）
          </Text>
        )}
        {t.returnedAt && (
          <Text size="sm">
            回场：{t.returnedAt}（里程表 {t.odometerIn} 公里，行驶 {t.mileage} 公里）
          </Text>
        )}
      </DetailCard>
      <ApprovalCard req={req} />
      {t.status === 'pending' && t.applicantId === user.staffId && (
        <Group>
          <ConfirmButton
            variant="default"
            title="撤回用车申请"
            message="撤回该用车申请？"
            onConfirm={() => withdrawTrip(t.id, currentActor()).catch(notifyError)}
          >
            撤回
          </ConfirmButton>
        </Group>
      )}
      {manage && (t.status === 'approved' || t.status === 'out') && <TripLogForm trip={t} />}
    </Stack>
  );
}
