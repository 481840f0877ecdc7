import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import '../../renderer/src/lib/i18n-react.ts'
import { fake } from './fake-api.ts'

// renderer/src/lib/ipc.ts reads window.api when it is first imported: put the fake there before that.
Object.defineProperty(window, 'api', { value: fake.api, configurable: true })
afterEach(cleanup)
