#!/usr/bin/env node
/**
 * Differential check: the block-by-block pipeline (`lintFile`) must report
 * exactly what the whole-document unified pipeline (`createProcessor`)
 * reports — same rule, place, sentence text and severity — on the generated
 * essays, on every Markdown file given as an argument, and on many random
 * documents built from awkward Markdown pieces (headings without stops,
 * wordless paragraphs, abbreviations at block ends, code and quotes between
 * paragraphs, lists, tables, footnotes, front matter, same-line blocks).
 *
 *   node bench/check-blocks.mjs [--random N] [file.md …]
 *   SYNTAX=text CITATIONS=1 node bench/check-blocks.mjs   (plain text; citation-needed messages too)
 *   PIECES=1 node bench/check-blocks.mjs                  (Markdown parsed in pieces at every safe cut)
 */
import fs from 'node:fs'
import {VFile} from 'vfile'
import {createProcessor, lintFile, loadRuleSet} from '../dist/src/index.js'
import {markdownPieceSettings} from '../dist/src/pipeline/processor.js'
import {generateEssay, random} from './essays.mjs'

const args = process.argv.slice(2)
let randomCount = 400
const files = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--random') randomCount = Number(args[++i])
  else files.push(args[i])
}

// CITATIONS=1 also checks the supported rules' citation-needed messages.
const options = {ruleSet: loadRuleSet(), citations: Boolean(process.env.CITATIONS)}
// PIECES=1 parses every Markdown document in pieces, cut at every safe point (pieces.ts).
if (process.env.PIECES) Object.assign(markdownPieceSettings, {piecewiseAbove: 0, pieceSize: 1})
// SYNTAX=text compares the plain-text pipelines instead (the same documents read as .txt).
const syntax = process.env.SYNTAX === 'text' ? 'text' : 'markdown'
const fileName = syntax === 'text' ? 'essay.txt' : 'essay.md'
const whole = createProcessor(syntax, options).freeze()

const summary = (file) =>
  file.messages
    .map((m) => JSON.stringify(process.env.LOOSE ? [m.ruleId, m.place?.end, m.actual?.trim(), m.fatal, m.url] : [m.ruleId, m.place, m.actual, m.fatal, m.url]))
    .sort()
    .join('\n')

async function compare(name, value) {
  const a = new VFile({value, path: fileName})
  await whole.run(whole.parse(a), a)
  const b = await lintFile(new VFile({value, path: fileName}), options)
  const left = summary(a)
  const right = summary(b)
  if (left !== right) {
    console.error(`DIFFERENT: ${name}\n--- whole document\n${left}\n--- block by block\n${right}\n--- text\n${value.slice(0, 2000)}`)
    return false
  }
  return a.messages.length
}

const pieces = [
  'Stalin ordered Kim Il Sung to invade the South.',
  'stalin ordered kim to invade the south',
  'South Korea started the war by attacking the North',
  '...',
  '…',
  '—',
  '* * *',
  '"',
  ')',
  '(1)',
  ', and then the Soviet Union stayed out of the war.',
  '1950. Stalin wanted a third world war.',
  'See Gen.',
  'As Mr.',
  'etc.',
  'Did Stalin order the invasion?',
  '"Stalin ordered the invasion," he wrote.',
  'The U.S. Stalin ordered the attack.',
  'Kim acted alone, without Moscow.',
  'Soviet pilots never flew over Korea.',
  'It was, in short — the South attacked first!',
  '`code` Stalin ordered Kim to attack.',
  '![Stalin ordered the invasion](x.png)',
  '[Stalin ordered the invasion](https://example.org)',
  '<https://example.org>',
  'Stalin ordered Kim to invade.[^1]',
  // Bare URLs and addresses (literal autolinks), whose words are never prose.
  'See www.example.org/stalin-ordered-kim-to-invade for more.',
  'Read https://example.org/the-south-attacked-first.',
  'Write to kim@example.org: Stalin ordered the invasion',
  // Words the parser joins across marks, and words split by markup.
  "The U.S.S.R. didn't take part in the Korean War.",
  'The Soviets didnt take part in the war.',
  'Sta**lin** ordered Kim to in*vade* the South.',
  "Stalin's order made Kim invade the South.",
  // References whose definitions may stand far away (the pieces of a long document).
  '[Stalin ordered the invasion][src], as the book says.',
  'Kim acted alone.[^far]'
]
const blocks = [
  (t) => t,
  (t) => `# ${t}`,
  (t) => `## ${t}`,
  (t) => `> ${t}`,
  (t) => `- ${t}\n- ${t}`,
  (t) => `1. ${t}`,
  (t) => '```\n' + t + '\n```',
  (t) => `| a | b |\n|---|---|\n| ${t} | x |`,
  (t) => `[^1]: ${t}`,
  (t) => `<div>${t}</div>`,
  (t) => `*${t}*`,
  (t) => `${t}  \n${t}`,
  () => '---',
  // Blocks that hold blank lines and lines starting with a letter (never cut inside).
  (t) => '```\n' + t + '\n\nLetter line\n```',
  (t) => `<!--\n${t}\n\nLetter line\n-->`,
  () => '[src]: https://example.org/source',
  () => '[^far]: A note far from its call.'
]
const separators = ['\n\n', '\n\n\n', '\n', '\n\n\n\n']

function randomDocument(next) {
  const pick = (list) => list[Math.floor(next() * list.length)]
  const parts = []
  if (next() < 0.3) parts.push('---\ntitle: x\n---')
  const n = 1 + Math.floor(next() * 8)
  for (let i = 0; i < n; i++) {
    const text = Array.from({length: 1 + Math.floor(next() * 3)}, () => pick(pieces)).join(pick([' ', '', '\n']))
    parts.push(pick(blocks)(text))
  }
  return parts.map((p, i) => (i === 0 ? p : pick(separators) + p)).join('') + pick(['', '\n', '\n\n'])
}

let ok = true
let documents = 0
let messages = 0
const tally = async (name, value) => {
  const result = await compare(name, value)
  documents++
  if (result === false) ok = false
  else messages += result
}
for (const words of [1000, 5000, 10000]) await tally(`generated ${words}`, generateEssay(words))
for (const file of files) await tally(file, fs.readFileSync(file, 'utf8'))
const next = random(Number(process.env.SEED ?? 6251950))
for (let i = 0; i < randomCount; i++) await tally(`random #${i}`, randomDocument(next))
console.log(`${ok ? 'same' : 'DIFFERENT'}: ${documents} documents, ${messages} messages`)
process.exitCode = ok ? 0 : 1

// Debug aid: MINIMIZE=1 shrinks the first differing random document.
if (process.env.MINIMIZE && !ok) {
  const next2 = random(6251950)
  for (let i = 0; i < randomCount; i++) {
    const doc = randomDocument(next2)
    if ((await compare('', doc).catch(() => false)) !== false) continue
    let parts = doc.split(/(?<=\n)(?=\n)/)
    let shrunk = true
    while (shrunk) {
      shrunk = false
      for (let j = 0; j < parts.length; j++) {
        const trial = parts.filter((_, k) => k !== j)
        if ((await compare('min', trial.join(''))) === false) { parts = trial; shrunk = true; break }
      }
    }
    console.log('MINIMAL:', JSON.stringify(parts.join('')))
    break
  }
}
