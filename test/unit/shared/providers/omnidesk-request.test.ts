import { describe, expect, it } from 'vitest'
import { customerForm, encodeForm, searchForm, spellingWarnings } from '#shared/providers/omnidesk/request.ts'

describe('Omnidesk request forms', () => {
  const record = {
    primaryID: 'CRM-1001',
    firstname: 'Łukasz',
    lastname: 'Doe',
    'channel.email': 'jane@acme.com',
    'channel.telephone': '+31 6 1234-5678',
    'channel.email.2': 'JANE@acme.com',
    'channel.telephone.2': '0031612345679',
    custom_loyalty_tier: 'gold',
  }

  it('builds the createCustomerCRUD form with numbered channel pairs and respelled names', () => {
    const form = customerForm(record, '1', 'create')
    expect(form.fields).toEqual([
      ['primaryID', 'CRM-1001'],
      ['brandID', '1'],
      ['firstname', 'Lukasz'],
      ['lastname', 'Doe'],
      ['custom_loyalty_tier', 'gold'],
      ['customerChannelType_0', 'email'],
      ['customerChannelValue_0', 'jane@acme.com'],
      ['customerChannelType_1', 'telephone'],
      ['customerChannelValue_1', '+31612345678'],
      ['customerChannelType_2', 'telephone'],
      ['customerChannelValue_2', '+31612345679'],
    ])
    // The second email is the first one in other letters, so it is one channel.
    expect(form.channelKeys).toEqual(['channel.email', 'channel.telephone', 'channel.telephone.2'])
  })

  it('builds the updateCustomer form with externalPrimaryID and leaves out empty fields', () => {
    const form = customerForm({ primaryID: 'C-7', lastname: 'Smith' }, '3', 'update')
    expect(form.fields).toEqual([
      ['externalPrimaryID', 'C-7'],
      ['brandID', '3'],
      ['lastname', 'Smith'],
    ])
  })

  it('encodes forms as application/x-www-form-urlencoded', () => {
    expect(encodeForm(searchForm('CRM 1&2', '1'))).toBe('primary_id=CRM+1%262&brand_id=1')
    const encoded = encodeForm(customerForm(record, '1', 'update').fields)
    expect(new URLSearchParams(encoded).get('customerChannelValue_0')).toBe('jane@acme.com')
    expect(encoded).toContain('customerChannelValue_0=jane%40acme.com')
  })

  it('says which names were respelled', () => {
    expect(spellingWarnings(record)).toEqual([
      'First name "Łukasz" was sent as "Lukasz", the spelling Omnidesk accepts.',
    ])
    expect(spellingWarnings({ firstname: 'Jane' })).toEqual([])
  })
})
