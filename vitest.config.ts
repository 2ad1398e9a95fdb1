import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Real sockets and real peers (curl, python3, nc): generous, but bounded.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
