// The interface's side of a job worker (the export writer, the import reader): one worker started on
// the first job and kept for the next ones, jobs told apart by id (two at once never mix), progress
// handed to the job's caller, and — where no worker can run (an old runtime, a worker script that
// fails to load, unit tests) — the same work done on this thread instead, so a job never fails for
// want of a thread.

// What a job worker answers: progress, then either its result (with how long the work took inside
// the worker) or an error's message.
export type JobReply<P, D> =
  | { id: number; type: 'progress'; progress: P }
  | ({ id: number; type: 'done'; workMs: number } & D)
  | { id: number; type: 'error'; message: string };

export type JobClient<Req, P, R> = {
  run(req: Omit<Req, 'id'>, onProgress?: (p: P) => void): Promise<R>;
  // How long the last job took inside the worker (the benchmark sets it beside the round trip).
  lastWorkMs(): number | null;
  // Starts the worker and runs a small job in it, so the first real job finds the worker loaded and
  // its code compiled (called when the interface is idle); nothing where no worker can run.
  warm(req: Omit<Req, 'id'>): Promise<void>;
  // For tests: forget the worker so that the next job starts a new one.
  reset(): void;
};

type Job<Req, P, R> = {
  req: Req;
  onProgress?: (p: P) => void;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
};

export function jobClient<Req extends { id: number }, P, D, R>(o: {
  // new Worker(new URL('./x.worker.ts', import.meta.url), …) written out in the caller's file, where
  // the bundler finds it
  start: () => Worker;
  inThread: (req: Req, onProgress?: (p: P) => void) => Promise<R>;
  resultOf: (done: D) => R;
  fallbackNote: string; // the console's word when the worker cannot run, e.g. '导出线程不可用，改在界面线程导出：'
}): JobClient<Req, P, R> {
  let worker: Worker | null | undefined; // undefined: not started yet; null: none can run here
  let nextId = 1;
  let lastWorkMs: number | null = null;
  const jobs = new Map<number, Job<Req, P, R>>();

  async function inThread(job: Job<Req, P, R>): Promise<void> {
    try {
      job.resolve(await o.inThread(job.req, job.onProgress));
    } catch (e) {
      job.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  function onReply(reply: JobReply<P, D>) {
    const job = jobs.get(reply.id);
    if (!job) return;
    if (reply.type === 'progress') {
      job.onProgress?.(reply.progress);
      return;
    }
    jobs.delete(reply.id);
    if (reply.type === 'done') {
      lastWorkMs = reply.workMs;
      job.resolve(o.resultOf(reply));
    } else job.reject(new Error(reply.message));
  }

  function startWorker(): Worker | null {
    if (worker !== undefined) return worker;
    if (typeof Worker === 'undefined') return (worker = null);
    try {
      const w = o.start();
      w.onmessage = (e: MessageEvent<JobReply<P, D>>) => onReply(e.data);
      // The worker could not load or died: give up on it and finish its jobs here.
      w.onerror = (e) => {
        e.preventDefault?.();
        console.error(o.fallbackNote, e.message);
        w.terminate();
        worker = null;
        const left = [...jobs.values()];
        jobs.clear();
        for (const job of left) void inThread(job);
      };
      return (worker = w);
    } catch (e) {
      console.error(o.fallbackNote, e);
      return (worker = null);
    }
  }

  return {
    run(fields, onProgress) {
      return new Promise((resolve, reject) => {
        const job: Job<Req, P, R> = { req: { ...fields, id: nextId++ } as Req, onProgress, resolve, reject };
        const w = startWorker();
        if (!w) {
          void inThread(job);
          return;
        }
        jobs.set(job.req.id, job);
        w.postMessage(job.req);
      });
    },
    lastWorkMs: () => lastWorkMs,
    warm(fields) {
      if (!startWorker()) return Promise.resolve();
      return this.run(fields).then(
        () => undefined,
        () => undefined,
      );
    },
    reset() {
      worker?.terminate();
      worker = undefined;
      jobs.clear();
    },
  };
}
