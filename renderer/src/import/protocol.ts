// The messages between the interface and the import worker, and the worker's side of them (kept
// apart from read.worker.ts so that unit tests can drive it without a real Worker).
import type { JobReply } from '../worker/jobs';

import { readFirstSheet } from './sheet';
import type { ReadProgress, SheetRead } from './sheet';

export type ReadRequest = { id: number; bytes: ArrayBuffer };
export type ReadReply = JobReply<ReadProgress, { result: SheetRead }>;

export async function handleReadRequest(req: ReadRequest, post: (reply: ReadReply) => void): Promise<void> {
  try {
    const t0 = performance.now();
    const result = await readFirstSheet(req.bytes, (progress) =>
      post({ id: req.id, type: 'progress', progress }),
    );
    post({ id: req.id, type: 'done', result, workMs: performance.now() - t0 });
  } catch (e) {
    post({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
