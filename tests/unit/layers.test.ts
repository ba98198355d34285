// The layer matrix (docs/architecture.md): which folder may import which. Every
// import of every source file under electron/ and renderer/src is read (static,
// dynamic, `export … from`, require) and checked, and a checker test shows that a
// violation of each rule is caught.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Layer = 'shared' | 'core' | 'bridge' | 'cli' | 'main' | 'preload' | 'renderer';
/** what an import points at: a layer, or Node's built-ins, Electron, an npm package */
type Target = Layer | 'node' | 'electron' | 'package' | 'outside';

/** The matrix: what each layer may import (its own folder always). */
export const ALLOWED: Record<Layer, readonly Target[]> = {
  // runs in the page too: no Node, no Electron (zod is the one package)
  shared: ['shared', 'package'],
  // plain Node: never Electron, the shells or the page
  core: ['core', 'shared', 'node', 'package'],
  bridge: ['bridge', 'core', 'shared', 'node', 'package'],
  cli: ['cli', 'core', 'shared', 'node', 'package'],
  main: ['main', 'core', 'shared', 'node', 'electron', 'package'],
  // the sandboxed preload: contextBridge only
  preload: ['electron'],
  renderer: ['renderer', 'shared', 'package'],
};

const LAYER_DIRS: [string, Layer][] = [
  ['electron/shared/', 'shared'],
  ['electron/core/', 'core'],
  ['electron/bridge/', 'bridge'],
  ['electron/cli/', 'cli'],
  ['electron/main/', 'main'],
  ['electron/preload/', 'preload'],
  ['renderer/', 'renderer'],
];

function layerOf(file: string): Layer | null {
  const f = file.split(sep).join('/');
  return LAYER_DIRS.find(([dir]) => f.startsWith(dir))?.[1] ?? null;
}

const NODE = new Set(builtinModules);

/** The layer (or kind) an import specifier of `file` points at. */
export function targetOf(file: string, spec: string): { target: Target; path?: string } {
  if (spec.startsWith('node:') || NODE.has(spec.split('/')[0])) return { target: 'node' };
  if (spec === 'electron' || spec.startsWith('electron/')) return { target: 'electron' };
  let path: string;
  if (spec.startsWith('@shared/')) path = join('electron/shared', spec.slice('@shared/'.length));
  else if (spec.startsWith('@/')) path = join('renderer/src', spec.slice(2));
  else if (spec.startsWith('.')) path = normalize(join(dirname(file), spec));
  else return { target: 'package' };
  const p = path.split(sep).join('/');
  return { target: layerOf(p) ?? 'outside', path: p };
}

const IMPORT =
  /^\s*(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?(['"])([^'"]+)\2|\bimport\s*\(\s*(['"])([^'"]+)\4\s*\)|\brequire\s*\(\s*(['"])([^'"]+)\6\s*\)/gm;

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Every import of a source text (comments removed first); `import type` is erased at run time. */
export function importsOf(text: string): Import[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(IMPORT)].map((m) => ({ spec: m[3] ?? m[5] ?? m[7], typeOnly: m[1] !== undefined }));
}

/** A core domain folder (core/<domain>/…) never imports core/api: the registry imports the domains, not the other way. */
function coreRule(file: string, path: string | undefined): string | null {
  const f = file.split(sep).join('/');
  if (!path || !f.startsWith('electron/core/') || f.startsWith('electron/core/api/')) return null;
  if (f.split('/').length < 4) return null; // core/index.ts, context.ts … (the core's front door)
  return path.startsWith('electron/core/api/') ? 'a core domain folder imports electron/core/api (the registry imports the domains, never the reverse)' : null;
}

