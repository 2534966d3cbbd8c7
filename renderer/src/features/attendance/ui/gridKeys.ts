// The register grid's keyboard logic, pure so it can be tested without a browser: what a typed
// cell means (0812, 08:12, 8, 旷) and where a key moves the cursor.

export type ParsedCell = { ok: true; value: string | null | 'absent' } | { ok: false; error: string };

export const BAD_TIME = '时间无效：请输入00:00至23:59之间的时间，如 0812 或 08:12';

// '' clears the cell; 旷 / x marks the session absent; 0812, 812, 8, 08:12, 8:12, 08.12, 08：12 are times.
export function parseTimeInput(raw: string): ParsedCell {
  const t = raw.trim();
  if (t === '') return { ok: true, value: null };
  if (t === '旷' || t.toLowerCase() === 'x') return { ok: true, value: 'absent' };
  let h: number;
  let m: number;
  let mm: RegExpExecArray | null;
  if ((mm = /^(\d{1,2})[:：.](\d{2})$/.exec(t))) {
    h = Number(mm[1]);
    m = Number(mm[2]);
  } else if (/^\d{3,4}$/.test(t)) {
    h = Number(t.slice(0, t.length - 2));
    m = Number(t.slice(-2));
  } else if (/^\d{1,2}$/.test(t)) {
    h = Number(t);
    m = 0;
  } else {
    return { ok: false, error: BAD_TIME };
  }
  if (h > 23 || m > 59) return { ok: false, error: BAD_TIME };
  return { ok: true, value: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` };
}

export type GridPos = { row: number; col: number };
export type GridSize = { rows: number; cols: number };
export type KeyInfo = {
  key: string;
  shift?: boolean;
  ctrl?: boolean;
  alt?: boolean;
  caretAtStart?: boolean; // for text cells: the arrow keys move the caret inside the text first
  caretAtEnd?: boolean;
  textCell?: boolean;
};

export type GridAction =
  | { type: 'none' } // let the input handle the key (typing)
  | { type: 'move'; to: GridPos; commit: boolean } // commit the cell (if changed), then go there
  | { type: 'revert' } // Escape: forget what was typed in this cell
  | { type: 'day'; delta: 1 | -1 }; // PageDown/PageUp: the next or previous working day

function clamp(p: GridPos, s: GridSize): GridPos {
  return { row: Math.max(0, Math.min(s.rows - 1, p.row)), col: Math.max(0, Math.min(s.cols - 1, p.col)) };
}

// Enter saves and moves down (Shift+Enter up); arrows move (left/right inside text only at the
// ends); Tab moves right and wraps to the next row; Escape reverts; PageDown/PageUp change the day.
export function gridKey(k: KeyInfo, at: GridPos, size: GridSize): GridAction {
  const move = (row: number, col: number): GridAction => ({
    type: 'move',
    to: clamp({ row, col }, size),
    commit: true,
  });
  switch (k.key) {
    case 'Enter':
      return move(at.row + (k.shift ? -1 : 1), at.col);
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'ArrowLeft':
      if (k.textCell && !k.caretAtStart) return { type: 'none' };
      return move(at.row, at.col - 1);
    case 'ArrowRight':
      if (k.textCell && !k.caretAtEnd) return { type: 'none' };
      return move(at.row, at.col + 1);
    case 'Tab':
      if (k.shift) return at.col > 0 ? move(at.row, at.col - 1) : move(at.row - 1, size.cols - 1);
      return at.col < size.cols - 1 ? move(at.row, at.col + 1) : move(at.row + 1, 0);
    case 'Escape':
      return { type: 'revert' };
    case 'PageDown':
      return { type: 'day', delta: 1 };
    case 'PageUp':
      return { type: 'day', delta: -1 };
    default:
      return { type: 'none' };
  }
}
