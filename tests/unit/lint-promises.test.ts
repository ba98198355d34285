// The type-aware promise rule is live: a promise left floating in core or in a .vue
// component is an ESLint error, `void` (fire-and-forget, said on purpose) is not.
// (Linted as the text of real files, so the tsconfig that compiles each one is used.)
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });
async function floating(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-floating-promises').map((m) => m.line);
}

// each sample: a floating call on line 3, then the same call awaited or marked `void`
const CORE = `async function save(): Promise<number> { return 1; }
export async function run(): Promise<void> {
  save();
  await save();
  void save(); // fire-and-forget on purpose
}`;
const VUE = `<script setup lang="ts">
import { useRouter } from 'vue-router'; const router = useRouter();
function go() { router.push('/'); }
function open() { void router.push('/report'); }
</script>
<template><button @click="go(); open()">x</button></template>`;

describe('no-floating-promises (type-aware)', () => {
  it.each([
    ['core', 'electron/core/index.ts', CORE],
    ['a .vue component’s <script setup> (the type from vue-router)', 'renderer/src/App.vue', VUE],
  ])(
    'fires in %s on the floating call only',
    async (_where, file, code) => {
      expect(await floating(code, file)).toEqual([3]);
    },
    180_000,
  );
});
