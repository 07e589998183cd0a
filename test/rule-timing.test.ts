/**
 * The linter's onRuleTime hook (the benchmarks' stopwatch): it reports every
 * enabled rule once and changes no finding; with ruleTimeCpu false it times
 * by the wall clock alone and makes no process.cpuUsage call.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {allRules} from '../rules/index.js'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {corpusDir} from '../measure/lib/gold.js'

const seed = readFileSync(join(corpusDir(), 'seed-article.txt'), 'utf8')
const config = defaultConfig()
const enabled = allRules.filter((rule) => config.rules[rule.meta.id]).length

describe('onRuleTime', () => {
  afterEach(() => vi.restoreAllMocks())

  it('times every enabled rule once, by CPU time too, and leaves the findings as they are', () => {
    const times: Array<[string, number, number, number]> = []
    const timed = lintText(seed, 'seed.txt', config, undefined, {onRuleTime: (...args) => times.push(args)})
    expect(times).toHaveLength(enabled)
    expect(times.some(([, , cpuMs]) => cpuMs > 0)).toBe(true)
    expect(timed).toStrictEqual(lintText(seed, 'seed.txt', config))
  })

  it('with ruleTimeCpu false, times by the wall clock without a system call per rule or per sentence tagged', () => {
    const cpuUsage = vi.spyOn(process, 'cpuUsage')
    const times: Array<[string, number, number, number]> = []
    const timed = lintText(seed, 'seed.txt', config, undefined, {onRuleTime: (...args) => times.push(args), ruleTimeCpu: false})
    expect(cpuUsage).not.toHaveBeenCalled()
    expect(times).toHaveLength(enabled)
    expect(times.every(([, ms, cpuMs, viewCpuMs]) => ms >= 0 && cpuMs === 0 && viewCpuMs === 0)).toBe(true)
    expect(timed).toStrictEqual(lintText(seed, 'seed.txt', config))
  })
})
