/**
 * Property-based fuzzing of the whole pipeline (lintText, Markdown and plain
 * text) on generated documents. See tests/fuzz-arbitraries.ts for what is
 * generated and how to run longer (FUZZ_RUNS).
 */
import fc from 'fast-check'
import type {Nodes as MdastNode} from 'mdast'
import type {Nodes as NlcstNode, Root as NlcstRoot} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describe, expect, it} from 'vitest'
import {lintText, loadRuleSet} from '../src/index.js'
import {normalizeWordText} from '../src/matching/normalize.js'
import {createProcessor, ignoredMarkdown, remarkDropUrlText, type Syntax} from '../src/pipeline/processor.js'
import {fuzzParameters, fuzzTimeout, markdownDocument, neutralBlock} from './fuzz-arbitraries.js'

const ruleSet = loadRuleSet()

// Claim sentences in our own words, each flagged by the current rules (checked in the test below).
const claims = [
  {text: 'Stalin ordered Kim Il Sung to invade the South.', rule: 'stalin-ordered-invasion'},
  {text: 'The South attacked the North first.', rule: 'south-attacked-first'},
  {text: 'Moscow played no part in the war.', rule: 'soviet-non-involvement'},
  {text: 'North Korea acted alone.', rule: 'north-acted-alone'}
]
const syntaxes: readonly {syntax: Syntax; path: string}[] = [
  {syntax: 'markdown', path: 'essay.md'},
  {syntax: 'text', path: 'essay.txt'}
]

/** Every message's place lies inside the document, with start ≤ end. */
function assertPlacesInside(messages: readonly VFileMessage[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/).length
  for (const message of messages) {
    const place = message.place
    expect(place && 'start' in place, `message ${message.ruleId} has a range`).toBe(true)
    if (!place || !('start' in place)) continue
    const {start, end} = place
    expect(start.offset).toBeGreaterThanOrEqual(0)
    expect(end.offset).toBeLessThanOrEqual(text.length)
    expect(start.offset ?? 0).toBeLessThanOrEqual(end.offset ?? 0)
    for (const point of [start, end]) {
      expect(point.line).toBeGreaterThanOrEqual(1)
      expect(point.line).toBeLessThanOrEqual(lines)
      expect(point.column).toBeGreaterThanOrEqual(1)
    }
  }
}

const summary = (messages: readonly VFileMessage[]) => messages.map((m) => ({ruleId: m.ruleId, place: m.place, reason: m.reason, fatal: m.fatal}))

describe('fuzzing the pipeline on generated documents', () => {
  for (const {syntax, path} of syntaxes) {
    it(`${syntax}: never throws, keeps every position inside the document, and is deterministic`, fuzzTimeout, async () => {
      await fc.assert(
        fc.asyncProperty(markdownDocument, async (text) => {
          const first = await lintText(text, {ruleSet, path})
          assertPlacesInside(first.messages, text)
          const second = await lintText(text, {ruleSet, path})
          expect(summary(second.messages)).toEqual(summary(first.messages))
        }),
        fuzzParameters
      )
    })
  }


  it('the claim sentences used below are flagged on their own', async () => {
    for (const {text, rule} of claims) {
      for (const {path} of syntaxes) expect((await lintText(text, {ruleSet, path})).messages.map((m) => m.ruleId)).toEqual([rule])
    }
  })

  it('found by fuzzing: a setext heading after link definitions (the stock bridge threw "Invalid count value: -1")', async () => {
    const text = '[ref]: https://example.org "a"\n[ref]: https://example.org "b"\nStalin ordered Kim Il Sung to invade the South\n===\nThe winter was long.'
    const file = await lintText(text, {ruleSet, path: 'essay.md'})
    expect(file.messages.map((m) => m.ruleId)).toEqual(['stalin-ordered-invasion'])
    assertPlacesInside(file.messages, text)
  })

  it('found by fuzzing: a leading BOM is dropped, so positions count from the first character', async () => {
    const text = '\uFEFF river.\n\n' + 'Stalin ordered Kim Il Sung to invade the South.'
    const file = await lintText(text, {ruleSet, path: 'essay.md'})
    const place = file.messages[0]?.place
    expect(String(file.value).startsWith('\uFEFF')).toBe(false)
    expect(place && 'start' in place ? String(file.value).slice(place.start.offset, place.end.offset) : '').toBe('Stalin ordered Kim Il Sung to invade the South.')
    expect(place && 'start' in place ? [place.start.line, place.start.column] : []).toEqual([3, 1])
  })

  for (const {syntax, path} of syntaxes) {
    it(`${syntax}: a claim keeps its flag when unrelated paragraphs are added around it`, fuzzTimeout, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...claims),
          fc.array(neutralBlock, {maxLength: 4}),
          fc.array(neutralBlock, {maxLength: 4}),
          fc.constantFrom('\n\n', '\r\n\r\n', '\n \n'),
          async (claim, before, after, gap) => {
            const prefix = before.map((b) => b + gap).join('')
            const text = prefix + claim.text + after.map((b) => gap + b).join('')
            const file = await lintText(text, {ruleSet, path})
            const at = prefix.length
            const covering = file.messages.filter((m) => {
              const place = m.place
              return m.ruleId === claim.rule && place && 'start' in place && (place.start.offset ?? -1) <= at && (place.end.offset ?? -1) >= at + claim.text.length
            })
            expect(covering, JSON.stringify(text)).toHaveLength(1)
          }
        ),
        fuzzParameters
      )
    })
  }
})
