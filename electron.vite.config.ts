import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { bundledLicensesPlugin, dependencyLicensesPlugin } from './scripts/dependency-licenses.ts'

// Main (ESM, with the dataset worker as a second entry), preload (one sandbox-safe CommonJS file)
// and renderer. The Node entries for the web bridge and the CLI are built by vite.node.config.ts.
export default defineConfig({
  main: {
    plugins: [
      dependencyLicensesPlugin(
        import.meta.dirname,
        resolve(import.meta.dirname, 'out/main/dependency-licenses.txt'),
      ),
    ],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'engine-worker': resolve(import.meta.dirname, 'electron/engine/dataset/engine-worker.ts'),
        },
        output: { chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [
      react(),
      // The licences of every package bundled into the window, shipped with the app and shown from
      // Help → About (the main process's dependencies ship in node_modules: see the main build).
      bundledLicensesPlugin(resolve(import.meta.dirname, 'out/renderer/third-party-licenses.txt')),
    ],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
})
