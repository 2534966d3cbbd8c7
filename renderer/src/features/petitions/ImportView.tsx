// 导入: petition records from a spreadsheet (e.g. an export of the national petition system), with
// a preview, a row-by-row report of what is refused and why, and one transaction on confirm.
import { Alert, Badge, Button, Card, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';

import { useCan } from '../../auth/session';
import { notifyOk } from '../../components/notify';
import { today } from '../../db/clock';

import { checkImportRows, importCategories, importPetitions, parseWorkbook } from './import';
import type { ImportRow } from './import';
import { knownTownships } from './repo';
import { short, useActor, useFieldErrors } from './ui';

export function ImportView() {
  const actor = useActor();
  const canImport = useCan('petition.register');
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const { errors, run } = useFieldErrors();

  async function read(f: File | null) {
    setFile(f);
    setRows(null);
    setProblem(null);
    setDone(null);
    if (!f) return;
    setBusy(true);
    try {
      const parsed = await parseWorkbook(await f.arrayBuffer());
      if (parsed.problem) setProblem(parsed.problem);
      const checked = await checkImportRows(parsed.rows, {
        today: today(),
        townships: await knownTownships(),
        categories: await importCategories(),
      });
      setRows(checked);
    } finally {
      setBusy(false);
    }
  }

  if (!canImport) return <Alert color="gray">您没有导入信访件的权限。</Alert>;
  const valid = rows?.filter((r) => !r.errors.length) ?? [];
  const refused = rows?.filter((r) => r.errors.length) ?? [];
  return (
    <Card withBorder>
      <Stack>
        <Text size="sm">
          选择 .xlsx
          文件（如全国信访信息系统导出表），表头可包括：登记编号、收信日期、来信人、身份证号、联系电话、住址、所属乡镇、问题类别、内容摘要、全国系统录入编号、信访形式。先预览检查，确认后一次性导入全部有效行；导入中途出错则全部撤销。
        </Text>
        <FileInput
          label="选择Excel文件"
          accept=".xlsx"
          value={file}
          onChange={read}
          clearable
          placeholder="点击选择文件"
        />
        {problem && <Alert color="red">{problem}</Alert>}
        {rows && rows.length > 0 && (
          <>
            <Group>
              <Badge size="lg">共 {rows.length} 行</Badge>
              <Badge size="lg" color="green">
                可导入 {valid.length} 行
              </Badge>
              <Badge size="lg" color="red">
                拒绝 {refused.length} 行
              </Badge>
            </Group>
            <Table fz="sm" striped aria-label="导入预览">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>行号</Table.Th>
                  <Table.Th>登记编号</Table.Th>
                  <Table.Th>收信日期</Table.Th>
                  <Table.Th>来信人</Table.Th>
                  <Table.Th>所属乡镇</Table.Th>
                  <Table.Th>问题类别</Table.Th>
                  <Table.Th>内容摘要</Table.Th>
                  <Table.Th>检查结果</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.regNo ?? '（自动编号）'}</Table.Td>
                    <Table.Td>{r.input.receivedOn}</Table.Td>
                    <Table.Td>{r.input.name}</Table.Td>
                    <Table.Td>{r.input.township}</Table.Td>
                    <Table.Td>{r.input.category}</Table.Td>
                    <Table.Td>{short(r.input.summary, 24)}</Table.Td>
                    <Table.Td>
                      {r.errors.length ? (
                        <Text c="red" size="sm">
                          拒绝：{r.errors.join('；')}
                        </Text>
                      ) : (
                        <Text c="green" size="sm">
                          通过
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {errors.rows && <Alert color="red">{errors.rows}</Alert>}
            <Group>
              <Button
                disabled={!valid.length || done !== null}
                loading={busy}
                onClick={async () => {
                  setBusy(true);
                  await run(async () => {
                    const n = await importPetitions(valid, actor);
                    setDone(n);
                    notifyOk(`已导入 ${n} 件`);
                  });
                  setBusy(false);
                }}
              >
                确认导入 {valid.length} 行
              </Button>
              {refused.length > 0 && (
                <Text size="sm" c="dimmed">
                  被拒绝的 {refused.length} 行不会导入，请修改后另行导入。
                </Text>
              )}
            </Group>
            {done !== null && <Alert color="green">已导入 {done} 件信访件。</Alert>}
          </>
        )}
      </Stack>
    </Card>
  );
}
