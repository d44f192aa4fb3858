import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'rules/**/*.test.ts', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
