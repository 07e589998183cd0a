/** Every number of the source is in the target, in some equivalent writing, and the target adds none. */
import {definePairCheck} from './pair-check.js'
import {
  cjkNumeralValues,
  isClarifiedDay,
  isClarifiedYear,
  isConversionNote,
  isRelativeInTarget,
  isYear,
  normalizedSource,
  regroupedNumbers,
  romanNumeralValues,
  sameValue,
  scales,
  scaleWords,
  sourceNameNumbers,
  sourceNumbers,
  targetNameNumbers,
  targetNumbers,
  targetWordValues,
  unitAfter,
  type MetricUnit,
  type NumberMention
} from './numbers.js'
import {primaryOf} from './language.js'
import type {Segment} from './segment.js'

export const numbersCheck = definePairCheck(
  {
    id: 'number-mismatch',
    category: 'accuracy',
    dimension: 'Accuracy/Mistranslation',
    severity: 'major',
    description:
      'The translation has a number the source lacks, or writes a source number differently (a number left out entirely is number-missing); numbers of one segment each off by the same power of ten (亿 read as billion) are one finding with a range on each.',
    examples: {
      bad: [
        {
          source: '该公司去年营收增长了15%。',
          target: 'The company’s revenue grew by 16% last year.',
          findings: [
            {range: '1:31-1:33', actual: '16', message: "Unexpected number `16`, expected the source's `15` (segment line 1)", severity: 'major', fix: '15', safe: false}
          ]
        },
        {
          source: '新增加的一个基地距离海岸1.2公里。',
          target: 'The newly added base is located 12 kilometers away from the coast.',
          findings: [
            {range: '1:33-1:35', actual: '12', message: "Unexpected number `12`, expected `1.2`: 10 times the source's `1.2公里` (segment line 1)", severity: 'major', fix: '1.2', safe: false}
          ]
        },
        {
          source: '新增加的一个基地距离海岸1.2公里。',
          target: 'The newly added base is located 120 meters away from the coast.',
          findings: [
            {range: '1:33-1:36', actual: '120', message: "Unexpected number `120`, expected `1,200`: 1/10 of the source's `1.2公里` (segment line 1)", severity: 'major', fix: '1,200', safe: false}
          ]
        },
        {
          source: 'Der Umsatz stieg um 1,5 Prozent.',
          target: 'Sales rose by 15 percent.',
          findings: [
            {range: '1:15-1:17', actual: '15', message: "Unexpected number `15`, expected `1.5`: 10 times the source's `1,5` (segment line 1)", severity: 'major', fix: '1.5', safe: false}
          ],
          sourceLang: 'de'
        },
        {
          source: 'Il y a 12 candidats.',
          target: 'There are 12 candidates in 24 cities.',
          findings: [
            {range: '1:28-1:30', actual: '24', message: "Unexpected number `24` that the source does not have, expected only the source's numbers (segment line 1)", severity: 'major'}
          ],
          sourceLang: 'fr'
        },
        {
          source: 'Die Wahl findet am 12.05.2023 statt.',
          target: 'The election takes place on May 13, 2023.',
          findings: [
            {range: '1:33-1:35', actual: '13', message: "Unexpected number `13`, expected the source's `12` (segment line 1)", severity: 'major', fix: '12', safe: false}
          ],
          sourceLang: 'de'
        },
        {
          source: '郑永刚于2023年2月10日去世。',
          target: 'Zheng Yonggang died on February 10, 2014.',
          findings: [
            {range: '1:37-1:41', actual: '2014', message: "Unexpected number `2014`, expected the source's `2023` (segment line 1)", severity: 'major', fix: '2023', safe: false}
          ]
        },
        {
          source: '比2021年的18.9亿新元增长6倍。',
          target: 'Up 6 times from 189 billion Singapore dollars in 2021.',
          findings: [
            {range: '1:17-1:28', actual: '189 billion', message: "Unexpected number `189 billion`, expected `1.89 billion`: 100 times the source's `18.9亿` (segment line 1)", severity: 'major', fix: '1.89 billion', safe: false}
          ]
        },
        {
          source: '预计2022年全年旅游收入可达138亿至143亿新元。',
          target: 'The annual tourism revenue in 2022 will reach 138 billion to 143 billion Singapore dollars.',
          findings: [
            {range: '1:47-1:58', actual: '138 billion', message: "Unexpected `138 billion`, `143 billion`, expected `13.8 billion`, `14.3 billion`: each 10 times the source's `138亿`, `143亿` (segment line 1)", severity: 'major', fix: '13.8 billion', safe: false}
          ]
        },
        {
          source: '公司合计增持人民币2009.26万元。',
          target: 'The company increased its holdings by RMB2.0926 million.',
          findings: [
            {range: '1:42-1:56', actual: '2.0926 million', message: "Unexpected number `2.0926 million`, expected the source's `2009.26万` (segment line 1)", severity: 'major', fix: '20.0926 million', safe: false}
          ]
        },
        {
          source: '2022年1月至9月，新加坡旅游收入共计89.6亿新元。',
          target: "From January to September 2022, Singapore's tourism revenue totaled 8,960 Singapore dollars.",
          findings: [
            {range: '1:69-1:74', actual: '8,960', message: "Unexpected number `8,960`, expected `8.96 billion`: 1/1,000,000 of the source's `89.6亿` (segment line 1)", severity: 'major', fix: '8.96 billion', safe: false}
          ]
        },
        {
          source: '其中，卫生填埋329.29万吨，焚烧209.23万吨，采取综合利用工艺处理8.01万吨。',
          target: 'Among them, 3.2929 million tons were landfilled, 2.0923 million tons were burned, and 801 million tons were treated by comprehensive utilization process.',
          findings: [
            {range: '1:87-1:98', actual: '801 million', message: "Unexpected number `801 million`, expected `80,100`: 10,000 times the source's `8.01万` (segment line 1)", severity: 'major', fix: '80,100', safe: false}
          ]
        },
        {
          source: '数据显示，截至2019年6月末，我国全口径（含本外币）外债余额为19980亿美元，较2019年3月末增长263亿美元，增幅1.3 % ， 主要源于债务证券余额增长。',
          target: "Figures show that as of the end of June 2019, China's full-caliber (including local and foreign currencies) external debt balance was US $199.8 billion, an increase of US $26.3 billion or 1.3% over the end of March 2019, mainly due to the increase in the balance of debt securities.",
          findings: [
            {range: '1:139-1:152', actual: '199.8 billion', message: "Unexpected number `199.8 billion`, expected `1.998 trillion`: 1/10 of the source's `19980亿` (segment line 1)", severity: 'major', fix: '1.998 trillion', safe: false}
          ]
        },
        {
          source: '去年9月18日，塞力斯公告称，公司刘文豪等七位计划增持的高管人员已累计增持公司股份39.43万股（占公司总股本的0.1922 % ） ，增持金额合计702.29万元，本次增持计划已实施完成。',
          target: "On September 18 last year, Seles announced that seven executives of the company, including Liu Wenhao, who planned to increase their holdings, had accumulated 394.3 million shares of the company (0.1922% of the company's total share capital), with a total increase of 7.029 million yuan. This increase has been implemented.",
          findings: [
            {range: '1:160-1:173', actual: '394.3 million', message: "Unexpected number `394.3 million`, expected `394,300`: 1,000 times the source's `39.43万` (segment line 1)", severity: 'major', fix: '394,300', safe: false},
            {range: '1:269-1:282', actual: '7.029 million', message: "Unexpected number `7.029 million`, expected the source's `702.29万` (segment line 1)", severity: 'major', fix: '7.0229 million', safe: false}
          ]
        },
        {
          source: '有行业人士表示，2021年末我国基金投资者超过7.2亿人，也就是说，全国有一半人都投资了基金产品。',
          target: 'Some people in the industry said that at the end of 2021, there were more than 7 fund investors in China. 200 million people, that is to say, half of the country has invested in fund products.',
          findings: [
            {range: '1:80-1:81', actual: '7', message: "Unexpected number `7`, expected the source's `7.2亿` (segment line 1)", severity: 'major'},
            {range: '1:107-1:118', actual: '200 million', message: "Unexpected number `200 million`, expected the source's `7.2亿` (segment line 1)", severity: 'major'}
          ]
        },
        {
          source: 'Mai mult, există în țară 1.685 de biblioteci, cu peste 23,5 milioane de volume, și 15 arhive.',
          target: 'Moreover, there are 1.685 libraries in the country, with over 21.5 million volumes, and 15 archives.',
          findings: [
            {range: '1:63-1:75', actual: '21.5 million', message: "Unexpected number `21.5 million`, expected the source's `23,5 milioane` (segment line 1)", severity: 'major', fix: '23.5 million', safe: false}
          ],
          sourceLang: 'ro'
        },
        {
          source: 'Numărul turiștilor a crescut de la 4,8 milioane în 2002, la 6,6 milioane în 2004.',
          target: 'The tourist numbers increased from 4,8 million in 2002 to 6,6 million in 2004.',
          findings: [
            {range: '1:36-1:47', actual: '4,8 million', message: "Unexpected `4,8 million`, `6,6 million`, expected `4.8 million`, `6.6 million`: each 10 times the source's `4,8 milioane`, `6,6 milioane` (segment line 1)", severity: 'major', fix: '4.8 million', safe: false}
          ],
          sourceLang: 'ro'
        }
      ],
      good: [
        {source: 'Der Umsatz stieg um 1,5 Prozent.', target: 'Sales rose by 1.5 percent.', sourceLang: 'de', why: 'decimal comma'},
        {source: '12 млрд рублей — выплаты сотрудникам и чиновникам МВД;', target: '12 billion roubles in payments to Interior Ministry employees and officials;', sourceLang: 'ru', why: 'a scale word of the source (MLQE-PE ru-en train 470)'},
        {
          source: 'Стоимость туров составляет 1,95 тысячи долларов (около 125 тысяч рублей) без учета стоимости авиабилетов у компании «Килиманджаро» и 107,5 тысячи рублей у «Миракл», включая стоимость билетов.',
          target: 'The cost of the tours is 1.95 thousand dollars (about 125,000 roubles), excluding the cost of air tickets from Kilimanjaro and 107,500 roubles from Miracle, including the cost of tickets.',
          sourceLang: 'ru',
          why: 'тысячи, тысяч: a scale word in its inflected forms (MLQE-PE ru-en train 3570)'
        },
        {
          source: 'Având o datorie externă de circa 20 de miliarde de dolari, guvernul a făcut la 1 iulie 1980 a recurs la o nouă majorare a prețurilor la carne.',
          target: 'With an external debt of around USD 20 billion, the government made a further rise in meat prices on 1 July 1980.',
          sourceLang: 'ro',
          why: 'Romanian "de" between a number and its scale (MLQE-PE ro-en train 35)'
        },
        {
          source: '2015. aastal oli Gaboni import hinnanguliselt 2,429 miljardit USD, 2014. aastal 3,089 miljardit USD.',
          target: 'In 2015, Gabon imports were estimated at USD 2.429 billion, at USD 3.089 billion in 2014.',
          sourceLang: 'et',
          why: 'Estonian writes a decimal comma (MLQE-PE et-en train 149)'
        },
        {
          source: '2015. aasta juuniks oli Maailma Terviseorganisatsiooni andmetel üle 27 000 haigestumisjuhu, millest üle 11 000 oli lõppenud surmaga.',
          target: 'By June 2015, according to the World Health Organisation, there were more than 27,000 cases of illness, of which more than 11,000 had died.',
          sourceLang: 'et',
          why: 'a space between groups of three digits is a thousands separator (MLQE-PE et-en test20 197)'
        },
        {
          source: '这些措施包括放宽对旅游业议会的拨款、资助6000名导游续牌报读课程、旅行代理商获豁免年费等。',
          target: 'These measures include relaxing the funding for the Travel Industry Council, subsidizing 6 000 tour guides to renew their licences to enroll in courses, waiving annual fees for travel agents, and so on.',
          why: 'in the target too (newstest2020 Huoshan, chinanews.com.102729:1651; raters marked 6 000 as fluency, not accuracy)'
        },
        {source: 'În secolul XIX cei mai mulți evrei erau in Imperiul Rus.', target: 'In the 19th century most Jews were in the Rus Empire.', sourceLang: 'ro', why: 'a Roman numeral of the source (MLQE-PE ro-en test21 774)'},
        {source: 'ИГ уничтожила в Ираке монастырь, основанный в VI веке', target: 'ISIS destroys 6th-century monastery in Iraq', sourceLang: 'ru', why: 'MLQE-PE ru-en train 1438'},
        {
          source: 'Nauru territoriaalmere laius on 12 meremiili ja pindala umbes 570 km ².',
          target: "The size of the pound's territorial sea is approximately 570 km ² of 12 nautical miles and surface areas.",
          sourceLang: 'et',
          why: 'a superscript is an exponent, no number (MLQE-PE et-en train 198, tokenized)'
        },
        {source: '人口达到2.5万人。', target: 'The population reached 25,000.', why: '万 is ten thousand'},
        {source: '投资1.2亿元，增长20%。', target: 'An investment of 120 million yuan, up 20 percent.'},
        {source: '预计可达1200万至1400万人次。', target: 'It is expected to reach 12 to 14 million visitors.', why: 'a range shares its scale'},
        {source: 'Die Wahl findet am 12.05.2023 statt.', target: 'The election takes place on May 12, 2023.', sourceLang: 'de', why: 'a date in the source’s format'},
        {source: 'Le 03.04.24 à Paris.', target: 'On 3 April 2024 in Paris.', sourceLang: 'fr'},
        {source: '上世纪80年代，新冠疫情', target: 'In the 1980s, the COVID-19 pandemic', why: 'decades, and numbers that belong to a name'},
        {source: 'The fund holds 2000000 dollars.', target: 'The fund holds 2 million dollars.'},
        {source: '2023年5月12日，三名工人获救。', target: 'On May 12, 2023, 3 workers were rescued.', why: 'month name and a Chinese numeral'},
        {source: '美军动用F-22战机。', target: 'The US military used an F-22 fighter.', why: "a name's number carries the source's number"},
        {source: '比前一年增加近半。', target: 'An increase of almost 50% over the previous year.', why: '半 is half'},
        {source: '去年收到92万份申请。', target: 'It received 920,000 applications in 2022.', why: 'a year written out for "last year"'},
        {source: '程女士9月19日早上7时感觉肚子疼，9时半后出发。', target: 'Ms. Cheng felt pains at 7:00 am on September 19 and left after 9:30 am.', why: 'the round minutes of a time'},
        {source: '9时半后，程女士收拾妥当，让丈夫开车从徐东的家中赶往医院。', target: "After 9: 30, Ms. Cheng packed up and let her husband drive from Xu Dong's home to the hospital.", why: 'a time with a spaced colon (newstest2020 MT) has its minutes too'},
        {source: '价格大概要一万六七千元。', target: 'The price is about 16,000 to 17,000 yuan.', why: 'a Chinese approximate range'},
        {source: '单这一条线路年送电就将达到600至850亿千瓦时。', target: 'This line alone will transmit 60 to 85 billion kWh a year.', why: 'a range shares its scale in the source too'},
        {source: '出席率达到八成，七成以上由非居民推动。', target: 'Attendance reached 80%, and more than 70 percent was driven by non-residents.', why: '成 is a tenth'},
        {source: '交通文明志愿者7万8千多名，销量为11万7015辆。', target: 'More than 78,000 volunteers; sales were 117,015 units.', why: 'digits and scales in one number'},
        {source: '央行将一年期贷款利率下调0.25个百分点。', target: 'The central bank cut the one-year lending rate by 25 basis points.', why: 'a basis point is a hundredth of a percentage point'},
        {source: '总奖金达到1116万美元，平均身高1.83米。', target: 'The prize money reaches USD11.16 million; their average height is 1.83m.', why: 'a currency code glued to its amount; m may be metres'},
        {source: '护航已逾10年，约50万起案件，新中国成立70年来。', target: 'For more than a decade, about five hundred thousand cases, over the past seven decades.', why: 'number words, decades'},
        {source: '伊朗已再一次违反伊核协议。', target: 'Iran has once again violated the 2015 nuclear deal.', why: 'a year added for clarity to a source without one'},
        {source: '央行开展了300亿元逆回购操作。', target: 'The central bank conducted 30 billion yuan (about 4.3 billion U.S. dollars) of reverse repos.', why: 'a converted amount in parentheses'},
        {source: '2019年冬春航季，机场预计开通116条航线。', target: 'This year, the airport is expected to open 116 routes.', why: 'a year written as "this year"'},
        {source: '国际原子能机构26日表示，伊朗违反协议。', target: 'The IAEA said Monday that Iran violated the deal.', why: 'a day written as its weekday'},
        {source: '包括1名助理主任，张欢等4位医生。', target: 'Including an assistant director, and Zhang Huan and three other doctors.', why: 'one is "an"; three others and Zhang are four'},
        {source: '张欢等4位医生和助产士。', target: 'Zhang Huan and other three doctors as well as a midwife.', why: 'other three, the other word order'},
        {source: '分别以25:19，25:16先下两城，211，985大学。', target: 'They won 25:19 and 25:16 (211, 985 universities).', why: 'a full-width comma separates list items'},
        {source: '票价分为10元、25元两档。', target: 'Fares: 1) 10 yuan; 2) 25 yuan.', why: 'list markers a translator adds'},
        {source: '如有垂询，可致电85993119与理工校友会联络。', target: 'For inquiries, please contact the Polytechnic Alumni Association at 8599 3119.', why: 'a telephone number in digit groups'},
        {source: '新增加的一个基地距离海岸1.2公里。', target: 'The newly added base is located 1,200 meters away from the coast.', why: 'a unit conversion: 1.2 km is 1,200 m (the units explain the factor of 1,000)'},
        {source: '身高1.8米的齐晓光，站在方队里格外显眼。', target: 'Qi Xiaoguang, at 180 cm tall, was particularly eye-catching in the formation.', why: 'a unit conversion: 1.8 m is 180 cm (newstest2020 Human-A writes 1.92米 as 1.92m, chinanews.com.102864:776)'},
        {source: '该机器人可承重3.5公斤。', target: 'The robot can carry 3,500 grams.', why: 'a unit conversion: 3.5 kg is 3,500 g'},
        {source: '高黎贡山隧道全长34.538千米，是我国铁路第一长隧。', target: "The Gaoligong Tunnel is 34,538 metres long and is the longest tunnel of China's railway.", why: 'a unit conversion (newstest2020 xinhua-zh-01.6596:818, whose reference writes 34.538 kilometers)'},
        {source: '天津周大福金融中心总建筑面积达0.39平方公里。', target: 'Tianjin Chow Tai Fook Financial Center covers an area of 390,000 square meters.', why: 'square units: 0.39 km² is 390,000 m²'},
        {source: 'Die Strecke ist 1,2 km lang und der Tunnel 850 m.', target: 'The route is 1,200 metres long and the tunnel 0.85 kilometres.', sourceLang: 'de', why: 'Latin unit abbreviations of a non-Chinese source, converted both ways'},
        {source: '青玉卧牛重量近80斤，北京时间27日。', target: 'The jade buffalo weighs nearly 40 kilograms, on the 27th (GMT+8).', why: '斤 is half a kilogram; a time zone is a name'}
      ]
    }
  },
  (segment, {sourceLang, report}) => {
    const {missing, extra} = numbersOf(segment, sourceLang)
    const groups = misreadings(extra, missing)
    const grouped = new Set(groups.flatMap((group) => group.pairs.flatMap((pair) => [pair.read, pair.source])))
    for (const {factor, pairs} of groups) {
      const [first, ...others] = pairs
      report({
        segment,
        start: first!.read.start,
        end: first!.read.end,
        message: `Unexpected ${quoted(pairs.map((pair) => pair.read.text))}, expected ${quoted(pairs.map((pair) => scaledWriting(pair.read, pair.source, factor)))}: each ${timesOf(factor)} the source's ${quoted(pairs.map((pair) => measuredWriting(pair.source)))}`,
        // The first place's value, where nothing else could be meant; never safe: the others are fixed one at a time, each lint after the last.
        expected: onlyEachOther(first!, extra, missing) ? [scaledWriting(first!.read, first!.source, factor)] : [],
        related: others.map(({read, source}) => ({
          segment,
          start: read.start,
          end: read.end,
          message: `\`${read.text}\` is ${timesOf(factor)} the source's \`${measuredWriting(source)}\` too, expected \`${scaledWriting(read, source, factor)}\``
        }))
      })
    }

    // What the groups explain is left out of the other findings' expected numbers.
    const left = missing.filter((mention) => !grouped.has(mention))
    const alone = extra.filter((mention) => !grouped.has(mention))
    // A number a power of ten off one source number that nothing else could be is its misreading; the source numbers left besides are the others' to explain.
    const misread = new Map<NumberMention, NumberMention>()
    for (const mention of alone) {
      const near = left.filter((source) => powerOfTenBetween(mention, source) !== undefined)
      if (near.length === 1 && onlyEachOther({read: mention, source: near[0]!}, alone, left)) misread.set(mention, near[0]!)
    }

    const explained = new Set(misread.values())
    const unexplained = left.filter((mention) => !explained.has(mention))
    // The one source number left is the fix of a target number only where no other target number (written otherwise) could be it: 7.2亿 split into `7` and `200 million` is neither's.
    const oneReading = new Set(alone.filter((mention) => !misread.has(mention)).map((mention) => mention.text)).size === 1
    for (const mention of alone) {
      const own = misread.get(mention)
      const candidates = own ? [own] : unexplained
      const partner = own ?? (candidates.length === 1 && oneReading ? candidates[0]! : undefined)
      const factor = partner ? powerOfTenBetween(mention, partner) : undefined
      report({
        segment,
        start: mention.start,
        end: mention.end,
        message:
          factor !== undefined
            ? `Unexpected number \`${mention.text}\`, expected \`${scaledWriting(mention, partner!, factor)}\`: ${timesOf(factor)} the source's \`${measuredWriting(partner!)}\``
            : candidates.length > 0
              ? `Unexpected number \`${mention.text}\`, expected the source's ${quoted(candidates.map(writingOf))}`
              : `Unexpected number \`${mention.text}\` that the source does not have, expected only the source's numbers`,
        expected: factor !== undefined ? [scaledWriting(mention, partner!, factor)] : partner ? [englishWriting(partner, mention)] : [],
        dimension: candidates.length > 0 ? 'Accuracy/Mistranslation' : 'Accuracy/Addition'
      })
    }
  }
)

