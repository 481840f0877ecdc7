import { describe, expect, it } from 'vitest'
import { AppError, toSerializedError } from '#shared/errors.ts'
import { err, ok } from '#shared/result.ts'

describe('Result and errors', () => {
  it('wraps values and errors', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 })
    expect(err({ code: 'INTERNAL', message: 'x' })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'x' },
    })
  })

  it('keeps the code and message of an AppError', () => {
    expect(toSerializedError(new AppError('FILE_EMPTY', 'The file is empty.'))).toEqual({
      code: 'FILE_EMPTY',
      message: 'The file is empty.',
    })
  })

  it('never passes on the message or stack of an unexpected error', () => {
    const serialized = toSerializedError(new Error('ECONNRESET at /home/ann/secret/path.ts:12'))
    expect(serialized.code).toBe('INTERNAL')
    expect(JSON.stringify(serialized)).not.toMatch(/secret|ECONNRESET|\.ts/)
  })
})
