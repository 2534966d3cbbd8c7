// The year's integrity pledges (廉政承诺书), one per person (ASM-1 item 8).
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { can } from '../../../../../shared/permissions';
import { currentActor, useSession } from '../../../auth/session';
import { ConfirmButton } from '../../../components/Confirm';
import { DateField, thisYear as currentYear } from '../../../components/dates';
import { attempt, YearPicker } from '../../../components/ListParts';
import { ListTable } from '../../../components/ListTable';
import { notifyError } from '../../../components/notify';
import { today } from '../../../db/clock';
import { useSections, useStaffBook as useStaff } from '../../../org/hooks';
import { listPledges, revokePledge, signPledge } from '../core/integrity';
import { L } from '../labels';

export function PledgesTab() {
  const user = useSession((s) => s.user)!;
  const manage = can(user.roles, 'integrity.manage') || can(user.roles, 'assessment.manage');
  const [year, setYear] = useState(String(currentYear()));
  const [signedOn, setSignedOn] = useState(today());
  const { list } = useStaff();
  const sections = useSections();
  const pledges = useLiveQuery(() => listPledges(Number(year)), [year]);
  const byStaff = new Map((pledges ?? []).map((p) => [p.staffId, p]));
  const people = manage ? list : list.filter((s) => s.id === user.staffId);
  const signed = people.filter((s) => byStaff.has(s.id)).length;
  const sign = (staffId: string) =>
    attempt(() => signPledge(staffId, Number(year), signedOn, currentActor()), '已登记签订');
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        廉政承诺书每人每年签订一份，作为年度考核第8项“是否签订廉政承诺书”的依据（ASM-1）。
      </Text>
      <Group align="flex-end">
        <YearPicker label={L.pledgeYear} value={year} onChange={setYear} />
        <DateField label={L.signedOn} value={signedOn} onChange={setSignedOn} w={170} />
        <Text ml="auto" size="sm">
          已签订 {signed} / {people.length} 人
        </Text>
      </Group>
      <ListTable
        highlightOnHover={false}
        rows={people}
        head={['姓名', '股室', '职务', L.signedOn, '']}
        row={(s) => {
          const p = byStaff.get(s.id);
          return [
            s.name,
            s.sectionId ? sections.get(s.sectionId) : '局领导',
            s.title,
            p ? p.signedOn : <Badge color="orange">未签订</Badge>,
            <>
              {!p && (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => sign(s.id)}
                  aria-label={`${L.sign} ${s.name}`}
                >
                  {L.sign}
                </Button>
              )}
              {p && manage && (
                <ConfirmButton
                  size="xs"
                  variant="subtle"
                  title="撤销登记"
                  message={`撤销${s.name}${year}年度廉政承诺书的登记（误登记时使用）？`}
                  onConfirm={() => revokePledge(p.id, '误登记', currentActor()).catch(notifyError)}
                >
                  撤销
                </ConfirmButton>
              )}
            </>,
          ];
        }}
      />
    </Stack>
  );
}
