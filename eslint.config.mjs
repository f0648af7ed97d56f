// Lint rules that keep the layers apart and promises handled. The layers, top to bottom:
// extension.ts and cli.ts compose; features/ use vscode/ adapters and the core; the core
// is pure (no vscode, no file system); a feature reaches another only through features/shared.
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = ['cite', 'details', 'library', 'papers-view', 'search'];

/** A feature folder may import itself, features/shared and what lies below, never a sibling. */
const featureBoundaries = FEATURES.map((feature) => ({
  files: [`src/features/${feature}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: FEATURES.filter((other) => other !== feature).map((other) => `**/features/${other}/**`).concat(FEATURES.filter((other) => other !== feature).map((other) => `../${other}`)),
            message: 'Features do not import each other: move what both need to features/shared.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.hosts/**', '.vscode-test/**', 'node_modules/**', 'test/fixtures/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.d.ts', '.js', '.mjs'] })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Byte-level checks (ASCII runs, NUL sentinels) are meant: a control character there is no slip.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core runs without VS Code: put editor code in src/vscode or a feature.' },
            { name: 'node:fs', message: 'The core reads no files: a host (src/vscode, src/node) hands it text.' },
            { name: 'fs', message: 'The core reads no files: a host (src/vscode, src/node) hands it text.' },
            { name: 'node:fs/promises', message: 'The core reads no files: a host (src/vscode, src/node) hands it text.' },
          ],
          patterns: [{ group: ['**/features/**', '**/vscode/**', '**/node/**'], message: 'The core imports nothing above it.' }],
        },
      ],
    },
  },
  {
    files: ['src/vscode/**/*.ts', 'src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/features/**'], message: 'Host adapters sit below the features.' }] }],
    },
  },
  ...featureBoundaries,
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The UI suite runs under mocha, and hands some functions to the page, where the DOM is.
    files: ['test/e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.mocha, ...globals.browser } },
  },
);
