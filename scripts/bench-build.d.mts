export function benchOutDir(out?: string, cwd?: string): string;
export function benchBuildCommands(outDir: string, opts?: { minify?: boolean }): Array<[string, string[]]>;
