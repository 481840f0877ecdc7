import { afterEach, describe, expect, it } from 'vitest'
import { isAppError } from '#shared/errors.ts'
import { setLanguage } from '#shared/i18n/i18n.ts'
import type { RowOutcome } from '#shared/providers/types.ts'
import { omnideskTransport } from '../../../../electron/engine/providers/omnidesk/transport.ts'
import { propellerTransport } from '../../../../electron/engine/providers/propeller/transport.ts'
import { ThuliumHttp } from '../../../../electron/engine/providers/thulium/thulium-http.ts'
import { thuliumTransport } from '../../../../electron/engine/providers/thulium/transport.ts'
import type {
  ConnectionTarget,
  PreparedItem,
  ProviderTransport,
  TransportContext,
} from '../../../../electron/engine/providers/types.ts'
import type { ThuliumSandbox } from '../../../../electron/engine/sandbox/thulium/server.ts'
import { startThuliumSandbox } from '../../../../electron/engine/sandbox/thulium/server.ts'
import { sleep } from '../../../../electron/engine/upload/sleep.ts'

// What Crosswalk says while talking to a provider follows the language the person chose, and the
// provider's own words (its error text, hosts, codes) stay as they are inside our sentence.

let sandbox: ThuliumSandbox | undefined
afterEach(async () => {
  setLanguage('en')
  await sandbox?.close()
  sandbox = undefined
})

function context(overrides: Partial<TransportContext> = {}): TransportContext {
  return { signal: new AbortController().signal, fetch: globalThis.fetch, sleep, ...overrides }
}

/** A fetch for paths that must not reach the network: the test fails if anything is sent. */
const noNetwork: typeof fetch = () => Promise.reject(new Error('nothing should have been sent'))

async function collect(transport: ProviderTransport, items: PreparedItem[], target: ConnectionTarget) {
  const outcomes: RowOutcome[] = []
  for await (const batch of transport.upload(items, target, context({ fetch: noNetwork })))
    outcomes.push(...batch)
  return outcomes
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe('talking to providers in the chosen language', () => {
  it('says why a Thulium connection test failed in Polish, with the host and the provider’s reason', async () => {
    sandbox = await startThuliumSandbox()
    const host = new URL(sandbox.baseUrl).host
    setLanguage('pl')
    const refused = await thuliumTransport.testConnection(
      { ...sandbox, secrets: { password: 'wrong' } },
      context(),
    )
    expect(refused.ok).toBe(false)
    expect(refused.message).toContain(`Thulium (${host}) nie przyjął loginu i hasła użytkownika API (`)
    expect(refused.message).toContain('Administracja › Użytkownicy › Użytkownicy API')
    const working = await thuliumTransport.testConnection(sandbox, context())
    expect(working).toEqual({
      ok: true,
      message: `Połączono z Thulium pod adresem ${host}; użytkownik API może odczytywać klientów.`,
    })

    // The same test a moment later in English: nothing was kept in the language of the first call.
    setLanguage('en')
    const english = await thuliumTransport.testConnection(
      { ...sandbox, secrets: { password: 'wrong' } },
      context(),
    )
    expect(english.message).toContain(`Thulium (${host}) did not accept the API user's login and password (`)
  })

  it('says an unreachable provider in Polish, keeping the system’s error code', async () => {
    sandbox = await startThuliumSandbox()
    const target = { ...sandbox }
    const host = new URL(target.baseUrl).host
    await sandbox.close()
    sandbox = undefined
    setLanguage('pl')
    const check = await thuliumTransport.testConnection(target, context())
    expect(check).toEqual({
      ok: false,
      message: `Nie udało się połączyć z Thulium pod adresem ${host} (ECONNREFUSED). Sprawdź połączenie z internetem i adres w ustawieniach połączenia, a potem spróbuj ponownie.`,
    })
  })

  it('explains a Propeller connection with no source name in Polish and in Dutch', async () => {
    const target = { baseUrl: 'https://api.example.com', settings: { source: ' ' }, secrets: {} }
    setLanguage('pl')
    expect(await propellerTransport.testConnection(target, context({ fetch: noNetwork }))).toEqual({
      ok: false,
      message: 'Nazwa źródła jest pusta. Wpisz w ustawieniach połączenia nazwę, np. WEBSHOP.',
    })
    setLanguage('nl')
    expect(await propellerTransport.testConnection(target, context({ fetch: noNetwork }))).toEqual({
      ok: false,
      message: 'De bronnaam is leeg. Vul in de verbindingsinstellingen een naam in, zoals WEBSHOP.',
    })
  })

  it('gives the reason a Thulium row failed in Polish, quoting the identifier with Polish quotes', async () => {
    sandbox = await startThuliumSandbox()
    const upload = async (items: PreparedItem[]) => {
      const outcomes: RowOutcome[] = []
      for await (const batch of thuliumTransport.upload(items, sandbox!, context())) outcomes.push(...batch)
      return outcomes
    }
    await upload([{ row: 2, record: { surname: 'Nowak', identifier: 'KL-7' } }])
    await upload([{ row: 2, record: { surname: 'Nowakowa' } }])
    sandbox.customers()[1]!.data['identifier'] = 'KL-7' // two customers now share the identifier
    setLanguage('pl')
    expect(await upload([{ row: 9, record: { surname: 'Kowalski', identifier: 'KL-7' } }])).toEqual([
      {
        row: 9,
        status: 'failed',
        message:
          'Thulium ma więcej niż jednego klienta z identyfikatorem klienta „KL-7”, więc Crosswalk nie wie, którego zaktualizować. Scal tych klientów w Thulium lub nadaj im inne identyfikatory, a potem prześlij ten wiersz ponownie.',
        // Kept as a message too, for the results to say it again in a language chosen later.
        said: { key: 'sending:thulium.duplicateIdentifier', values: { identifier: 'KL-7' } },
      },
    ])
  })

  it('gives an Omnidesk row’s failure reason in Dutch', async () => {
    const target = {
      baseUrl: 'https://acme.omnidesk.io',
      settings: { account: 'acme', domain: 'omnidesk.io', brand_id: '1' },
      secrets: { apiKey: 'key' },
    }
    setLanguage('nl')
    expect(await collect(omnideskTransport, [{ row: 4, record: { name: 'Jansen' } }], target)).toEqual([
      {
        row: 4,
        status: 'failed',
        message:
          'Deze rij heeft geen klant-ID. Omnidesk vindt klanten daarop; vul die in en upload de rij opnieuw.',
        said: { key: 'sending:omnidesk.noPrimaryId' },
      },
    ])
  })

  it('makes the rate-limit sentence when it gives up, in the language chosen by then', async () => {
    const target = {
      baseUrl: 'https://acme.thulium.com',
      settings: { user: 'api' },
      secrets: { password: 'x' },
    }
    const alwaysBusy: typeof fetch = () => Promise.resolve(new Response(null, { status: 429 }))
    const instant = () => Promise.resolve()
    const http = new ThuliumHttp(target, context({ fetch: alwaysBusy, sleep: instant })) // built in English
    setLanguage('pl')
    const error = await failure(http.request('GET', '/api/customers?limit=1'))
    expect(isAppError(error, 'PROVIDER_UNAVAILABLE')).toBe(true)
    expect((error as Error).message).toBe(
      'Thulium (acme.thulium.com) mimo odczekania wciąż prosił Crosswalk o zwolnienie tempa. Inne integracje mogą intensywnie korzystać z tego samego użytkownika API; spróbuj ponownie później.',
    )
  })
})
