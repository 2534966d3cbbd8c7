// When the first screen after sign-in has what it shows (the 工作台 its to-dos). Work that can wait —
// the export worker loading exceljs — waits for it: started while the 工作台 still read its to-dos,
// that work took the second of the two cores from IndexedDB and made one start-up in two 0.5 s
// slower (bench 启动到工作台, full database: median 2.04 s with it, 1.49 s without).
let settle: (() => void) | null = null;
let ready: Promise<void> | null = null;

// Resolves once markFirstScreenReady is called, or after `atMostMs` whatever the screen (another
// page first, a sign-in that must change its password first).
export function firstScreenReady(atMostMs = 10_000): Promise<void> {
  ready ??= new Promise<void>((resolve) => {
    settle = resolve;
    setTimeout(resolve, atMostMs);
  });
  return ready;
}

export function markFirstScreenReady(): void {
  void firstScreenReady();
  settle?.();
}
