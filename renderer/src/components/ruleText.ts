// Rule citations as text (for messages, prints and exports): the ID with the regulation's clause.
import { RULES } from '../../../shared/rules';
import type { RuleId } from '../../../shared/rules';

function known(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}

// The clause a rule comes from (制度 二、(一)2, 《信访工作条例》第二十二条 …); '' for an unknown ID.
export function ruleCitation(id: string): string {
  return known(id) ? RULES[id].source : '';
}

// 「ATT-7：每月最后一个工作日……（制度 二、(一)2）」
export function ruleLine(id: string): string {
  if (!known(id)) return id;
  const r = RULES[id];
  return `${r.id}：${r.text}（${r.source}）`;
}

// What follows a refusal's message: 「ATT-7，制度 二、(一)2」.
export function refusalCitation(id: string): string {
  const c = ruleCitation(id);
  return c ? `${id}，${c}` : id;
}
