// A ledger's print view, laid out as its Excel sheet prints (shared/ledger.ts decides both): the same
// paper and orientation, the same column widths (fixed, so that a short column is never squeezed to
// one character), 宋体 at the same size, the header rows repeated on every page (thead), the sheet's
// own signature lines under the table and at the foot of every page with 第N页 共M页 (CSS page
// margin boxes, which Chromium prints).
import { useMemo } from 'react';

import {
  BODY_PT,
  COLUMN_PT,
  TITLE_PT,
  cellText,
  columnWraps,
  ledgerLayout,
  ledgerSignatures,
  ledgerTitle,
} from '../../../shared/ledger';
import type { LedgerCell, LedgerColumn, LedgerSpec } from '../../../shared/ledger';

import { PrintView } from './PrintView';

const MM_PER_PT = 25.4 / 72;
const FONT = `'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif`;

// A CSS string literal.
const css = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

// The page: margins as the sheet's, the foot of each page with the signatures and the page number.
export function ledgerPageCss(spec: Pick<LedgerSpec, 'signatures'>): string {
  const signatures = ledgerSignatures(spec)
    .map((s) => `${s}：__________`)
    .join('  ');
  const foot = `font-family: ${FONT}; font-size: ${BODY_PT}pt; vertical-align: top;`;
  return `@page {
  margin: 12mm 10mm 16mm 10mm;
  @bottom-left { content: ${css(signatures)}; ${foot} }
  @bottom-right { content: "第" counter(page) "页 共" counter(pages) "页"; ${foot} }
}
.ledger-print table { border-collapse: collapse; table-layout: fixed; margin: 0 auto; font-family: ${FONT}; }
.ledger-print th, .ledger-print td { border: 0.5pt solid #000; padding: 1pt 1.5pt; vertical-align: top; overflow-wrap: anywhere; }
.ledger-print th { font-weight: bold; text-align: center; vertical-align: middle; background: #e8eef7; }
.ledger-print thead { display: table-header-group; }
.ledger-print tr { break-inside: avoid; }
.ledger-print td.num { text-align: right; white-space: nowrap; }
.ledger-print td.nowrap { white-space: nowrap; }
.ledger-print tr.totals td { font-weight: bold; }
`;
}

function Cell({ col, value }: { col: LedgerColumn; value: LedgerCell }) {
  const numeric = col.type === 'int' || col.type === 'number' || col.type === 'money';
  const cls = numeric ? 'num' : columnWraps(col) ? undefined : 'nowrap';
  return <td className={cls}>{cellText(col, value)}</td>;
}

export function LedgerPrint({ spec }: { spec: LedgerSpec }) {
  const layout = useMemo(() => ledgerLayout(spec), [spec]);
  const title = ledgerTitle(spec);
  const pt = BODY_PT * layout.scale;
  const mm = (w: number) => w * COLUMN_PT * layout.scale * MM_PER_PT;
  const total = layout.widths.reduce((a, w) => a + mm(w), 0);
  const two = spec.columns.some((c) => c.subHeader);
  return (
    <PrintView title={title} size={layout.paper} landscape={layout.orientation === 'landscape'}>
      <style>{ledgerPageCss(spec)}</style>
      <div className="ledger-print" data-paper={`${layout.paper} ${layout.orientation}`}>
        <h3
          style={{
            textAlign: 'center',
            margin: '0 0 3mm',
            fontSize: `${TITLE_PT * layout.scale}pt`,
            fontFamily: FONT,
          }}
        >
          {title}
        </h3>
        <table style={{ width: `${total.toFixed(1)}mm`, fontSize: `${pt}pt` }}>
          <colgroup>
            {layout.widths.map((w, i) => (
              <col key={spec.columns[i].key} style={{ width: `${mm(w).toFixed(2)}mm` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {spec.columns.map((c) => (
                <th key={c.key} rowSpan={two && !c.subHeader ? 2 : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
            {two && (
              <tr>
                {spec.columns
                  .filter((c) => c.subHeader)
                  .map((c) => (
                    <th key={c.key}>{c.subHeader}</th>
                  ))}
              </tr>
            )}
          </thead>
          <tbody>
            {spec.rows.map((r, i) => (
              <tr key={i}>
                {spec.columns.map((c) => (
                  <Cell key={c.key} col={c} value={r[c.key]} />
                ))}
              </tr>
            ))}
            {spec.totals && (
              <tr className="totals">
                {spec.columns.map((c) => (
                  <Cell key={c.key} col={c} value={spec.totals![c.key]} />
                ))}
              </tr>
            )}
          </tbody>
        </table>
        <div
          style={{ width: `${total.toFixed(1)}mm`, margin: '0 auto', fontSize: `${pt}pt`, fontFamily: FONT }}
        >
          {spec.notes?.map((n) => (
            <p key={n} style={{ margin: '2mm 0 0' }}>
              {n}
            </p>
          ))}
          <p style={{ marginTop: '6mm' }}>
            {ledgerSignatures(spec).map((s) => (
              <span key={s} style={{ marginRight: '12mm', whiteSpace: 'nowrap' }}>
                {s}：<span className="sign-line" />
              </span>
            ))}
          </p>
        </div>
      </div>
    </PrintView>
  );
}
