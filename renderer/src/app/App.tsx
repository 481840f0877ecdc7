import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../components/Alert.tsx'
import { Stepper } from '../components/Stepper.tsx'
import { FileStep } from '../features/file/FileStep.tsx'
import { MappingStep } from '../features/mapping/MappingStep.tsx'
import { ProviderStep } from '../features/provider/ProviderStep.tsx'
import { ReviewStep } from '../features/review/ReviewStep.tsx'
import { UploadStep } from '../features/upload/UploadStep.tsx'
import { startedWith } from '../lib/language.ts'
import { useApp, useAppShallow } from '../store/index.ts'
import { ExportDialog } from '../features/review/ExportDialog.tsx'
import { LanguagePicker } from './LanguagePicker.tsx'
import type { Step } from '../store/types.ts'

export function App() {
  const { t } = useTranslation()
  const { step, hasRows, hasConnection, hasMapping, uploading } = useAppShallow((state) => ({
    step: state.step,
    hasRows: (state.dataset?.rowCount ?? 0) > 0 && state.ingestJobId === null,
    hasConnection: state.connectionId !== null,
    hasMapping: state.assignments.length > 0,
    uploading: state.uploadState === 'running' || state.uploadState === 'paused',
  }))
  const stepChosen = useApp((state) => state.stepChosen)
  const reachable = useMemo(() => {
    const steps = new Set<Step>()
    if (uploading) return new Set<Step>(['upload'])
    steps.add('file')
    if (hasRows) steps.add('provider')
    if (hasRows && hasConnection) steps.add('map')
    if (hasRows && hasConnection && hasMapping) steps.add('review').add('upload')
    return steps
  }, [hasRows, hasConnection, hasMapping, uploading])

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Crosswalk</span>
        <Stepper current={step} reachable={reachable} onChoose={stepChosen} />
        <LanguagePicker />
      </header>
      <main className="app-main">
        {startedWith.recoveredFrom ? (
          <Alert tone="warning">{t('settingsRecovered', { path: startedWith.recoveredFrom })}</Alert>
        ) : null}
        {step === 'file' ? <FileStep /> : null}
        {step === 'provider' ? <ProviderStep /> : null}
        {step === 'map' ? <MappingStep /> : null}
        {step === 'review' ? <ReviewStep /> : null}
        {step === 'upload' ? <UploadStep /> : null}
      </main>
      <ExportDialog />
    </div>
  )
}
