import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { api } from './lib/ipc.ts'
import { appStore } from './store/index.ts'
import './styles.css'

// Engine events go straight into the store, once, here; components never subscribe to IPC themselves.
api.jobs.onEvent((event) => appStore.getState().jobEventReceived(event))
api.menu.onFileOpening((event) => appStore.getState().fileOpenedFromSystem(event))

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
