import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import tongban from './tools/eslint/layering.mjs';

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', '.tsbuild/**', 'data/**', 'test-results/**', 'playwright-report/**',
      'native/softhsm/.tokens/**', 'node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { tongban },
    rules: {
      'tongban/layering': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'src-web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src-main/**', 'src-server/**', 'native/**', 'tests/**', 'tools/**', 'bench/**', 'bin/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
);
