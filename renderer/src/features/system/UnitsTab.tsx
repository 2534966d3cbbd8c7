import { Badge, Button, Card, Group, Modal, NativeSelect, ScrollArea, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { notifyError, notifyOk } from '../../components/notify';
import type { Unit, UnitKind } from '../../db/schema/core';

import { showError } from './ui';
import type { UnitInput } from './unitsRepo';
import { addRouteSubject, addRouteTownship, cellKey, listUnits, routeGrid, saveUnit, setRoute, setUnitActive, UNIT_KIND_LABELS } from './unitsRepo';

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
  const [v, setV] = useState<UnitInput>(unit ? { name: unit.name, kind: unit.kind, contact: unit.contact ?? '', phone: unit.phone ?? '' } : EMPTY);
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await saveUnit(unit?.id ?? null, v);
          notifyOk(unit ? '已保存' : `已添加“${v.name.trim()}”`);
          setV(EMPTY);
          setError(undefined);
          onDone();
        } catch (err) {
          showError(err, ['name'] as const, (x) => setError(x.name));
        }
      }}
    >
      <Group align="flex-end">
        <TextInput label="单位名称" value={v.name} onChange={(e) => (setV({ ...v, name: e.currentTarget.value }), setError(undefined))} error={error} w={220} data-autofocus={!!unit} />
        <SegmentedControl
          aria-label="单位类别"
          data={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          value={v.kind}
          onChange={(x) => setV({ ...v, kind: x as UnitKind })}
        />
        <TextInput label="联系人" value={v.contact} onChange={(e) => setV({ ...v, contact: e.currentTarget.value })} w={140} />
        <TextInput label="联系电话" value={v.phone} onChange={(e) => setV({ ...v, phone: e.currentTarget.value })} w={160} />
        <Button type="submit" variant="light">
          {unit ? '保存' : '添加单位'}
        </Button>
      </Group>
    </form>
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
        <Table striped fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>单位名称</Table.Th>
              <Table.Th>类别</Table.Th>
              <Table.Th>联系人</Table.Th>
              <Table.Th>联系电话</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.id} opacity={u.active ? 1 : 0.55}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{UNIT_KIND_LABELS[u.kind]}</Table.Td>
                <Table.Td>{u.contact}</Table.Td>
                <Table.Td>{u.phone}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={u.active ? 'green' : 'gray'}>
                    {u.active ? '启用' : '已停用'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(u)}>
                      编辑
                    </Button>
                    <Button size="compact-xs" variant="subtle" color={u.active ? 'red' : 'blue'} onClick={() => setUnitActive(u.id, !u.active).catch(notifyError)}>
                      {u.active ? '停用' : '启用'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
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
  const [township, setTownship] = useState('');
  const [subject, setSubject] = useState('');
  const [errors, setErrors] = useState<{ township?: string; subject?: string }>({});
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
        <form
          onSubmit={(e) => {
            e.preventDefault();
            addRouteTownship(township).then(
              () => (setTownship(''), setErrors({})),
              (err) => showError(err, ['township'] as const, setErrors),
            );
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput label="添加乡镇（行）" value={township} onChange={(e) => setTownship(e.currentTarget.value)} error={errors.township} w={160} />
            <Button type="submit" variant="light">
              添加乡镇
            </Button>
          </Group>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            addRouteSubject(subject).then(
              () => (setSubject(''), setErrors({})),
              (err) => showError(err, ['subject'] as const, setErrors),
            );
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput label="添加问题类别（列）" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} w={160} />
            <Button type="submit" variant="light">
              添加类别
            </Button>
          </Group>
        </form>
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
                <Table.Th style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1 }}>乡镇</Table.Th>
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
                  <Table.Td fw={500} style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)', zIndex: 1, whiteSpace: 'nowrap' }}>
                    {t}
                  </Table.Td>
                  {grid.subjects.map((s) => {
                    const r = grid.cells.get(cellKey(t, s));
                    const value = r?.unitId ?? '';
                    const data = r && !unitName.has(r.unitId) ? [...options, { value: r.unitId, label: '（已停用的单位）' }] : options;
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
