// Seals (印鉴管理, SEAL-1..3): each seal has a keeper in the office; every use of the administrative
// seal needs the 局长's consent (approval engine, kind 'seal') and is logged by the keeper; a void
// seal is never used — refused here, whatever the form did. Every write is a command (db/command).
import type { ISODate, SealKind } from '../../../../../shared/rules';
import { closedBySealVoid, isISODate, parseISODate, sealUseOk } from '../../../../../shared/rules';
import { outcomeOf, submitApproval, withWithdrawal } from '../../../approvals/engine';
import type { StepSpec } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { requireActDate } from '../../../db/actDate';
import { defineCommand, requirePermission } from '../../../db/command';
import { db } from '../../../db/db';
import { getLive, live } from '../../../db/live';
import { DomainError, insert, update } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Seal, SealUse } from '../../../db/schema/documents';
import { requireText } from '../../../db/validate';
import { director } from '../../../org/org';

export type SealInput = { name: string; kind: SealKind; keeperId: string | null; note?: string };

function checkSealFields(input: SealInput): void {
  requireText(input.name, 'name', '印章名称', 2000, 'SEAL-1');
  if (input.kind !== 'admin' && input.kind !== 'finance')
    throw new DomainError('请选择印章类别', 'kind', 'SEAL-1');
}

async function checkKeeper(input: SealInput): Promise<void> {
  const keeper = await getLive(db.staff, input.keeperId);
  if (!keeper || !keeper.active) throw new DomainError('请指定保管人', 'keeperId', 'SEAL-1');
  if (!keeper.roles.includes('office') && !keeper.roles.includes('finance'))
    throw new DomainError('印章由办公室专人保管', 'keeperId', 'SEAL-1');
}

// SEAL-1: a seal and its keeper.
export const createSeal = defineCommand({
  what: '登记印章',
  perm: 'seals.keep',
  tables: (d) => [d.seals, d.staff],
  validate: checkSealFields,
  run: async ({ actor }, input: SealInput): Promise<Seal> => {
    await checkKeeper(input);
    return insert(
      db.seals,
      {
        name: input.name.trim(),
        kind: input.kind,
        keeperId: input.keeperId,
        status: 'active',
        note: input.note?.trim() ?? '',
        voidedOn: null,
      },
      actor,
      `印章：${input.name.trim()}`,
    );
  },
});

export const updateSeal = defineCommand({
  what: '修改印章',
  perm: 'seals.keep',
  tables: (d) => [d.seals, d.staff],
  validate: (_id: string, input: SealInput) => checkSealFields(input),
  run: async ({ actor }, id: string, input: SealInput): Promise<Seal> => {
    await checkKeeper(input);
    return update(
      db.seals,
      id,
      { name: input.name.trim(), kind: input.kind, keeperId: input.keeperId, note: input.note?.trim() ?? '' },
      actor,
      '修改印章',
    );
  },
});

// SEAL-3: marking a seal void is final. Its requests still open (awaiting the 局长's consent, or
// consented and not yet used) are closed with the reason in the same transaction, and a consent
// still awaited is taken off the 局长's list: nothing stays pending on a void seal.
export const voidSeal = defineCommand({
  what: '作废印章',
  perm: 'seals.keep',
  tables: (d) => [d.seals, d.sealUses, d.approvals],
  validate: (_id: string, voidedOn: ISODate, reason: string) => {
    if (!isISODate(voidedOn))
      throw new DomainError('请填写作废日期（格式：2026-01-31）', 'voidedOn', 'SEAL-3');
    requireActDate(voidedOn, 'voidedOn', '作废日期', 'SEAL-3');
    requireText(reason, 'voidReason', '作废原因', 2000, 'SEAL-3');
  },
  run: async ({ actor }, id: string, voidedOn: ISODate, reason: string): Promise<Seal> => {
    const seal = await getLive(db.seals, id);
    if (!seal) throw new DomainError('印章不存在');
    if (seal.status === 'void') throw new DomainError('该印章已作废', 'status', 'SEAL-3');
    const voided = await update(
      db.seals,
      id,
      { status: 'void', voidedOn, voidReason: reason.trim() },
      actor,
      `印章作废：${reason.trim()}`,
    );
    const closedReason = `印章已于${voidedOn}作废：${reason.trim()}`;
    const open = (await live(db.sealUses.where('sealId').equals(id)).toArray()).filter((u) =>
      closedBySealVoid(u.status),
    );
    for (const u of open) {
      const req = u.approvalId ? await db.approvals.get(u.approvalId) : undefined;
      if (req && req.status === 'pending')
        await update(
          db.approvals,
          req.id,
          { status: 'withdrawn', pendingApproverId: null, events: withWithdrawal(req, actor) },
          actor,
          `印章作废，用印申请关闭（SEAL-3）：${reason.trim()}`,
        );
      await update(
        db.sealUses,
        u.id,
        { status: 'closed', closedOn: voidedOn, closedReason },
        actor,
        `用印申请关闭（SEAL-3）：${closedReason}`,
      );
    }
    return voided;
  },
});

export type SealUseInput = {
  sealId: string;
  requestedOn: ISODate;
  document: string;
  copies: number;
  purpose: string;
  requesterId: string;
};

async function liveSeal(id: string): Promise<Seal> {
  const seal = await getLive(db.seals, id);
  if (!seal) throw new DomainError('请选择印章', 'sealId', 'SEAL-1');
  return seal;
}

// The refusal for a seal use that sealUseOk does not allow, with its rule.
function refusal(seal: Seal, directorApproved: boolean): DomainError | null {
  if (sealUseOk({ seal: seal.kind, status: seal.status, directorApproved })) return null;
  return seal.status === 'void'
    ? new DomainError(`“${seal.name}”已作废，严禁使用`, 'sealId', 'SEAL-3')
    : new DomainError('局行政印章用印须经局长同意', 'status', 'SEAL-2');
}