const quoted = (texts: readonly string[]) => texts.map((text) => `\`${text}\``).join(', ')

/** Target numbers that each read a source number off by one power of ten (亿 read as billion: 10 times). */
interface Misreading {
  factor: number
  pairs: Array<{read: NumberMention; source: NumberMention}>
}

/**
 * The target numbers of a segment that share one misreading of the source's
 * scale: two or more that are each the same power of ten off a source number
 * (89.6亿 and 138亿 written 89.6 billion and 138 billion are one mistake, not
 * two). A number off by another factor is a cause of its own.
 */
function misreadings(extra: readonly NumberMention[], missing: readonly NumberMention[]): Misreading[] {
  const groups: Misreading[] = []
  let reads = [...extra]
  let sources = [...missing]
  for (;;) {
    const factors = new Set(reads.flatMap((read) => sources.map((source) => powerOfTenBetween(read, source)).filter((factor) => factor !== undefined)))
    let best: Misreading | undefined
    for (const factor of factors) {
      const pairs: Misreading['pairs'] = []
      const used = new Set<NumberMention>()
      for (const read of reads) {
        // In order: a segment lists its numbers in the source's order as a rule.
        const source = sources.find((candidate) => !used.has(candidate) && powerOfTenBetween(read, candidate) === factor)
        if (!source) continue
        used.add(source)
        pairs.push({read, source})
      }

      if (pairs.length > (best?.pairs.length ?? 1)) best = {factor, pairs}
    }

    if (!best) return groups
    groups.push(best)
    reads = reads.filter((read) => !best.pairs.some((pair) => pair.read === read))
    sources = sources.filter((source) => !best.pairs.some((pair) => pair.source === source))
  }
}

