import type { SandboxRequest, SandboxResponse } from '../loopback-server.ts'
import type { CustomerStore, StoredCustomer } from './customer-store.ts'
import { readForm } from './form-body.ts'
import { customerItem, errorResponse, listResponse, resultResponse } from './responses.ts'
import { checkCustomerFields } from './validate-customer.ts'

// The Customer controller routes the sandbox replicates, as a function from an authenticated,
// rate-counted request to a response. HTTP plumbing (auth, body size, rate limit) is in server.ts.
//
// Not documented, so chosen conservatively: searches answer 200 with the list envelope (empty
// `items` when nothing matches); `primaryID` is required on create (the sandbox brand does not have
// "customer search by channels" enabled); a second customer with the same primary ID in a brand is
// refused; create answers `{"type":"result","message":"Customer created."}` without an id, like the
// documented create examples.

export interface Brand {
  id: number
  name: string
}

const LIST_QUERY = /^[0-9a-zA-Z ]+$/
const MAX_ITEM_LIMIT = 99
const UPDATE_BY_ID = /^\/api\/v2\/customer\/(\d+)$/

type Form = ReadonlyMap<string, string>

export async function route(
  request: SandboxRequest,
  store: CustomerStore,
  brands: readonly Brand[],
): Promise<SandboxResponse> {
  const { method, path } = request
  if (method === 'GET' && path === '/api/v2/customer') return list(request, store)
  if ((method === 'POST' || method === 'PUT') && path.startsWith('/api/v2/customer')) {
    const form = await readForm(method, request.headers['content-type'], request.body)
    if (!form.ok) return errorResponse(400, form.message)
    const fields = form.fields
    if (method === 'POST' && path === '/api/v2/customer/SearchByPrimaryExternalID') {
      return withBrand(fields, 'brand_id', brands, (brand) => {
        const primaryId = fields.get('primary_id') ?? ''
        if (primaryId === '') return errorResponse(400, 'The primary_id field is required.')
        return found(store.findByPrimaryId(brand.id, primaryId))
      })
    }
    if (method === 'POST' && path === '/api/v2/customer/SearchByCustomerChannelValue') {
      return withBrand(fields, 'brand_id', brands, (brand) => {
        const value = fields.get('customerChannelValue') ?? ''
        if (value === '') return errorResponse(400, 'The customerChannelValue field is required.')
        return found(store.findByChannelValue(brand.id, value))
      })
    }
    if (method === 'POST' && path === '/api/v2/customer/createCustomerCRUD') {
      return withBrand(fields, 'brandID', brands, (brand) => create(fields, brand, store))
    }
    if (method === 'PUT' && path === '/api/v2/customer/updateCustomer') {
      return withBrand(fields, 'brandID', brands, (brand) => {
        const primaryId = fields.get('externalPrimaryID') ?? ''
        if (primaryId === '') return errorResponse(400, 'The externalPrimaryID field is required.')
        return update(fields, store, store.findByPrimaryId(brand.id, primaryId))
      })
    }
    const byId = UPDATE_BY_ID.exec(path)
    if (method === 'PUT' && byId) {
      return withBrand(fields, 'brandID', brands, (brand) => {
        const customer = store.get(Number(byId[1]))
        return update(fields, store, customer?.brandId === brand.id ? customer : undefined)
      })
    }
  }
  return errorResponse(404, `The Omnidesk sandbox has no route ${method} ${path}.`)
}

function list(request: SandboxRequest, store: CustomerStore): SandboxResponse {
  const query = request.query.get('query') ?? ''
  if (query !== '' && !LIST_QUERY.test(query)) return errorResponse(400, 'The query field format is invalid.')
  const itemStart = Number(request.query.get('itemStart') ?? '0')
  const itemLimit = Number(request.query.get('itemLimit') ?? '15')
  if (!Number.isInteger(itemStart) || itemStart < 0)
    return errorResponse(400, 'The itemStart must be a whole number of at least 0.')
  if (!Number.isInteger(itemLimit) || itemLimit < 1 || itemLimit > MAX_ITEM_LIMIT) {
    return errorResponse(400, `The itemLimit must be between 1 and ${MAX_ITEM_LIMIT}.`)
  }
  const wanted = query.toLowerCase()
  const matches = store
    .all()
    .filter((customer) =>
      wanted === ''
        ? true
        : `${customer.firstname} ${customer.lastname} ${customer.primaryId}`.toLowerCase().includes(wanted),
    )
  return listResponse(matches, itemStart, itemLimit)
}

function withBrand(
  fields: Form,
  key: 'brand_id' | 'brandID',
  brands: readonly Brand[],
  then: (brand: Brand) => SandboxResponse,
): SandboxResponse {
  const text = fields.get(key) ?? ''
  if (text === '') return errorResponse(400, `The ${key} field is required.`)
  if (!/^\d+$/.test(text)) return errorResponse(400, `The ${key} must be an integer.`)
  const brand = brands.find((known) => known.id === Number(text))
  if (!brand) return errorResponse(400, `Brand ${text} does not exist.`)
  return then(brand)
}

function found(customer: StoredCustomer | undefined): SandboxResponse {
  const items = customer ? [customerItem(customer)] : []
  return { status: 200, body: { type: 'result', itemStart: 0, itemTotal: items.length, itemLimit: 1, items } }
}

function create(fields: Form, brand: Brand, store: CustomerStore): SandboxResponse {
  const primaryId = fields.get('primaryID') ?? ''
  if (primaryId === '') return errorResponse(400, 'The primaryID field is required.')
  if (primaryId.length > 255)
    return errorResponse(400, 'The primaryID may not be greater than 255 characters.')
  const checked = checkCustomerFields(fields)
  if (!checked.ok) return errorResponse(400, checked.message)
  if (store.findByPrimaryId(brand.id, primaryId)) {
    return errorResponse(
      400,
      `A customer with primaryID "${primaryId}" already exists for brand ${brand.id}.`,
    )
  }
  store.create(brand.id, brand.name, primaryId, checked.changes)
  return resultResponse('Customer created.')
}

function update(fields: Form, store: CustomerStore, customer: StoredCustomer | undefined): SandboxResponse {
  if (!customer) return errorResponse(404, 'Customer not found.')
  const checked = checkCustomerFields(fields)
  if (!checked.ok) return errorResponse(400, checked.message)
  store.apply(customer, checked.changes)
  return resultResponse('Customer updated.')
}
