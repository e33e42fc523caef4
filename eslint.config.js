// Lint rules that keep the arrows renderer → shared ← main, and only src/main/electron importing electron.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto', 'url', 'stream', 'zlib', 'worker_threads'];
const patterns = (groups, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] });

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-cli*/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/out/**', '.tsbuild/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: patterns(
      [...nodeBuiltins, 'electron', 'ol', 'ol/*', 'react', 'react-dom', 'better-sqlite3', '**/main/**', '**/renderer/**'],
      'src/shared is pure TypeScript: no Node, DOM, Electron, OpenLayers or React, and no imports from main or renderer.',
    ),
  },
  {
    files: ['src/renderer/**'],
    rules: patterns([...nodeBuiltins, 'electron', 'better-sqlite3', '**/main/**'], 'The renderer talks to main only through the contract (src/shared/api.ts).'),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: patterns(['electron', '**/renderer/**'], 'Only src/main/electron may import electron; main never imports the renderer.'),
  },
  {
    files: ['src/main/electron/**'],
    rules: patterns(['**/renderer/**'], 'Main never imports the renderer.'),
  },
);
