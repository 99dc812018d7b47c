// ESLint (typescript-eslint) for the whole project; Prettier owns formatting.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Apps Script's V8 has none of these: code that reaches the bundle must not use them.
const NOT_IN_APPS_SCRIPT = [
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'fetch',
  'atob',
  'btoa',
  'Buffer',
  'process',
  'require',
  'window',
  'document',
  'navigator',
].map(name => ({
  name,
  message: `Apps Script has no ${name}; use the Apps Script services instead.`,
}));

export default tseslint.config(
  { ignores: ['build/', 'node_modules/', 'test-output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'fakes/**/*.ts'],
    ignores: ['fakes/harness/**'],
    rules: { 'no-restricted-globals': ['error', ...NOT_IN_APPS_SCRIPT] },
  },
  {
    files: [
      'scripts/**/*.mjs',
      'scripts/**/*.js',
      'jest.config.js',
      'eslint.config.mjs',
      'test/**/*.ts',
      'bench/**/*.ts',
      'fakes/harness/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['jest.config.js', 'scripts/jest-totals.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier
);
