// Start-up registration of the petitions module: 工作台 to-dos and the SUP-4 deadlines. Light on
// purpose (index reads only, no UI, no exceljs).
import { can } from '../../../../shared/permissions';
import { addWorkdays, deadlineState, PETITION_DEADLINE_LABELS } from '../../../../shared/rules';
import type { PetitionDeadlineKind } from '../../../../shared/rules';
import { registerAuditRedactor, registerDeadlines, registerTodos } from '../../app/registry';
import type { TodoItem } from '../../app/registry';
import { href } from '../../app/router';
import { registerDeadlineRecompute } from '../../calendar/recompute';
import { db } from '../../db/db';
import { isLive } from '../../db/live';
import { registerNumbering } from '../../sync/numbers';

import { noticeNumbering } from './core/hubNotices';
import { petitionNumbering } from './core/hubNumbers';
import {
  informantAccess,
  informantMatchesOf,
  openIdentityReviews,
  shapeAudit,
  viewerOfUser,
} from './core/informant';
import { loadPetitionSettings } from './core/settings';
import { casesById, casesDueBy, directorNoticeCases, unreportedUrgentCases } from './core/watchQueries';
import { IDENTITY_REVIEW } from './labels';

const link = (id: string) => href('petitions', 'case', id);
const short = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

registerTodos(async ({ user, today, cal }) => {
  const roles = user.roles;
  const leader = roles.includes('director') || roles.includes('deputy');
  const handles = can(roles, 'petition.handle');
  const out: TodoItem[] = [];
  if (leader || handles) {
    // PET-7: every urgent matter not yet reported
    for (const p of await unreportedUrgentCases()) {
      out.push({
        id: `pet-urgent-${p.id}`,
        module: 'petitions',
        category: '重大紧急信访事项未报告',
        title: `${p.regNo} ${short(p.summary)}`,
        detail: `收件 ${p.receivedOn}，须即时报告县委、县政府及上级信访部门（PET-7）`,
        due: p.receivedOn,
        state: 'overdue',
        link: link(p.id),
      });
    }
  }
  if (roles.includes('director')) {
    for (const p of await directorNoticeCases()) {
      const why = p.urgentDowngrade?.reason ?? p.urgentReport?.delayReason ?? '';
      out.push({
        id: `pet-notice-${p.id}`,
        module: 'petitions',
        category: '重大紧急事项降级/迟报待局长阅知',
        title: `${p.regNo} ${short(p.summary)}`,
        detail: `理由：${why}`,
        link: link(p.id),
      });
    }
  }
  if (can(roles, 'petition.supervise') || leader) {
    const settings = await loadPetitionSettings();
    const horizon = addWorkdays(today, settings.soonDays, cal);
    for (const p of await casesDueBy(horizon, 30)) {
      if (!p.dueOn) continue;
      const state = deadlineState(p.dueOn, today, cal, settings.soonDays);
      out.push({
        id: `pet-due-${p.id}`,
        module: 'petitions',
        category: '逾期及即将到期信访件',
        title: `${p.regNo} ${short(p.summary)}`,
        detail: `${PETITION_DEADLINE_LABELS[(p.dueKind ?? 'sort') as PetitionDeadlineKind]}：${p.dueOn}${p.unitName ? `，责任单位：${p.unitName}` : ''}`,
        due: p.dueOn,
        state,
        link: link(p.id),
      });
    }
  }
  return out;
});

// PET-6 / PET-10: 重复件待核 — a registration whose petitioner matches an informant case the
// registering user could not see; a to-do for whoever may see that informant case (the roles of
// the setting, its 承办人). Open reviews are few (one settings record); each is looked up again.
registerTodos(async ({ user }) => {
  const open = Object.values(await openIdentityReviews());
  if (!open.length) return [];
  const access = await informantAccess(viewerOfUser(user));
  const cases = await casesById(open.map((r) => r.petitionId));
  const out: TodoItem[] = [];
  for (const [i, r] of open.entries()) {
    const p = cases[i];
    if (!isLive(p)) continue;
    const matches = await informantMatchesOf(p, access, true);
    if (!matches.length) continue;
    out.push({
      id: `pet-idreview-${p.id}`,
      module: 'petitions',
      category: IDENTITY_REVIEW.todo,
      title: IDENTITY_REVIEW.todoTitle(p.regNo, matches.map((m) => m.regNo).join('、')),
      detail: IDENTITY_REVIEW.todoDetail(r.byName),
      link: link(p.id),
    });
  }
  return out;
});

// PET-6: the audit log (系统 › 审计日志) shows entries of informant cases masked like the cases.
registerAuditRedactor((entries) => shapeAudit(entries));

registerDeadlines(async ({ user, today, cal }) => {
  if (
    !can(user.roles, 'petition.supervise') &&
    !can(user.roles, 'petition.handle') &&
    !user.roles.includes('office')
  )
    return [];
  const settings = await loadPetitionSettings();
  // The earliest 200 running limits (dueOn index order): every overdue case comes first.
  const rows = await casesDueBy(null, 200);
  const states = new Map<string, ReturnType<typeof deadlineState>>();
  const stateOf = (due: string) => {
    if (!states.has(due)) states.set(due, deadlineState(due, today, cal, settings.soonDays));
    return states.get(due)!;
  };
  return rows.map((p) => ({
    id: p.id,
    kind: '信访办理',
    title: `${p.regNo} ${PETITION_DEADLINE_LABELS[(p.dueKind ?? 'sort') as PetitionDeadlineKind]}`,
    due: p.dueOn!,
    state: stateOf(p.dueOn!),
    owner: p.unitName ?? p.assigneeName ?? '办信股',
    link: link(p.id),
  }));
});

// A year's calendar imported or edited: the stored next deadlines (dueOn) are counted again.
registerDeadlineRecompute({
  module: 'petitions',
  tables: () => [db.petitions],
  prepare: async () => (await import('./core/recompute')).preparePetitionRecompute(),
});

// Several PCs: with sync on, the hub gives the numbers (sync/numbers.ts).
registerNumbering(petitionNumbering);
registerNumbering(noticeNumbering);
