import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SANDBOX_CONNECTION_ID, type ConnectionId } from '#shared/ids.ts'
import type { ConnectionDraft } from '#shared/ipc/contract.ts'
import { Connections } from '../../../../electron/engine/connections/connections.ts'
import { SandboxPool } from '../../../../electron/engine/connections/sandbox-pool.ts'
import { savedConnectionsFile } from '../../../../electron/engine/connections/saved-connections.ts'
import { FileSecretStore, type SecretCipher } from '../../../../electron/engine/connections/secret-store.ts'

const pools: SandboxPool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.closeAll()))
})

/** A reversible stand-in for safeStorage: good enough to prove no plaintext reaches the file. */
const xorCipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
  decrypt: (encrypted) => Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString('utf8'),
}

function setUp(cipher: SecretCipher | null = null) {
  const dir = mkdtempSync(join(tmpdir(), 'crosswalk-connections-'))
  const pool = new SandboxPool()
  pools.push(pool)
  const secretsPath = join(dir, 'connection-secrets.json')
  const connections = new Connections(
    pool,
    savedConnectionsFile(join(dir, 'connections.json')),
    new FileSecretStore(secretsPath, cipher),
  )
  return { dir, pool, connections, secretsPath }
}

function kustomerDraft(overrides: Partial<ConnectionDraft> = {}): ConnectionDraft {
  return {
    providerId: 'kustomer',
    name: 'Production',
    settings: { region: 'eu' },
    secrets: { apiKey: 'key-123-secret' },
    ...overrides,
  }
}

