/**
 * Chinese personal names of a source segment and whether an English target
 * renders them (the name-romanisation probe signal, reports/compare-signals.md).
 *
 * A name: a common surname (measure/chinese-surnames.json) and one or two
 * given-name characters with a standard reading (measure/pinyin.json, made by
 * measure/pinyin-table.ts), before a speech verb (王刚说), before a title
 * (习近平主席; the surname alone before 先生, 女士, 教授), or after a title up to
 * a punctuation mark, a function word or a speech verb (总理李克强在). Before
 * the name stands no Han character, a function word or the end of a title or
 * role; each place a name stands keeps every reading (王毅正在: 王毅 or 王毅正)
 * and counts as rendered if one of them is.
 *
 * Rendered: the toneless pinyin of surname and given name in either order
 * (case, spaces and hyphens ignored; any standard reading of a polyphone), the
 * surname alone where the caller allows it, another romanisation of the
 * surname (Wade-Giles, Cantonese, Hokkien, Korean, Vietnamese) next to a
 * capitalised word (Tsai Ing-wen, Moon Jae-in, Pham Minh Chinh), any spelling
 * of the surname before a given name of like consonants (Ch'en Ming Chang), a
 * hyphenated given name after the pinyin surname (Li Ka-shing), or, for a name
 * with characters of Western transcription, a capitalised word beginning with
 * the surname's sound (马克龙 Macron): names outside mainland convention are
 * not judged.
 */
import pinyinTable from '../pinyin.json' with {type: 'json'}
import surnameTable from '../chinese-surnames.json' with {type: 'json'}

/** Each standard character's readings, the customary one first. */
const reading = new Map<string, string[]>()
for (const table of [pinyinTable.syllables, pinyinTable.other] as Array<Record<string, string>>) {
  for (const [syllable, chars] of Object.entries(table)) for (const char of chars) reading.set(char, [...(reading.get(char) ?? []), syllable])
}
const surnames = new Map(Object.entries(surnameTable.surnames as Record<string, string>).map(([chars, spellings]) => [chars, spellings.split(' ')]))

/** Speech verbs after a name (王刚说, 李克强表示), perhaps after one adverb (王刚也表示). */
const verbs = ['说', '表示', '指出', '强调', '认为', '介绍', '称', '告诉', '透露', '坦言', '回忆', '解释', '提到', '补充', '呼吁', '直言', '感慨', '说道', '宣布', '发表']
const adverbs = '也还则又曾均都再就亦'
/** Titles after a name (习近平主席, 王先生); those addressing a person may follow the surname alone. */
const titles = ['主席', '总理', '总书记', '部长', '外长', '先生', '女士', '教授', '书记', '市长', '省长', '县长', '区长', '院长', '主任', '局长', '校长', '总统', '博士', '医生', '老师', '同志', '委员', '董事长', '总经理', '总裁', '大使', '研究员', '院士', '处长', '厅长', '会长', '秘书长', '队长', '教练', '律师', '警官', '法官', '村长', '副总理', '副主席', '副部长', '副市长', '副省长', '副院长', '副主任', '副局长', '副校长', '副总统', '副总裁', '副总经理', '副书记', '副教授', '副会长', '副秘书长']
const addressTitles = new Set(['先生', '女士', '教授', '博士', '医生', '老师', '同志', '律师', '警官', '法官', '院士'])
/** Characters that do not end or fill a given name but do end the words before a speech verb (方面, 文化部, 高兴地). */
const notGiven = new Set([...'的地得了着过们是在对向于与和及为被把从给等人者员方面部局厅处院所府委会司行省市县区镇村党组团队家门中上下里内外前后这那其此该每各某他她它我你您谁不没很最更均则即便却但而且或之以来去说道称示出也还又再就才已将要能可应都并日月年时期间际'])
/** Characters of Western names in Chinese transcription (马克龙, 马斯克): a given name of these alone is no Chinese name. */
const transcription = new Set([...'克斯尔特德普伊夫娃拉罗亚利尼纳基姆森逊顿登里卡塔奥蒂莱洛科佩勒恩巴莫默索托弗兰琳丽娜菲布迪西斐瓦维沃茨兹曼蒙蕾莎妮尤乌伯'])
/**
 * What may stand before a name: no Han character (the start, punctuation, a
 * digit), a function word (的, 和, 但, 据), or the last character of a title or
 * role (主席, 书记, 发言人, 记者). Inside a word (携程报告, 担任法国, 阮氏金银) a
 * surname character is no surname.
 */
