// A record's approval inside its list: the chain, and the decision form when the pending step is the
// user's. `fold`: the chain stays behind an '审批记录' button unless the user is to decide.
import { Button, Stack, Table } from '@mantine/core';
import type { StackProps } from '@mantine/core';
import { useState } from 'react';

import { ApprovalChain, DecideForm } from './ApprovalPanel';
import type { ApprovalRequest } from './types';
import { useApproval } from './useApproval';

function Steps({
  req,
  mine,
  fold,
  ...stack
}: { req: ApprovalRequest; mine: boolean; fold: boolean } & StackProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {(!fold || open || mine) && (
        <Stack gap="xs" {...stack}>
          <ApprovalChain req={req} />
          {mine && <DecideForm req={req} />}
        </Stack>
      )}
      {fold && !mine && (
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)}>
          {open ? '收起审批记录' : '审批记录'}
        </Button>
      )}
    </>
  );
}

// Below a record (e.g. in its card): the approval, whatever its state.
export function ApprovalSteps({
  approvalId,
  fold = false,
  ...stack
}: { approvalId: string | null | undefined; fold?: boolean } & StackProps) {
  const { req, mine } = useApproval(approvalId);
  return req ? <Steps req={req} mine={mine} fold={fold} {...stack} /> : null;
}

// A table row across the list's `colSpan` columns, while the approval is pending.
export function ApprovalRow({
  approvalId,
  colSpan,
  fold = false,
}: {
  approvalId: string | null | undefined;
  colSpan: number;
  fold?: boolean;
}) {
  const { req, mine } = useApproval(approvalId);
  if (!req || req.status !== 'pending') return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan} p={fold ? 0 : undefined}>
        <Steps req={req} mine={mine} fold={fold} p={fold ? 'xs' : undefined} />
      </Table.Td>
    </Table.Tr>
  );
}