/**
 * A misreading's pair is unambiguous when every unmatched source number its
 * target number is a power of ten off gives it one value, and every unmatched
 * target number off from its source number is written alike: one source
 * number, one target misreading (a number the segment repeats, 1,2 MB and
 * 1,2 MB, is one).
 */
function onlyEachOther(pair: {read: NumberMention; source: NumberMention}, extra: readonly NumberMention[], missing: readonly NumberMention[]): boolean {
  const meant = new Set(
    missing.flatMap((source) => {
      const factor = powerOfTenBetween(pair.read, source)
      return factor === undefined ? [] : [scaledWriting(pair.read, source, factor)]
    })
  )
  const reads = new Set(extra.filter((read) => powerOfTenBetween(read, pair.source) !== undefined).map((read) => read.text))
  return meant.size === 1 && reads.size === 1
}

/**
 * The power of ten (never 1) nearest to 1 that takes a reading of `source` to
 * a reading of `read`. A scaled source number is measured from what it means
 * (8,960 for 89.6亿 is 1/1,000,000 of 8.96 billion, not 100 times 89.6).
 */
function powerOfTenBetween(read: NumberMention, source: NumberMention): number | undefined {
  let nearest: number | undefined
  for (const value of read.values) {
    for (const wanted of valuesOf(source, read)) {
      if (value === 0 || wanted === 0) continue
      const power = Math.round(Math.log10(value / wanted))
      if (power === 0 || !sameValue(value, wanted * 10 ** power)) continue
      if (nearest === undefined || Math.abs(power) < Math.abs(Math.log10(nearest))) nearest = 10 ** power
    }
  }

  return nearest
}

