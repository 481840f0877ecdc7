import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// Three projects, one per environment. Nothing here loads Electron: the engine is plain Node and the
// renderer runs in happy-dom.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          environment: 'node',
          include: ['test/unit/shared/**/*.test.ts', 'test/contract/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'engine',
          environment: 'node',
          include: ['test/unit/electron/**/*.test.ts', 'test/security/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        extends: true,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/helpers/renderer-setup.ts'],
        },
      },
      {
        // The app as a person uses it: built renderer + real preload + real handlers + real engine, served
        // by the web bridge and driven in Debian's Chromium. Needs `npm run build` first (npm test does it).
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
