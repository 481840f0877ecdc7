import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the web bridge and the command line keep saved connections: `$CROSSWALK_DATA_DIR`, else
 * `$XDG_CONFIG_HOME/crosswalk-cli` (`~/.config/crosswalk-cli`). The desktop app uses Electron's
 * userData folder instead, whose secrets are encrypted with the OS keychain, so the two never share
 * a secrets file.
 */
export function cliDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['CROSSWALK_DATA_DIR']) return env['CROSSWALK_DATA_DIR']
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'crosswalk-cli')
}
