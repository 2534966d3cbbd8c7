// The office's petition settings (numbering, limits, who may see an informant's identity).

import { can, ROLES } from '../../../../../shared/permissions';
import { DomainError } from '../../../db/repo';
import type { Actor } from '../../../db/repo';
import { setSetting } from '../../../db/settings';
import { INFORMANT_TEXT } from '../labels';

import { petitionCommand } from './context';
import type { PetitionCtx } from './context';
import { numberFormatProblem, SERIES } from './numbering';
import { SETTINGS_KEY, withDefaults } from './settings';
import type { PetitionSettings } from './settings';

const savePetitionSettingsCommand = petitionCommand(
  '修改信访设置',
  null,
  async (ctx, actor, s: PetitionSettings): Promise<void> => {
    if (!ctx.system && !can(ctx.roles, 'system.settings') && !ctx.roles.includes('director'))
      throw new DomainError('没有权限：信访设置由局长或管理员修改');
    const v = withDefaults(s);
    // PET-6: who may see an informant's identity is the 局长's decision (an administrator could
    // otherwise grant it to themselves)
    const was = ctx.settings.informantAccess;
    const access = v.informantAccess;
    const changed =
      access.assignee !== was.assignee || [...access.roles].sort().join() !== [...was.roles].sort().join();
    if (changed && !ctx.system && !ctx.roles.includes('director'))
      throw new DomainError(INFORMANT_TEXT.settingsRefused, 'informantAccess', 'PET-6');
    if (access.roles.some((r: string) => !(ROLES as readonly string[]).includes(r)))
      throw new DomainError('角色不存在', 'informantAccess', 'PET-6');
    v.informantAccess = { roles: ROLES.filter((r) => access.roles.includes(r)), assignee: !!access.assignee };
    for (const k of SERIES) {
      const problem = numberFormatProblem(v.numberFormats[k]);
      if (problem) throw new DomainError(problem, `numberFormats.${k}`, 'PET-1');
    }
    if (!Number.isInteger(v.seqDigits) || v.seqDigits < 1 || v.seqDigits > 8)
      throw new DomainError('序号位数应为1–8', 'seqDigits');
    const limits = { ...v.limits, ...v.otherCompletionDays, soonDays: v.soonDays };
    for (const [k, n] of Object.entries(limits)) {
      if (!Number.isInteger(n) || n < (k === 'soonDays' ? 0 : 1) || n > 365)
        throw new DomainError('期限应为1–365的整数', k, 'PET-4');
    }
    await setSetting(SETTINGS_KEY, v, actor);
  },
  (d) => [d.settings],
);

export async function savePetitionSettings(
  s: PetitionSettings,
  actor: Actor,
  pre?: PetitionCtx,
): Promise<void> {
  return savePetitionSettingsCommand(actor, pre, s);
}
