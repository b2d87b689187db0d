import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer boundaries (see CONTRIBUTING.md): contract ← main, contract ← renderer, preload ← contract.
const noNodeOrMain = {
  patterns: [
    {
      group: ['**/main/**', '../main', '../../main'],
      message: 'The renderer never imports main: go through contract + the API client.',
    },
    {
      group: ['**/preload/**'],
      message: 'The renderer talks to preload only through window.porthole.',
    },
    {
      group: ['node:*', 'electron', 'dockerode', 'ws', 'fs', 'path', 'child_process', 'os'],
      message: 'No Node or Electron in the renderer.',
    },
  ],
};
const noUi = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', '@tanstack/*', '@xterm/*'],
      message: 'main never imports UI libraries.',
    },
    { group: ['**/renderer/**'], message: 'main never imports the renderer.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'release/**',
      'node_modules/**',
      'test-results*/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles anywhere (type-only imports included: they still tangle the layers).
    files: ['contract/**/*.ts', 'main/**/*.ts', 'preload/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['main/**/*.ts', 'scripts/**/*.mjs', 'e2e/**/*.ts', 'bench/**/*.ts', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noNodeOrMain],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noUi],
      // One registrar (main/ipc.ts) checks the sender; nothing else may register IPC.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='ipcMain'][callee.property.name=/^(handle|on|once|handleOnce)$/]",
          message:
            'Register IPC only through handle()/on() in main/ipc.ts, which check the sender.',
        },
      ],
    },
  },
  {
    files: ['main/ipc.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/main/**',
                '**/renderer/**',
                '**/preload/**',
                'node:*',
                'electron',
                'react',
              ],
              message: 'contract depends on zod only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', 'zod'],
              message: 'preload stays tiny: electron + contract/channels only.',
            },
            {
              regex: '^\\.\\./contract(/index)?$',
              message: 'preload imports contract/channels only (no zod in the preload).',
            },
          ],
        },
      ],
    },
  },
);
