import {
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { FormCard } from '../../../components/FormCard';
import { ListTable } from '../../../components/ListTable';
import { notifyError } from '../../../components/notify';
import { useCommandForm } from '../../../components/useCommandForm';
import type { Unit, UnitKind } from '../../../db/schema/core';
import type { UnitInput } from '../core/units';
import {
  addRouteSubject,
  addRouteTownship,
  cellKey,
  listUnits,
  routeGrid,
  saveUnit,
  setRoute,
  setUnitActive,
  UNIT_KIND_LABELS,
} from '../core/units';

import { ActiveBadge, dimInactive } from './parts';

export function UnitsTab() {
  const units = useLiveQuery(listUnits, []);
  return (
    <Stack>
      <UnitsCard units={units ?? []} />
      <RouteGridCard units={(units ?? []).filter((u) => u.active)} />
    </Stack>
  );
}

const EMPTY: UnitInput = { name: '', kind: 'township', contact: '', phone: '' };

function UnitForm({ unit, onDone }: { unit: Unit | null; onDone: () => void }) {
  const form = useCommandForm({
    initial: unit
      ? { name: unit.name, kind: unit.kind, contact: unit.contact ?? '', phone: unit.phone ?? '' }
      : EMPTY,
    submit: (v) => saveUnit(unit?.id ?? null, v),
    success: (_r, v) => (unit ? '已保存' : `已添加“${v.name.trim()}”`),
    onDone: () => (form.reset(EMPTY), onDone()),
  });
  return (
    <FormCard form={form} inline submitLabel={unit ? '保存' : '添加单位'} withBorder={false} p={0}>
      <TextInput label="单位名称" {...form.text('name')} w={220} data-autofocus={!!unit} />
      <SegmentedControl
        mt={24}
        aria-label="单位类别"
        data={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        value={form.values.kind}
        onChange={(x) => form.set('kind', x as UnitKind)}
      />
      <TextInput label="联系人" {...form.text('contact')} w={140} />
      <TextInput label="联系电话" {...form.text('phone')} w={160} />
    </FormCard>
  );
}

// One name added to a list (a township row, a subject column) of the table.
function AddNameForm({
  label,
  submitLabel,
  field,
  add,
}: {
  label: string;
  submitLabel: string;
  field: 'township' | 'subject';
  add: (name: string) => Promise<void>;
}) {
  const form = useCommandForm({
    initial: { [field]: '' } as Record<string, string>,
    submit: (v) => add(v[field]),
    onDone: () => form.reset(),
  });
  return (
    <FormCard form={form} inline submitLabel={submitLabel} withBorder={false} p={0}>
      <TextInput label={label} {...form.text(field)} w={160} />
    </FormCard>
  );
}

function UnitsCard({ units }: { units: Unit[] }) {
  const [editing, setEditing] = useState<Unit | null>(null);
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        责任单位（乡镇与部门）
      </Title>
      <UnitForm unit={null} onDone={() => undefined} />
      <ScrollArea.Autosize mah={360} mt="sm">
        <ListTable
          highlightOnHover={false}
          verticalSpacing={4}
          rows={units}
          rowProps={dimInactive}
          head={['单位名称', '类别', '联系人', '联系电话', '状态', '操作']}
          row={(u) => [
            u.name,
            UNIT_KIND_LABELS[u.kind],
            u.contact,
            u.phone,
            <ActiveBadge active={u.active} label="启用" />,
            <Group gap={6} wrap="nowrap">
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(u)}>
                编辑
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color={u.active ? 'red' : 'blue'}
                onClick={() => setUnitActive(u.id, !u.active).catch(notifyError)}
              >
                {u.active ? '停用' : '启用'}
              </Button>
            </Group>,
          ]}
        />
      </ScrollArea.Autosize>
      {units.length === 0 && (
        <Text c="dimmed" size="sm">
          还没有责任单位。
        </Text>
      )}
      {editing && (
        <Modal opened onClose={() => setEditing(null)} title={`编辑：${editing.name}`} size="auto" centered>
          <UnitForm unit={editing} onDone={() => setEditing(null)} />
        </Modal>
      )}
    </Card>
  );
}

function RouteGridCard({ units }: { units: Unit[] }) {
  const grid = useLiveQuery(routeGrid, []);
  const options = [{ value: '', label: '—' }, ...units.map((u) => ({ value: u.id, label: u.name }))];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        责任单位对照表（乡镇 × 问题类别）
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        登记信访事项时，系统按“所属乡镇”和“问题类别”从此表建议责任单位（PET-8：属地管理、谁主管谁负责；不分拆，整体转送）。
      </Text>
      <Group align="flex-end" mb="sm">
        <AddNameForm label="添加乡镇（行）" submitLabel="添加乡镇" field="township" add={addRouteTownship} />
        <AddNameForm
          label="添加问题类别（列）"
          submitLabel="添加类别"
          field="subject"
          add={addRouteSubject}
        />
      </Group>
      {grid && grid.townships.length === 0 && (
        <Text c="dimmed" size="sm">
          请先添加乡镇（或在上方添加类别为“乡镇”的责任单位）。
        </Text>
      )}
      {grid && grid.townships.length > 0 && (
        <ScrollArea type="auto">
          <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={2} horizontalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th
                  style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1 }}
                >
                  乡镇
                </Table.Th>
                {grid.subjects.map((s) => (
                  <Table.Th key={s} miw={120}>
                    {s}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grid.townships.map((t) => (
                <Table.Tr key={t}>
                  <Table.Td
                    fw={500}
                    style={{
                      position: 'sticky',
                      left: 0,
                      background: 'var(--mantine-color-body)',
                      zIndex: 1,
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {t}
                  </Table.Td>
                  {grid.subjects.map((s) => {
                    const r = grid.cells.get(cellKey(t, s));
                    const value = r?.unitId ?? '';
                    const data =
                      r && !unitName.has(r.unitId)
                        ? [...options, { value: r.unitId, label: '（已停用的单位）' }]
                        : options;
                    return (
                      <Table.Td key={s}>
                        <NativeSelect
                          size="xs"
                          aria-label={`${t} ${s} 责任单位`}
                          data={data}
                          value={value}
                          onChange={(e) => setRoute(t, s, e.currentTarget.value || null).catch(notifyError)}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Card>
  );
}
