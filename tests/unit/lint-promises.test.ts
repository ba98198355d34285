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

describe('no-floating-promises (type-aware)', () => {
  it('fires on a promise nobody awaits in core, and accepts await and void', async () => {
    const code = [
      'async function save(): Promise<number> { return 1; }',
      'export async function run(): Promise<void> {',
      '  save();', // line 3: floating
      '  await save();',
      '  void save(); // fire-and-forget on purpose',
      '}',
    ].join('\n');
    expect(await floating(code, 'electron/core/index.ts')).toEqual([3]);
  }, 180_000);

  it('fires in a .vue component’s <script setup>, where the type comes from vue-router', async () => {
    const code = [
      '<script setup lang="ts">',
      "import { useRouter } from 'vue-router';",
      'const router = useRouter();',
      "function go() { router.push('/'); }", // line 4: floating
      "function open() { void router.push('/report'); }",
      '</script>',
      '<template><button @click="go(); open()">x</button></template>',
    ].join('\n');
    expect(await floating(code, 'renderer/src/App.vue')).toEqual([4]);
  }, 180_000);
});
