// The roster as printed (A4): moved here unchanged from the roster screen.
import { dayOfWeek } from '../../../../../shared/rules';
import { currentActor } from '../../../auth/session';
import { PrintView } from '../../../components/PrintView';
import type { DutyRoster } from '../../../db/schema/supervision';
import { markRosterPrinted } from '../core/rosters';
import { L, ROSTER_KIND_LABELS, WEEK } from '../labels';

export type RosterPrintRow = { date: string; leader: string; staff: string[]; phone: string; note: string };

export function RosterPrint({
  roster: r,
  rows,
  unit,
}: {
  roster: DutyRoster;
  rows: RosterPrintRow[];
  unit: string;
}) {
  return (
    <PrintView
      title={r.title}
      size="A4"
      onPrinted={async () => {
        await markRosterPrinted(r.id, currentActor());
      }}
    >
      <div style={{ textAlign: 'center', fontSize: 22, fontWeight: 700 }}>
        {unit}
        {r.title}
      </div>
      <div style={{ textAlign: 'center', margin: '6px 0 10px', fontSize: 14 }}>
        （{ROSTER_KIND_LABELS[r.kind]}：{r.startDate} 至 {r.endDate}）
      </div>
      <table className="form-table">
        <thead>
          <tr>
            <th>日期</th>
            <th>星期</th>
            <th>{L.leader}</th>
            <th>{L.dutyStaff}</th>
            <th>{L.phone}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((x) => (
            <tr key={x.date}>
              <td>{x.date}</td>
              <td>星期{WEEK[dayOfWeek(x.date)]}</td>
              <td>{x.leader}</td>
              <td>{x.staff.join('、')}</td>
              <td>{x.phone}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.requirements && <p style={{ fontSize: 14 }}>值班要求：{r.requirements}</p>}
      <div style={{ marginTop: 24, display: 'flex', justifyContent: 'space-between', fontSize: 14 }}>
        <span>
          制表：
          <span className="sign-line" />
        </span>
        <span>
          办公室主任：
          <span className="sign-line" />
        </span>
        <span>
          分管领导：
          <span className="sign-line" />
        </span>
      </div>
    </PrintView>
  );
}
