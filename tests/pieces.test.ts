/**
 * Long Markdown documents are parsed in pieces (src/pipeline/pieces.ts),
 * because micromark is quadratic in the lists, quotes and footnote
 * definitions a document holds. The pieces must give exactly what one parse
 * of the whole document gives: these tests force a cut at every safe place
 * and compare the messages with the whole-document pipeline.
 */
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createProcessor, lintFile, loadRuleSet} from '../src/index.js'
import type {Root as MdastRoot} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parseIntoPieces} from '../src/pipeline/pieces.js'
import {markdownPieceSettings} from '../src/pipeline/processor.js'
import {fuzzParameters, fuzzTimeout, markdownDocument} from './fuzz-arbitraries.js'

const options = {ruleSet: loadRuleSet(), citations: true}
const whole = createProcessor('markdown', options).freeze()

const seen = (file: VFile): string[] => file.messages.map((m) => JSON.stringify([m.ruleId, m.place, m.actual, m.fatal])).sort()

async function wholeDocument(value: string): Promise<string[]> {
  const file = new VFile({value, path: 'essay.md'})
  await whole.run(whole.parse(file), file)
  return seen(file)
}

async function inPieces(value: string): Promise<string[]> {
  return seen(await lintFile(new VFile({value, path: 'essay.md'}), options))
}

const saved = {...markdownPieceSettings}
beforeAll(() => Object.assign(markdownPieceSettings, {piecewiseAbove: 0, pieceSize: 1}))
afterAll(() => Object.assign(markdownPieceSettings, saved))

describe('where a long document is cut', () => {
  const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()
  const parse = (value: string): MdastRoot => markdown.parse(value)
  const cuts = (value: string): string[] => parseIntoPieces(value, 1, parse).pieces.map((piece) => piece.text)

  it('at a blank line before a line that starts with a letter, and only there', () => {
    expect(cuts('One.\n\nTwo.\n- a list\n\n- item\n\n3. three\n\nFour.\n')).toEqual(['One.\n\n', 'Two.\n- a list\n\n- item\n\n3. three\n\n', 'Four.\n'])
  })

  it('never inside fenced code, raw HTML blocks or front matter, whatever they hold', () => {
    const value = '---\ntitle: x\n\nStalin: y\n---\n\n```\ncode\n\nLetter line\n```\n\n<!--\nnote\n\nLetter line\n-->\n\nAfter.\n'
    expect(cuts(value)).toEqual(['---\ntitle: x\n\nStalin: y\n---\n\n```\ncode\n\nLetter line\n```\n\n<!--\nnote\n\nLetter line\n-->\n\n', 'After.\n'])
  })

  it('not where what looks like a fence belongs to an HTML block (micromark decides what is open)', () => {
    const value = '<div>x</div>\n```\n\nLetter line\n```\n\nEnd.\n'
    expect(cuts(value)).toEqual(['<div>x</div>\n```\n\n', 'Letter line\n```\n\nEnd.\n'])
  })

  it('nowhere after a fence that never closes', () => {
    expect(cuts('Intro.\n\nText.\n\n```\ncode\n\nLetter line\n\nMore.\n')).toEqual(['Intro.\n\n', 'Text.\n\n```\ncode\n\nLetter line\n\nMore.\n'])
  })

  it('keeps the positions of the whole document', () => {
    const value = 'Intro paragraph.\n\n- a list\n\nStalin ordered Kim to invade the South.\n'
    const {pieces} = parseIntoPieces(value, 1, parse)
    expect(pieces.map(({offset, line}) => [offset, line])).toEqual([
      [0, 1],
      [28, 5]
    ])
  })
})

describe('a document parsed in pieces reports what the whole document reports', () => {
  const documents = {
    'references to definitions in other pieces': '[Stalin ordered the invasion][src], the book says.\n\nKim acted alone, without Moscow.[^far]\n\n[src]: https://example.org\n\n[^far]: Soviet pilots never flew over Korea.\n',
    'a "definition" inside a paragraph defines nothing': 'Stalin ordered Kim to invade the South.\n[src]: https://example.org\n\nSee [the source][src].\n',
    'lists, quotes and code between the cuts': 'Stalin wanted a third world war.\n\n> Stalin ordered the attack.\n\n- Kim acted alone, without Moscow.\n\n```\nStalin ordered it.\n\nLetter\n```\n\nThe Soviet Union stayed out of the war.\n'
  }
  for (const [name, value] of Object.entries(documents)) {
    it(name, async () => {
      const expected = await wholeDocument(value)
      expect(expected.length).toBeGreaterThan(0)
      expect(await inPieces(value)).toEqual(expected)
    })
  }

  it('on generated documents', fuzzTimeout, async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, async (value) => {
        expect(await inPieces(value)).toEqual(await wholeDocument(value))
      }),
      fuzzParameters
    )
  })
})
