/** Source language from `--source-lang`, the file, or the script most of the source is written in. */

export type Script = 'Han' | 'Hiragana' | 'Hangul' | 'Cyrillic' | 'Arabic' | 'Hebrew' | 'Greek' | 'Thai' | 'Devanagari' | 'Latin'

/** Scripts other than Latin, with the language a script most likely means. */
const scripts: Array<{script: Script; pattern: RegExp; lang: string}> = [
  {script: 'Hiragana', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, lang: 'ja'},
  {script: 'Hangul', pattern: /\p{Script=Hangul}/u, lang: 'ko'},
  {script: 'Han', pattern: /\p{Script=Han}/u, lang: 'zh'},
  {script: 'Cyrillic', pattern: /\p{Script=Cyrillic}/u, lang: 'ru'},
  {script: 'Arabic', pattern: /\p{Script=Arabic}/u, lang: 'ar'},
  {script: 'Hebrew', pattern: /\p{Script=Hebrew}/u, lang: 'he'},
  {script: 'Greek', pattern: /\p{Script=Greek}/u, lang: 'el'},
  {script: 'Thai', pattern: /\p{Script=Thai}/u, lang: 'th'},
  {script: 'Devanagari', pattern: /\p{Script=Devanagari}/u, lang: 'hi'}
]

/** The script of a language code; Latin for anything not listed. */
export function scriptOf(lang: string): Script {
  const primary = primaryOf(lang)
  return scripts.find((entry) => entry.lang === primary)?.script ?? (primary === 'uk' || primary === 'bg' || primary === 'sr' ? 'Cyrillic' : primary === 'fa' || primary === 'ur' ? 'Arabic' : 'Latin')
}

export function primaryOf(lang: string): string {
  return lang.split(/[-_]/)[0]!.toLowerCase()
}

/** Characters of `script`, for finding them left in English. Japanese kana also count Han (kanji). */
export function scriptPattern(script: Script): RegExp | undefined {
  if (script === 'Latin') return undefined
  if (script === 'Hiragana') return /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]+/gu
  return new RegExp(`\\p{Script=${script}}+`, 'gu')
}

/**
 * Guess from the letters of the sources: a non-Latin script that makes up at
 * least a fifth of the letters wins (Chinese news quotes Latin names), else
 * `und` for an unnamed Latin-script language.
 */
export function guessSourceLang(sources: readonly string[]): string {
  const counts = new Map<string, number>()
  let letters = 0
  for (const source of sources) {
    for (const char of source) {
      if (!/\p{L}/u.test(char)) continue
      letters++
      const entry = scripts.find(({pattern}) => pattern.test(char))
      if (entry) counts.set(entry.lang, (counts.get(entry.lang) ?? 0) + 1)
    }
  }

  // Kana mark Japanese even though most of its characters are Han.
  if ((counts.get('ja') ?? 0) > 0 && (counts.get('ja') ?? 0) + (counts.get('zh') ?? 0) >= letters / 5) return 'ja'
  const [best] = [...counts].sort((a, b) => b[1] - a[1])
  return best && best[1] >= letters / 5 ? best[0] : 'und'
}
