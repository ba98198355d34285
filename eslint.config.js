// ESLint flat config: typescript-eslint recommended everywhere, Vue recommended
// for the renderer's .vue files, and the layering rule: only electron/main and
// electron/preload may import Electron.
import { builtinRules } from 'eslint/use-at-your-own-risk';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

export const ELECTRON_IMPORT_MESSAGE =
  '此处不得引用 electron：core / shared / bridge / cli / renderer 须在 Node 与浏览器中都能运行，Electron 只属于 electron/main 与 electron/preload。' +
  ' Do not import electron here: core, shared, bridge, cli and the renderer must run without Electron; only electron/main and electron/preload may use it.';

/** ESLint's own recommended rules (what @eslint/js's recommended config lists; that package isn't installed). */
const jsRecommended = {
  name: 'fazhi/eslint-recommended',
  rules: Object.fromEntries([...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error'])),
};

/** Node's globals for the plain .js / .mjs scripts (the `globals` package isn't installed). */
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'queueMicrotask',
    'structuredClone',
    'fetch',
    'TextEncoder',
    'TextDecoder',
    'AbortController',
    'globalThis',
  ].map((g) => [g, 'readonly']),
);

/** Folders that must never import Electron. */
export const ELECTRON_FREE = ['electron/core/**', 'electron/shared/**', 'electron/bridge/**', 'electron/cli/**', 'renderer/**'];

export default [
  {
    ignores: ['out/**', 'node_modules/**', 'dist/**', 'release/**', 'tmp/**', 'test-results/**', '.bench/**', 'coverage/**', 'renderer/dist/**'],
  },

  jsRecommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },

  ...pluginVue.configs['flat/recommended'].map((config) => ({ ...config, files: ['renderer/**/*.vue'] })),
  {
    files: ['renderer/**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.vue'],
        sourceType: 'module',
        ecmaVersion: 'latest',
      },
    },
    rules: {
      // TypeScript checks names in <script lang="ts"> (vue-tsc); no-undef doesn't know browser globals
      'no-undef': 'off',
      // line-wrapping of templates is style, not correctness: hundreds of warnings hid the real ones
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      // Prettier lays out templates (npm run format); these two would fight it
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },

  {
    rules: {
      // `_`-prefixed names are deliberately unused (callback signatures, destructuring)
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  {
    // type-aware rules: a promise nobody awaits loses its error (an unhandled rejection the clerk never sees).
    // Each file is checked with the tsconfig that compiles it; the .vue files through vue-eslint-parser above.
    files: ['**/*.ts', '**/*.mts', '**/*.cts', 'renderer/**/*.vue'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.renderer.json', './tsconfig.electron.json', './tsconfig.preload.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.vue'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },

  {
    // the CommonJS preload may only `require('electron')`: it cannot import local files
    files: ['electron/preload/**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^electron$'] }] },
  },

  {
    files: ELECTRON_FREE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: ELECTRON_IMPORT_MESSAGE }],
          patterns: [{ regex: '^electron/', message: ELECTRON_IMPORT_MESSAGE }],
        },
      ],
    },
  },
];
