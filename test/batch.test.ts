/** Large batches run on worker threads; the report must be the same as linting each file alone, in order. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {mtlint, seedPath, tempTree} from './helpers/cli.js'

it('lints a 30-file batch in workers with the same findings, in input order, and totals', () => {
  const paragraphs = readFileSync(seedPath, 'utf8').split('\n\n')
  const files: Record<string, string> = {}
  for (let index = 0; index < 30; index++) files[`batch/${String(index).padStart(2, '0')}.txt`] = paragraphs.slice(index % 10, (index % 10) + 8).join('\n\n')
  const dir = tempTree(files)
  const result = mtlint(['lint', '--format', 'json', 'batch'], {cwd: dir})
  const report = JSON.parse(result.stdout) as {files: Array<{path: string; findings: unknown[]}>; summary: {files: number}}
  expect(report.summary.files).toBe(30)
  expect(report.files.map((file) => file.path)).toEqual(Object.keys(files).sort())
  for (const file of report.files) {
    const alone = lintText(files[file.path]!, file.path, defaultConfig())
    expect(file.findings).toEqual(JSON.parse(JSON.stringify(alone.findings)))
  }

  expect(mtlint(['gate', 'batch'], {cwd: dir}).stdout).toMatch(/^30 files, \d+ words, \d+ findings \(.+\)\n\d+ failing$/m)
})
