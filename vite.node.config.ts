import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// Plain-Node entries over the engine: the web bridge (`npm run web`), the `crosswalk` CLI and their
// copy of the dataset worker. None of them may import 'electron'.
export default defineConfig({
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/node',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        web: resolve(import.meta.dirname, 'electron/web-bridge/main.ts'),
        cli: resolve(import.meta.dirname, 'electron/cli/index.ts'),
        'engine-worker': resolve(import.meta.dirname, 'electron/engine/dataset/engine-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
})