describe('saved connections', () => {
  it('lists the sandbox first, then saved connections with where their data goes', async () => {
    const { connections } = setUp()
    connections.save(kustomerDraft())
    const list = await connections.list('kustomer')
    expect(list.map((connection) => [connection.kind, connection.name])).toEqual([
      ['sandbox', expect.stringContaining('Sandbox')],
      ['remote', 'Production'],
    ])
    expect(list[1]).toMatchObject({ baseUrl: 'https://api.prod2.kustomerapp.com', secretsSaved: ['apiKey'] })
  })

  it('never returns or writes a secret where it does not belong', async () => {
    const { connections, dir, secretsPath } = setUp()
    const saved = connections.save(kustomerDraft())
    expect(JSON.stringify(saved)).not.toContain('key-123-secret')
    expect(JSON.stringify(await connections.list('kustomer'))).not.toContain('key-123-secret')
    expect(readFileSync(join(dir, 'connections.json'), 'utf8')).not.toContain('key-123-secret')
    expect(statSync(secretsPath).mode & 0o777).toBe(0o600)
  })

  it('stores only ciphertext when given a cipher, and still sends the real key', async () => {
    const { connections, secretsPath } = setUp(xorCipher)
    const saved = connections.save(kustomerDraft())
    expect(readFileSync(secretsPath, 'utf8')).not.toContain('key-123-secret')
    const target = await connections.target('kustomer', saved.id)
    expect(target.secrets).toEqual({ apiKey: 'key-123-secret' })
  })

  it('asks for the key again when the stored one cannot be decrypted here', async () => {
    const { dir, pool, connections } = setUp(xorCipher)
    const saved = connections.save(kustomerDraft())
    const brokenCipher: SecretCipher = {
      ...xorCipher,
      decrypt: () => {
        throw new Error('keychain changed')
      },
    }
    const elsewhere = new Connections(
      pool,
      savedConnectionsFile(join(dir, 'connections.json')),
      new FileSecretStore(join(dir, 'connection-secrets.json'), brokenCipher),
    )
    await expect(elsewhere.target('kustomer', saved.id)).rejects.toMatchObject({
      code: 'CONNECTION_INVALID',
      message: expect.stringContaining('enter them again'),
    })
  })

  it('keeps the stored secret when an edit leaves the field blank, and replaces it when typed', async () => {
    const { connections } = setUp()
    const saved = connections.save(kustomerDraft())
    connections.save(kustomerDraft({ id: saved.id, name: 'Production EU', secrets: { apiKey: '' } }))
    expect((await connections.target('kustomer', saved.id)).secrets).toEqual({ apiKey: 'key-123-secret' })
    connections.save(kustomerDraft({ id: saved.id, secrets: { apiKey: 'rotated-key' } }))
    expect((await connections.target('kustomer', saved.id)).secrets).toEqual({ apiKey: 'rotated-key' })
    expect(
      (await connections.list('kustomer')).filter((connection) => connection.kind === 'remote'),
    ).toHaveLength(1)
  })

  it('says exactly which field is missing or wrong', () => {
    const { connections } = setUp()
    expect(() => connections.save(kustomerDraft({ name: ' ', secrets: {} }))).toThrow(
      /Give the connection a name[\s\S]*API key is required/,
    )
    expect(() => connections.save(kustomerDraft({ settings: { region: 'mars' } }))).toThrow(
      /Region: choose one of United States, Europe, India/,
    )
  })

  it('refuses a plain-http address anywhere but this computer', () => {
    const { connections } = setUp()
    expect(() => connections.save(kustomerDraft({ baseUrlOverride: 'http://api.example.com' }))).toThrow(
      /must start with https:\/\//,
    )
    expect(connections.save(kustomerDraft({ baseUrlOverride: 'http://127.0.0.1:9/' })).baseUrl).toBe(
      'http://127.0.0.1:9',
    )
  })

  it('refuses two connections with the same name for one provider', () => {
    const { connections } = setUp()
    connections.save(kustomerDraft())
    expect(() => connections.save(kustomerDraft({ name: 'production' }))).toThrow(
      /already a connection named/,
    )
  })

  it('deletes a connection together with its secrets', async () => {
    const { connections, secretsPath } = setUp()
    const saved = connections.save(kustomerDraft())
    expect(connections.delete(saved.id)).toBe(true)
    expect(connections.delete(saved.id)).toBe(false)
    expect(readFileSync(secretsPath, 'utf8')).not.toContain('key-123-secret')
    await expect(connections.target('kustomer', saved.id)).rejects.toMatchObject({
      code: 'CONNECTION_UNKNOWN',
    })
  })

  it('tests a form against a real server: the right key passes, a wrong one says why', async () => {
    const { connections, pool } = setUp()
    const sandbox = await pool.get('kustomer')
    const draft = kustomerDraft({ baseUrlOverride: sandbox.baseUrl, secrets: { ...sandbox.secrets } })
    expect(await connections.test(draft)).toMatchObject({ ok: true })
    const wrong = await connections.test({ ...draft, secrets: { apiKey: 'nope' } })
    expect(wrong).toMatchObject({ ok: false, message: expect.stringMatching(/refused the API key/) })
    const incomplete = await connections.test({ ...draft, secrets: {} })
    expect(incomplete).toMatchObject({ ok: false, message: expect.stringContaining('API key is required') })
  })

  it('tests a saved connection with its stored key, and the sandbox as it is', async () => {
    const { connections, pool } = setUp()
    const sandbox = await pool.get('kustomer')
    const saved = connections.save(
      kustomerDraft({ baseUrlOverride: sandbox.baseUrl, secrets: { ...sandbox.secrets } }),
    )
    expect(
      await connections.test(kustomerDraft({ id: saved.id, baseUrlOverride: sandbox.baseUrl, secrets: {} })),
    ).toMatchObject({
      ok: true,
    })
    expect(await connections.test(kustomerDraft({ id: SANDBOX_CONNECTION_ID, secrets: {} }))).toMatchObject({
      ok: true,
    })
    expect(() => connections.save(kustomerDraft({ id: SANDBOX_CONNECTION_ID }))).toThrow(
      /sandbox cannot be changed/,
    )
    expect(() => connections.save(kustomerDraft({ id: 'gone' as ConnectionId }))).toThrow(/no longer exists/)
  })
})
