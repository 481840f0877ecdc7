import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The real preload, built a second time for the browser: its 'electron' import is replaced by a shim
// that speaks to the web bridge over a loopback WebSocket (DESIGN.md, "One API, two transports").
export default defineConfig({
  resolve: {
    alias: {
      electron: resolve(import.meta.dirname, 'electron/preload/web/electron-shim.ts'),
    },
  },
  build: {
    outDir: 'out/web',
    emptyOutDir: true,
    target: 'chrome120',
    lib: {
      entry: resolve(import.meta.dirname, 'electron/preload/index.ts'),
      formats: ['iife'],
      name: 'crosswalkPreload',
      fileName: () => 'preload.js',
    },
  },
})