// The metric unit after each number of a segment's source and target (numbersOf reads them).
const units = new WeakMap<NumberMention, MetricUnit>()

/** Records the metric unit after `mention` (1.2公里, 180 cm), or after its glued letter (1.83m). */
function unitOf(mention: NumberMention, text: string, side: 'source' | 'target'): void {
  const glued = side === 'target' ? /[a-z]$/i.exec(mention.text) : null
  const unit = unitAfter(text, mention.end, side) ?? (glued ? unitAfter(text, mention.end - 1, side) : undefined)
  if (unit) units.set(mention, unit)
}

/** How many of `read`'s unit the source's one unit is, where both write a metric unit of one dimension (a kilometre read in metres: 1,000); else 1. */
function conversionBetween(read: NumberMention, source: NumberMention): number {
  const from = units.get(source)
  const to = units.get(read)
  return from && to && from.dimension === to.dimension ? from.size / to.size : 1
}

/** What a source number means in the unit of the target number `read`: 1.2公里 against 1,200 meters is 1,200. */
function valuesOf(source: NumberMention, read: NumberMention): number[] {
  const conversion = conversionBetween(read, source)
  return (source.meant ?? source.values).map((value) => value * conversion)
}

/** `10 times`, `1/100 of`: how far a read number is off its source. */
function timesOf(factor: number): string {
  return factor > 1 ? `${factor.toLocaleString('en-US')} times` : `1/${(1 / factor).toLocaleString('en-US')} of`
}

