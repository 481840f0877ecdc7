import { isAppError } from '#shared/errors.ts'
import { Engine } from '../engine/engine.ts'
import { workerPathFor } from '../engine/worker-path.ts'
import { importCommand } from './commands/import.ts'
import { inspectCommand } from './commands/inspect.ts'
import { sandboxCommand } from './commands/sandbox.ts'
import { UsageError } from './usage-error.ts'

// The `crosswalk` command line, over the same engine as the app.

const USAGE = `Usage: npm run -s crosswalk -- <command>

Commands:
  inspect FILE [--encoding E] [--delimiter D] [--sheet NAME] [--header-row N] [--limit N]
                             Print what Crosswalk reads from FILE as JSON (first N rows, default 20, 0 = all).
  import FILE --provider ID (--auto-map | --template NAME|FILE.json) (--sandbox | --connection NAME) [--resume]
         [--dry-run] [--include-invalid] [--report OUT.json] [--errors OUT.csv]
                             Upload FILE to the provider's sandbox or a saved connection and report every row;
                             --resume continues an upload of FILE that was stopped; --dry-run builds and
                             checks every request and sends nothing (what would be created/updated). Exit code 0: all rows
                             succeeded; 1: some rows failed or were skipped; 2: bad usage or input; 3: stopped.
  sandbox [--port N]         Start the local replica of every provider's API and print where they listen.
`

const EXIT_USAGE = 2

async function withEngine(run: (engine: Engine) => Promise<number>): Promise<number> {
  const engine = new Engine({ workerPath: workerPathFor(import.meta.url) })
  try {
    return await run(engine)
  } finally {
    await engine.close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  switch (command) {
    case 'inspect':
      return withEngine((engine) => inspectCommand(engine, args))
    case 'import':
      return withEngine((engine) => importCommand(engine, args))
    case 'sandbox':
      await sandboxCommand(args)
      return 0
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE)
      return 0
    default:
      throw new UsageError(`Unknown command "${command}". Run "npm run -s crosswalk -- help" for the list.`)
  }
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  // One human line on stderr; never a stack trace for bad input.
  if (error instanceof UsageError || isAppError(error)) {
    process.stderr.write(`${error.message}\n`)
  } else if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    process.stderr.write(`${error.message}\n`)
  } else {
    process.stderr.write('Crosswalk stopped because of an unexpected problem.\n')
    console.error(error)
  }
  process.exitCode = EXIT_USAGE
}
