import { readFileSync } from 'node:fs';

/** The app's version, from package.json (the one file electron-builder reads too). */
export const APP_VERSION: string = (() => {
  // electron/core/ in the source tree, out/electron/core/ when built
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'fazhi-ledger') return pkg.version;
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
})();
