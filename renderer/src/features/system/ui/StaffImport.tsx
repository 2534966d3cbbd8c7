import { Alert, Badge, Button, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';

import { errorMessage, notifyError, notifyOk } from '../../../components/notify';
import { platform, XLSX_FILTER } from '../../../platform';
import type { ImportPreview } from '../core/staffImport';
import {
  STAFF_COLUMNS,
  importStaff,
  previewStaffImport,
  readXlsxTable,
  staffTemplate,
} from '../core/staffImport';
import { STAFF_IMPORT_HELP } from '../labels';

export function StaffImport({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [table, setTable] = useState<unknown[][] | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(f: File | null) {
    setFile(f);
    setPreview(null);
    setTable(null);
    setFailure(null);
    if (!f) return;
    setBusy(true);
    try {
      const t = await readXlsxTable(await f.arrayBuffer());
      setTable(t);
      setPreview(await previewStaffImport(t));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const bad = preview?.rows.filter((r) => r.problems.length) ?? [];
  return (
    <Modal opened onClose={onClose} title="从Excel导入人员" size="xl" centered>
      <Stack>
        <Text size="sm">{STAFF_IMPORT_HELP}</Text>
        <Group align="flex-end">
          <FileInput
            label="人员名单文件（.xlsx）"
            placeholder="选择文件"
            accept=".xlsx"
            value={file}
            onChange={choose}
            clearable
            w={320}
          />
          <Button
            variant="subtle"
            onClick={async () => {
              try {
                await platform.saveFile({
                  suggestedName: '人员导入模板.xlsx',
                  data: await staffTemplate(),
                  filters: XLSX_FILTER,
                });
              } catch (e) {
                notifyError(e);
              }
            }}
          >
            下载导入模板
          </Button>
        </Group>
        {failure && <Alert color="red">{failure}</Alert>}
        {preview?.headerProblem && <Alert color="red">{preview.headerProblem}</Alert>}
        {preview && preview.rows.length > 0 && (
          <>
            {bad.length > 0 ? (
              <Alert color="red" title="有不合格的行，全部未导入">
                共 {preview.rows.length} 行，其中 {bad.length}{' '}
                行不合格（见下表红色说明）。请修改文件后重新选择。
              </Alert>
            ) : (
              <Alert color="green">共 {preview.rows.length} 行，全部合格，可以导入。</Alert>
            )}
            <ScrollArea h={320}>
              <Table fz="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>行</Table.Th>
                    {STAFF_COLUMNS.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                    <Table.Th>检查结果</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.line}>
                      <Table.Td>{r.line}</Table.Td>
                      {STAFF_COLUMNS.map((c) => (
                        <Table.Td key={c}>{r.fields[c]}</Table.Td>
                      ))}
                      <Table.Td>
                        {r.problems.length === 0 ? (
                          <Badge color="green" variant="light" size="sm">
                            合格
                          </Badge>
                        ) : (
                          <Text c="red" size="xs">
                            {r.problems.join('；')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            关闭
          </Button>
          <Button
            disabled={!preview?.ok || !table}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const n = await importStaff(table!);
                notifyOk(`已导入 ${n} 名人员`);
                onClose();
              } catch (e) {
                notifyError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            导入
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
