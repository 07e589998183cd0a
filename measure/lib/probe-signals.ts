/**
 * Candidate source-aware signals, denser than the shipped checks, measured by
 * `fit-weights.js --probe` as if each were one more minor check (none is
 * shipped: reports/compare-signals.md says why). Each reads one segment of a
 * Chinese source and its English target.
 */
import {countChars} from '../../src/compare/length-ratio.js'
import {missingNames} from './chinese-names.js'

export interface ProbeSignal {
  id: string
  description: string
  /** `earlier`: the document's segments before this one. */
  fires: (segment: {source: string; target: string}, earlier: ReadonlyArray<{source: string}>) => boolean
}

const sourceEnds = /[。！？][”’」』"]?$/u
const functionWord = /(?:^|\s)(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|that|which|as|its|their|his|her|is|are|was|were|be|this|these|than)$/iu
const ratio = (segment: {source: string; target: string}) => countChars(segment.target) / Math.max(countChars(segment.source), 1)
const longEnough = (segment: {source: string}) => countChars(segment.source) >= 12
const sentences = (text: string, ends: RegExp) => (text.match(ends) ?? []).length
const contentWords = /[a-z]{5,}/g

export const probeSignals: readonly ProbeSignal[] = [
  {id: 'ends-mid-sentence', description: 'the source ends a sentence, the target ends on a comma, colon or function word (cut off)', fires: (s) => sourceEnds.test(s.source.trim()) && (/[,;:]$/u.test(s.target.trim()) || functionWord.test(s.target.trim()))},
  {id: 'no-final-stop', description: 'the source ends a sentence, the target with no final stop, quote or bracket', fires: (s) => sourceEnds.test(s.source.trim()) && !/[.!?"”’)]$/u.test(s.target.trim())},
  {id: 'fewer-sentences', description: 'fewer sentence ends in the target than in the source', fires: (s) => sentences(s.target, /[.!?]+(?=["”’)]*(?:\s|$))/gu) < sentences(s.source, /[。！？!?]+/gu)},
  {id: 'short-ratio', description: 'length ratio 1.3 to 2.2 (below the usual, above length-ratio\'s 1.3)', fires: (s) => longEnough(s) && ratio(s) >= 1.3 && ratio(s) < 2.2},
  {id: 'long-ratio', description: 'length ratio 5 to 7 (above the usual, below length-ratio\'s 7)', fires: (s) => longEnough(s) && ratio(s) > 5 && ratio(s) <= 7},
  {id: 'quote-dropped', description: 'a quotation mark in the source, none in the target', fires: (s) => /[“”「」]/u.test(s.source) && !/["“”‘’']/u.test(s.target)},
  {id: 'title-unquoted', description: 'a 《》 title in the source, no quotation mark in the target', fires: (s) => s.source.includes('《') && !/["“”]/u.test(s.target)},
  {id: 'bracket-dropped', description: 'a bracket in the source, none in the target', fires: (s) => /[（(]/u.test(s.source) && !/[([]/u.test(s.target)},
  {id: 'exclamation-dropped', description: 'an exclamation mark in the source, none in the target', fires: (s) => /[！!]/u.test(s.source) && !s.target.includes('!')},
  {
    id: 'name-romanisation',
    description: 'a Chinese personal name of the source (a common surname and one or two given-name characters next to a speech verb or a title: 王刚说, 李克强总理, 总理李克强在) whose pinyin the target lacks (King Steel for 王刚; other romanisations of the surname tolerated: Tsai Ing-wen); the surname alone is enough once the document\'s source has named the person (measure/lib/chinese-names.ts)',
    fires: (s, earlier) => missingNames(s.source, s.target, {surnameAlone: (name) => earlier.some((segment) => segment.source.includes(name))}).length > 0
  },
  {
    id: 'name-romanisation-surname',
    description: 'the same, the surname alone always enough (President Xi for 习近平主席)',
    fires: (s) => missingNames(s.source, s.target, {surnameAlone: () => true}).length > 0
  },
  {id: 'word-thrice', description: 'for contrast, no error: a word of five letters or more three times in the target (a length proxy)', fires: (s) => [...(s.target.toLowerCase().match(contentWords) ?? []).reduce((count, word) => count.set(word, (count.get(word) ?? 0) + 1), new Map<string, number>()).values()].some((count) => count >= 3)},
  {id: 'over-50-words', description: 'for contrast, no error: a target of more than 50 words (length alone)', fires: (s) => (s.target.match(/\S+/gu) ?? []).length > 50}
]
