// One request's page, the same for a leave and a trip: its record with the approval and the unit
// read live, the heading with its badges and the print button, the facts card with the rules that
// routed it, what the record adds below, the link back to its list; and its slip's print view.
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ComponentProps, ReactNode } from 'react';

import { href, navigate } from '../../../app/router';
import type { TabOf } from '../../../app/routes';
import type { ApprovalRequest } from '../../../approvals/types';
import { useSession } from '../../../auth/session';
import { FormPrint } from '../../../components/FormPrint';
import { RuleLines } from '../../../components/RuleCite';
import { unitName } from '../../../org/org';
import { loadApproval } from '../core';

type RequestRecord = {
  id: string;
  number: string;
  staffName: string;
  approvalId: string | null;
  ruleIds: string[];
};

// The record (undefined: it does not exist), its approval, whether the user may decide it, the unit's
// name, and what `extra` reads for it; undefined while reading.
export function useRequestRecord<T extends RequestRecord, X extends object>(
  id: string,
  get: (id: string) => Promise<T | undefined>,
  extra: (r: T) => Promise<X>,
) {
  const user = useSession((s) => s.user)!;
  return useLiveQuery(async () => {
    const record = await get(id);
    if (!record) return { record: undefined };
    const { approval, mayDecide } = await loadApproval(record.approvalId, user);
    return { record, approval, mayDecide, unit: await unitName(), ...(await extra(record)) } as {
      record: T;
      approval?: ApprovalRequest;
      mayDecide: boolean;
      unit: string;
    } & X;
  }, [id, user.staffId]);
}

export function RequestView({
  tab,
  r,
  title,
  badges,
  printLabel,
  facts,
  back,
  children,
}: {
  tab: 'leave' | 'trip';
  r: RequestRecord;
  title: string;
  badges: ReactNode;
  printLabel: string;
  facts: ReactNode;
  back: { tab: TabOf<'leave'>; label: string };
  children: ReactNode;
}) {
  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Title order={3}>
          {r.number} {r.staffName} {title}
        </Title>
        <Group>
          {badges}
          <Button onClick={() => navigate('leave', tab, r.id, 'slip')}>{printLabel}</Button>
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {facts}
        </SimpleGrid>
        <RuleLines ids={r.ruleIds} />
      </Card>
      {children}
      <Anchor href={href('leave', back.tab)}>{back.label}</Anchor>
    </Stack>
  );
}

// The slip's print view: printing it is recorded by `onPrinted`; 返回 goes back to the record.
export function SlipPrint({
  tab,
  r,
  form,
  actions,
  ...print
}: {
  tab: 'leave' | 'trip';
  r: { id: string; number: string };
  actions?: ReactNode;
} & Omit<ComponentProps<typeof FormPrint>, 'jobTitle' | 'extraActions'>) {
  return (
    <FormPrint
      form={form}
      jobTitle={`${form} ${r.number}`}
      extraActions={
        <>
          {actions}
          <Button variant="subtle" onClick={() => navigate('leave', tab, r.id)}>
            返回
          </Button>
        </>
      }
      {...print}
    />
  );
}
