export type ElectronBinaryDeps = {
  require?: (id: string) => unknown;
  existsSync?: (path: string) => boolean;
};

export function findElectronBinary(deps?: ElectronBinaryDeps): string | null;

export const MISSING_ELECTRON_MESSAGE: string;
