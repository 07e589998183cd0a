/**
 * Two sentence marks where English takes one: ",," ";;" "::" ".." ". ."
 * ",." ".," ("growth., promote"), and the run of six points that renders the
 * Chinese ellipsis "……". Machine translation leaves them when it joins
 * segments that each kept their own mark. The Chinese dash "——" comes
 * through the same way, as "——", "— —" or "- -" where English takes one dash.
 */
import {defineRule} from '../src/engine/rule.js'

/**
 * A run of two or more of , ; : . with at most one space between each; the
 * run is classified in code, so that the scan itself stays a single cheap
 * character-class search.
 */
const markRun = /[,;:.](?: ?[,;:.])+/gu

/**
 * A doubled dash between words (the Chinese dash "——"): a word, figure or
 * closing mark before it (a redaction after "Mr." or a ruled line stays
 * quiet), a word or opening mark after it, and no third dash on either side.
 */
const doubledDash = /(?<=[\p{L}\p{N}”’")\]] ?)(?:——|— —|– –|- -)(?= ?[\p{L}\p{N}“‘"(])/gu

/** What may stand before a run of five or six points: a word or a closing mark, perhaps with one space. */
const ellipsisCalqueBefore = /(?:[\p{L}\p{N}”’)\]] ?|["'] )$/u

/**
 * Lower-case abbreviations whose point may be followed by a comma or colon
 * ("etc., to visit"). Words with an inner point ("U.S.", "a.m.") or a capital
 * ("Co.", "Calif.", "Jr.") are treated as abbreviations without a list.
 */
const abbreviations = new Set([
  'approx',
  'cf',
  'cont',
  'dept',
  'eg',
  'esp',
  'est',
  'etc',
  'fig',
  'govt',
  'ibid',
  'ie',
  'incl',
  'misc',
  'no',
  'nos',
  'op',
  'pp',
  'repr',
  'vol',
  'vs',
  'viz'
])

/** U+FFFC is masked markup (an HTML `<p>` or `</p>`): it bounds the prose as a line start or the end of the text does. */
const proseAfter = /^(?:$|\s|\uFFFC|[”"’')\]])/u
/** Only indentation between the line start and the marks. */
const lineStart = /(?:^|\n|\uFFFC)[ \t]*$/u

/** The word before a point, back to the last space, bracket or quote. */
const wordBefore = /[^\s(\[“"‘']*$/u

export default defineRule(
  {
    id: 'doubled-punctuation',
    category: 'spacing',
    severity: 'minor',
    description:
      'Two sentence marks where English takes one (",,", "..", ". .", ".," after a word that is no abbreviation), a run of six points for an ellipsis, or a doubled dash ("——", "— —") for a dash.',
    examples: {
      bad: [
        {
          text: 'The talks covered carbon reduction, green expansion, and growth., promote ecological priority.',
          findings: [
            {range: '1:64-1:66', actual: '.,', message: 'Unexpected doubled punctuation `.,`, expected `,`', severity: 'minor', fix: ',', safe: false}
          ],
          fixed: 'The talks covered carbon reduction, green expansion, and growth, promote ecological priority.'
        },
        {
          text: 'Kim Jong-un responded with a bright smile. .',
          findings: [
            {range: '1:42-1:45', actual: '. .', message: 'Unexpected doubled punctuation `. .`, expected `.`', severity: 'minor', fix: '.', safe: true}
          ],
          fixed: 'Kim Jong-un responded with a bright smile.'
        },
        {
          text: 'The ministry said the talks would resume,, but gave no date.',
          findings: [
            {range: '1:41-1:43', actual: ',,', message: 'Unexpected doubled punctuation `,,`, expected `,`', severity: 'minor', fix: ',', safe: true}
          ],
          fixed: 'The ministry said the talks would resume, but gave no date.'
        },
        {
          text: 'The envoy arrived in the U.S.. He will meet officials on Monday.',
          findings: [
            {range: '1:29-1:31', actual: '..', message: 'Unexpected doubled punctuation `..`, expected `.`', severity: 'minor', fix: '.', safe: false}
          ],
          fixed: 'The envoy arrived in the U.S. He will meet officials on Monday.'
        },
        {
          text: 'The consumer price index also saw “three words” ...... Recently, the Taiwan authorities raised rates.',
          findings: [
            {range: '1:49-1:55', actual: '......', message: 'Unexpected doubled punctuation `......`, expected `...`', severity: 'minor', fix: '...', safe: true}
          ],
          fixed: 'The consumer price index also saw “three words” ... Recently, the Taiwan authorities raised rates.'
        },
        {
          text: 'It will affect the whole body. ; To enhance stability, the plan sets targets.',
          findings: [
            {range: '1:30-1:33', actual: '. ;', message: 'Unexpected doubled punctuation `. ;`, expected `;`', severity: 'minor', fix: ';', safe: false}
          ],
          fixed: 'It will affect the whole body; To enhance stability, the plan sets targets.'
        },
        {
          text: 'China has lifted more than 850 million people out of poverty — — this is the greatest achievement in the history of poverty reduction.',
          findings: [
            {range: '1:62-1:65', actual: '— —', message: 'Unexpected doubled dash `— —`, expected `—`', severity: 'minor', fix: '—', safe: true}
          ],
          fixed: 'China has lifted more than 850 million people out of poverty — this is the greatest achievement in the history of poverty reduction.'
        },
        {
          text: 'Promoting Chinese-style modernization is a systematic project——Four Discussions on the General Secretary’s speech.',
          findings: [
            {range: '1:62-1:64', actual: '——', message: 'Unexpected doubled dash `——`, expected `—`', severity: 'minor', fix: '—', safe: true}
          ],
          fixed: 'Promoting Chinese-style modernization is a systematic project—Four Discussions on the General Secretary’s speech.'
        },
        {
          text: 'Promoting Chinese-style modernization is a systematic project - - Four Discussions on the General Secretary’s speech.',
          findings: [
            {range: '1:63-1:66', actual: '- -', message: 'Unexpected doubled dash `- -`, expected `—`', severity: 'minor', fix: '—', safe: false}
          ]
        }
      ],
      good: [
        {text: 'The U.S., Britain and France launched strikes in April 2018.', why: 'an abbreviation’s point followed by a comma'},
        {text: 'Delegates from Italy, Serbia, Oman, etc., visited the site.', why: '"etc." followed by a comma'},
        {text: 'Shanshan Holdings Co., Ltd. confirmed the founder’s death.', why: 'a company abbreviation'},
        {text: 'I think I should quit while I’m ahead... Last time, I ended up in hospital.', why: 'an ellipsis'},
        {text: 'He said the delay was . . . regrettable.', why: 'a spaced ellipsis'},
        {text: 'Who wins?! The vote is too close to call!!', why: '"?!" and "!!" are emphatic, not doubled'},
        {text: 'And since I\'m not a native English speaker, if you find any grammar mistakes in the documentation, please also let me know. :)', why: 'a face after the full stop, not a second mark'},
        {text: 'The library’s std::vector type was renamed.', why: 'a double colon inside code'},
        {text: 'Type ",," to repeat the last command.', why: 'marks named inside quotes'},
        {text: 'He left early.... Nobody noticed until noon.', why: 'a sentence point followed by an ellipsis'},
        {text: 'In the diagram, the ".....” stands for five blank spaces.', why: 'points inside quotes are a placeholder, not an ellipsis'},
        {text: 'The vote — held on Sunday — was close, and the result -- a tie -- surprised everyone.', why: 'single dashes, and two hyphens typed for one dash'},
        {text: 'The letter was signed by Mr. —— of Leeds.\n\n- - -\n\nThe next chapter begins here.', why: 'a redacted name and a ruled line'}
      ]
    }
  },
  ({text, report}) => {
    for (const match of text.matchAll(doubledDash)) {
      const dash = match[0].charAt(0) === '-' ? '—' : match[0].charAt(0)
      report({
        start: match.index,
        end: match.index + match[0].length,
        message: `Unexpected doubled dash \`${match[0]}\`, expected \`${dash}\``,
        expected: [dash],
        // Spaced hyphens may stand for a dash or for a range: a human's call.
        safe: match[0].charAt(0) !== '-'
      })
    }

    for (const match of text.matchAll(markRun)) {
      const run = match[0]
      const start = match.index
      const end = start + run.length
      const expected = candidates(text, run, start, end)
      if (!expected) continue
      report({
        start,
        end,
        message: `Unexpected doubled punctuation \`${run}\`, expected \`${expected[0]!}\``,
        expected,
        // Two different marks: which one the sentence needs is a human's call.
        safe: expected.length === 1 || run.startsWith('.....')
      })
    }
  }
)

/**
 * Replacement candidates for a run of marks, or undefined when it is right:
 * "..." and "...." are ellipses, ". . ." a spaced one, seven or more points a
 * leader, and mixes longer than two marks (",...", "...,") are left alone.
 */
function candidates(text: string, run: string, start: number, end: number): string[] | undefined {
  if (text.charAt(start - 1) === '.' || text.charAt(start - 1) === '…' || text.charAt(end) === '…') return undefined
  const marks = run.replaceAll(' ', '')
  const spaced = marks.length !== run.length
  if (!spaced && /^\.{5,6}$/u.test(marks)) {
    return ellipsisCalqueBefore.test(text.slice(Math.max(0, start - 2), start)) ? ['...', '…'] : undefined
  }

  if (marks.length === 2) return pairCandidates(text, start, end, marks.charAt(0), spaced, marks.charAt(1))
  // ",,," and ";;;": one mark typed again and again.
  if (!spaced && marks.charAt(0) !== '.' && marks === marks.charAt(0).repeat(marks.length)) {
    return pairCandidates(text, start, end, marks.charAt(0), false, marks.charAt(0))
  }

  return undefined
}

/** The replacement candidates for a pair of marks, or undefined when the pair is correct. */
function pairCandidates(text: string, start: number, end: number, first: string, spaced: boolean, second: string): string[] | undefined {
  // Prose goes on after the marks with a space, a closing mark or the end;
  // "std::vector", "fe80::1", "1..10", ":.,$write" and "../docs" are code.
  if (!proseAfter.test(text.charAt(end)) || lineStart.test(text.slice(Math.max(0, start - 12), start))) return undefined
  // A face after a sentence's mark ("let me know. :)", "Thanks! ;-)") is no second mark.
  if ((second === ':' || second === ';') && /^-?[()DPp](?![\p{L}\p{N}])/u.test(text.slice(end, end + 3))) return undefined
  // Marks stand against the word they end ("U.S..", "smile. ."); after a
  // space they are an operator (`" .. name`), after an opening quote a name (`",,"`).
  if (/[\s"“‘'(]/u.test(text.charAt(start - 1))) return undefined
  if (first === second) {
    return first === '.' && !spaced ? ['.', '...'] : [first]
  }

  if (first === '.' && isAbbreviation(wordBefore.exec(text.slice(Math.max(0, start - 30), start))![0])) {
    // "U.S.," is right; "U.S. ," only has a stray space.
    return spaced ? ['.' + second] : undefined
  }

  return [second, first]
}

function isAbbreviation(word: string): boolean {
  if (!/^\p{Ll}+$/u.test(word)) return true // "U.S", "a.m", "Co", "Calif", numbers and symbols
  return abbreviations.has(word) || word.length === 1
}
