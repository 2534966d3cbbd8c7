// One trip: its approval chain, withdrawal while pending, and the departure and return log.
import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';

import { can } from '../../../../../shared/permissions';
import { href } from '../../../app/router';
import { ApprovalChain, DecideForm } from '../../../approvals/ApprovalPanel';
import { approvalFor } from '../../../approvals/engine';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
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
  if (t === undefined) return <Text c="dimmed">正在读取…</Text>;
  if (!t) return <Alert color="red">派车单不存在。</Alert>;
  const step = req?.status === 'pending' ? req.steps[req.currentStep] : undefined;
  return (
    <Stack>
      <Anchor href={href('duty', 'vehicles')}>← 返回车辆调度</Anchor>
      <Card withBorder>
        <Group justify="space-between">
          <Title order={4}>
            {t.number} {v?.plate} → {t.destination}
          </Title>
          <Badge size="lg" color={STATUS_COLOR[t.status]}>
            {TRIP_STATUS_LABELS[t.status]}
          </Badge>
        </Group>
        <Text size="sm" mt="xs">
          用车人：{name(t.applicantId)} · 事由：{t.purpose} · 乘车人员：{t.passengers || '—'} · 用车日期：
          {t.plannedStart} 至 {t.plannedEnd}
        </Text>
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
      </Card>
      {req && (
        <Card withBorder>
          <ApprovalChain req={req} />
          {step?.approverId === user.staffId && (
            <Card withBorder mt="sm">
              <DecideForm req={req} />
            </Card>
          )}
        </Card>
      )}
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
