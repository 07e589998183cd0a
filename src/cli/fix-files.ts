/**
 * `lint --fix` / `--fix-dry-run` over a finished lint run: apply safe fixes
 * to each file on disk that has one, atomically, and re-lint what changed so
 * the report shows what is left. Files with no safe fix are never touched.
 *
 * A file is fixed where it lives (through a symbolic link, the link stays),
 * in its own encoding, with its owner, group and mode. A file that cannot be
 * replaced without losing something is refused with one line: read-only,
 * not writable by us, hard-linked (a rename would split the links), or an
 * owner we cannot give the new file back.
 */
import {constants} from 'node:fs'
import {access, lstat, readlink, realpath, stat} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import {lintText} from '../engine/lint.js'
import {judge} from '../engine/policy.js'
import {fixSafely} from '../engine/safe-fix.js'
import {WriteError, writeFileAtomic} from './atomic-write.js'
import {unifiedDiff} from './diff.js'
import {oneLine} from './options.js'
import type {LintRun, LintedFile} from '../engine/run.js'
import {encodeText, readTextInput, type DecodedText} from './read-input.js'

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

    // Stdin has no file to replace; its dry run is only a diff.
    if (file.diskPath === undefined && !dryRun) {
      errors.push(`${file.result.path}: cannot fix stdin in place, expected --fix-dry-run`)
      files.push(file)
      continue
    }

    const {text, applied} = fixSafely(file.text, file.result.path, file.config)
    if (text === file.text) {
      files.push(file)
      continue
    }

    if (!dryRun) {
      const refusal = await writeFix(file.diskPath!, file.text, text)
      if (refusal) {
        errors.push(`${file.result.path}: ${refusal}, not fixed`)
        files.push(file)
        continue
      }
    }

    diff += unifiedDiff(file.result.path, file.text, text)
    summary += `${dryRun ? 'would fix' : 'fixed'} ${applied.length} in ${oneLine(file.result.path)}\n`
    const result = lintText(text, file.result.path, file.config)
    files.push({...file, text, result, verdict: judge(result, file.policy)})
  }

  return {run: {files, errors, checks: run.checks}, summary, diff}
}

/** Replace `path`'s text `linted` with `fixed`; the reason it was not replaced, or undefined once it is. */
async function writeFix(path: string, linted: string, fixed: string): Promise<string | undefined> {
  // `--fix /dev/stdin < a.txt` reaches a.txt through the descriptor: stdin by another name, which a filter must not replace.
  const refusal = await descriptorRefusal(path)
  if (refusal) return refusal
  // Never overwrite an edit made while we were linting (nor a file that became unreadable); the stat taken before the read is checked again just before the rename.
  const stats = await stat(path).catch(() => undefined)
  const onDisk: DecodedText | undefined = await readTextInput(path, Number.MAX_SAFE_INTEGER).catch(() => undefined)
  if (!stats || onDisk?.text !== linted) return 'changed on disk while linting'
  if ((stats.mode & 0o222) === 0) return `read-only (mode ${(stats.mode & 0o7777).toString(8).padStart(4, '0')})`
  if (!(await access(path, constants.W_OK).then(() => true, () => false))) return 'not writable (permission denied)'
  if (stats.nlink > 1) return `has ${stats.nlink} hard links, which replacing it would split`
  try {
    await writeFileAtomic(path, encodeText(fixed, onDisk.encoding), {followLinks: true, unchangedSince: stats})
  } catch (error) {
    if (error instanceof WriteError) return error.message
    throw error
  }

  return undefined
}

/** A name of an open descriptor: /dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N, /proc/PID/fd/N (and a task's). */
const descriptorName = /^\/dev\/(?:std(?:in|out|err)$|fd\/)|^\/proc\/[^/]+\/(?:task\/[^/]+\/)?fd\//

/**
 * Why `path` is no file to replace: some link on the way to it (a symbolic
 * link, or a folder reached through one) names a descriptor, which reaches the
 * descriptor's file by another name (stdin redirected from a.txt), or what it
 * names in the end is not a regular file. Undefined for a regular file, wherever
 * it lives (/dev/shm holds ordinary files).
 */
async function descriptorRefusal(path: string): Promise<string | undefined> {
  const stdinByAnotherName = 'names a descriptor or device (stdin by another name), expected the file\'s own path'
  let current = resolve(path)
  for (let hop = 0; hop < 40; hop++) {
    // The folders on the way are resolved too: a link to /proc/self/fd makes LINK/0 a descriptor.
    const folder = await realpath(dirname(current)).catch(() => dirname(current))
    current = join(folder, basename(current))
    if (descriptorName.test(current)) return stdinByAnotherName
    const stats = await lstat(current).catch(() => undefined)
    if (!stats?.isSymbolicLink()) break
    current = resolve(folder, await readlink(current))
  }

  const target = await stat(path).catch(() => undefined)
  if (target && !target.isFile()) return 'not a regular file, expected a file to replace'
  return undefined
}
