// Messages of the web bridge's WebSocket. Text frames are JSON; binary frames carry file bytes, each
// prefixed with the 36-character upload id they belong to.

export type ClientMessage =
  | { t: 'invoke'; id: number; channel: string; arg: unknown }
  | { t: 'upload-begin'; uploadId: string; name: string; size: number }
  | { t: 'upload-end'; uploadId: string }

export type ServerMessage =
  { t: 'result'; id: number; value: unknown } | { t: 'event'; channel: string; payload: unknown }

export const UPLOAD_ID_LENGTH = 36
export const BRIDGE_PATH = '/__bridge'
export const PRELOAD_PATH = '/__bridge/preload.js'
/** Meta tags the server adds to index.html so the shim knows, synchronously, where uploads land. */
export const UPLOAD_DIR_META = 'crosswalk-upload-dir'
export const PATH_SEPARATOR_META = 'crosswalk-path-separator'
