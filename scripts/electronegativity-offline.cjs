// Loaded with `node -r` before @doyensec/electronegativity: its two network calls (translations, and
// the list of Electron releases for one check we skip) use `got`, which crashes on Node 24 when the
// network is unreachable. Offline they fail at once instead, and the scan itself needs no network.
const Module = require('node:module')
const load = Module._load
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline'))
    offline.head = offline
    return { __esModule: true, default: offline }
  }
  return load.call(this, request, parent, isMain)
}
