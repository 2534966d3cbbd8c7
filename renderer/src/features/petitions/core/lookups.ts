// Small reads the screens need beside the case lists: units and staff for the pickers, a case's
// files, the suggested responsible unit, the reception days and the monthly report.
import { db } from '../../../db/db';
import { isLive, live } from '../../../db/live';
import type { Attachment, ResponsibleRoute, Staff, Unit } from '../../../db/schema/core';
import type { HigherVisit, PetitionMonthReport, ReceptionDay } from '../../../db/schema/petitions';

// Units by name: the active ones for the pickers, all of them to name a unit an old case points to.
export async function unitBook(): Promise<{ list: Unit[]; all: Unit[] }> {
  const all = await db.units.orderBy('name').toArray();
  return { list: all.filter((u) => u.active && isLive(u)), all };
}

// Active staff by name.
export async function activeStaffByName(): Promise<Staff[]> {
  return (await db.staff.orderBy('name').toArray()).filter((s) => s.active && isLive(s));
}

export async function attachmentsOfCase(petitionId: string): Promise<Attachment[]> {
  return db.attachments.where('[ownerTable+ownerId]').equals(['petitions', petitionId]).toArray();
}

// The responsible unit on record for a township and subject (PET-8).
export async function routeFor(township: string, subject: string): Promise<ResponsibleRoute | undefined> {
  return db.responsibleRoutes.where('[township+subject]').equals([township, subject]).first();
}

export async function recentReceptionDays(limit = 30): Promise<ReceptionDay[]> {
  return live(db.receptionDays.orderBy('date').reverse()).limit(limit).toArray();
}

export async function recentHigherVisits(limit = 30): Promise<HigherVisit[]> {
  return db.higherVisits.orderBy('date').reverse().limit(limit).toArray();
}

export async function monthReport(month: string): Promise<PetitionMonthReport | undefined> {
  return db.petitionReports.where('month').equals(month).first();
}
