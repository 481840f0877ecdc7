import { afterAll, describe, expect, it } from 'vitest'
import type { MappingTemplate } from '#shared/mapping/template.ts'
import { RECENT_PER_PROVIDER, RecentMappings } from '../../../../electron/engine/storage/recent-mappings.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

const files = tempFiles()
afterAll(files.cleanup)

const mapping = (
  name: string,
  headers: string[],
  providerId: MappingTemplate['providerId'] = 'kustomer',
) => ({
  name,
  providerId,
  fields: headers.map((header, index) => ({ field: `custom.f${index}Str`, header })),
})
const day = (n: number) => new Date(Date.UTC(2026, 10, n))

describe('recent mappings', () => {
  it('remembers the mappings of uploads per provider, newest first, across restarts', () => {
    const dir = files.dir + '/a'
    const recent = new RecentMappings(dir)
    recent.remember(mapping('october.csv', ['Name', 'Email']), day(1))
    recent.remember(mapping('shop.csv', ['Voornaam', 'Telefoon']), day(2))
    recent.remember(mapping('thulium.csv', ['Imię'], 'thulium'), day(3))
    expect(new RecentMappings(dir).list('kustomer').map((entry) => entry.template.name)).toEqual([
      'shop.csv',
      'october.csv',
    ])
    expect(new RecentMappings(dir).list('thulium')).toHaveLength(1)
  })

  it('keeps one entry per set of columns: the same export mapped again replaces the last one', () => {
    const recent = new RecentMappings(files.dir + '/b')
    recent.remember(mapping('october.csv', ['Name', 'Email']), day(1))
    recent.remember(mapping('november.csv', ['email', 'NAME']), day(2))
    expect(recent.list('kustomer')).toEqual([
      { template: mapping('november.csv', ['email', 'NAME']), usedAt: day(2).toISOString() },
    ])
  })

  it(`forgets the oldest beyond ${RECENT_PER_PROVIDER} per provider, and ignores empty mappings`, () => {
    const recent = new RecentMappings(files.dir + '/c')
    for (let n = 1; n <= RECENT_PER_PROVIDER + 2; n++)
      recent.remember(mapping(`file-${n}.csv`, [`Column ${n}`]), day(n))
    recent.remember(mapping('empty.csv', []), day(20))
    const names = recent.list('kustomer').map((entry) => entry.template.name)
    expect(names).toHaveLength(RECENT_PER_PROVIDER)
    expect(names[0]).toBe(`file-${RECENT_PER_PROVIDER + 2}.csv`)
    expect(names).not.toContain('file-1.csv')
  })
})
