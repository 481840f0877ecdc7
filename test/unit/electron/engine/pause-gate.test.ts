import { describe, expect, it } from 'vitest'
import { PauseGate } from '../../../../electron/engine/jobs/pause-gate.ts'

describe('PauseGate', () => {
  it('holds while closed, lets go when opened, and counts the time held', async () => {
    let clock = 1_000
    const gate = new PauseGate(() => clock)
    const signal = new AbortController().signal
    await gate.whileClosed(signal) // open: at once
    expect(gate.close()).toBe(true)
    expect(gate.close()).toBe(false)
    let passed = false
    const held = gate.whileClosed(signal).then(() => (passed = true))
    await Promise.resolve()
    expect(passed).toBe(false)
    clock += 5_000
    expect(gate.pausedMs).toBe(5_000)
    expect(gate.open()).toBe(true)
    await held
    expect(passed).toBe(true)
    clock += 1_000
    expect(gate.pausedMs).toBe(5_000)
    expect(gate.open()).toBe(false)
  })

  it('lets a held job go when it is cancelled', async () => {
    const gate = new PauseGate()
    const controller = new AbortController()
    gate.close()
    const held = gate.whileClosed(controller.signal)
    controller.abort()
    await expect(held).resolves.toBeUndefined()
    expect(gate.closed).toBe(true)
  })
})
