/**
 * Tests that need something outside the repository (the shared data set
 * beside it, a browser, an editor) run only when it is there. When it is
 * not, they skip with one line saying what is missing and how to get it, so
 * a fresh clone passes `npm test`; under CI=true a missing program fails
 * instead, because .ci/run installs it and a skip there would hide a hole.
 */
import {existsSync} from 'node:fs'
import {relative} from 'node:path'
import {projectRoot} from './cli.js'

export const inCi = process.env['CI'] === 'true'

/** True when `path` (shared data) exists; otherwise one line and false: skip. */
export function hasShared(test: string, path: string): boolean {
  if (existsSync(path)) return true
  console.warn(`${test} skipped in part: ${relative(projectRoot, path)} is missing (the shared data set beside the repository)`)
  return false
}

/**
 * False (skip, with one line) when a program is missing outside CI; true
 * otherwise, so under CI=true the tests run and fail on the missing program.
 */
export function runsWith(test: string, present: boolean, missing: string): boolean {
  if (present) return true
  if (inCi) return true
  console.warn(`${test} skipped: ${missing}`)
  return false
}
