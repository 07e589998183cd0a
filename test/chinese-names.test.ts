/** The name-romanisation probe signal (measure/lib/chinese-names.ts): which source names it reads and which renderings it accepts. */
import {describe, expect, it} from 'vitest'
import {chineseNames, missingNames} from '../measure/lib/chinese-names.js'

const always = {surnameAlone: () => true}
const never = {surnameAlone: () => false}
const missing = (source: string, target: string, options = never) => missingNames(source, target, options).map((name) => name.pinyin)

describe('chinese-names', () => {
  it('reads a name before a speech verb or a title, and after a title', () => {
    expect(chineseNames('王刚说，今年的产量增加了。').map((group) => group[0]!.name)).toEqual([{text: '王刚', pinyin: 'Wang Gang'}])
    expect(chineseNames('国务院总理李克强在会上表示').flatMap((group) => group.map((reading) => reading.name.pinyin))).toContain('Li Keqiang')
    expect(chineseNames('王先生说').some((group) => group.some((reading) => reading.name.text === '王'))).toBe(true)
  })

  it('reads no name inside a word or in a news word that begins with a surname', () => {
    expect(chineseNames('白皮书说，中国坚持合作共赢。')).toEqual([])
    expect(chineseNames('土耳其当局周六表示')).toEqual([])
    expect(chineseNames('携程报告称，假期旅游人数增加。')).toEqual([])
  })

  it('finds a name translated literally or dropped', () => {
    expect(missing('王刚说，今年的产量增加了。', 'King Steel said that output rose this year.')).toEqual(['Wang Gang'])
    expect(missing('李克强总理表示，经济运行平稳。', 'The premier said the economy was stable.')).toEqual(['Li Keqiang'])
    expect(missing('打算买房的郑女士说', 'Ms. Liu, who plans to buy a house, said')).toEqual(['Zheng'])
  })

  it('accepts the pinyin in either order, hyphens and case ignored, and another reading of a polyphone', () => {
    expect(missing('李克强总理表示', 'Premier LI Ke-qiang said')).toEqual([])
    expect(missing('张芳芳博士表示', 'Dr. Fangfang Zhang said')).toEqual([])
    expect(missing('副大使陈长水表示', 'Deputy Ambassador Chen Changshui said')).toEqual([])
  })

  it('accepts the surname alone only where the caller allows it', () => {
    expect(missing('习近平主席宣布', 'President Xi announced', never)).toEqual(['Xi Jinping'])
    expect(missing('习近平主席宣布', 'President Xi announced', always)).toEqual([])
  })

  it('leaves names outside mainland convention alone', () => {
    expect(missing('蔡英文表示', 'Tsai Ing-wen said')).toEqual([])
    expect(missing('李嘉诚说', 'Li Ka-shing said')).toEqual([])
    expect(missing('院长陈明璋表示', "said Ch'en Ming Chang, the president")).toEqual([])
    expect(missing('总理范明政表示', 'Prime Minister Pham Minh Chinh said')).toEqual([])
    expect(missing('马克龙表示', 'Macron said')).toEqual([])
  })
})
