// MTG-1 numbers with several PCs (sync/seqNumbering.ts): with sync on a meeting (第N次) and a
// decision (局长办公会决定〔year〕n号) are saved 待编号 and take their numbers from the hub; each
// meeting kind counts apart (series meeting-<kind>, decision-<kind>).
import { db } from '../../../db/db';
import type { Meeting, MeetingDecision, MeetingKind } from '../../../db/schema/meetings';
import { pendingByKindYear, seqNumbering } from '../../../sync/seqNumbering';

import { decisionNumber } from './commands';
import { nextDecisionSeq, nextMeetingSeq } from './queries';

const KINDS: readonly MeetingKind[] = ['director_office', 'staff'];

const kindOf = (series: string) => series.slice(series.indexOf('-') + 1) as MeetingKind;

export const meetingNumbering = seqNumbering<Meeting>({
  table: 'meetings',
  what: '会议编号',
  series: (m) => `meeting-${m.kind}`,
  // no [year+seq] on meetings: through [kind+year]
  pending: () => pendingByKindYear(db.meetings, KINDS, 'date'),
  localTop: async (series, year) => (await nextMeetingSeq(kindOf(series), year)) - 1,
});

export const decisionNumbering = seqNumbering<MeetingDecision>({
  table: 'meetingDecisions',
  what: '会议决定编号',
  series: (d) => `decision-${d.meetingKind}`,
  fields: (d, seq) => ({ number: decisionNumber(d.meetingKind, d.year, seq) }),
  localTop: async (series, year) => (await nextDecisionSeq(kindOf(series), year)) - 1,
  // a claim (FIN-5) or a study trip (TRIP-3) quoting the decision while it was 待编号
  copiedTo: ['expenses', 'trips'],
});
