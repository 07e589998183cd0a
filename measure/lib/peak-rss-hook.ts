/**
 * Loaded with `node --import` into a measured mtlint process: at exit it
 * writes the process's peak resident set (KB, every thread included) to the
 * file named by MTLINT_PEAK_RSS_FILE. A process that dies (V8's abort) writes
 * nothing, which the benchmark reports as such.
 */
import {writeFileSync} from 'node:fs'

const target = process.env['MTLINT_PEAK_RSS_FILE']
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)))
