// MTG-1 numbers with several PCs (sync/seqNumbering.ts): with sync on a meeting (第N次) and a
// decision (局长办公会决定〔year〕n号) are saved 待编号 and take their numbers from the hub; each
// meeting kind counts apart (series meeting-<kind>, decision-<kind>).
import { db } from '../../../db/db';
import type { Meeting, MeetingDecision, MeetingKind } from '../../../db/schema/meetings';
import { seqNumbering, yearsOf } from '../../../sync/seqNumbering';

import { decisionNumber } from './commands';
import { nextDecisionSeq, nextMeetingSeq } from './queries';

const KINDS: readonly MeetingKind[] = ['director_office', 'staff'];

const kindOf = (series: string) => series.slice(series.indexOf('-') + 1) as MeetingKind;

export const meetingNumbering = seqNumbering<Meeting>({
  table: 'meetings',
  what: '会议编号',
  series: (m) => `meeting-${m.kind}`,
  // no [year+seq] on meetings: the meetings of each kind and year (a few dozen a year) through
  // [kind+year], the years from the ends of the date index
  pending: async () => {
    const years = (await yearsOf(db.meetings, 'date')).flatMap((y) => KINDS.map((k) => [k, y]));
    if (!years.length) return [];
    const rows = await db.meetings.where('[kind+year]').anyOf(years).toArray();
    return rows.filter((m) => m.seq === 0);
  },
  localTop: async (series, year) => (await nextMeetingSeq(kindOf(series), year)) - 1,
});

export const decisionNumbering = seqNumbering<MeetingDecision>({
  table: 'meetingDecisions',
  what: '会议决定编号',
  series: (d) => `decision-${d.meetingKind}`,
  fields: (d, seq) => ({ number: decisionNumber(d.meetingKind, d.year, seq) }),
  localTop: async (series, year) => (await nextDecisionSeq(kindOf(series), year)) - 1,
});
