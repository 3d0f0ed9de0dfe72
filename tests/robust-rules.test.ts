/**
 * Safe rules: a rule file is data. Its patterns are plain words compiled by
 * src/matching/pattern.ts, never regular expressions or code, and a malformed
 * rule file is a RuleFileError naming the file and the field.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lintText} from '../src/index.js'
import {loadRuleSet, RuleFileError} from '../src/rules/load.js'
import {msPerCall} from './robust-scaling.js'

let packs: string
const documentId = (JSON.parse(fs.readFileSync(path.resolve('rules/documents.json'), 'utf8')) as {id: string}[])[0]?.id as string

beforeAll(() => {
  packs = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-rules-'))
})
afterAll(() => fs.rmSync(packs, {recursive: true, force: true}))

let packCount = 0
/** A rule pack with one rule file; returns its folder. */
function pack(id: string, body: string): string {
  const dir = path.join(packs, `pack${packCount++}`)
  fs.mkdirSync(dir)
  fs.writeFileSync(path.join(dir, `${id}.yml`), `id: ${id}\nverdict: contradicted\nclaim: A test claim.\nshows: Something else.\ndocuments: [${documentId}]\n${body}`)
  return dir
}

const flagged = async (dir: string, text: string): Promise<string[]> =>
  (await lintText(text, {ruleSet: loadRuleSet({packs: [dir]}), path: 'essay.md'})).messages.map((m) => m.ruleId ?? '').filter((id) => id === 'injected')

describe('a rule file cannot inject a regular expression or code', () => {
  it('regular-expression metacharacters are matched literally, never as a regex', async () => {
    const dir = pack('injected', 'patterns:\n  - "river .* ocean"\n  - "river \\\\w+ ocean"\n  - "^river$"\n  - "river [a-z]+ ocean"\n')
    // As regexes these would match; as words they name tokens no essay contains.
    expect(await flagged(dir, 'The river met the ocean.')).toEqual([])
    expect(await flagged(dir, 'The river flowed to the ocean.')).toEqual([])
    expect(await flagged(dir, 'river')).toEqual([])
  })

  it('a catastrophic-backtracking regex is refused as a malformed group', () => {
    const dir = pack('backtrack', 'patterns:\n  - "(a+)+$"\n')
    expect(() => loadRuleSet({packs: [dir]})).toThrow(new RuleFileError(path.join(dir, 'backtrack.yml'), 'patterns[0]', 'malformed group "(a+)+$" in "(a+)+$"'))
  })

  it('code in a pattern is a word or a malformed group, and is never run', async () => {
    const marker = path.join(packs, 'ran')
    const literal = pack('injected', "patterns:\n  - '${process.exit(3)} river'\n")
    expect(await flagged(literal, 'The river was cold.')).toEqual([])
    const call = pack('called', `patterns:\n  - 'river require("child_process").execSync("touch ${marker}")'\n`)
    expect(() => loadRuleSet({packs: [call]})).toThrow(/called\.yml: patterns\[0\]: malformed group/)
    expect(fs.existsSync(marker)).toBe(false)
  })

  it('YAML tags that construct code or objects are not honoured', () => {
    const dir = pack('tagged', 'patterns:\n  - !!js/function "function () { return 1 }"\n')
    expect(() => loadRuleSet({packs: [dir]})).toThrow(RuleFileError)
  })
})

describe('a malformed rule file is a RuleFileError naming the file and the field', () => {
  const cases: {name: string; id: string; body: string; field: string; reason: RegExp}[] = [
    {name: 'no patterns', id: 'no-patterns', body: '', field: 'patterns', reason: /expected a non-empty list of patterns, got nothing/},
    {name: 'patterns not a list', id: 'scalar-patterns', body: 'patterns: river\n', field: 'patterns', reason: /expected a non-empty list of patterns/},
    {name: 'an unclosed group', id: 'unclosed', body: 'patterns:\n  - "(river ocean"\n', field: 'patterns[0]', reason: /unclosed "\("/},
    {name: 'an unbounded gap', id: 'wide-gap', body: 'patterns:\n  - "river ...99 ocean"\n', field: 'patterns[0]', reason: /must allow 1 to 12 words/},
    {name: 'an unknown term', id: 'unknown-term', body: 'patterns:\n  - "@nobody river"\n', field: 'patterns[0]', reason: /unknown term "@nobody"/},
    {name: 'an unknown field', id: 'unknown-field', body: 'patterns: [river]\nregex: ".*"\n', field: 'regex', reason: /unknown field/},
    {name: 'a bad severity', id: 'bad-severity', body: 'patterns: [river]\nseverity: fatal\n', field: 'severity', reason: /expected error \| warning \| info/}
  ]
  for (const {name, id, body, field, reason} of cases) {
    it(name, () => {
      const dir = pack(id, body)
      let error: unknown
      try {
        loadRuleSet({packs: [dir]})
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(RuleFileError)
      expect((error as RuleFileError).file).toBe(path.join(dir, `${id}.yml`))
      expect((error as RuleFileError).field).toBe(field)
      expect((error as RuleFileError).message).toMatch(reason)
    })
  }
})

/**
 * Gaps are bounded, but without memory matchAt would backtrack through every
 * way of placing them (13^k paths for k gaps). It remembers failed
 * (step, position) states, so the search is linear in the gaps.
 */
describe('no exponential backtracking in the matcher', () => {
  it('matching time grows at most linearly with the gaps in a pattern (3 against 6 gaps, ≤ 20×)', {timeout: 120_000}, async () => {
    const rulesFor = new Map<number, ReturnType<typeof loadRuleSet>>()
    const ruleSetWithGaps = (gaps: number) => {
      let set = rulesFor.get(gaps)
      if (!set) {
        const words = Array.from({length: gaps}, () => 'river').join(' ...12 ')
        rulesFor.set(gaps, (set = loadRuleSet({packs: [pack(`gaps-${gaps}`, `patterns:\n  - "${words} ...12 ocean"\n`)]})))
      }
      return set
    }
    // "ocean" is there, so no pre-filter passes over the pattern, but after a
    // clause break no gap reaches it: the matcher must try the placements and fail.
    const sentence = 'river '.repeat(48) + '; ocean.'
    const timeWith = (gaps: number) => msPerCall(() => lintText(sentence, {ruleSet: ruleSetWithGaps(gaps), path: 'essay.md'}))
    // Warm-up, which also loads both rule sets outside the timing.
    await timeWith(3)
    await timeWith(6)
    const ratio = (await timeWith(6)) / (await timeWith(3))
    console.log(`3 gaps against 6 gaps: ratio ${ratio.toFixed(1)}`)
    expect(ratio).toBeLessThanOrEqual(20)
  })
})
