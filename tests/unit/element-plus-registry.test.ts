// The page registers exactly the Element Plus components its templates use: none
// missing (a tag that would render as nothing), none bundled for nothing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../renderer/src/', import.meta.url).pathname;

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? vueFiles(p) : n.endsWith('.vue') ? [p] : [];
  });
}

const pascal = (tag: string) =>
  tag
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

describe('Element Plus registry', () => {
  it('registers exactly the components the templates use', () => {
    const used = new Set<string>();
    for (const f of vueFiles(ROOT)) for (const m of readFileSync(f, 'utf8').matchAll(/<(el-[a-z-]+)/g)) used.add(pascal(m[1]!));
    const source = readFileSync(join(ROOT, 'plugins/element-plus.ts'), 'utf8');
    const list = source.slice(source.indexOf('export const components'), source.indexOf('];'));
    const registered = new Set([...list.matchAll(/\bEl[A-Z]\w+/g)].map((m) => m[0]));
    expect([...used].filter((c) => !registered.has(c)).sort()).toEqual([]);
    expect([...registered].filter((c) => !used.has(c)).sort()).toEqual([]);
  });
});
