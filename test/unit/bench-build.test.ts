import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { benchBuildCommands, benchOutDir } from '../../scripts/bench-build.mjs';
import benchConfig from '../../vite.bench.config';
import webConfig from '../../vite.web.config';

// Vite resolves --outDir against the config's root (renderer/): what the bench builds must land in
// the folder its server serves, <cwd>/out by default, on a fresh clone with no BENCH_OUT set.
const rootOf = (config: unknown) => resolve((config as { root?: string }).root ?? '.');

describe('the benchmark builds', () => {
  it('write the browser mode and the bench page under <cwd>/out, whatever the configs’ root', () => {
    const out = benchOutDir(undefined, '/clone');
    expect(out).toBe('/clone/out');
    const [web, bench] = benchBuildCommands(out);
    const outDirArg = (args: string[]) => args[args.indexOf('--outDir') + 1];
    expect(resolve(rootOf(webConfig), outDirArg(web[1]))).toBe('/clone/out/web');
    expect(resolve(rootOf(benchConfig), outDirArg(bench[1]))).toBe('/clone/out/bench');
  });

  it('keeps an absolute BENCH_OUT and passes --minify false only when asked', () => {
    expect(benchOutDir('/tmp/b', '/clone')).toBe('/tmp/b');
    expect(benchOutDir('b', '/clone')).toBe('/clone/b');
    expect(benchBuildCommands('/o')[0][1]).not.toContain('--minify');
    expect(benchBuildCommands('/o', { minify: false })[1][1].slice(-2)).toEqual(['--minify', 'false']);
  });
});
