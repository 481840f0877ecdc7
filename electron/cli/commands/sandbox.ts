import { parseArgs } from 'node:util'
import { ProviderId } from '#shared/ids.ts'
import { PROVIDERS } from '#shared/providers/registry.ts'
import type { RunningSandbox } from '../../engine/providers/types.ts'
import { startSandbox } from '../../engine/sandbox/registry.ts'
import { UsageError } from '../usage-error.ts'

/** `crosswalk sandbox [--port N]`: every provider's local replica, until Ctrl+C. */
export async function sandboxCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { port: { type: 'string', default: '0' } } })
  const basePort = Number(values.port)
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65535) {
    throw new UsageError(`--port must be a port number, not "${values.port}".`)
  }
  const started: RunningSandbox[] = []
  for (const [index, providerId] of ProviderId.options.entries()) {
    const sandbox = await startSandbox(providerId, { port: basePort === 0 ? 0 : basePort + index })
    started.push(sandbox)
    const credentials = Object.entries({ ...sandbox.settings, ...sandbox.secrets })
      .map(([key, value]) => `${key}=${value}`)
      .join('  ')
    console.log(`${PROVIDERS[providerId].displayName.padEnd(12)} ${sandbox.baseUrl}   ${credentials}`)
  }
  console.log(
    '\nTo send data to one from the app, add a connection with these values and its address under Advanced.\nThe sandboxes keep their records in memory until you stop them with Ctrl+C.',
  )
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await Promise.allSettled(started.map((sandbox) => sandbox.close()))
}
