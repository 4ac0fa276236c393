import { svelteTesting } from '@testing-library/svelte/vite';
import { getViteConfig } from 'astro/config';
import { configDefaults } from 'vitest/config';

export default getViteConfig({
  test: {
    // Several suites spawn the CLIs or run thousands of property cases; on a busy 2-core CI machine
    // the 5 s default turns slowness into false failures. Real hangs still fail, just later.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/**/*.svelte.test.ts'],
          environment: 'node',
        },
      },
      {
        // Svelte component tests (*.svelte.test.ts): a DOM (jsdom), and svelteTesting() adds the
        // `browser` resolve condition (Svelte 5's client runtime) and cleanup after each test.
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'components',
          include: ['src/**/*.svelte.test.ts'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
