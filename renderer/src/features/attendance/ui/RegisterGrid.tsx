// 每日登记: the whole bureau's AM and PM sign-ins of one day on one screen, keyboard first.
// Arrow keys move, a time is typed as 0812 or 08:12, Enter saves and moves down, Esc reverts,
// PageDown/PageUp change the day. Approved leave and trips are filled in; 迟/早/旷 are derived by
// the rules, never typed. A refused cell keeps what was typed and shows why.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';

import type { Half, ISODate } from '../../../../../shared/rules';
import { addCalendarDays, dayOfWeek, isWorkday, leaveTypeInfo } from '../../../../../shared/rules';
import { navigate } from '../../../app/router';
import { currentActor } from '../../../auth/session';
import { useCalendar } from '../../../calendar/calendar';
import { DateField } from '../../../components/dates';
import { errorMessage } from '../../../components/notify';
import { today } from '../../../db/clock';
import { DomainError } from '../../../db/repo';
import type { SignIn } from '../../../db/schema/attendance';
import { monthIsLocked, saveSignIn, saveSignInNote, signInsOn } from '../core/signins';
import type { SignInField } from '../core/signins';
import { knownSessions, leavesOverlapping, liveMonth, tripsOverlapping } from '../core/tally';

import { gridKey, parseTimeInput } from './gridKeys';
import { codeColor, Legend } from './parts';

type Col = { half: Half; field: SignInField; label: string } | { note: true; label: string };
const COLS: Col[] = [
  { half: 'am', field: 'at', label: '上午签到' },
  { half: 'am', field: 'leftAt', label: '上午离岗' },
  { half: 'pm', field: 'at', label: '下午签到' },
  { half: 'pm', field: 'leftAt', label: '下午离岗' },
  { note: true, label: '备注' },
];
const WEEKDAYS = '日一二三四五六';

function stepWorkday(date: ISODate, delta: 1 | -1, cal: Parameters<typeof isWorkday>[1]): ISODate {
  let d = addCalendarDays(date, delta);
  for (let i = 0; i < 30 && !isWorkday(d, cal); i++) d = addCalendarDays(d, delta);
  return d;
}

