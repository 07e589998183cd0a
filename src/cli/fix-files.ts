/**
 * `lint --fix` / `--fix-dry-run` over a finished lint run: apply safe fixes
 * to each file on disk that has one, atomically, and re-lint what changed so
 * the report shows what is left. Files with no safe fix are never touched.
 */
import {readFile} from 'node:fs/promises'
import {lintText} from '../engine/lint.js'
import {judge} from '../engine/policy.js'
import {fixSafely} from '../engine/safe-fix.js'
import {writeFileAtomic} from './atomic-write.js'
import {unifiedDiff} from './diff.js'
import type {LintRun, LintedFile} from './lint-files.js'

export interface FixOutcome {
  run: LintRun
  /** One line per changed file, for stderr. */
  summary: string
  /** The unified diff of every change (what --fix-dry-run prints). */
  diff: string
}

export async function fixFiles(run: LintRun, {dryRun}: {dryRun: boolean}): Promise<FixOutcome> {
  const files: LintedFile[] = []
  const errors = [...run.errors]
  let summary = ''
  let diff = ''
  for (const file of run.files) {
    if (!file.result.findings.some((finding) => finding.safe)) {
      files.push(file)
      continue
    }

    if (file.diskPath === undefined) {
      errors.push(`${file.result.path}: cannot fix stdin in place, expected --fix-dry-run`)
      files.push(file)
      continue
    }

    const {text, applied} = fixSafely(file.text, file.result.path, file.config)
    if (text === file.text) {
      files.push(file)
      continue
    }

    diff += unifiedDiff(file.result.path, file.text, text)
    if (!dryRun) {
      // Never overwrite an edit made while we were linting.
      const onDisk = await readFile(file.diskPath, 'utf8').catch(() => undefined)
      if (onDisk !== file.text) {
        errors.push(`${file.result.path}: changed on disk while linting, not fixed`)
        files.push(file)
        continue
      }

      await writeFileAtomic(file.diskPath, text)
    }

    summary += `${dryRun ? 'would fix' : 'fixed'} ${applied.length} in ${file.result.path}\n`
    const result = lintText(text, file.result.path, file.config)
    files.push({...file, text, result, verdict: judge(result, file.policy)})
  }

  return {run: {files, errors}, summary, diff}
}
