import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { openExportDialog } from './features/review/ExportDialog.tsx'
import './lib/i18n-react.ts'
import { api } from './lib/ipc.ts'
import { startLanguage } from './lib/language.ts'
import { appStore } from './store/index.ts'
import './styles.css'

// Engine events go straight into the store, once, here; components never subscribe to IPC themselves.
api.jobs.onEvent((event) => appStore.getState().jobEventReceived(event))
api.menu.onFileOpening((event) => appStore.getState().fileOpenedFromSystem(event))
api.menu.onExport(() => openExportDialog())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// The first frame is in the person's language: the saved choice is read before anything is drawn. If
// the engine cannot be reached the screens still come up (in English) and say so where it matters.
startLanguage()
  .catch((error: unknown) => console.warn('Could not read the language setting:', error))
  .finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )
