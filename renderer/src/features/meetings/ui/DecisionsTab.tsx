// 会议决定: the year's decisions register (both kinds), one decision in focus with its follow-up.
import { Alert, Button, Group, NativeSelect, Stack } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { navigate } from '../../../app/router';
import { useCan, useSession } from '../../../auth/session';
import { thisYear, YearSelect } from '../../../components/dates';
import { notifyError } from '../../../components/notify';
import { RuleLines } from '../../../components/RuleCite';
import { useStaffBook } from '../../../org/hooks';
import { exportDecisionRegister } from '../core/exports';
import { decisionRegister, findDecision } from '../core/queries';
import { FOLLOW_UP_LABELS, FOLLOW_UP_OPTIONS, L } from '../labels';

import { DecisionSelect } from './DecisionSelect';
import { DecisionTable } from './DecisionTable';
import { FollowUpForm } from './FollowUpForm';

export function DecisionsTab({ focus }: { focus?: string }) {
  const book = useStaffBook();
  const user = useSession((s) => s.user)!;
  const manage = useCan('meetings.manage');
  const [year, setYear] = useState(thisYear());
  const [state, setState] = useState('');
  const focused = useLiveQuery(() => findDecision(focus), [focus]);
  const list = useLiveQuery(() => decisionRegister(year, state), [year, state], []);
  const mayFollowUp = !!focused && (manage || focused.ownerId === user.staffId);
  return (
    <Stack>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <YearSelect value={year} onChange={setYear} />
          <NativeSelect
            label={L.followUp}
            value={state}
            onChange={(e) => setState(e.currentTarget.value)}
            data={[{ value: '', label: '全部' }, ...FOLLOW_UP_OPTIONS]}
          />
          <DecisionSelect
            label="查找局长办公会决定"
            w={420}
            value={focus ?? null}
            onChange={(id) =>
              id ? navigate('meetings', 'decisions', id) : navigate('meetings', 'decisions')
            }
          />
        </Group>
        <Button variant="default" onClick={() => exportDecisionRegister(year).catch(notifyError)}>
          {L.exportExcel}
        </Button>
      </Group>
      {focused && mayFollowUp && <FollowUpForm key={focused.id} decision={focused} book={book} />}
      {focused && !mayFollowUp && (
        <Alert color="blue" title={focused.number}>
          {focused.text}（{FOLLOW_UP_LABELS[focused.followUp]}）
        </Alert>
      )}
      <DecisionTable decisions={list} book={book} focus={focus} />
      <RuleLines ids={['MTG-1']} inline />
    </Stack>
  );
}