const before = new Set([...'的和与及但而据对向由让被在于将为把同跟给请令称以即是或并也还由经据、长理席记员人任师家士官使授者委裁事手星导'])
/** News words that begin with a surname character and stand before a speech verb or a title (白皮书说, 白宫表示, 周五表示, 高级研究员). */
const notNames = ['白皮书', '白宫', '高级', '高层', '常务', '常委', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '周末', '马华', '金服', '解释', '武警']

export interface ChineseName {
  /** The name as the source writes it. */
  text: string
  /** Its toneless pinyin, surname first: `Wang Gang`. */
  pinyin: string
}

interface Parse {
  name: ChineseName
  surname: string
  /** The given name's pinyin in every reading of its characters, the customary one first. */
  given: string[]
  /** Spellings of the surname (the pinyin first). */
  spellings: string[]
  /** Only the surname is written (王先生). */
  alone: boolean
  /** A given-name character of Western names in transcription (马克龙). */
  foreign: boolean
}

const capital = (syllables: string) => syllables.charAt(0).toUpperCase() + syllables.slice(1)

function parse(text: string, surnameLength: number): Parse | undefined {
  const surname = text.slice(0, surnameLength)
  const spellings = surnames.get(surname)
  if (!spellings) return undefined
  if (notNames.some((word) => text.startsWith(word)) || titles.some((title) => text.includes(title))) return undefined
  const givenChars = [...text.slice(surnameLength)]
  if (givenChars.length > 2) return undefined
  if (givenChars.some((char) => notGiven.has(char) || !reading.has(char))) return undefined
  if (givenChars.length > 0 && givenChars.every((char) => transcription.has(char))) return undefined
  const given = givenChars.reduce((spelt, char) => spelt.flatMap((head) => reading.get(char)!.map((syllable) => head + syllable)), [''])
  const pinyin = given[0] ? `${capital(spellings[0]!)} ${capital(given[0])}` : capital(spellings[0]!)
  return {name: {text, pinyin}, surname, given, spellings, alone: givenChars.length === 0, foreign: givenChars.some((char) => transcription.has(char))}
}

/** Every reading of the characters before `end` as a name: a surname of one or two characters and a given name of up to two. */
function parsesEndingAt(source: string, end: number, surnameAlone: boolean): Parse[] {
  const parses: Parse[] = []
  for (let length = surnameAlone ? 1 : 2; length <= 4; length++) {
    if (end - length < 0) break
    const text = source.slice(end - length, end)
    if (!/^\p{Script=Han}+$/u.test(text)) break
    const previous = source[end - length - 1]
    if (previous !== undefined && /\p{Script=Han}/u.test(previous) && !before.has(previous)) continue
    for (const surnameLength of [1, 2]) {
      if (surnameLength > length || (!surnameAlone && surnameLength === length)) continue
      const found = parse(text, surnameLength)
      if (found) parses.push(found)
    }
  }

  return parses
}

/** Groups of readings, one group per place a name stands (before a speech verb or a title). */
export function chineseNames(source: string): Parse[][] {
  const text = source.normalize('NFKC')
  const groups: Parse[][] = []
  const seen = new Set<number>()
  const add = (end: number, surnameAlone: boolean) => {
    if (seen.has(end)) return
    const parses = parsesEndingAt(text, end, surnameAlone)
    if (parses.length === 0) return
    seen.add(end)
    groups.push(parses)
  }

  // After a title, a name ends before a punctuation mark, a function word or a speech verb; each length that does is one reading of the same name (王毅正在: 王毅 or 王毅正).
  const ends = (at: number) => {
    const next = text[at]
    return next === undefined || /[，、。；：,;:（(]/u.test(next) || '在正对向于与和及也还则又曾均都就等的'.includes(next) || verbs.some((verb) => text.startsWith(verb, at))
  }

  const addAfter = (start: number) => {
    if ([2, 3, 4].some((length) => seen.has(start + length))) return
    const parses = [2, 3, 4].filter((length) => ends(start + length)).flatMap((length) => parsesEndingAt(text, start + length, false).filter((found) => found.name.text.length === length))
    if (parses.length === 0) return
    for (const length of [2, 3, 4]) seen.add(start + length)
    groups.push(parses)
  }

  for (const verb of verbs) {
    for (let at = text.indexOf(verb); at >= 0; at = text.indexOf(verb, at + 1)) {
      add(at, false)
      if (at > 0 && adverbs.includes(text[at - 1]!)) add(at - 1, false)
    }
  }

  for (const title of titles) {
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
      // 副部长 is found as itself; 部长 inside it is not a title of its own.
      if (!title.startsWith('副') && text[at - 1] === '副') continue
      add(at, addressTitles.has(title))
    }
  }

  // A title before a name (国务院总理李克强在, 发言人华春莹，): the name up to a punctuation mark or a function word.
  for (const title of [...titles, '发言人', '记者', '首相', '总干事', '主持人', '创始人', '经济学家', '分析师', '负责人']) {
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
      addAfter(at + title.length)
    }
  }

  return groups
}