/** The violations of one file's imports: "file → spec: why". */
export function violations(file: string, text: string): string[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const out: string[] = [];
  for (const { spec, typeOnly } of importsOf(text)) {
    const { target, path } = targetOf(file, spec);
    // the preload can require nothing but electron; the shared types it checks against are erased
    const allowed = layer === 'preload' && typeOnly ? [...ALLOWED.preload, 'shared'] : ALLOWED[layer];
    if (target === 'outside' || !allowed.includes(target)) out.push(`${file} → ${spec}: ${layer} may not import ${target}`);
    const core = coreRule(file, path);
    if (core) out.push(`${file} → ${spec}: ${core}`);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sourceFiles(rel));
    } else if (/\.(ts|cts|mts|js|mjs|cjs|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

describe('the layer matrix', () => {
  const files = [...sourceFiles('electron'), ...sourceFiles('renderer/src')];

  it('reads every layer', () => {
    const seen = new Set(files.map(layerOf));
    for (const [, layer] of LAYER_DIRS) expect(seen, layer).toContain(layer);
    expect(files.length).toBeGreaterThan(150);
  });

  it('holds for every import under electron/ and renderer/src', () => {
    const found = files.flatMap((f) => violations(relative(ROOT, join(ROOT, f)), readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });
});

describe('the checker', () => {
  it('reads static, type, export-from, side-effect, dynamic and require imports, not comments', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export * from './d.ts';",
      "import './e.ts';",
      "const f = await import('./f.ts');",
      "const g = require('g');",
      "// import { x } from './commented.ts';",
      '/* import y from "./block.ts"; */',
      'const s = \'import z from "./not-at-start.ts"\';',
    ].join('\n');
    expect(importsOf(text).map((i) => i.spec)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.ts', './f.ts', 'g']);
    expect(importsOf(text).map((i) => i.typeOnly)).toEqual([false, true, false, false, false, false, false]);
  });

  it('catches a breach of each rule', () => {
    const cases: [string, string][] = [
      ['electron/shared/x.ts', "import { readFileSync } from 'node:fs';"],
      ['electron/shared/x.ts', "import { createCore } from '../core/index.ts';"],
      ['electron/core/registers/x.ts', "import { app } from 'electron';"],
      ['electron/core/registers/x.ts', "import { startBridge } from '../../bridge/server.ts';"],
      ['electron/core/years/x.ts', "import { parseArgs } from '../../cli/index.ts';"],
      ['electron/core/years/x.ts', "import { handlers } from '../api/handlers.ts';"],
      ['electron/core/x.ts', "import { runMain } from '../main/app.ts';"],
      ['electron/main/protocol.ts', "import { CONTENT_SECURITY_POLICY } from '../bridge/server.ts';"],
      ['electron/bridge/web.ts', "import { parseArgs } from '../cli/index.ts';"],
      ['electron/bridge/web.ts', "import { x } from '../main/app.ts';"],
      ['electron/cli/index.ts', "import { startBridge } from '../bridge/server.ts';"],
      ['electron/preload/index.cts', "const { x } = require('../shared/platform.ts');"],
      ['electron/preload/index.cts', "import { IPC_CHANNELS } from '../shared/platform.ts';"],
      ['electron/preload/index.cts', "const fs = require('node:fs');"],
      ['renderer/src/x.ts', "import { createCore } from '../../electron/core/index.ts';"],
      ['renderer/src/x.ts', "import { readFile } from 'node:fs/promises';"],
      ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ];
    for (const [file, line] of cases) expect(violations(file, line), `${file}: ${line}`).toHaveLength(1);
  });

  it('lets each layer import what the matrix allows', () => {
    const cases: [string, string][] = [
      ['electron/shared/contract/index.ts', "import { z } from 'zod';"],
      ['electron/core/years/handlers.ts', "import { mutator } from '../mutator.ts';"],
      ['electron/core/api/handlers.ts', "const h = await import('../years/handlers.ts');"],
      ['electron/core/index.ts', "import { dispatch } from './api/dispatch.ts';"],
      ['electron/bridge/web.ts', "import { parseArgs } from '../shared/cli-args.ts';"],
      ['electron/main/protocol.ts', "import { CONTENT_SECURITY_POLICY } from '../shared/page-serving.ts';"],
      ['electron/main/app.ts', "import { app } from 'electron';"],
      ['electron/preload/index.cts', "const { contextBridge } = require('electron');"],
      ['electron/preload/index.cts', "import type { DesktopBridge } from '../shared/platform.ts' with { 'resolution-mode': 'import' };"],
      ['renderer/src/x.vue', "import { REGISTERS } from '@shared/registers.ts';"],
      ['renderer/src/x.vue', "import { call } from '@/api/client.ts';"],
    ];
    for (const [file, line] of cases) expect(violations(file, line), `${file}: ${line}`).toEqual([]);
  });
});
