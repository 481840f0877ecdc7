import { parseArgs } from 'node:util'
import { ProviderId } from '#shared/ids.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import type { RunningSandbox } from '../engine/providers/types.ts'
import { startSandbox } from '../engine/sandbox/registry.ts'

// The `crosswalk` command line, over the same engine as the app.

const USAGE = `Usage: npm run -s crosswalk -- <command>

Commands:
  sandbox [--port N]   Start the local replica of every provider's API and print where they listen.
`

const EXIT_USAGE = 2

async function sandboxCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string', default: '0' } } })
  const basePort = Number(values.port)
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65535) {
    fail(`--port must be a port number, not "${values.port}".`)
  }
  const started: RunningSandbox[] = []
  for (const [index, providerId] of ProviderId.options.entries()) {
    const sandbox = await startSandbox(providerId, { port: basePort === 0 ? 0 : basePort + index })
    started.push(sandbox)
    console.log(
      `${PROVIDERS[providerId].displayName.padEnd(12)} ${sandbox.baseUrl}   API key: ${sandbox.apiKey}`,
    )
  }
  console.log('\nThe sandboxes keep their records in memory until you stop them with Ctrl+C.')
  const stop = async () => {
    await Promise.allSettled(started.map((sandbox) => sandbox.close()))
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(EXIT_USAGE)
}

const [command, ...rest] = process.argv.slice(2)
switch (command) {
  case 'sandbox':
    await sandboxCommand(rest)
    break
  case undefined:
  case 'help':
  case '--help':
    process.stdout.write(USAGE)
    break
  default:
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`)
    process.exit(EXIT_USAGE)
}
