import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppliedTemplate, MappingTemplate } from '#shared/mapping/template.ts'
import { TemplateBar } from '../../../renderer/src/features/mapping/TemplateBar.tsx'
import { bestFittingTemplate } from '../../../renderer/src/features/mapping/TemplateOffer.tsx'
import { fake } from '../../helpers/fake-api.ts'

// The offer of a saved template that fits the file, and what the user is told when a template
// names columns the file lacks.

const HEADERS = ['Full name', 'E-mail', 'Phone', 'Customer ID', 'Tags']

const template = (name: string, headers: string[]): MappingTemplate => ({
  name,
  providerId: 'kustomer',
  fields: headers.map((header, index) => ({ field: `custom.f${index}Str`, header })),
})

const SHOP: MappingTemplate = {
  name: 'Shop export',
  providerId: 'kustomer',
  fields: [
    { field: 'name', header: 'Full name' },
    { field: 'emails.0.email', header: 'Email' },
    { field: 'phones.0.phone', header: 'Phone' },
    { field: 'externalId', header: 'Customer ID' },
    { field: 'custom.regionStr', header: 'Region' },
  ],
  constants: [{ field: 'tags', value: 'import-2024' }],
}

const list = fake.api.templates.list
afterEach(() => {
  fake.api.templates.list = list
})

describe('bestFittingTemplate', () => {
  it('offers a template when at least 80% of its columns, and at least two, are in the file', () => {
    expect(bestFittingTemplate([SHOP], HEADERS)).toMatchObject({ present: 4, total: 5 })
    expect(bestFittingTemplate([template('few', ['Full name', 'Region', 'Zip'])], HEADERS)).toBeNull()
    expect(bestFittingTemplate([template('one', ['Email'])], HEADERS)).toBeNull()
  })

  it('prefers the closer fit, then the one with more columns', () => {
    const small = template('small', ['Email', 'Phone'])
    const big = template('big', ['Email', 'Phone', 'Tags'])
    expect(bestFittingTemplate([SHOP, small, big], HEADERS)?.template.name).toBe('big')
  })
})

describe('TemplateBar', () => {
  it('offers a fitting template, applies it with its fixed values and explains the missing column', async () => {
    fake.api.templates.list = () => Promise.resolve({ ok: true, value: [SHOP] })
    const onApply = vi.fn<(applied: AppliedTemplate) => void>()
    render(
      <TemplateBar
        providerId="kustomer"
        headers={HEADERS}
        assignments={[]}
        constants={[]}
        onApply={onApply}
      />,
    )
    const offer = await screen.findByRole('region', { name: 'Suggested template' })
    expect(offer.textContent).toBe(
      'Your template ‘Shop export’ fits this file (4 of 5 columns). Apply it?ApplyNot now',
    )
    fireEvent.click(screen.getAllByRole('button', { name: 'Apply' })[0]!)
    expect(onApply).toHaveBeenCalledWith({
      assignments: [
        { field: 'name', column: 0 },
        { field: 'emails.0.email', column: 1 },
        { field: 'phones.0.phone', column: 2 },
        { field: 'externalId', column: 3 },
      ],
      constants: [{ field: 'tags', value: 'import-2024' }],
      missingHeaders: ['Region'],
    })
    expect(screen.queryByRole('region', { name: 'Suggested template' })).toBeNull()
    const note = screen.getByRole('status').textContent
    expect(note).toContain('Applied “Shop export” in part')
    expect(note).toContain('This file has no column “Region”.')
    expect(note).toContain('Still applied: 4 fields, 1 fixed value.')
    expect(note).toContain('Not mapped: custom.regionStr (from “Region”)')
  })

  it('goes away on “Not now”', async () => {
    fake.api.templates.list = () => Promise.resolve({ ok: true, value: [SHOP] })
    const onApply = vi.fn()
    render(
      <TemplateBar
        providerId="kustomer"
        headers={HEADERS}
        assignments={[]}
        constants={[]}
        onApply={onApply}
      />,
    )
    await screen.findByRole('region', { name: 'Suggested template' })
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }))
    expect(screen.queryByRole('region', { name: 'Suggested template' })).toBeNull()
    expect(onApply).not.toHaveBeenCalled()
  })

  it('offers the mapping of a past upload of a file with the same columns when no template fits', async () => {
    const recent = fake.api.templates.recent
    fake.api.templates.recent = () =>
      Promise.resolve({
        ok: true as const,
        value: [{ template: { ...SHOP, name: 'shop-october.csv' }, usedAt: '2026-10-30T09:00:00.000Z' }],
      })
    try {
      const onApply = vi.fn<(applied: AppliedTemplate) => void>()
      render(
        <TemplateBar
          providerId="kustomer"
          headers={HEADERS}
          assignments={[]}
          constants={[]}
          onApply={onApply}
        />,
      )
      const offer = await screen.findByRole('region', { name: 'Suggested template' })
      const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(
        new Date('2026-10-30T09:00:00.000Z'),
      )
      expect(offer.textContent).toContain(
        `You uploaded a file with these columns before (shop-october.csv, ${day}; 4 of 5 columns here). Use the same mapping again?`,
      )
      fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
      expect(onApply).toHaveBeenCalledWith(expect.objectContaining({ constants: SHOP.constants }))
    } finally {
      fake.api.templates.recent = recent
    }
  })
})
