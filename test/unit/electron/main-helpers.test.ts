import { describe, expect, it } from 'vitest'
import { fileArguments } from '../../../electron/main/file-arguments.ts'

// Main-process helpers that do not need Electron to run.

describe('fileArguments', () => {
  it('finds the spreadsheet files in a launch command line, resolved against the launch folder', () => {
    const argv = [
      '/opt/Crosswalk/crosswalk',
      '--no-sandbox',
      'customers.csv',
      '/data/Klienci.TSV',
      'notes.pdf',
      '--flag=x.csv',
    ]
    expect(fileArguments(argv, '/home/ann')).toEqual(['/home/ann/customers.csv', '/data/Klienci.TSV'])
  })

  it('ignores the executable itself and launches without files', () => {
    expect(fileArguments(['/opt/Crosswalk/crosswalk.csv'], '/')).toEqual([])
    expect(fileArguments(['crosswalk'], '/')).toEqual([])
  })
})
