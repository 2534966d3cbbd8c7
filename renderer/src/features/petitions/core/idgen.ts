// Fictitious but valid resident ID numbers (GB 11643-1999 check character) for demo data, tests
// and the benchmark. 430528 is 新宁县's area code.
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const C = '10X98765432';

export function withCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += W[i] * Number(first17[i]);
  return first17 + C[sum % 11];
}

export function makeIdNo(birth: string, serial: number, area = '430528'): string {
  return withCheckChar(`${area}${birth.replace(/-/g, '')}${String(serial % 1000).padStart(3, '0')}`);
}
