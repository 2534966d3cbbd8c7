// The rules of the product (rules.md), pure and synchronous: no clock, no I/O, dates passed in.
// §11 of the rule book is the public contract; everything else here serves the modules.

export type { CalendarData, CompiledCalendar, Provisional } from './calendar';
export {
  addDaysPeriod,
  addMonthsPeriod,
  addWorkdays,
  deadlineProvisional,
  PROVISIONAL_LABEL,
  provisionalDate,
  provisionalReason,
  isWorkday,
  mergeCalendars,
  nextWorkday,
  validateCalendar,
  workdayOnOrAfter,
  workdaysBetween,
} from './calendar';
export { BUNDLED_CALENDAR } from './calendar-data';
export type { CalendarDayKind, CalendarParse, ImportedDay } from './calendar-import';
export {
  CALENDAR_DAY_KIND_TEXT,
  calendarByYear,
  calendarConflicts,
  looksLikeHolidayNotice,
  parseChineseDaysJson,
  parseHolidayNotice,
} from './calendar-import';

export type { DateParts, HHmm, ISODate, Weekday } from './dates';
export {
  actDateOk,
  addCalendarDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  formatISODate,
  isISODate,
  isLeapYear,
  isWeekend,
  minutesBetween,
  monthDays,
  parseHHmm,
  parseISODate,
} from './dates';

export type {
  AttendanceMonthState,
  AwardBar,
  DayOutcome,
  DayRecord,
  MonthInput,
  MonthSheet,
  MonthTally,
  MonthTotals,
  SessionOutcome,
  SessionRecord,
  SessionTimes,
  SheetMark,
  YearTally,
} from './attendance';
export {
  ABSENT_DAY_DEDUCTION,
  ATTENDANCE_FLOW,
  AWARD_BAR_LABELS,
  DEFAULT_BASE_SCORE,
  DEFAULT_SESSION_TIMES,
  EARLY_DEDUCTION,
  EARLY_LEAVE_MINUTES,
  LATE_DEDUCTION,
  LATE_GRACE_MINUTES,
  SHEET_LEGEND,
  WORKDAYS_PER_MONTH,
  attendanceMonthLocked,
  awardEligibility,
  isEarlyLeave,
  isLate,
  monthlyScore,
  nextAttendanceState,
  resolveSession,
  tallyMonth,
  yearTally,
} from './attendance';

export type { Half, HalfDay, LeaveCode, LeaveType, LeaveTypeInfo, SessionSpan } from './leave';
export {
  HALVES,
  LEAVE_TYPES,
  afterTheFact,
  leaveCloseDue,
  leaveCloseOverdue,
  leaveCoversWorkday,
  leaveLengthDays,
  leaveSessions,
  leaveTypeInfo,
  sessionsOverlap,
} from './leave';

export type { Approver, Rank, Route } from './routes';
export { APPROVER_LABELS, RANKS, RANK_LABELS, leaveRoute, tripRoute } from './routes';

export type { TripDates, TripState } from './trips';
export { tripAllowanceDays, tripOpen, tripState } from './trips';

export type {
  PetitionCase,
  PetitionDeadline,
  PetitionDeadlineKind,
  PetitionLimits,
  PetitionStage,
  PetitionerKey,
  Recusal,
  SortCheck,
  SortDecision,
  SortProblem,
} from './petitions';
export {
  DEFAULT_PETITION_LIMITS,
  GROUP_VISIT_MAX_REPRESENTATIVES,
  PETITION_DEADLINE_LABELS,
  REPEAT_SIMILARITY,
  SORT_DECISIONS,
  SORT_DECISION_LABELS,
  URGENT_NOTIFY,
  URGENT_REPORT_TO,
  alreadyInHand,
  groupVisitOk,
  idCardValid,
  isRepeatAfterReview,
  mayAssign,
  mayForwardTo,
  objectionDue,
  objectionOpen,
  petitionCompletionDue,
  petitionDecisionDue,
  petitionNextDeadline,
  repeatCandidate,
  reviewAnswerDue,
  reviewRequestDue,
  samePetitioner,
  sortDecisionOk,
  textSimilarity,
} from './petitions';

export type { InformantAccessPolicy } from './informants';
export { isInformantCase, mayViewInformant } from './informants';

export type { ArchiveWarning, ProposalAuthorship } from './documents';
export {
  CIRCULATION_DAYS,
  INCOMING_STEPS,
  OUTGOING_STEPS,
  archiveDue,
  archiveWarning,
  circulationDue,
  destructionOk,
  formatDocNumber,
  loanOverdue,
  nextDocSeq,
  parseDocNumber,
  proposalAuthorship,
} from './documents';

export type { SealKind, SealStatus, SealUseState } from './seals';
export { SEAL_KIND_LABELS, closedBySealVoid, sealUseOk } from './seals';

export type { ExpenseStepKey, Invoice, RequestRoute } from './finance';
export {
  INVOICES,
  INVOICE_LABELS,
  MEETING_PURCHASE_YUAN,
  claimDue,
  claimLate,
  expenseSteps,
  fenToYuan,
  formatYuan,
  printingRequestRoute,
  purchaseNeedsMeeting,
  quarterEndSettlement,
  quarterEnds,
  reimbursable,
  requestApproved,
  rmbUppercase,
  supplyRequestRoute,
  tuitionReimbursement,
  yuanToFen,
} from './finance';

export type { Level, PublicityClaimState, PublicityPiece, PublicityRow, PublicityRowKey } from './publicity';
export {
  LEVELS,
  LEVEL_LABELS,
  PUBLICITY_CLAIM_STATES,
  PUBLICITY_TABLE,
  RESEARCH_MIN_CHARS,
  SHORT_PIECE_MAX_CHARS,
  publicityReward,
  publicityRewardRow,
} from './publicity';

export type { Attitude, Grade } from './assessment';
export {
  ASSESSMENT_ITEMS,
  ATTITUDES,
  ATTITUDE_LABELS,
  GRADES,
  GRADE_LABELS,
  assessmentGrade,
  gradeConsequence,
} from './assessment';

export { PAPERS_PER_YEAR, fridayStudyDates, studyQuarter, yearEndPapersMissing } from './study';

export {
  halfYearOf,
  monthHasDirectorMeeting,
  monthsWithoutMeeting,
  sectionReportDue,
  staffMeetingDay,
} from './meetings';

export type { Deadline, DeadlineKind, DeadlineState } from './supervision';
export { deadlineState, sortDeadlines } from './supervision';

export type { PetitionCategory, RuleId, RuleText } from './rule-texts';
export { completionRuleText, RULES, RULE_IDS, ruleText } from './rule-texts';
export * from './attendance-schedule';

export type { OrgSnapshot, ResolvedRoute, RoutedStep, Routing } from './routing';
export { leaveRouting, leaveRuleIds, moveUp, tripRouting, tripRuleIds } from './routing';

export type {
  CitedDecision,
  DraftCheck,
  DraftIssue,
  DraftSpan,
  ExistingRequest,
  LeaveDraftInput,
  TripDraftInput,
} from './drafts';
export { checkLeaveDraft, checkTripDraft, DRAFT_MESSAGES, spanText } from './drafts';
