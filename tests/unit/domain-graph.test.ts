// Domains import downwards, never in a circle (docs/architecture.md). Every import of every
// file under electron/core is read; the graph between domains (core/<domain>/) must have
// no cycle, and the plumbing below them (core/db, core/util and the core's own files
// context.ts, paths.ts, version.ts) imports no domain. core/index.ts and core/api/ are the
// composition root above everything.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, targetOf } from './layers.test.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORE = 'electron/core/';
const BELOW = new Set(['db', 'util', 'context.ts', 'paths.ts', 'version.ts']);
const ABOVE = new Set(['index.ts', 'api']);

/** The domain a core file belongs to: its folder under core/, or the file name for the core's own files. */
export function domainOf(path: string): string | null {
  const p = path.split(sep).join('/');
  if (!p.startsWith(CORE)) return null;
  return p.slice(CORE.length).split('/')[0];
}

function coreFiles(dir = CORE): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}${e.name}`;
    if (e.isDirectory()) out.push(...coreFiles(`${rel}/`));
    else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

export type Graph = Map<string, Map<string, string[]>>;

/** domain → domain → the file imports that make the edge */
export function domainGraph(files: { path: string; text: string }[]): Graph {
  const graph: Graph = new Map();
  for (const { path, text } of files) {
    const from = domainOf(path);
    if (!from) continue;
    for (const { spec } of importsOf(text)) {
      const to = domainOf(targetOf(path, spec).path ?? '');
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${path} → ${spec}`]);
    }
  }
  return graph;
}

/** Each cycle between domains, as the path that closes it, with the imports of its edges. */
export function cycles(graph: Graph): string[] {
  const out: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (d: string) => {
    state.set(d, 'open');
    stack.push(d);
    for (const next of [...(graph.get(d)?.keys() ?? [])].sort()) {
      if (state.get(next) === 'open') {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        out.push(
          loop.join(' → ') +
            '\n' +
            loop
              .slice(1)
              .map((to, i) => `    ${graph.get(loop[i])?.get(to)?.[0]}`)
              .join('\n'),
        );
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(d, 'done');
  };
  for (const d of [...graph.keys()].sort()) if (!state.has(d)) visit(d);
  return out;
}

describe('core domains', () => {
  const files = coreFiles().map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
  const graph = domainGraph(files);

  it('import each other without a circle', () => {
    expect(graph.size).toBeGreaterThan(8);
    expect(cycles(graph)).toEqual([]);
  });

  it('stand on plumbing that imports no domain (core/db, core/util, context, paths, version)', () => {
    const up = [...graph].flatMap(([from, edges]) =>
      BELOW.has(from) ? [...edges].filter(([to]) => !BELOW.has(to)).map(([to, how]) => `${from} → ${to}: ${how[0]}`) : [],
    );
    expect(up).toEqual([]);
  });

  it('are imported by no one but the composition root where they are the root (index.ts, api/)', () => {
    const intoRoot = [...graph].flatMap(([from, edges]) =>
      ABOVE.has(from) ? [] : [...edges.keys()].filter((to) => ABOVE.has(to)).map((to) => `${from} → ${to}`),
    );
    expect(intoRoot).toEqual([]);
  });

  it('the checker finds a circle and names the imports that close it', () => {
    const g = domainGraph([
      { path: 'electron/core/a/x.ts', text: "import { y } from '../b/y.ts';" },
      { path: 'electron/core/b/y.ts', text: "import type { z } from '../c/z.ts';" },
      { path: 'electron/core/c/z.ts', text: "export { x } from '../a/x.ts';" },
      { path: 'electron/core/d/w.ts', text: "import { x } from '../a/x.ts';" },
    ]);
    const found = cycles(g);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^a → b → c → a\n/);
    expect(found[0]).toContain('electron/core/c/z.ts → ../a/x.ts');
  });
});
