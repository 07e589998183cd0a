/**
 * tokenizer-spacing's spaced slash is reported with its fix, but `--fix`
 * does not apply it unattended: a spaced slash is also correct English
 * (quoted verse, "two roads diverged in a yellow wood / and sorry I could not
 * travel both"), where closing it up joins two lines. The rule's other shapes
 * stay safe: their fixes still apply in the same run.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText} from '../src/engine/lint.js'
import {onlyRule} from '../src/registry.js'
import {mtlint, tempTree} from './helpers/cli.js'

const text = 'On Saturday ( February 11), he said the law and / or the dismissal was illegal.\n'

describe('the spaced slash under --fix', () => {
  it('is found with its fix, marked unsafe', () => {
    const slash = lintText(text, 'a.txt', onlyRule('tokenizer-spacing')).findings.find((finding) => finding.actual === ' / ')
    expect(slash).toMatchObject({message: 'Unexpected spaced slash in ` / `, expected `/`', expected: ['/'], safe: false})
  })

  it('is left by mtlint lint --fix, which still fixes the safe shapes', () => {
    const dir = tempTree({'a.txt': text})
    mtlint(['lint', '--fix', join(dir, 'a.txt')], {cwd: dir})
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('On Saturday (February 11), he said the law and / or the dismissal was illegal.\n')
  })
})
