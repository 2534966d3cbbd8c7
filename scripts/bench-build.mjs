// The two Vite builds the benchmark serves (the browser mode and the bench page), as commands.
// Vite resolves a relative --outDir against the config's `root` (renderer/), not the working
// directory, so the folder is made absolute here: a relative BENCH_OUT (or the default `out`)
// must land where the bench's server looks for it.
import { isAbsolute, resolve } from 'node:path';

export function benchOutDir(out = 'out', cwd = process.cwd()) {
  return isAbsolute(out) ? out : resolve(cwd, out);
}

export function benchBuildCommands(outDir, { minify = true } = {}) {
  const extra = minify ? [] : ['--minify', 'false'];
  const build = (config, sub) => [
    'npx',
    ['vite', 'build', '--config', config, '--logLevel', 'warn', '--outDir', resolve(outDir, sub), ...extra],
  ];
  return [build('vite.web.config.ts', 'web'), build('vite.bench.config.ts', 'bench')];
}