export function RegisterGrid({ date: dateParam }: { date?: string }) {
  const cal = useCalendar();
  const date = dateParam ?? today();
  const setDate = useCallback((d: ISODate) => navigate('attendance', 'register', d), []);
  const data = useLiveQuery(async () => {
    const month = await liveMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
    const [signIns, leaves, trips, locked] = await Promise.all([
      signInsOn(date),
      leavesOverlapping(date, date),
      tripsOverlapping(date, date),
      monthIsLocked(date),
    ]);
    return { month, signIns, leaves, trips, locked };
  }, [date]);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const refs = useRef<Record<string, HTMLInputElement | null>>({});
  const focusPos = useRef({ row: 0, col: 0 });

  useEffect(() => {
    setDrafts({});
    setErrors({});
  }, [date]);

  const people = data?.month.people ?? [];
  const byStaff = new Map<string, SignIn>((data?.signIns ?? []).map((s) => [s.staffId, s]));
  const known: ReturnType<typeof knownSessions> = data
    ? knownSessions([], data.leaves, data.trips, cal, date, date)
    : new Map();
  const workday = isWorkday(date, cal);
  const readOnly = !workday || !!data?.locked || date > today();
  const dayIndex = Number(date.slice(8, 10)) - 1;

  // Drafts that the stored data now shows are done.
  useEffect(() => {
    if (!data) return;
    setDrafts((d) => {
      let changed = false;
      const n = { ...d };
      for (const k of Object.keys(d)) {
        const [r, c] = k.split(':').map(Number);
        if (!errors[k] && d[k] === stored(r, c)) {
          delete n[k];
          changed = true;
        }
      }
      return changed ? n : d;
    });
    // stored() reads data; errors only guard cells still refused
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  const loaded = !!data && people.length > 0;
  useEffect(() => {
    // On a new day (and at first), the cursor stays where it was: the first cell at first.
    if (loaded) refs.current[`${focusPos.current.row}:${focusPos.current.col}`]?.focus();
  }, [date, loaded]);

  const key = (r: number, c: number) => `${r}:${c}`;

  function stored(r: number, c: number): string {
    const s = byStaff.get(people[r]?.staffId);
    const col = COLS[c];
    if ('note' in col) return s?.note ?? '';
    const e = s?.[col.half];
    if (col.field === 'at' && e?.absent) return '旷';
    return (e?.[col.field] as string | null | undefined) ?? '';
  }

  function cover(r: number, half: Half): string | null {
    const k = known.get(people[r]?.staffId)?.get(date)?.[half];
    if (k?.trip) return '公出';
    if (k?.leave?.approved) return leaveTypeInfo(k.leave.leaveType).label;
    return null;
  }

  function setDraft(k: string, v: string | undefined) {
    setDrafts((d) => {
      const n = { ...d };
      if (v === undefined) delete n[k];
      else n[k] = v;
      return n;
    });
  }
  function setError(k: string, v: string | undefined) {
    setErrors((d) => {
      const n = { ...d };
      if (v === undefined) delete n[k];
      else n[k] = v;
      return n;
    });
  }

  // Saves the cell if it was changed; false when what was typed cannot be read (stay on the cell).
  function commit(r: number, c: number): boolean {
    const k = key(r, c);
    const draft = drafts[k];
    if (draft === undefined || readOnly) return true;
    const person = people[r];
    const col = COLS[c];
    if (draft === stored(r, c)) {
      setDraft(k, undefined);
      setError(k, undefined);
      return true;
    }
    // On success the cell keeps the saved value until the day's data shows it (no flicker).
    const done = (saved: string) => () => {
      setDrafts((d) => (d[k] !== draft ? d : { ...d, [k]: saved }));
      setError(k, undefined);
    };
    const fail = (e: unknown) => setError(k, e instanceof DomainError ? e.message : errorMessage(e));
    if ('note' in col) {
      saveSignInNote(person.staffId, date, draft, currentActor()).then(done(draft.trim()), fail);
      return true;
    }
    const parsed = parseTimeInput(draft);
    if (!parsed.ok) {
      setError(k, parsed.error);
      return false;
    }
    if (parsed.value === 'absent' && col.field !== 'at') {
      setError(k, '“旷”只能填在签到栏');
      return false;
    }
    const shown = parsed.value === 'absent' ? '旷' : (parsed.value ?? '');
    saveSignIn(
      { staffId: person.staffId, date, half: col.half, field: col.field, value: parsed.value },
      currentActor(),
    ).then(done(shown), fail);
    return true;
  }

  function focus(r: number, c: number) {
    const el = refs.current[key(r, c)];
    if (el) {
      el.focus();
      el.select();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, r: number, c: number) {
    const el = e.currentTarget;
    const isNote = c === COLS.length - 1;
    const action = gridKey(
      {
        key: e.key,
        shift: e.shiftKey,
        textCell: isNote,
        caretAtStart: el.selectionStart === 0 && el.selectionEnd === 0,
        caretAtEnd: el.selectionStart === el.value.length,
      },
      { row: r, col: c },
      { rows: people.length, cols: COLS.length },
    );
    if (action.type === 'none') return;
    e.preventDefault();
    if (action.type === 'revert') {
      setDraft(key(r, c), undefined);
      setError(key(r, c), undefined);
      return;
    }
    if (action.type === 'day') {
      if (!commit(r, c)) return;
      focusPos.current = { row: r, col: c };
      setDate(stepWorkday(date, action.delta, cal));
      return;
    }
    if (!commit(r, c)) return;
    focus(action.to.row, action.to.col);
  }

  const wd = WEEKDAYS[dayOfWeek(date)];
  return (
    <Stack>
      <Group align="flex-end">
        <DateField label="登记日期" value={date} w={170} onChange={(v) => v && setDate(v)} />
        <Button variant="default" onClick={() => setDate(stepWorkday(date, -1, cal))}>
          前一工作日
        </Button>
        <Button variant="default" onClick={() => setDate(stepWorkday(date, 1, cal))}>
          后一工作日
        </Button>
        <Text size="sm" c="dimmed">
          星期{wd}
          {workday ? '（工作日）' : '（休息日）'}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        键盘操作：方向键在格间移动；输入 0812 或 08:12 记录时间；回车保存并下移（Shift+回车上移）；Esc
        撤销本格输入；输入“旷”记为旷工；PageDown/PageUp
        换到后/前一工作日。迟到（ATT-2）、早退（ATT-4）、旷工（ATT-5）由系统按规则判定。
      </Text>
      {!workday && <Alert color="gray">该日为休息日（以工作日历为准），无需签到。</Alert>}
      {data?.locked && (
        <Alert color="orange" title="该月考勤已通报并锁定（ATT-7）">
          签到记录只读。如需修改，请在“月度审核”中办理更正（须填写理由）。
        </Alert>
      )}
      {date > today() && <Alert color="gray">不能登记今天以后的签到。</Alert>}
      <div style={{ overflowX: 'auto' }}>
        <table className="att-grid" style={{ borderCollapse: 'collapse', width: '100%', minWidth: 900 }}>
          <thead>
            <tr>
              {['序号', '姓名', '股室', ...COLS.map((c) => c.label), '结果（上午/下午）'].map((h) => (
                <th key={h} style={TH}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {people.map((p, r) => {
              const day = data?.month.sheets.get(p.staffId)?.days[dayIndex];
              const kd = known.get(p.staffId)?.get(date);
              const pending =
                !!kd && (['am', 'pm'] as Half[]).some((h) => kd[h].leave && !kd[h].leave!.approved);
              return (
                <tr key={p.staffId}>
                  <td style={TD}>{r + 1}</td>
                  <td style={{ ...TD, whiteSpace: 'nowrap' }}>{p.name}</td>
                  <td style={{ ...TD, whiteSpace: 'nowrap', color: 'var(--mantine-color-dimmed)' }}>
                    {p.section}
                  </td>
                  {COLS.map((col, c) => {
                    const k = key(r, c);
                    const covered = 'half' in col ? cover(r, col.half) : null;
                    const err = errors[k];
                    const dirty = drafts[k] !== undefined;
                    return (
                      <td key={c} style={{ ...TD, padding: 2, minWidth: 'note' in col ? 180 : 84 }}>
                        <input
                          ref={(el) => {
                            refs.current[k] = el;
                          }}
                          aria-label={`${p.name} ${col.label}`}
                          aria-invalid={!!err}
                          title={err}
                          value={covered ?? drafts[k] ?? stored(r, c)}
                          readOnly={readOnly || !!covered}
                          onChange={(e) => setDraft(k, e.currentTarget.value)}
                          onKeyDown={(e) => onKeyDown(e, r, c)}
                          onFocus={(e) => e.currentTarget.select()}
                          style={{
                            width: '100%',
                            boxSizing: 'border-box',
                            padding: '4px 6px',
                            font: 'inherit',
                            fontSize: 14,
                            border: `1px solid ${err ? 'var(--mantine-color-red-6)' : 'var(--mantine-color-default-border)'}`,
                            borderRadius: 4,
                            background: covered
                              ? 'var(--mantine-color-grape-light)'
                              : dirty
                                ? 'var(--mantine-color-yellow-light)'
                                : readOnly
                                  ? 'var(--mantine-color-gray-light)'
                                  : 'var(--mantine-color-body)',
                            color: 'var(--mantine-color-text)',
                          }}
                        />
                        {err && (
                          <Text size="xs" c="red" role="alert" maw={'note' in col ? 260 : 160}>
                            {err}
                          </Text>
                        )}
                      </td>
                    );
                  })}
                  <td style={{ ...TD, whiteSpace: 'nowrap' }} data-testid={`result-${p.name}`}>
                    {day && workday ? (
                      <>
                        <span style={{ color: codeColor(day.am.code) }}>{day.am.code || '—'}</span>
                        {' / '}
                        <span style={{ color: codeColor(day.pm.code) }}>{day.pm.code || '—'}</span>
                        {pending && (
                          <Text span size="xs" c="orange">
                            {' '}
                            （请假待批，LV-5）
                          </Text>
                        )}
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Legend />
    </Stack>
  );
}

const TH = {
  border: '1px solid var(--mantine-color-default-border)',
  padding: '6px 8px',
  background: 'var(--mantine-color-default-hover)',
  fontWeight: 600,
  fontSize: 14,
  whiteSpace: 'nowrap',
} as const;
const TD = {
  border: '1px solid var(--mantine-color-default-border)',
  padding: '4px 8px',
  fontSize: 14,
} as const;
