// 填写申报单: the kind, the reason and the items with their estimates; FIN-6 says who approves.
import { ActionIcon, Alert, Button, Group, NativeSelect, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

import {
  formatYuan,
  printingRequestRoute,
  rmbUppercase,
  supplyRequestRoute,
} from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { currentActor } from '../../../auth/session';
import { FormCard } from '../../../components/FormCard';
import { useCommandForm } from '../../../components/useCommandForm';
import { typedFen } from '../../../components/Yuan';
import type { RequestKind } from '../../../db/schema/finance';
import { parseYuan } from '../../../db/validate';
import { submitSpendRequest } from '../core/requests';
import { L, REQUEST_KIND_LABELS } from '../labels';

type ItemLine = { name: string; quantity: string; unit: string; est: string };
const EMPTY_ITEM: ItemLine = { name: '', quantity: '1', unit: '', est: '' };

export function RequestForm() {
  const form = useCommandForm({
    initial: () => ({
      kind: 'supply' as RequestKind,
      title: '',
      reason: '',
      printer: '',
      approverLevel: 'deputy' as 'deputy' | 'director',
      items: [{ ...EMPTY_ITEM }],
    }),
    notifyFieldErrors: 'with_rule',
    submit: ({ items, ...v }) =>
      submitSpendRequest(
        {
          ...v,
          items: items.map((it, i) => ({
            name: it.name,
            quantity: Number(it.quantity),
            unit: it.unit.trim(),
            estFen: parseYuan(it.est, `items.${i}.est`, '预算金额', true),
          })),
        },
        currentActor(),
      ),
    success: (r) => `已提交 ${r.number}`,
    onDone: (r) => navigate('finance', 'requests', r.id),
  });
  const { values, errors } = form;
  const { kind, items } = values;
  const typed = items.map((i) => typedFen(i.est));
  const total = typed.every((f) => f !== null) ? typed.reduce<number>((n, f) => n + (f ?? 0), 0) : null;
  const setItems = (next: ItemLine[]) => form.set('items', next);
  const setItem = (i: number, p: Partial<ItemLine>) =>
    setItems(items.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const route = kind === 'supply' ? supplyRequestRoute() : printingRequestRoute();
  const nth = (label: string, i: number) => (i === 0 ? label : `${label}（第${i + 1}项）`);
  return (
    <FormCard
      form={form}
      maw={860}
      title="填写申报单"
      submitLabel={L.submitRequest}
      footer={
        <Button variant="default" onClick={() => navigate('finance', 'requests')}>
          取消
        </Button>
      }
      gap="md"
      titleOrder={4}
    >
      <Group grow align="flex-start">
        <NativeSelect
          label={L.requestKind}
          value={kind}
          onChange={(e) => form.set('kind', e.currentTarget.value as RequestKind)}
          data={[
            { value: 'supply', label: REQUEST_KIND_LABELS.supply },
            { value: 'printing', label: REQUEST_KIND_LABELS.printing },
          ]}
        />
        {kind === 'printing' && (
          <NativeSelect
            label={L.approverLevel}
            value={values.approverLevel}
            onChange={(e) => form.set('approverLevel', e.currentTarget.value as 'deputy' | 'director')}
            data={[
              { value: 'deputy', label: '分管领导' },
              { value: 'director', label: '主要领导（局长）' },
            ]}
          />
        )}
      </Group>
      <Alert color="blue" variant="light">
        《{route.formName}》须经{route.require === 'all' ? '分管领导和主要领导' : '分管领导或主要领导'}
        批准后方可开支，否则费用自理（FIN-6）。
      </Alert>
      <TextInput label={kind === 'supply' ? L.requestTitle : '文件名称'} {...form.text('title')} autoFocus />
      <Textarea label={L.requestReason} {...form.text('reason')} autosize minRows={2} />
      {kind === 'printing' && <TextInput label={L.printer} {...form.text('printer')} />}
      {items.map((it, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <TextInput
            label={nth(L.itemName, i)}
            value={it.name}
            onChange={(e) => setItem(i, { name: e.currentTarget.value })}
            error={errors[`items.${i}.name`]}
            w={240}
          />
          <TextInput
            label={nth(L.itemQty, i)}
            value={it.quantity}
            onChange={(e) => setItem(i, { quantity: e.currentTarget.value })}
            error={errors[`items.${i}.quantity`]}
            w={100}
          />
          <TextInput
            label={nth(L.itemUnit, i)}
            value={it.unit}
            onChange={(e) => setItem(i, { unit: e.currentTarget.value })}
            w={90}
          />
          <TextInput
            label={nth(L.itemEst, i)}
            value={it.est}
            onChange={(e) => setItem(i, { est: e.currentTarget.value })}
            error={errors[`items.${i}.est`]}
            w={150}
          />
          {items.length > 1 && (
            <ActionIcon
              mt={28}
              variant="subtle"
              color="red"
              aria-label={`删除第${i + 1}项`}
              onClick={() => setItems(items.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {['items', 'route'].map(
        (k) =>
          errors[k] && (
            <Text key={k} c="red" size="sm">
              {errors[k]}
            </Text>
          ),
      )}
      <Group>
        <Button variant="light" size="xs" onClick={() => setItems([...items, { ...EMPTY_ITEM }])}>
          添加一项
        </Button>
        {total !== null && (
          <Text size="sm">
            预算合计 ¥{formatYuan(total)}（{rmbUppercase(total)}）
          </Text>
        )}
      </Group>
    </FormCard>
  );
}
