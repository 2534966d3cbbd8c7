// Fields every stored record carries (architecture.md, Storage).
export type BaseRecord = {
  id: string; // UUID
  createdAt: string; // ISO timestamp
  updatedAt: string;
  createdBy: string; // staff id of the author ('system' for seeded data)
  updatedBy?: string;
  deletedAt?: string | null; // soft deletion: set, never removed
  deletedBy?: string | null;
};

export type BaseKeys = keyof BaseRecord;
export type NewRecord<T extends BaseRecord> = Omit<T, BaseKeys> & { id?: string };