/** A source number as its text writes it, scale character included (89.6亿). */
const writingOf = (mention: NumberMention) => mention.written ?? mention.text

/** A source number with the metric unit it is measured in (1.2公里): what a misreading's factor is taken from. */
const measuredWriting = (mention: NumberMention) => writingOf(mention) + (units.get(mention)?.text ?? '')

/** The target's writing with its digits taken back by `factor`: `89.6 billion` at 10 times is `8.96 billion`, `8,960` at 1/1,000,000 `8.96 billion`. */
function scaledWriting(read: NumberMention, source: NumberMention, factor: number): string {
  const written = targetWriting.exec(read.text)
  // Another writing (24, 150 or 5.17,000): the source's value it misreads, in the target's words.
  if (!written) {
    const wanted = valuesOf(source, read).find((value) => read.values.some((other) => sameValue(other, value * factor)))
    return englishNumber(wanted!, read)
  }

  const scale = written[3] ? scales[written[3].toLowerCase()]! : 1
  return englishNumber((Number(written[1]!.replaceAll(',', '')) / factor) * scale, read)
}

// A target number as targetNumbers reads it: digits, and a scale word or letter after them (89.6 billion, 700m).
const targetWriting = new RegExp(`^(\\d[\\d,]*(?:\\.\\d+)?)([ \u00a0-]?)(${scaleWords})?$`, 'i')
const plainDigits = (value: number) => value.toLocaleString('en-US', {maximumFractionDigits: 6})

