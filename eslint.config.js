import js from '@eslint/js'
import i18next from 'eslint-plugin-i18next'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Import boundaries from DESIGN.md: renderer → shared, electron → shared, shared → nothing,
// never renderer ↔ electron. Raw ipcMain/ipcRenderer only in the two wrappers.
const NO_ELECTRON_TREE = {
  group: ['**/electron/**', '@electron/*'],
  message: 'Only electron/ may import electron/.',
}
const NO_RENDERER_TREE = { group: ['**/renderer/**'], message: 'Only renderer/ may import renderer/.' }

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_ELECTRON_TREE,
            NO_RENDERER_TREE,
            {
              group: ['node:*', 'electron', 'react', 'react-dom', 'zustand'],
              message: 'shared/ is pure TypeScript.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.api.' }],
          patterns: [NO_ELECTRON_TREE, { group: ['node:*'], message: 'The renderer has no Node.' }],
        },
      ],
    },
  },
  {
    // Every sentence on screen comes from the catalogs (shared/i18n/locales): no words in JSX text or in
    // the attributes people read or hear (title, aria-label, placeholder, alt…).
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          // Punctuation and symbols (the rule's patterns have no unicode flag, so they are listed), ALL-CAPS
          // tokens (CSV, API) and the product's name are not sentences.
          words: { exclude: ['[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', 'Crosswalk', '^[·—–→←✕⚠✓…•▾⠿\\s]+$'] },
          // Only the attributes people read or hear; the rest (className, type, tone…) are code.
          'jsx-attributes': {
            include: [
              '^(title|alt|placeholder|label|summary|caption|legend)$',
              '^aria-(label|description|valuetext|roledescription|placeholder)$',
              '(Label|Text|Title|Message|Hint|Help|Heading|Caption)$',
            ],
          },
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed wrappers (electron/main/ipc/register.ts, electron/preload).',
            },
          ],
          patterns: [NO_RENDERER_TREE],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'Use safeOpenExternal() in electron/main.' },
      ],
    },
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The engine is plain Node: it powers the CLI and the web bridge.' },
          ],
          patterns: [
            NO_RENDERER_TREE,
            { group: ['**/main/**', '**/preload/**'], message: 'The engine does not depend on main.' },
          ],
        },
      ],
    },
  },
  {
    // The handlers run in Electron and behind the web bridge, so they never import 'electron'.
    files: ['electron/main/ipc/**/*.ts', 'electron/web-bridge/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'IPC handlers and the web bridge must run without Electron.' },
          ],
          patterns: [NO_RENDERER_TREE],
        },
      ],
    },
  },
  {
    // The two files allowed to touch raw IPC: Electron's ipcMain binding and the preload.
    files: ['electron/main/ipc/electron-ipc-main.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // CommonJS on purpose: preloaded with `node -r` before a tool that is itself CommonJS.
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
