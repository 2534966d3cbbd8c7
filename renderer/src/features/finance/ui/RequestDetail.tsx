// One spend request: its approval chain, withdrawal while pending, and the printed form.
import { Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { formatYuan, rmbUppercase } from '../../../../../shared/rules';
import { ApprovalCard } from '../../../approvals/ApprovalPanel';
import { approvalFor } from '../../../approvals/engine';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { BackLink, DetailCard, InfoLine, Loading, Missing, StatusBadge } from '../../../components/Detail';
import { notifyError } from '../../../components/notify';
import { useStaffBook as useStaff } from '../../../org/hooks';
import { getRequest, withdrawSpendRequest } from '../core/requests';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from '../labels';

import { RequestPrint } from './RequestPrint';
import { STATUS_COLOR } from './requestStatus';

export function RequestDetail({ id }: { id: string }) {
  const user = useSession((s) => s.user)!;
  const r = useLiveQuery(() => getRequest(id), [id]);
  const req = useLiveQuery(() => approvalFor('spendRequests', id), [id]);
  const [print, setPrint] = useState(false);
  const { name } = useStaff();
  if (r === undefined) return <Loading />;
  if (!r) return <Missing>申报单不存在。</Missing>;
  return (
    <Stack>
      <BackLink to={['finance', 'requests']}>返回申报单列表</BackLink>
      <DetailCard
        title={`${REQUEST_KIND_LABELS[r.kind]} ${r.number}`}
        badge={
          <StatusBadge size="lg" value={r.status} labels={REQUEST_STATUS_LABELS} colors={STATUS_COLOR} />
        }
      >
        <InfoLine
          mt="xs"
          items={[
            ['申报人', name(r.applicantId)],
            ['申报日期', r.requestedOn],
            !!r.approvedOn && ['批准日期', r.approvedOn],
          ]}
        />
        <Text size="sm">事由：{r.title}</Text>
        <Text size="sm">理由：{r.reason}</Text>
        {r.printer && <Text size="sm">印制单位：{r.printer}</Text>}
        <Text size="sm">
          预算合计：¥{formatYuan(r.estimatedFen)}（{rmbUppercase(r.estimatedFen)}）
        </Text>
      </DetailCard>
      <ApprovalCard req={req} />
      <Group>
        {r.status === 'pending' && r.applicantId === user.staffId && (
          <ConfirmButton
            variant="default"
            title="撤回申报单"
            message="撤回后审批终止。"
            onConfirm={() => withdrawSpendRequest(r.id, currentActor()).catch(notifyError)}
          >
            撤回
          </ConfirmButton>
        )}
        <Button variant="default" onClick={() => setPrint(!print)}>
          {print ? '关闭打印预览' : `打印${REQUEST_KIND_LABELS[r.kind]}`}
        </Button>
      </Group>
      {print && <RequestPrint r={r} req={req} applicant={name(r.applicantId)} />}
    </Stack>
  );
}
