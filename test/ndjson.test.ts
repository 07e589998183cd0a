/** `mtlint lint --ndjson`: one answer line per input line, in order, equal to a plain lint; bad lines answered, the stream goes on. */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Readable, Writable} from 'node:stream'
import {expect, it} from 'vitest'
import {lintNdjson} from '../src/cli/ndjson.js'
import {defaultConfig} from '../src/registry.js'
import {lintText} from '../src/engine/lint.js'
import {mtlint, projectRoot, seedPath, tempTree} from './helpers/cli.js'

const paragraphs = readFileSync(seedPath, 'utf8').split('\n\n').filter((paragraph) => paragraph.trim() !== '')

interface Answer {
  line: number
  id?: string | number
  path?: string
  passed?: boolean
  findings?: unknown[]
  error?: string
}

/** Input lines: texts of the seed with their ids, and bad lines at known places. */
function inputLines(count: number): {lines: string[]; bad: Set<number>} {
  const lines: string[] = []
  const bad = new Set<number>()
  for (let index = 0; index < count; index++) {
    if (index % 7 === 3) {
      bad.add(index + 1)
      lines.push(index % 2 === 0 ? '{"text": 12}' : 'not json')
    } else {
      lines.push(JSON.stringify({id: `doc-${index}`, text: paragraphs[index % paragraphs.length]}))
    }
  }

  return {lines, bad}
}

function checkAnswers(answers: Answer[], lines: string[], bad: Set<number>): void {
  expect(answers.map((answer) => answer.line)).toEqual(lines.map((_, index) => index + 1))
  for (const answer of answers) {
    if (bad.has(answer.line)) {
      expect(answer.error).toMatch(/^Unexpected .+, expected /)
      continue
    }

    const {id, text} = JSON.parse(lines[answer.line - 1]!) as {id: string; text: string}
    expect(answer.id).toBe(id)
    const alone = lintText(text, '<text>', defaultConfig())
    expect(answer.findings).toEqual(JSON.parse(JSON.stringify(alone.findings)))
  }
}

it('answers every line in order, in process: findings equal to linting each text alone, an error line for each bad line', async () => {
  const {lines, bad} = inputLines(30)
  let output = ''
  const out = new Writable({
    write(chunk, _encoding, done) {
      output += String(chunk)
      done()
    }
  })
  // Chunks that cut lines (and a CRLF) anywhere: the reader must not care where a chunk ends.
  const bytes = Buffer.from(lines.join('\r\n') + '\n')
  const chunks = Array.from({length: Math.ceil(bytes.length / 97)}, (_, index) => bytes.subarray(index * 97, (index + 1) * 97))
  await lintNdjson(Readable.from(chunks), out, {workers: 1})
  const answers = output.trimEnd().split('\n').map((line) => JSON.parse(line) as Answer)
  checkAnswers(answers, lines, bad)
})

it('answers in order through the CLI with worker threads; a path line equals `mtlint lint` of that file', () => {
  const {lines, bad} = inputLines(40)
  const dir = tempTree({'a.txt': paragraphs.slice(0, 4).join('\n\n') + '\n'})
  lines.push(JSON.stringify({id: 'file', path: join(dir, 'a.txt')}), '', JSON.stringify({path: join(dir, 'missing.txt')}))
  bad.add(lines.length - 1)
  const result = mtlint(['lint', '--ndjson'], {input: lines.join('\n')})
  expect(result.code).toBe(0)
  expect(result.stderr).toBe('')
  const answers = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Answer)
  expect(answers).toHaveLength(lines.length)
  checkAnswers(answers.slice(0, 40), lines.slice(0, 40), bad)
  const plain = JSON.parse(mtlint(['lint', '--format', 'json', join(dir, 'a.txt')]).stdout) as {files: Array<Record<string, unknown>>}
  const {line, id, ...fileAnswer} = answers[40]! as Answer & Record<string, unknown>
  expect([line, id]).toEqual([41, 'file'])
  expect(fileAnswer).toEqual(plain.files[0])
  expect(answers[41]!.error).toMatch(/^Unexpected empty line/)
  expect(answers[42]!.error).toMatch(/missing\.txt: /)
})

it('refuses operands and output options with --ndjson in one line, exit 2', () => {
  for (const args of [['lint', '--ndjson', 'a.txt'], ['lint', '--ndjson', '--format', 'json'], ['lint', '--ndjson', '--fix']]) {
    const result = mtlint(args, {input: '{"text":"Hello."}\n'})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^mtlint: --ndjson: unexpected .+\n$/)
    expect(result.stdout).toBe('')
  }
})

it('answers a line before the next one arrives (a caller that writes a record and waits for its answer)', async () => {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'mtlint.js'), 'lint', '--ndjson'], {stdio: ['pipe', 'pipe', 'inherit']})
  const answers: Answer[] = []
  let pending = ''
  const nextAnswer = () =>
    new Promise<Answer>((resolveAnswer) => {
      const onData = (chunk: Buffer) => {
        pending += String(chunk)
        const end = pending.indexOf('\n')
        if (end === -1) return
        child.stdout.off('data', onData)
        const answer = JSON.parse(pending.slice(0, end)) as Answer
        pending = pending.slice(end + 1)
        answers.push(answer)
        resolveAnswer(answer)
      }

      child.stdout.on('data', onData)
    })
  child.stdin.write(JSON.stringify({id: 1, text: paragraphs[0]}) + '\n')
  expect((await nextAnswer()).id).toBe(1)
  child.stdin.write(JSON.stringify({id: 2, text: paragraphs[1]}) + '\n')
  expect((await nextAnswer()).id).toBe(2)
  child.stdin.end()
  const code = await new Promise((resolveCode) => child.on('close', resolveCode))
  expect(code).toBe(0)
})