// SEAL-2: a request to use a seal. The administrative seal waits for the 局长's consent (a request
// by the 局长 is his consent); the financial seal is logged by its keeper without it.
export async function requestSealUse(input: SealUseInput, actor: Actor): Promise<SealUse> {
  const seal = await liveSeal(input.sealId);
  if (seal.status === 'void') throw refusal(seal, true)!;
  if (!isISODate(input.requestedOn))
    throw new DomainError('请填写申请日期（格式：2026-01-31）', 'requestedOn', 'SEAL-2');
  requireActDate(input.requestedOn, 'requestedOn', '申请日期', 'SEAL-2');
  requireText(input.document, 'document', '用印文件', 2000, 'SEAL-2');
  if (!Number.isInteger(input.copies) || input.copies < 1)
    throw new DomainError('用印份数应为正整数', 'copies', 'SEAL-2');
  if (input.requesterId !== actor.id) await requirePermission(actor, 'seals.keep', '代为申请用印');
  const requester = await getLive(db.staff, input.requesterId);
  if (!requester) throw new DomainError('请选择申请人', 'requesterId', 'SEAL-2');
  let steps: StepSpec[] = [];
  if (seal.kind === 'admin') {
    const dir = await director();
    if (!dir) throw new DomainError('找不到局长：请在“系统—组织”中设置', 'route', 'SEAL-2');
    if (dir.id !== requester.id) steps = [{ key: 'director', label: '局长同意用印', approverId: dir.id }];
  }
  return fileSealUse(input, seal.id, steps, actor);
}

// The write of requestSealUse, once the seal, the requester and the route are known.
const fileSealUse = defineCommand({
  what: '申请用印',
  perm: null,
  tables: (d) => [d.sealUses, d.seals, d.approvals, d.staff],
  run: async ({ actor }, input: SealUseInput, sealId: string, steps: StepSpec[]): Promise<SealUse> => {
    const seal = await liveSeal(sealId);
    const requester = (await getLive(db.staff, input.requesterId))!;
    const use = await insert(
      db.sealUses,
      {
        year: parseISODate(input.requestedOn).year,
        sealId: seal.id,
        requestedOn: input.requestedOn,
        document: input.document.trim(),
        copies: input.copies,
        requesterId: requester.id,
        purpose: input.purpose?.trim() ?? '',
        status: seal.kind === 'admin' ? 'pending' : 'approved',
        approvalId: null,
        approverId: null,
        usedOn: null,
        keeperId: null,
      },
      actor,
      `用印申请：${seal.name}，${input.document.trim()}`,
    );
    if (seal.kind !== 'admin') return use;
    const req = await submitApproval(
      {
        kind: 'seal',
        refTable: 'sealUses',
        refId: use.id,
        title: `用印：${seal.name}（${use.document}，${use.copies}份）`,
        applicant: requester,
        form: 'written',
        ruleIds: ['SEAL-2'],
        steps,
      },
      actor,
    );
    const after = (await db.sealUses.get(use.id))!;
    return update(db.sealUses, use.id, { approvalId: req.id, status: after.status }, actor, '用印审批单');
  },
});

export async function onSealUseFinished(req: ApprovalRequest, actor: Actor): Promise<void> {
  const use = await db.sealUses.get(req.refId);
  if (!use) return;
  if (req.status === 'approved') {
    const last = req.steps[req.steps.length - 1];
    const approverId = last?.decidedById ?? req.applicantId; // no step: the 局长's own request
    const approverName = last?.decidedByName ?? req.applicantName;
    await update(
      db.sealUses,
      use.id,
      { status: 'approved', approverId, approverName },
      actor,
      '局长同意用印',
    );
  } else {
    await update(db.sealUses, use.id, { status: outcomeOf(req) }, actor, '用印未同意');
  }
}

// SEAL-2, SEAL-3: the keeper stamps and logs the use — refused for a void seal or without consent.
export const logSealUse = defineCommand({
  what: '登记用印',
  perm: 'seals.keep',
  tables: (d) => [d.sealUses, d.seals, d.approvals],
  validate: (_id: string, usedOn: ISODate) => {
    if (!isISODate(usedOn)) throw new DomainError('请填写用印日期（格式：2026-01-31）', 'usedOn', 'SEAL-2');
    requireActDate(usedOn, 'usedOn', '用印日期', 'SEAL-2');
  },
  run: async ({ actor }, id: string, usedOn: ISODate): Promise<SealUse> => {
    const use = await getLive(db.sealUses, id);
    if (!use) throw new DomainError('用印申请不存在');
    if (use.status === 'used') throw new DomainError('已登记用印', 'status', 'SEAL-2');
    const seal = await liveSeal(use.sealId);
    let approved = use.status === 'approved';
    if (approved && seal.kind === 'admin') {
      const req = use.approvalId ? await db.approvals.get(use.approvalId) : undefined;
      approved = req?.status === 'approved';
    }
    const refused = refusal(seal, approved);
    if (refused) throw refused;
    return update(
      db.sealUses,
      id,
      { status: 'used', usedOn, keeperId: actor.id },
      actor,
      `用印：${seal.name}`,
    );
  },
});

// A shortcut for the keeper: request and log in one go where no consent is needed (financial seal)
// or the 局长 asked himself. The administrative seal otherwise waits for the consent.
export async function registerSealUse(input: SealUseInput, usedOn: ISODate, actor: Actor): Promise<SealUse> {
  const use = await requestSealUse(input, actor);
  return use.status === 'approved' ? logSealUse(use.id, usedOn, actor) : use;
}
