// CONTRIBUTING.md is the map of the code: every folder or file it names exists, and every symbol it
// names as a call (`name(…)`) or in a table's first column is exported somewhere. A map that names
// what is gone fails here, so it is rewritten with the code it describes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'out' || name === 'coverage') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push(p);
  }
  return out;
}
const files = ['renderer', 'shared', 'electron', 'scripts', 'test'].flatMap((d) =>
  sourceFiles(join(ROOT, d)),
);
const sources = files.map((f) => readFileSync(f, 'utf8')).join('\n');
const basenames = new Set(files.map((f) => f.split('/').pop()));

const PREFIXES = ['', 'renderer/src/', 'renderer/src/features/', 'shared/', 'electron/'];
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs'];

function looksLikePath(s: string): boolean {
  if (/[\s<>*{}()[\]'"|=,]/.test(s) || s.startsWith('http') || s.startsWith('#') || s.startsWith('-'))
    return false;
  return s.includes('/') || /\.(ts|tsx|md|mjs|js|json)$/.test(s);
}

function pathExists(s: string): boolean {
  const clean = s.replace(/\/$/, '');
  // a bare file name (`labels.ts`) is named in the context of a folder: some file has that name
  if (!clean.includes('/')) return basenames.has(clean) || existsSync(join(ROOT, clean));
  return PREFIXES.some((p) => EXTENSIONS.some((e) => existsSync(join(ROOT, p + clean + e))));
}

// `name(…)` or `name(` — a function the map tells the reader to call.
function calledSymbol(s: string): string | null {
  const m = /^(?:await\s+)?([A-Za-z_$][\w$]*)\(/.exec(s);
  return m ? m[1] : null;
}

function isExported(name: string): boolean {
  const decl = new RegExp(`export\\s+(?:async\\s+)?(?:function\\*?|const|let|class|type)\\s+${name}\\b`);
  const list = new RegExp(`export\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}`);
  return decl.test(sources) || list.test(sources);
}

describe('CONTRIBUTING.md, the map of the code', () => {
  it('names paths at all (the test reads the map)', () => {
    expect(spans.filter(looksLikePath).length).toBeGreaterThan(20);
  });

  it('names only folders and files that exist', () => {
    const missing = spans.filter(looksLikePath).filter((s) => !s.startsWith('../') && !pathExists(s));
    expect(missing).toEqual([]);
  });

  it('names only functions that some module exports', () => {
    const BUILTIN = new Set(['import', 'new', 'describe', 'it', 'expect', 'fetch', 'require', 'vi']);
    const missing = [
      ...new Set(spans.map(calledSymbol).filter((n): n is string => !!n && !BUILTIN.has(n))),
    ].filter((n) => !isExported(n));
    expect(missing).toEqual([]);
  });

  it('finds a missing path and a missing function (the checks can fail)', () => {
    expect(pathExists('renderer/src/no-such-folder/')).toBe(false);
    expect(pathExists('renderer/src/db/repo.ts')).toBe(true);
    expect(isExported('noSuchFunctionAnywhere')).toBe(false);
    expect(isExported('writeTx')).toBe(true);
  });
});
