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
import remarkParseLinear, {chunkAboveBytes} from '../src/pipeline/parse-markdown.js'
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

  it('found by fuzzing: a leading BOM no longer shifts Markdown positions one character early', async () => {
    const text = '\uFEFF river.\n\n' + 'Stalin ordered Kim Il Sung to invade the South.'
    const place = (await lintText(text, {ruleSet, path: 'essay.md'})).messages[0]?.place
    expect(place && 'start' in place ? text.slice(place.start.offset, place.end.offset) : '').toBe('Stalin ordered Kim Il Sung to invade the South.')
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

/**
 * The bridge in src/pipeline/to-nlcst.ts replaces remark-retext and
 * retext-english (which crash or go quadratic on large input). On ordinary
 * documents it must find the same sentences, with the same words, and histlint
 * the same claims.
 */
describe('the linear bridge agrees with remark-retext and retext-english', () => {
  const reference = {
    markdown: unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).use(remarkDropUrlText).use(remarkRetext, ParseEnglish as never, {ignore: ignoredMarkdown}),
    text: unified().use(retextEnglish)
  }

  /**
   * The words of each sentence that has any, normalised as the matcher sees
   * them. Read from the text, not the positions: in some odd nestings the
   * stock bridge leaves nodes without a position (ours never does).
   */
  function sentenceWords(tree: NlcstRoot): string[] {
    const out: string[] = []
    const stack: NlcstNode[] = [tree]
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.type === 'SentenceNode') {
        const words = node.children.filter((child) => child.type === 'WordNode').flatMap((word) => normalizeWordText(toString(word)).map((w) => w.lower))
        if (words.length > 0) out.push(words.join(' '))
      } else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as NlcstNode)
    }
    return out
  }

  for (const {syntax, path} of syntaxes) {
    it(`${syntax}: the same sentences, word for word, on generated documents`, fuzzTimeout, async () => {
      const ours = createProcessor(syntax, {ruleSet})
      await fc.assert(
        fc.asyncProperty(markdownDocument, async (text) => {
          const theirs = reference[syntax]
          const theirFile = new VFile({value: text, path})
          const ourFile = new VFile({value: text, path})
          const ourTree = (await ours.run(ours.parse(ourFile), ourFile)) as NlcstRoot
          let theirTree: NlcstRoot
          try {
            theirTree = (await theirs.run(theirs.parse(theirFile), theirFile)) as unknown as NlcstRoot
          } catch {
            // The stock bridge crashes on some inputs (a setext heading after
            // link definitions starts "before" them: `'\n'.repeat(-1)`); ours
            // must not, and did not above. Nothing to compare against.
            return
          }
          expect(sentenceWords(ourTree)).toEqual(sentenceWords(theirTree))
        }),
        fuzzParameters
      )
    })
  }

  it('markdown: a long document parsed in pieces has the same text, at the same places, as one parsed whole', fuzzTimeout, async () => {
    const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)
    const inPieces = unified().use(remarkParseLinear).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)
    /** Every text and inline-code node with its offsets: what the English bridge reads. */
    const texts = (tree: MdastNode): string[] => {
      const out: string[] = []
      const stack: MdastNode[] = [tree]
      for (let node = stack.pop(); node; node = stack.pop()) {
        if ('value' in node) out.push(`${node.position?.start.offset}-${node.position?.end.offset}:${node.value}`)
        if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as MdastNode)
      }
      return out
    }
    await fc.assert(
      fc.property(fc.array(fc.oneof(neutralBlock, fc.constantFrom(...claims.map((c) => c.text))), {minLength: 8, maxLength: 30}), fc.boolean(), (blocks, bom) => {
        // Repeat the blocks past the size where parse-markdown.ts starts cutting pieces.
        let text = bom ? '\uFEFF' : ''
        while (text.length <= chunkAboveBytes + 20_000) text += blocks.join('\n\n') + '\n\n'
        const expected = texts(whole.parse(text.slice(bom ? 1 : 0)))
        // remark-parse counts offsets without the BOM; ours counts them in the file.
        const shifted = bom ? expected.map((t) => t.replace(/^(\d+)-(\d+)/, (_, a: string, b: string) => `${Number(a) + 1}-${Number(b) + 1}`)) : expected
        expect(texts(inPieces.parse(text))).toEqual(shifted)
      }),
      {...fuzzParameters, numRuns: Math.max(3, Math.ceil(fuzzParameters.numRuns / 20))}
    )
  })
})

