// The document a loan (DOC-5) or a destruction (DOC-7) is about: typed into one field, which offers
// the documents of 收文 and 发文 matching what is typed (by number or title; see searchRegisterDocs
// for how little it reads). Picking one links the record to it; typing on after a pick unlinks it,
// and what is typed stays as free text (an item not in the registers, e.g. an old paper file),
// said so under the field. Keyboard: ↓/↑ choose, Enter picks, Esc closes; Enter with nothing
// chosen submits the form (nothing is chosen for the user, so free text is never replaced).
import { Anchor, CloseButton, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';

import { href } from '../../../app/router';
import { today } from '../../../db/clock';
import { choiceLabel, DOC_REF_TABLE_LABELS, docRoute, searchRegisterDocs } from '../core/docRefs';
import type { DocChoice, DocRefTable, DocUse } from '../core/docRefs';

// The form's value: the title (free text, or the picked document's title) and the link.
export type DocPick = {
  docTitle: string;
  docRefTable: DocRefTable | null;
  docRefId: string | null;
  docNo: string;
};

export const NO_PICK: DocPick = { docTitle: '', docRefTable: null, docRefId: null, docNo: '' };

const LIMIT = 30;

export function DocPicker({
  label,
  use,
  value,
  onChange,
  error,
  placeholder = '输入编号或标题查找',
}: {
  label: string;
  use: DocUse;
  value: DocPick;
  onChange: (v: DocPick) => void;
  error?: string;
  placeholder?: string;
}) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const linked = !!value.docRefId;
  const text = linked ? choiceLabel({ docNo: value.docNo, title: value.docTitle }) : value.docTitle;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<DocChoice[] | null>(null);
  const [busy, setBusy] = useState(false);

  // Search as one types, a moment after the last key; an older answer never replaces a newer one.
  useEffect(() => {
    if (!combobox.dropdownOpened) return;
    let live = true;
    setBusy(true);
    const t = setTimeout(() => {
      searchRegisterDocs(query, { use, on: today(), limit: LIMIT }).then(
        (list) => {
          if (!live) return;
          setFound(list);
          setBusy(false);
        },
        () => live && setBusy(false),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, use, combobox.dropdownOpened]);

  function pick(key: string) {
    const c = found?.find((x) => `${x.table}:${x.id}` === key);
    if (!c) return;
    onChange({ docTitle: c.title, docRefTable: c.table, docRefId: c.id, docNo: c.docNo });
    combobox.closeDropdown();
  }

  const note = linked ? (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="teal">
        已关联{DOC_REF_TABLE_LABELS[value.docRefTable!]}登记簿：
      </Text>
      <Text size="xs" fw={600} c="teal">
        {value.docNo}
      </Text>
    </Group>
  ) : value.docTitle.trim() ? (
    <Text size="xs" c="orange.8">
      登记簿外的文件（手工填写）
    </Text>
  ) : (
    <Text size="xs" c="dimmed">
      从收文、发文登记簿选取，或直接填写
    </Text>
  );

  return (
    // Wider than a narrow field (the destruction form has four columns), so titles read on one line.
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal width={560} position="bottom-start">
      <Combobox.Target>
        <TextInput
          label={label}
          placeholder={placeholder}
          value={text}
          error={error}
          description={note}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          onChange={(e) => {
            const t = e.currentTarget.value;
            // Typing after a pick unlinks: the text is free again.
            onChange({ ...NO_PICK, docTitle: t });
            setQuery(t);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onFocus={() => {
            setQuery(linked ? '' : value.docTitle);
            combobox.openDropdown();
          }}
          onClick={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          rightSection={
            busy && combobox.dropdownOpened ? (
              <Loader size={14} />
            ) : text ? (
              <CloseButton
                size="sm"
                aria-label="清除"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  onChange(NO_PICK);
                  setQuery('');
                }}
              />
            ) : null
          }
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={found === null}>
        <Combobox.Options mah={360} style={{ overflowY: 'auto' }}>
          {(found ?? []).map((c) => (
            <Combobox.Option value={`${c.table}:${c.id}`} key={c.id} aria-label={choiceLabel(c)}>
              <Text size="sm">
                <Text span fw={600} size="sm">
                  {c.docNo}
                </Text>{' '}
                {c.title}
              </Text>
              <Text size="xs" c="dimmed">
                {DOC_REF_TABLE_LABELS[c.table]}
                {c.date ? ` · ${c.date}` : ''}
                {c.from ? ` · ${c.from}` : ''}
                {c.archived ? ' · 已归档' : ''}
              </Text>
            </Combobox.Option>
          ))}
          {found && found.length === 0 && (
            <Combobox.Empty>
              {query.trim()
                ? '登记簿中没有匹配的文件（较早年份请输入年份，如“2019 会议”）；可直接填写'
                : '登记簿中暂无文件'}
            </Combobox.Empty>
          )}
        </Combobox.Options>
        {found && found.length >= LIMIT && (
          <Combobox.Footer>
            <Text size="xs" c="dimmed">
              只列出前{LIMIT}条，请输入更多文字缩小范围
            </Text>
          </Combobox.Footer>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}

// How a loan or destruction names its document in lists: the register number, linking to the
// document's page, then the title; free text is marked as not from the registers.
export function DocRefText({
  rec,
  after,
}: {
  rec: { docRefTable?: DocRefTable | null; docRefId?: string | null; docNo?: string; docTitle: string };
  after?: ReactNode; // right after the title (e.g. the number of copies)
}) {
  if (rec.docRefTable && rec.docRefId)
    return (
      <>
        <Anchor href={href(...docRoute(rec.docRefTable, rec.docRefId))} inherit>
          {rec.docNo || DOC_REF_TABLE_LABELS[rec.docRefTable]}
        </Anchor>{' '}
        {rec.docTitle}
        {after}
      </>
    );
  return (
    <>
      {rec.docTitle}
      {after}{' '}
      <Text span size="xs" c="dimmed" fw={400}>
        （登记簿外）
      </Text>
    </>
  );
}
