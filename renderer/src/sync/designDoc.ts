// The hub's design document `_design/xinfang`: its validate_doc_update refuses an illegal
// transition of an approval request, also on replicated writes (several-pcs.md, Approvals). The
// hub cannot read other documents, so every check uses the document itself: each event carries its
// step's approver, who decided and for whom (approvals/events.ts).
//
// The function's source is one string (what the hub runs, in CouchDB's JavaScript: ES5, no arrow
// functions), evaluated as it is by the unit tests. It refuses:
// - removing or changing an event the stored version holds (events are append-only);
// - a decision by someone who is neither the step's approver nor a delegate deciding on the
//   approver's behalf, or by the applicant (LV-4); external steps (县领导) are recorded by the office;
// - a decision on a request already withdrawn, unless it comes in void (作废) in a version that
//   stays withdrawn: that is a decision made on another PC before it saw the withdrawal, merged;
// - deleting an approval request that has events (nothing kept is hard-deleted).
import type { PouchDb } from './pouch';

export const DESIGN_DOC_ID = '_design/xinfang';

export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  if (String(newDoc._id).indexOf('approvals:') !== 0) return;
  function refuse(message) {
    throw { forbidden: message };
  }
  function canon(v) {
    if (v === null || v === undefined || typeof v !== 'object') return JSON.stringify(v === undefined ? null : v);
    if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
    var keys = Object.keys(v).sort();
    var out = [];
    for (var i = 0; i < keys.length; i++)
      if (v[keys[i]] !== undefined) out.push(JSON.stringify(keys[i]) + ':' + canon(v[keys[i]]));
    return '{' + out.join(',') + '}';
  }
  var oldRec = oldDoc && !oldDoc._deleted && oldDoc.rec ? oldDoc.rec : null;
  var oldEvents = oldRec && Array.isArray(oldRec.events) ? oldRec.events : [];
  if (newDoc._deleted) {
    if (oldRec) refuse('审批记录不能删除');
    return;
  }
  var rec = newDoc.rec || {};
  var events = rec.events === undefined ? [] : rec.events;
  if (!Array.isArray(events)) refuse('审批事件格式不正确');
  var byId = {};
  for (var i = 0; i < events.length; i++) {
    var e = events[i];
    if (!e || typeof e.id !== 'string') refuse('审批事件缺少编号');
    if (byId[e.id]) refuse('审批事件编号重复：' + e.id);
    byId[e.id] = e;
  }
  var seen = {};
  var withdrawn = !!oldRec && oldRec.status === 'withdrawn';
  for (var j = 0; j < oldEvents.length; j++) {
    var o = oldEvents[j];
    var n = byId[o.id];
    if (!n) refuse('审批事件只能追加，不能删除：' + o.id);
    if (canon(n) !== canon(o)) refuse('审批事件只能追加，不能修改：' + o.id);
    if (o.kind === 'withdrawn') withdrawn = true;
    seen[o.id] = true;
  }
  var voids = {};
  var voidList = Array.isArray(rec.voidEvents) ? rec.voidEvents : [];
  for (var k = 0; k < voidList.length; k++) if (voidList[k]) voids[voidList[k].id] = true;
  for (var m = 0; m < events.length; m++) {
    var ev = events[m];
    if (seen[ev.id]) continue;
    if (ev.kind === 'approved' || ev.kind === 'rejected') {
      if (!ev.external) {
        var byApprover = !!ev.approverId && ev.byId === ev.approverId;
        var byDelegate = !!ev.approverId && !!ev.byId && ev.onBehalfOfId === ev.approverId;
        if (!byApprover && !byDelegate) refuse('审批人不是该步骤的审批人或其代理人：' + ev.id);
        if (ev.byId === rec.applicantId) refuse('申请人不能审批自己的申请（LV-4）');
      }
      if (withdrawn && !(voids[ev.id] && rec.status === 'withdrawn'))
        refuse('申请已撤回，不能再审批：' + ev.id);
    } else if (ev.kind === 'submitted') {
      if (oldEvents.length > 0) refuse('审批申请不能重复提交：' + ev.id);
    } else if (ev.kind !== 'withdrawn') {
      refuse('未知的审批事件：' + ev.id);
    }
  }
}`;

export type DesignDoc = { _id: string; _rev?: string; language: string; validate_doc_update: string };

export function designDoc(): DesignDoc {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: VALIDATE_DOC_UPDATE };
}

// Puts the design document on the hub if it is missing or different (idempotent). An account
// that may not write design documents (CouchDB: only the database's admins) leaves it to the
// administrator: resolves to false then.
export async function installDesignDoc(hub: PouchDb): Promise<boolean> {
  const current = await hub.get(DESIGN_DOC_ID).catch(() => null);
  if (current && current.validate_doc_update === VALIDATE_DOC_UPDATE) return true;
  const [res] = await hub.bulkDocs([{ ...designDoc(), ...(current?._rev ? { _rev: current._rev } : {}) }]);
  return !!res?.ok;
}