const letters = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '')
/** ü written v in the table: English writes u, v, yu or ue. */
const spellingsOf = (syllables: string) => [...new Set(['u', 'v', 'yu', 'ue'].map((u) => syllables.replace(/v/g, u)))]

/**
 * The consonants of a romanised name, alike where pinyin, Wade-Giles and
 * Cantonese spell one sound differently (zh, ch, j, q, z, c, ts; x, hs, s, sh; g, k; d, t; b, p; r, j).
 */
function skeleton(spelt: string): string {
  return spelt
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/zh|ch|ts|tz|[jqzc]/g, 'C')
    .replace(/sh|hs|x|s/g, 'S')
    .replace(/ng|n/g, 'N')
    .replace(/[gk]/g, 'K')
    .replace(/[dt]/g, 'T')
    .replace(/[bp]/g, 'P')
    .replace(/[aeiouvywh']/g, '')
}

export interface RenderOptions {
  /** Whether the surname alone renders a name as the source writes it (Xi for 习近平 after the first mention). */
  surnameAlone: (name: string) => boolean
}

/** Whether the target renders one of the readings of a name. */
export function rendered(parses: readonly Parse[], target: string, options: RenderOptions): boolean {
  const flat = letters(target)
  const words = target.normalize('NFKD').replace(/\p{M}/gu, '').match(/\p{Lu}[\p{L}'’-]*/gu) ?? []
  const capitalised = words.map((word) => word.toLowerCase().replace(/[^a-z-]/g, ''))
  const capitalisedSet = new Set(capitalised.map((word) => word.replace(/-/g, '')))
  for (const reading of parses) {
    if (target.includes(reading.name.text)) return true
    const surnameAlone = options.surnameAlone(reading.name.text)
    const [pinyin, ...others] = reading.spellings
    for (const surname of spellingsOf(pinyin!)) {
      for (const given of reading.given.flatMap(spellingsOf)) {
        if (flat.includes(surname + given) || (given && flat.includes(given + surname))) return true
      }

      if ((surnameAlone || reading.alone) && capitalisedSet.has(surname.replace(/-/g, ''))) return true
    }

    // Another romanisation of the surname next to a capitalised word, or a hyphenated given name after the pinyin one (Li Ka-shing).
    for (const [index, word] of capitalised.entries()) {
      const plain = word.replace(/-/g, '')
      const neighbour = capitalised[index + 1] ?? capitalised[index - 1]
      // Any spelling of the surname before a given name that sounds alike (Ch'en Ming Chang for Chen Mingzhang).
      if (reading.spellings.some((spelling) => spelling.replace(/-/g, '') === plain) && reading.given.some((given) => skeleton(given).length >= 2 && skeleton(capitalised.slice(index + 1, index + 3).join('')).startsWith(skeleton(given)))) return true
      if (others.some((other) => other.replace(/-/g, '') === plain) && (neighbour !== undefined || surnameAlone || reading.alone)) return true
      if (plain === pinyin && capitalised[index + 1]?.includes('-')) return true
      // A foreign name in Chinese transcription begins with a surname's sound (马克龙 Macron).
      if (reading.foreign && reading.spellings.some((spelling) => plain.length >= spelling.length + 2 && plain.startsWith(spelling.replace(/-/g, '')))) return true
    }
  }

  return false
}

/** The names of the source that the target renders in none of their readings. */
export function missingNames(source: string, target: string, options: RenderOptions): ChineseName[] {
  return chineseNames(source)
    .filter((parses) => !rendered(parses, target, options))
    .map((parses) => parses[0]!.name)
}