/**
 * `value` as the target would write it beside `like`: in `like`'s own scale
 * word where its digits stay between 1 and 1,000 (`476.5 billion`), else in
 * million, billion or trillion from a million up (`1.998 trillion`,
 * `8.96 billion` for a target that writes `8,960`), unless `like` writes
 * such numbers in full digits (`12,000,000`).
 */
function englishNumber(value: number, like: NumberMention): string {
  const written = targetWriting.exec(like.text)
  const word = written?.[3]
  if (word) {
    const digits = value / scales[word.toLowerCase()]!
    if (digits >= 1 && digits < 1000) return `${plainDigits(digits)}${written[2]}${word}`
  }

  const fullDigits = !word && Math.max(...like.values) >= 1e6
  const scale = [1e12, 1e9, 1e6].find((each) => value >= each)
  if (!scale || fullDigits) return plainDigits(value)
  return `${plainDigits(value / scale)} ${scale === 1e12 ? 'trillion' : scale === 1e9 ? 'billion' : 'million'}`
}

export interface SegmentNumbers {
  /** Source numbers with no equivalent in the target. */
  missing: NumberMention[]
  /** Target numbers the source does not allow. */
  extra: NumberMention[]
}

// number-mismatch and number-missing read the same analysis: once per segment.
const analysed = new WeakMap<object, {lang: string; numbers: SegmentNumbers}>()

