/**
 * Synthetic history essays for the benchmark: realistic Markdown (front
 * matter, headings, paragraphs, blockquotes, lists, emphasis, links, inline
 * code, footnotes) about the Korean War, with a share of claim sentences that
 * histlint flags. Every sentence template is written for the benchmark; the
 * generator is seeded, so each size is the same text on every run.
 */

/** A small seeded PRNG (mulberry32): the same seed gives the same essay. */
export function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const fills = {
  actor: ['Stalin', 'Kim Il Sung', 'Mao', 'Truman', 'Syngman Rhee', 'Acheson', 'MacArthur', 'Zhou Enlai', 'Shtykov', 'Peng Dehuai'],
  place: ['Seoul', 'Pyongyang', 'the Pusan perimeter', 'the Yalu', 'Inchon', 'Kaesong', 'the Ongjin peninsula', 'Panmunjom', 'Wonsan', 'the Chosin reservoir'],
  month: ['January', 'March', 'April', 'May', 'June', 'July', 'September', 'October', 'November', 'December'],
  year: ['1948', '1949', '1950', '1951', '1952', '1953'],
  historian: ['Kathryn Weathersby', 'Bruce Cumings', 'William Stueck', 'Sergei Goncharov', 'Chen Jian', 'Shen Zhihua', 'Allan Millett', 'John Lewis Gaddis'],
  topic: ['the division of the peninsula', 'the border clashes', 'the occupation years', 'land reform', 'the refugee columns', 'the prisoner question', 'the armistice talks', 'the air war', 'the Chinese intervention', 'the home front'],
  adjective: ['careful', 'bitter', 'long', 'uneasy', 'decisive', 'confused', 'patient', 'costly', 'narrow', 'stubborn'],
  noun: ['memorandum', 'telegram', 'report', 'diary entry', 'briefing', 'radio broadcast', 'cable', 'minute of a meeting', 'letter', 'field order'],
  group: ['the peasants', 'the students', 'the junior officers', 'the diplomats', 'the refugees', 'the newspaper editors', 'the missionaries', 'the factory workers']
}

// Ordinary essay prose: narrative, historiography, transitions.
const prose = [
  'In {month} {year}, {actor} received a {noun} that described {topic} in some detail.',
  'The {adjective} debate over {topic} shaped how {group} remembered the war.',
  '{historian} argues that {topic} mattered more than most textbooks admit.',
  'For {group}, the months around {place} were a time of {adjective} waiting.',
  'A {noun} from {month} {year} shows how little anyone in {place} knew about the plans of the other side.',
  'We should not read the later crisis back into {topic}, as {historian} reminds us.',
  'The fighting near {place} was {adjective}, and the casualty lists grew every week.',
  'By the end of {year} the front had settled, and {topic} dominated the conversations of {group}.',
  'It is worth asking what {actor} actually knew, and when.',
  'The sources for {topic} are uneven: some are rich, others are a single {noun}.',
  '{actor} spoke of {topic} only in passing, which has puzzled historians ever since.',
  'Older accounts relied on memoirs; newer ones can quote the {noun} itself.',
  'Those who lived near {place} describe the summer of {year} as {adjective} and hungry.',
  'None of this makes the decisions of {year} easy to explain.',
  'The evidence from {place} is fragmentary, but it points in one direction.',
  'According to {historian}, the {noun} was read in {place} within two days.',
  'Students often assume that {topic} was settled quickly; it was not.',
  'Here the essay turns from {topic} to the question of responsibility.'
]

// Claim sentences histlint is built to flag (a share of every essay).
const claims = [
  'Stalin ordered Kim Il Sung to invade the South in the early summer of 1950.',
  'South Korea started the fighting by attacking across the parallel.',
  'The Soviet Union stayed completely out of the fighting in Korea.',
  'Kim Il Sung launched the invasion on his own, without telling Moscow.',
  'Stalin wanted the Korean fighting to become a third world war.',
  'From 1951 onwards Stalin pressed hard for an early armistice.',
  'Soviet fighters protected the Chinese armies from the very start of their intervention.',
  'The northern offensive of June was only a counter-attack against the South.'
]

