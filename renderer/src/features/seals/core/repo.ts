// Seals (印鉴管理, SEAL-1..3): each seal has a keeper in the office; every use of the administrative
// seal needs the 局长's consent (approval engine, kind 'seal') and is logged by the keeper; a void
// seal is never used — refused here, whatever the form did.
import type { ISODate, SealKind } from '../../../../../shared/rules';
import { closedBySealVoid, isISODate, parseISODate, sealUseOk } from '../../../../../shared/rules';
import { outcomeOf, submitApproval } from '../../../approvals/engine';
import type { StepSpec } from '../../../approvals/engine';
import type { ApprovalRequest } from '../../../approvals/types';
import { requireActDate } from '../../../db/actDate';
import { requirePermission } from '../../../db/command';
import { db } from '../../../db/db';
import { DomainError, insert, update, writeTx } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import type { Seal, SealUse } from '../../../db/schema/documents';
import { director } from '../../../org/org';

export type SealInput = { name: string; kind: SealKind; keeperId: string | null; note?: string };

async function checkSeal(input: SealInput): Promise<void> {
  if (!input.name?.trim()) throw new DomainError('请填写印章名称', 'name', 'SEAL-1');
  if (input.kind !== 'admin' && input.kind !== 'finance')
    throw new DomainError('请选择印章类别', 'kind', 'SEAL-1');
  const keeper = input.keeperId ? await db.staff.get(input.keeperId) : undefined;
  if (!keeper || keeper.deletedAt || !keeper.active)
    throw new DomainError('请指定保管人', 'keeperId', 'SEAL-1');
  if (!keeper.roles.includes('office') && !keeper.roles.includes('finance'))
    throw new DomainError('印章由办公室专人保管', 'keeperId', 'SEAL-1');
}

// SEAL-1: a seal and its keeper.
export async function createSeal(input: SealInput, actor: Actor): Promise<Seal> {
  await requirePermission(actor, 'seals.keep', '登记印章');
  await checkSeal(input);
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
}

export async function updateSeal(id: string, input: SealInput, actor: Actor): Promise<Seal> {
  await requirePermission(actor, 'seals.keep', '修改印章');
  await checkSeal(input);
  return update(
    db.seals,
    id,
    { name: input.name.trim(), kind: input.kind, keeperId: input.keeperId, note: input.note?.trim() ?? '' },
    actor,
    '修改印章',
  );
}

// SEAL-3: marking a seal void is final. Its requests still open (awaiting the 局长's consent, or
// consented and not yet used) are closed with the reason in the same transaction, and a consent
// still awaited is taken off the 局长's list: nothing stays pending on a void seal.
export async function voidSeal(id: string, voidedOn: ISODate, reason: string, actor: Actor): Promise<Seal> {
  await requirePermission(actor, 'seals.keep', '作废印章');
  if (!isISODate(voidedOn)) throw new DomainError('请填写作废日期（格式：2026-01-31）', 'voidedOn', 'SEAL-3');
  requireActDate(voidedOn, 'voidedOn', '作废日期', 'SEAL-3');
  if (!reason?.trim()) throw new DomainError('请填写作废原因', 'voidReason', 'SEAL-3');
  return writeTx([db.seals, db.sealUses, db.approvals], async () => {
    const seal = await db.seals.get(id);
    if (!seal || seal.deletedAt) throw new DomainError('印章不存在');
    if (seal.status === 'void') throw new DomainError('该印章已作废', 'status', 'SEAL-3');
    const voided = await update(
      db.seals,
      id,
      { status: 'void', voidedOn, voidReason: reason.trim() },
      actor,
      `印章作废：${reason.trim()}`,
    );
    const closedReason = `印章已于${voidedOn}作废：${reason.trim()}`;
    const open = (await db.sealUses.where('sealId').equals(id).toArray()).filter(
      (u) => !u.deletedAt && closedBySealVoid(u.status),
    );
    for (const u of open) {
      const req = u.approvalId ? await db.approvals.get(u.approvalId) : undefined;
      if (req && req.status === 'pending')
        await update(
          db.approvals,
          req.id,
          { status: 'withdrawn', pendingApproverId: null },
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
  });
}

export type SealUseInput = {
  sealId: string;
  requestedOn: ISODate;
  document: string;
  copies: number;
  purpose: string;
  requesterId: string;
};

async function liveSeal(id: string): Promise<Seal> {
  const seal = id ? await db.seals.get(id) : undefined;
  if (!seal || seal.deletedAt) throw new DomainError('请选择印章', 'sealId', 'SEAL-1');
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
  if (!input.document?.trim()) throw new DomainError('请填写用印文件', 'document', 'SEAL-2');
  if (!Number.isInteger(input.copies) || input.copies < 1)
    throw new DomainError('用印份数应为正整数', 'copies', 'SEAL-2');
  if (input.requesterId !== actor.id) await requirePermission(actor, 'seals.keep', '代为申请用印');
  const requester = await db.staff.get(input.requesterId);
  if (!requester || requester.deletedAt) throw new DomainError('请选择申请人', 'requesterId', 'SEAL-2');
  let steps: StepSpec[] = [];
  if (seal.kind === 'admin') {
    const dir = await director();
    if (!dir) throw new DomainError('找不到局长：请在“系统—组织”中设置', 'route', 'SEAL-2');
    if (dir.id !== requester.id) steps = [{ key: 'director', label: '局长同意用印', approverId: dir.id }];
  }
  return writeTx([db.sealUses, db.seals, db.approvals, db.staff], async () => {
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
  });
}

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
export async function logSealUse(id: string, usedOn: ISODate, actor: Actor): Promise<SealUse> {
  await requirePermission(actor, 'seals.keep', '登记用印');
  if (!isISODate(usedOn)) throw new DomainError('请填写用印日期（格式：2026-01-31）', 'usedOn', 'SEAL-2');
  requireActDate(usedOn, 'usedOn', '用印日期', 'SEAL-2');
  return writeTx([db.sealUses, db.seals, db.approvals], async () => {
    const use = await db.sealUses.get(id);
    if (!use || use.deletedAt) throw new DomainError('用印申请不存在');
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
  });
}

// A shortcut for the keeper: request and log in one go where no consent is needed (financial seal)
// or the 局长 asked himself. The administrative seal otherwise waits for the consent.
export async function registerSealUse(input: SealUseInput, usedOn: ISODate, actor: Actor): Promise<SealUse> {
  const use = await requestSealUse(input, actor);
  return use.status === 'approved' ? logSealUse(use.id, usedOn, actor) : use;
}
