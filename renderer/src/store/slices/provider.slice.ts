import type { StateCreator } from 'zustand'
import { api, messageOf, unwrap } from '../../lib/ipc.ts'
import type { AppState, ProviderSlice } from '../types.ts'

export const createProviderSlice: StateCreator<AppState, [], [], ProviderSlice> = (set, get) => ({
  providerId: null,
  connections: [],
  connectionId: null,
  connectionsError: null,
  async providerChosen(providerId) {
    if (get().providerId !== providerId)
      set({ providerId, assignments: [], autoMatchedFor: null, validation: null })
    set({ connectionsError: null })
    try {
      const connections = await unwrap(api.connections.list({ providerId }))
      if (get().providerId !== providerId) return
      set({ connections, connectionId: connections[0]?.id ?? null })
    } catch (error) {
      set({ connections: [], connectionId: null, connectionsError: messageOf(error) })
    }
  },
  connectionChosen: (connectionId) => set({ connectionId }),
})