// Sentences that name the actors and trigger words without making the claim.
const nearClaims = [
  'Kim Il Sung asked Stalin many times before Moscow agreed to his plan.',
  'Pyongyang radio claimed that the South had attacked first, which the observers did not confirm.',
  'Historians who say that Stalin ordered the invasion have misread the telegrams.',
  'Did Stalin want a wider war? The documents suggest he feared one.',
  'Soviet advisers in Pyongyang reported every week to Moscow.',
  'Mao agreed to the plan only after Kim had visited Moscow in the spring.'
]

const quotes = [
  'The comrades asked us to be ready, and we answered that we were.',
  'Nobody in the village knew where the front was, only that it was coming closer.',
  'We were told the war would be over by the harvest.',
  'The telegram arrived at night, and by morning the whole staff had read it.'
]

const headings = ['Background', 'The road to June', 'Moscow and Pyongyang', 'The view from Seoul', 'Intervention', 'Stalemate', 'Talks', 'Memory and sources', 'Conclusion']

function fill(template, next) {
  return template.replace(/\{(\w+)\}/g, (_, key) => {
    const list = fills[key]
    return list[Math.floor(next() * list.length)]
  })
}

const countWords = (text) => text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length

/**
 * An essay of about `words` words (never fewer). `claimShare` is the share of
 * sentences that make a flagged claim; another similar share mentions the
 * same actors without making it.
 */
export function generateEssay(words, {seed = 1950, claimShare = 0.05} = {}) {
  const next = random(seed + words)
  const pick = (list) => list[Math.floor(next() * list.length)]
  const parts = [`---\ntitle: Essay ${words}\ncourse: HIST 214\n---\n`, '# Origins and course of the Korean War\n']
  const footnotes = []
  let count = countWords(parts.join('\n'))
  let section = 0
  const sentence = () => {
    const roll = next()
    if (roll < claimShare) return pick(claims)
    if (roll < claimShare * 2) return pick(nearClaims)
    return fill(pick(prose), next)
  }
  while (count < words) {
    if (section % 4 === 0 || next() < 0.08) parts.push(`## ${headings[section % headings.length]}${section >= headings.length ? ` (${Math.floor(section / headings.length) + 1})` : ''}\n`)
    section++
    const paragraphs = 2 + Math.floor(next() * 3)
    for (let p = 0; p < paragraphs && count < words; p++) {
      const kind = next()
      let block
      if (kind < 0.08) {
        block = `> ${pick(quotes)}\n> ${fill(pick(prose), next)}\n`
      } else if (kind < 0.14) {
        block = Array.from({length: 3}, () => `- ${sentence()}`).join('\n') + '\n'
      } else {
        const sentences = Array.from({length: 4 + Math.floor(next() * 5)}, sentence)
        if (next() < 0.3) sentences[1] = `*${sentences[1]}*`
        if (next() < 0.15) sentences.push(`See the \`${pick(['week-4', 'reader-2', 'map-7'])}\` handout and [the course page](https://example.edu/hist214).`)
        if (next() < 0.4) {
          const n = footnotes.length + 1
          sentences[sentences.length - 1] += `[^${n}]`
          footnotes.push(`[^${n}]: ${fill('On {topic}, see the reading list for week ' + (1 + (n % 12)) + ', and {historian}.', next)}`)
          count += countWords(footnotes[footnotes.length - 1])
        }
        block = wrap(sentences.join(' ')) + '\n'
      }
      parts.push(block)
      count += countWords(block)
    }
  }
  if (footnotes.length > 0) parts.push(footnotes.join('\n') + '\n')
  return parts.join('\n')
}

/** Hard-wrap prose at about 78 columns, as many editors do. */
function wrap(text) {
  const lines = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 78) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

export {countWords}