/** The numbers of a segment's source without a counterpart in the target, and the target's numbers the source lacks. */
export function numbersOf(segment: Segment, sourceLang: string): SegmentNumbers {
  const lang = primaryOf(sourceLang)
  const known = analysed.get(segment)
  if (known?.lang === lang) return known.numbers
  const {source, target} = segment
  const required = sourceNumbers(source, lang)
  const found = targetNumbers(target)
  const words = targetWordValues(target)
  const regrouped = regroupedNumbers(required, source, found, target)
  const present = [...found.flatMap((mention) => mention.values), ...words, ...targetNameNumbers(target)]
  // One of something (1名主任, 1小时) is "an assistant director", "an hour" as often as "one": never required.
  const missing = required.filter(
    (mention) =>
      mention.kind !== 'marker' &&
      !regrouped.has(mention) &&
      !(mention.values.length === 1 && mention.values[0] === 1 && countWord.test(source.slice(mention.end))) &&
      !isRelativeInTarget(mention, target) &&
      !mention.values.some((value) => present.some((other) => sameValue(value, other)))
  )
  const cjk = lang === 'zh' || lang === 'ja'
  const allowed = [...required.flatMap((mention) => mention.values), ...(cjk ? cjkNumeralValues(source) : []), ...romanNumeralValues(source), ...sourceNameNumbers(source)]
  const extra = found.filter(
    (mention) =>
      !regrouped.has(mention) &&
      !mention.values.some((value) => allowed.some((other) => sameValue(value, other))) &&
      !isAside(mention, target, source) &&
      // A year added to a source without one, or a converted amount, clarifies while every source number is there; beside a missing one it replaces it.
      !(missing.length === 0 && ((isYear(mention) && !required.some(isYear)) || isConversionNote(mention, target)))
  )
  // A source number in one metric unit and a target number in another of its dimension are one quantity where the units' sizes explain the factor (1.2公里, 1,200 meters).
  const normalized = normalizedSource(source)
  for (const mention of required) unitOf(mention, normalized, 'source')
  for (const mention of found) unitOf(mention, target, 'target')
  const converted = new Set<NumberMention>()
  for (const read of extra) {
    const meant = missing.find((mention) => !converted.has(mention) && conversionBetween(read, mention) !== 1 && valuesOf(mention, read).some((value) => read.values.some((other) => sameValue(value, other))))
    if (!meant) continue
    converted.add(meant)
    converted.add(read)
  }

  const numbers = {missing: missing.filter((mention) => !converted.has(mention)), extra: extra.filter((mention) => !converted.has(mention))}
  analysed.set(segment, {lang, numbers})
  return numbers
}

/** The source's number as the English target writes it in place of `read`: `1,5` from German is `1.5`, `2.5万` is `25,000`, `2009.26万` for `2.0926 million` is `20.0926 million`. */
function englishWriting(mention: NumberMention, read: NumberMention): string {
  return /^\d+$/.test(writingOf(mention)) ? mention.text : englishNumber((mention.meant ?? mention.values).at(-1)!, read)
}

// Chinese measure words and units after a count (1名, 1家, 1小时).
const countWord = /^[个個名位家只件项項条條次天种種座所艘台辆輛部架起支批份张張场場小]/

/** A target number that is no number of the text: a list marker, a time's round minutes, a date or year the source says in a relative word. */
function isAside(mention: NumberMention, target: string, source: string): boolean {
  if (mention.kind === 'marker') return true
  if (mention.kind === 'minutes') {
    const minutes = mention.values[0]
    return minutes === 0 || (minutes === 30 && /半/.test(source)) || ((minutes === 15 || minutes === 45) && /刻/.test(source))
  }

  return isClarifiedYear(mention, source) || isClarifiedDay(mention, target, source)
}
