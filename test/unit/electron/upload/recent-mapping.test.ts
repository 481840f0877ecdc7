import { afterAll, describe, expect, it } from 'vitest'
import { SANDBOX_CONNECTION_ID } from '#shared/ids.ts'
import { engineFromSource } from '../../../helpers/engine-from-source.ts'
import { recordJob } from '../../../helpers/job-events.ts'
import { tempFiles } from '../../../helpers/temp-files.ts'

// The mapping of an upload is remembered without the person saving it, so the next file with the
// same columns is offered it (issue 5: "a mapping used before ... is offered first"). A dry run sent
// nothing, so it is not remembered.

const engine = engineFromSource()
const files = tempFiles()
afterAll(async () => {
  await engine.close()
  files.cleanup()
})

async function mapped(fileName: string) {
  const ingest = recordJob()
  engine.openFile(
    files.write(fileName, 'Nr klienta;Imię i nazwisko;E-mail\nPL-1;Anna Nowak;anna@example.pl\n'),
    ingest.listener,
  )
  const terminal = await ingest.terminal
  if (terminal.type !== 'completed' || terminal.result.kind !== 'ingest')
    throw new Error(JSON.stringify(terminal))
  const datasetId = terminal.result.dataset.datasetId
  await engine.applyMapping({
    datasetId,
    mapping: {
      providerId: 'thulium',
      assignments: [
        { field: 'identifier', column: 0 },
        { field: 'name', column: 1, transforms: [{ kind: 'namePart', part: 'allButLast' }] },
        { field: 'surname', column: 1, transforms: [{ kind: 'namePart', part: 'last' }] },
        { field: 'email', column: 2 },
      ],
      constants: [{ field: 'job', value: 'Sklep' }],
    },
  })
  return datasetId
}

async function upload(datasetId: Awaited<ReturnType<typeof mapped>>, dryRun: boolean) {
  const job = recordJob()
  await engine.startUpload(
    { datasetId, connectionId: SANDBOX_CONNECTION_ID, include: 'valid', dryRun },
    job.listener,
  )
  await job.terminal
}

describe('the mapping of an upload', () => {
  it('is not remembered for a dry run', async () => {
    await upload(await mapped('dry.csv'), true)
    expect(engine.recentMappings.list('thulium')).toEqual([])
  })

  it('is remembered by column names, with its transforms and constants, named after the file', async () => {
    await upload(await mapped('klienci-listopad.csv'), false)
    const [remembered] = engine.recentMappings.list('thulium')
    expect(remembered?.template).toEqual({
      name: 'klienci-listopad.csv',
      providerId: 'thulium',
      fields: [
        { field: 'identifier', header: 'Nr klienta' },
        { field: 'name', header: 'Imię i nazwisko', transforms: [{ kind: 'namePart', part: 'allButLast' }] },
        { field: 'surname', header: 'Imię i nazwisko', transforms: [{ kind: 'namePart', part: 'last' }] },
        { field: 'email', header: 'E-mail' },
      ],
      constants: [{ field: 'job', value: 'Sklep' }],
    })
  })
})
