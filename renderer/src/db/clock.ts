// The renderer's one clock. Everything that needs "now" or "today" asks here, so tests and the
// benchmark can pin it; rules in shared/ never read a clock.
let offsetMs = 0;
let fixed: Date | null = null;

export function now(): Date {
  return fixed ? new Date(fixed) : new Date(Date.now() + offsetMs);
}
export function nowIso(): string {
  return now().toISOString();
}
export function toLocalISODate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}
export function today(): string {
  return toLocalISODate(now());
}
export function localHHmm(d: Date = now()): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
export function pinClock(at: Date | null): void {
  fixed = at;
}
export function shiftClock(ms: number): void {
  offsetMs = ms;
}
// Runs fn with the clock pinned at `at` and then puts the clock back as it was (demo data written
// on the day it happened). Only for sequential loaders: everything else sees the pinned time too.
export async function withClockAt<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  const prevFixed = fixed;
  fixed = at;
  try {
    return await fn();
  } finally {
    fixed = prevFixed;
  }
}
