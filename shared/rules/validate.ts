// Input checks shared by every rule function. A bad value throws a RangeError whose message
// starts with the field's name ("days: must be ..."), so the UI can point at the field.

export function fail(field: string, problem: string, value: unknown): never {
  throw new RangeError(`${field}: ${problem}, got ${show(value)}`);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

export function checkInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `must be an integer from ${min} to ${max}`, value);
  }
  return value;
}

/** A finite number ≥ min (amounts, scores). */
export function checkNumber(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    fail(field, `must be a number not less than ${min}`, value);
  }
  return value;
}

/** A count of days in half-day steps: 0.5, 1, 1.5, ... (or 0 too when zeroAllowed). */
export function checkHalfDays(value: unknown, field: string, zeroAllowed: boolean): number {
  const min = zeroAllowed ? 0 : 0.5;
  if (typeof value !== 'number' || !Number.isInteger(value * 2) || value < min) {
    fail(field, `must be a multiple of 0.5 not less than ${min}`, value);
  }
  return value;
}

export function checkOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    fail(field, `must be one of ${allowed.join(', ')}`, value);
  }
  return value as T;
}

export function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') fail(field, 'must be true or false', value);
  return value;
}

export function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string') fail(field, 'must be a string', value);
  return value;
}

export function checkArray(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(field, 'must be a list', value);
  return value;
}

export function checkObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(field, 'must be an object', value);
  return value as Record<string, unknown>;
}
