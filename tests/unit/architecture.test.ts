// Layering: core and shared (and bridge, cli, renderer) never import Electron —
// they run under plain Node and in the browser. Checked twice: by scanning the
// sources, and by proving the ESLint rule that guards it really fires.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|cts|mts|js|mjs|cjs|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** import … from 'electron', import 'electron/x', export … from, require(), import() */
const ELECTRON_IMPORT = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"`])electron(?:\/[^'"`]*)?\1/;

function importsElectron(text: string): boolean {
  return ELECTRON_IMPORT.test(text);
}

describe('no Electron below electron/main', () => {
  it('the detector finds every import form and ignores look-alikes', () => {
    for (const yes of [
      "import { app } from 'electron';",
      'import type { BrowserWindow } from "electron";',
      "import 'electron';",
      "export { ipcMain } from 'electron';",
      "const { app } = require('electron');",
      "const e = await import('electron');",
      "import { ipcRenderer } from 'electron/renderer';",
    ])
      expect(importsElectron(yes), yes).toBe(true);
    for (const no of [
      "import { x } from '../shared/platform.ts';",
      "import x from 'electron-builder';",
      "import { a } from './electron.ts';",
      "const s = 'electron';",
    ])
      expect(importsElectron(no), no).toBe(false);
  });

  for (const dir of ['electron/core', 'electron/shared', 'electron/bridge', 'electron/cli', 'renderer/src']) {
    it(`${dir} does not import electron`, () => {
      const files = (() => {
        try {
          return sourceFiles(dir);
        } catch {
          return [];
        }
      })();
      if (dir === 'electron/core' || dir === 'electron/shared') expect(files.length).toBeGreaterThan(0);
      const offenders = files.filter((f) => importsElectron(readFileSync(join(root, f), 'utf8')));
      expect(offenders.map((f) => relative(root, join(root, f)))).toEqual([]);
    });
  }
});

describe('the ESLint rule guarding it', () => {
  // the samples are not files on disk, so no tsconfig holds them: lint them without type information
  const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
  async function restricted(code: string, filePath: string) {
    const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports');
  }

  it('fires on electron in core, with a Chinese and English message', async () => {
    const messages = await restricted("import { app } from 'electron';\nexport const name = app.getName();\n", 'electron/core/x.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0].severity).toBe(2);
    expect(messages[0].message).toContain('不得引用 electron');
    expect(messages[0].message).toContain('Do not import electron');
  });

  it('fires in shared, bridge, cli and the renderer, for type imports and subpaths too', async () => {
    const samples: [string, string][] = [
      ["import type { BrowserWindow } from 'electron';\nexport type W = BrowserWindow;\n", 'electron/shared/x.ts'],
      ["import { ipcMain } from 'electron/main';\nexport const m = ipcMain;\n", 'electron/bridge/x.ts'],
      ["import { app } from 'electron';\nexport const a = app;\n", 'electron/cli/x.ts'],
      ["import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;\n", 'renderer/src/x.ts'],
    ];
    for (const [code, file] of samples) expect(await restricted(code, file), file).toHaveLength(1);
  });

  it('allows electron in electron/main and electron/preload, and other imports in core', async () => {
    expect(await restricted("import { app } from 'electron';\nexport const a = app;\n", 'electron/main/x.ts')).toEqual([]);
    expect(await restricted("import { x } from '../shared/platform.ts';\nexport const y = x;\n", 'electron/core/x.ts')).toEqual([]);
    expect(await restricted("import x from 'electron-builder';\nexport const y = x;\n", 'electron/core/x.ts')).toEqual([]);
  });
});
