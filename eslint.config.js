// Lint TypeScript and Svelte. Formatting is prettier's job; this catches mistakes.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', '**/*.astro'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // Pure logic must not reach for frameworks or the DOM: that is what keeps it testable and reusable.
    files: ['src/lib/**/*.ts', 'src/questions/**/*.ts'],
    // views.ts is the one place that maps a type to its Svelte component.
    ignores: ['src/lib/ingest/read.ts', 'src/questions/views.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(astro(?!/zod$)|svelte|nanostores$|@nanostores/)',
              message:
                'src/lib and question logic are pure: no framework imports (zod comes from astro/zod).',
            },
            { regex: '^node:', message: 'src/lib is pure: do file I/O at the edges (loaders, CLI).' },
          ],
        },
      ],
    },
  },
);
