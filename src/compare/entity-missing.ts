/** URLs, e-mail addresses, hashtags, @handles, code-like tokens and Latin-script names of the source are kept. */
import {definePairCheck} from './pair-check.js'
import {scriptOf} from './language.js'

const tokenPatterns: Array<{kind: string; pattern: RegExp}> = [
  {kind: 'URL', pattern: /\b(?:https?:\/\/|www\.)[^\s<>"'，。、）)]+[^\s<>"'，。、）).,;:!?]/g},
  {kind: 'e-mail address', pattern: /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g},
  {kind: 'hashtag', pattern: /(?<![\w&])#[A-Za-z][\w]*/g},
  {kind: '@handle', pattern: /(?<![\w.])@[A-Za-z_][\w]{1,}/g},
  {kind: 'code-like token', pattern: /\b(?:[A-Za-z]+_[A-Za-z0-9_]+|[a-z]+[A-Z][A-Za-z0-9]*|[A-Za-z]+\(\))/g}
]
// Latin words in a non-Latin source are names, brands and acronyms the translation keeps.
const latinWord = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&'.-]*[A-Za-z0-9]/g
// Units a translation may spell out (公里 and km both become kilometers).
const units = new Set(['km', 'kg', 'cm', 'mm', 'ml', 'mg', 'kw', 'kwh', 'mw', 'gw', 'mph', 'am', 'pm', 'gb', 'mb', 'tb', 'kb', 'mah', 'hz', 'ghz', 'mhz'])

export const entitiesCheck = definePairCheck(
  {
    id: 'entity-missing',
    category: 'accuracy',
    dimension: 'Accuracy/Omission',
    severity: 'major',
    description: 'A URL, e-mail address, hashtag, @handle, code-like token or Latin-script name of the source is missing from the target.',
    examples: {
      bad: [
        {
          source: '详情请访问 https://example.org/news 。',
          target: 'For details, visit our website.',
          findings: [
            {range: '1:1-1:32', actual: 'For details, visit our website.', message: "Unexpected translation without the source's URL `https://example.org/news`, expected it unchanged (segment line 1)", severity: 'major'}
          ]
        },
        {
          source: '请联系 info@example.com',
          target: 'Please contact info@example.org',
          findings: [
            {range: '1:1-1:32', actual: 'Please contact info@example.org', message: "Unexpected translation without the source's e-mail address `info@example.com`, expected it unchanged (segment line 1)", severity: 'major'}
          ]
        },
        {
          source: '苹果公司发布了新款iPhone。',
          target: 'Apple released a new phone.',
          findings: [
            {range: '1:1-1:28', actual: 'Apple released a new phone.', message: "Unexpected translation without the source's code-like token `iPhone`, expected it unchanged (segment line 1)", severity: 'major'}
          ]
        },
        {
          source: 'Setzen Sie max_retries auf 3.',
          target: 'Set the maximum retries to 3.',
          findings: [
            {range: '1:1-1:30', actual: 'Set the maximum retries to 3.', message: "Unexpected translation without the source's code-like token `max_retries`, expected it unchanged (segment line 1)", severity: 'major'}
          ],
          sourceLang: 'de'
        }
      ],
      good: [
        {source: '苹果公司发布了新款iPhone。', target: 'Apple released a new iPhone.'},
        {source: '关注 @mtlint 和 #MTQA 话题', target: 'Follow @mtlint and the #MTQA topic'},
        {source: 'NBA球员', target: 'NBA players', why: 'a plural or possessive keeps the name'},
        {source: '中网ATP500赛的奖金创新高。', target: 'The prize money of the ATP 500 in Beijing is a record.', why: 'letters and digits of a name written apart'}
      ]
    }
  },
  (segment, {sourceLang, report}) => {
    const wanted = new Map<string, string>()
    let rest = segment.source.normalize('NFKC')
    for (const {kind, pattern} of tokenPatterns) {
      for (const match of rest.matchAll(pattern)) wanted.set(match[0], kind)
      // A URL's words are not names of their own.
      rest = rest.replace(pattern, ' ')
    }

    if (scriptOf(sourceLang) !== 'Latin') {
      for (const match of rest.matchAll(latinWord)) {
        if (!wanted.has(match[0]) && !units.has(match[0].toLowerCase())) wanted.set(match[0], 'name')
      }
    }

    const missing = [...wanted].filter(([token, kind]) => !contains(segment.target, token, kind === 'name'))
    if (missing.length === 0) return
    report({
      segment,
      start: 0,
      end: segment.target.length,
      message: `Unexpected translation without the source's ${missing.map(([token, kind]) => `${kind} \`${token}\``).join(', ')}, expected ${missing.length === 1 ? 'it' : 'them'} unchanged`
    })
  }
)

/** `token` in `text` as a whole word; names also case-insensitively, with a plural or possessive ending, and with letters and digits joined or apart (ATP500 as ATP 500). */
function contains(text: string, token: string, name: boolean): boolean {
  const haystack = name ? text.toLowerCase() : text
  const needle = name ? token.toLowerCase() : token
  const pattern = name ? new RegExp(needle.split(/(?<=[a-z])[\s-]?(?=\d)|(?<=\d)[\s-]?(?=[a-z])/).map(escape).join('[\\s-]?'), 'g') : undefined
  let from = 0
  while (true) {
    let index = haystack.indexOf(needle, from)
    let length = needle.length
    if (pattern) {
      pattern.lastIndex = from
      const match = pattern.exec(haystack)
      index = match ? match.index : -1
      length = match ? match[0].length : 0
    }

    if (index === -1) return false
    from = index + 1
    const before = haystack[index - 1] ?? ' '
    const after = haystack.slice(index + length, index + length + 1) || ' '
    if (/[A-Za-z0-9]/.test(before)) continue
    if (/[A-Za-z0-9]/.test(after) && !(name && after === 's')) continue
    return true
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
