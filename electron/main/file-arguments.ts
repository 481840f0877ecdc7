import { extname, isAbsolute, resolve } from 'node:path'

const OPENABLE = new Set(['.csv', '.tsv', '.txt', '.tab', '.xlsx', '.xlsm'])

/**
 * The files in a command line ("Open with", a file dropped on the app's icon, a second launch):
 * arguments that name a spreadsheet file, resolved against the launch folder. Flags and the app's own
 * path are ignored.
 */
export function fileArguments(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && OPENABLE.has(extname(arg).toLowerCase()))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)))
}
