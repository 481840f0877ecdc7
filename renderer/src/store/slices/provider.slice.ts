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
      set({
        providerId,
        assignments: [],
        constants: [],
        ignoredColumns: [],
        autoMatchedFor: null,
        validation: null,
      })
    await get().connectionsRefreshed()
  },
  async connectionsRefreshed(select) {
    const providerId = get().providerId
    if (!providerId) return
    set({ connectionsError: null })
    try {
      const connections = await unwrap(api.connections.list({ providerId }))
      if (get().providerId !== providerId) return
      // Keep the user's choice across visits; fall back to the sandbox when it was deleted.
      const wanted = select ?? get().connectionId
      const kept = connections.find((connection) => connection.id === wanted)
      set({ connections, connectionId: kept?.id ?? connections[0]?.id ?? null })
    } catch (error) {
      set({ connections: [], connectionId: null, connectionsError: messageOf(error) })
    }
  },
  connectionChosen: (connectionId) => set({ connectionId }),
})
