// A paper or reflection of one's own (or, for the office, anyone's) (STU-4).
import { NativeSelect, TextInput } from '@mantine/core';

import { currentActor, useSession } from '../../../auth/session';
import { DateField } from '../../../components/dates';
import { FormCard } from '../../../components/FormCard';
import { StaffSelect } from '../../../components/StaffSelect';
import { useCommandForm } from '../../../components/useCommandForm';
import type { FieldErrors } from '../../../components/useFieldErrors';
import { today } from '../../../db/clock';
import type { Staff } from '../../../db/schema/core';
import type { StudyPaperKind } from '../../../db/schema/meetings';
import { recordPaper } from '../core/commands';
import { L, PAPER_KIND_LABELS } from '../labels';

import { FIELD_ERRORS } from './formOptions';

const KINDS = Object.entries(PAPER_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function PaperForm({ staff }: { staff: Staff[] }) {
  const user = useSession((s) => s.user)!;
  const form = useCommandForm({
    ...FIELD_ERRORS,
    initial: () => ({
      staffId: user.staffId,
      writtenOn: today(),
      kind: 'reflection' as StudyPaperKind,
      title: '',
      publishedIn: '',
    }),
    check: (v): FieldErrors => (v.title.trim() ? {} : { title: '请填写题目' }),
    submit: (v) => recordPaper(v, currentActor()),
    success: '已登记',
    onDone: () => form.reset(),
  });
  return (
    <FormCard form={form} inline submitLabel="登记心得论文">
      <StaffSelect label={L.staff} staff={staff} {...form.input('staffId')} />
      <NativeSelect
        label={L.paperKind}
        value={form.values.kind}
        onChange={(e) => form.set('kind', e.currentTarget.value as StudyPaperKind)}
        data={KINDS}
      />
      <TextInput label={L.paperTitle} w={320} {...form.text('title')} />
      <DateField label={L.writtenOn} {...form.input('writtenOn')} />
      <TextInput label={L.publishedIn} {...form.text('publishedIn')} />
    </FormCard>
  );
}
