import fs from 'node:fs'
import fc from 'fast-check'
import type {Root as MdastRoot} from 'mdast'
import type {Nodes, Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {createProcessor, lintFile, loadRuleSet} from '../src/index.js'
import {forEachBlock} from '../src/pipeline/blocks.js'
import {defaultChunkLimits, forEachChunk, textChunkLimits, type ChunkLimits, type NlcstParser} from '../src/pipeline/chunks.js'
import {plainTextTokens} from '../src/pipeline/positions.js'
import {fuzzParameters, fuzzTimeout, markdownDocument} from './fuzz-arbitraries.js'

const options = {ruleSet: loadRuleSet()}
const whole = createProcessor('markdown', options).freeze()

/** What a user sees of each message: rule, place, sentence, severity. */
function seen(file: VFile): string[] {
  return file.messages.map((m) => JSON.stringify([m.ruleId, m.place, m.actual, m.fatal]))
}

async function wholeDocument(value: string): Promise<string[]> {
  const file = new VFile({value, path: 'essay.md'})
  await whole.run(whole.parse(file), file)
  file.messages.sort((a, b) => JSON.stringify(a.place).localeCompare(JSON.stringify(b.place)))
  return seen(file)
}

async function blockByBlock(value: string): Promise<string[]> {
  const file = await lintFile(new VFile({value, path: 'essay.md'}), options)
  file.messages.sort((a, b) => JSON.stringify(a.place).localeCompare(JSON.stringify(b.place)))
  return seen(file)
}

// Documents where a block's sentences depend on its neighbours in the parser:
// wordless sentences, unfinished headings, abbreviations at a block's end,
// lower-case starts, quotes and code between paragraphs, same-line blocks.
const documents = {
  'plain paragraphs': 'Stalin ordered Kim Il Sung to invade the South.\n\nThe Soviet Union stayed completely out of the war.\n',
  'front matter and headings without stops': '---\ntitle: x\n---\n\n# Moscow\n\n## Origins\nStalin wanted a third world war.\n',
  'a wordless paragraph before a claim': 'Kim asked many times.\n\n...\n\nStalin ordered Kim to invade the South.\n',
  'a wordless tail after a claim': 'Stalin wanted a third world war.\n\u2014\n\n- \u2014\n- Stalin wanted a third world war.\n\u2014\n',
  'a lower-case start after a dropped link': 'Kim acted alone, without Moscow.\n<https://example.org>\n\n# <https://example.org> stalin ordered kim to invade the south 1950. Stalin wanted a third world war.\n',
  'an abbreviation ending a block': 'See Gen.\n\nSouth Korea started the war by attacking the North.\n\nAs Mr.\n',
  'quotes and code between paragraphs': '## Origins\n\n> Stalin ordered the attack.\n\n```\ncode\n```\n\nStalin ordered Kim to invade.\n',
  'lists, tables and footnotes': '- Stalin ordered Kim to invade.[^1]\n- Kim acted alone, without Moscow.\n\n| a | b |\n|---|---|\n| Stalin ordered it. | x |\n\n[^1]: Soviet pilots never flew over Korea.\n',
  'bare URLs and addresses (parsed with literal autolinks only where they occur)':
    'See www.example.org/stalin-ordered-kim-to-invade for more. Stalin ordered Kim to invade the South.\n\nRead https://example.org/x. Kim acted alone, without Moscow.\n\nWrite to kim@example.org: Stalin wanted a third world war.\n',
  'words the parser joins or markup splits (the pre-filter must see them)': "The U.S.S.R. didn't take part in the Korean War.\n\nSta**lin** ordered Kim to invade the South.\n",
  'headings without stops between quotes': '# )South Korea started the war by attacking the North\n\n> x\n\n\u2014\n"Stalin ordered the invasion," he wrote.\n'
}

describe('block-by-block linting reports what whole-document linting reports', () => {
  for (const [name, value] of Object.entries(documents)) {
    it(name, async () => {
      const expected = await wholeDocument(value)
      expect(expected.length).toBeGreaterThan(0)
      expect(await blockByBlock(value)).toEqual(expected)
    })
  }
})

/**
 * Every nlcst node below the paragraphs (sentences, the white space between
 * them, words, their text, punctuation) as its type, text and position, in
 * document order: the paragraphs themselves may be grouped differently.
 */
function nodesOf(roots: readonly Root[]): string[] {
  const out: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type !== 'RootNode' && node.type !== 'ParagraphNode') out.push(JSON.stringify([node.type, toString(node), node.position]))
    if ('children' in node) for (const child of node.children) walk(child)
  }
  roots.forEach(walk)
  return out
}

const parser = (): NlcstParser => new ParseEnglish() as unknown as NlcstParser
const textProcessor = createProcessor('text', options)

/** retext-english on the whole text: what the plain unified pipeline sees. */
const wholeText = (value: string): string[] => nodesOf([textProcessor.parse(new VFile({value})) as Root])

/** What lintFile sees of a .txt file: the text tokenized paragraph by paragraph and parsed a few paragraphs at a time. */
function textByParagraph(value: string, limits: ChunkLimits): string[] {
  const english = parser()
  const roots: Root[] = []
  forEachChunk(plainTextTokens(value, (piece) => english.tokenize(piece)), english, (root) => roots.push(root), limits)
  return nodesOf(roots)
}

/** Every blank line ends a chunk (as for Markdown), so each paragraph is parsed between copies of its neighbours. */
const everyBlankLine: ChunkLimits = defaultChunkLimits
/** And a cut at every plain sentence end: the cut must change nothing, since the parser splits there anyway. */
const cutEverywhere: ChunkLimits = {minChunkTokens: 0, cutAtSentenceEnd: 1, cutAnywhere: Number.POSITIVE_INFINITY}

/** Whole text, as lintFile chunks it, paragraph by paragraph, and cut at every sentence end: the same nodes. */
function expectSameAsWholeText(value: string, name?: string): void {
  const expected = wholeText(value)
  for (const limits of [textChunkLimits, everyBlankLine, cutEverywhere]) expect(textByParagraph(value, limits), name).toEqual(expected)
}

const essays = fs.readdirSync('fixtures/essays').filter((name) => name.endsWith('.md'))
const plainTexts = {
  ...documents,
  'paragraphs with CRLF and spaces on the blank lines': 'Kim asked many times.\r\n \r\nStalin ordered Kim to invade the South.\r\n\r\n\r\nThe U.S. Army landed. Gen. MacArthur led it.',
  'lines without blank lines between them': 'The winter was long.\nStalin ordered Kim to invade the South. It was 1950.\nmr. Smith wrote. etc. The end!\n...\nThe river froze.',
  'abbreviations, initials and digits at sentence ends': 'He met Mr. Kim. The U.S. Army. 1950. In Jan. 1951 the line held. See p. 12. It was so.\n\nAs Gen.\n\nMacArthur said.'
}

describe('plain text paragraph by paragraph has the nodes and positions of a whole-text parse', () => {
  for (const [name, value] of Object.entries(plainTexts)) {
    it(name, () => expectSameAsWholeText(value))
  }

  it('the essays in fixtures/essays, read as plain text', () => {
    for (const name of essays) {
      const value = fs.readFileSync(`fixtures/essays/${name}`, 'utf8')
      expect(wholeText(value).length).toBeGreaterThan(100)
      expectSameAsWholeText(value, name)
      // The same essay with its blank lines made single line endings: one long paragraph.
      expectSameAsWholeText(value.replace(/\n\n+/g, '\n'), name)
    }
  })

  it('generated prose full of sentence ends, abbreviations and initials, cut at every plain sentence end', fuzzTimeout, () => {
    const word = fc.constantFrom('Stalin', 'ordered', 'Kim', 'the', 'South', 'river', 'winter', 'Moscow', 'mr', 'Mr', 'gen', 'Gen', 'etc', 'Jan', 'approx', 'vs', 'St', 'U', 'S', 'A', 'p', '12', '1950', 'e', 'g', 'i', 'it', 'Korea', 'army', '"', '(', ')', ',', '-')
    const sentenceEnd = fc.constantFrom('. ', '.\n', '! ', '? ', '... ', '.', '." ', '.) ', ', ', '.\n\n')
    const prose = fc.array(fc.tuple(fc.array(word, {minLength: 1, maxLength: 6}), sentenceEnd), {minLength: 1, maxLength: 30}).map((sentences) => sentences.map(([words, end]) => words.join(' ') + end).join(''))
    fc.assert(
      fc.property(prose, (value) => {
        expectSameAsWholeText(value)
      }),
      {...fuzzParameters, numRuns: fuzzParameters.numRuns * 5}
    )
  })

  it('generated documents (odd Unicode, line endings, punctuation), read as plain text', fuzzTimeout, () => {
    fc.assert(
      fc.property(markdownDocument, (value) => expectSameAsWholeText(value)),
      fuzzParameters
    )
  })
})

describe('long runs without a sentence end are cut before the parser merges them', () => {
  const mdast = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm)
  const markdownByBlock = (value: string, limits?: ChunkLimits): string[] => {
    const file = new VFile({value})
    const roots: Root[] = []
    forEachBlock(mdast.runSync(mdast.parse(file), file) as MdastRoot, file, parser(), {limits}, (root) => roots.push(root))
    return nodesOf(roots)
  }

  it('Markdown blocks cut at every plain sentence end keep their nodes and positions', () => {
    for (const value of [...Object.values(documents), ...essays.map((name) => fs.readFileSync(`fixtures/essays/${name}`, 'utf8'))]) {
      expect(markdownByBlock(value, cutEverywhere)).toEqual(markdownByBlock(value))
    }
  })

  it('a run longer than cutAnywhere tokens is parsed in pieces no longer than that, covering the text once', () => {
    const value = 'I met Mr. Stalin ordered Kim Il Sung to invade the South' + ' and the army moved north'.repeat(200)
    const english = parser()
    const sentences: Array<{text: string; start: number; end: number}> = []
    const collect = (node: Nodes): void => {
      if (node.type === 'SentenceNode') sentences.push({text: toString(node), start: node.position?.start.offset ?? -1, end: node.position?.end.offset ?? -1})
      else if ('children' in node) node.children.forEach(collect)
    }
    forEachChunk(english.tokenize(value), english, collect, {minChunkTokens: 0, cutAtSentenceEnd: 100, cutAnywhere: 200})
    // "Mr." does not end the sentence: the claim is one sentence with the start of the run.
    expect(sentences[0]?.text).toMatch(/^I met Mr\. Stalin ordered Kim Il Sung to invade the South and the army/)
    expect(sentences.length).toBeGreaterThan(4)
    sentences.forEach((sentence, i) => {
      expect(value.slice(sentence.start, sentence.end)).toBe(sentence.text)
      expect(english.tokenize(sentence.text).length).toBeLessThanOrEqual(201)
      // Only the white space of the cut lies between two pieces.
      expect(value.slice(i === 0 ? 0 : (sentences[i - 1]?.end ?? 0), sentence.start)).toBe(i === 0 ? '' : ' ')
    })
    expect(sentences.at(-1)?.end).toBe(value.length)
  })
})

describe('plain text tokenized paragraph by paragraph', () => {
  const english = parser()
  const samples = {
    'paragraphs': 'Stalin ordered Kim to invade.\n\nThe winter came early.\n\n\nKim asked again.',
    'CRLF and CR line endings': 'One line.\r\n\r\nTwo lines.\r\rThree.\r\n',
    'odd white space around a blank line': 'A\u00a0\n \t\n\u2028B.\u3000\n\n\u00a0C',
    'white space at both ends': '\n\n  Stalin ordered Kim to invade.  \n\n',
    'no blank line at all': 'One sentence. Another one, on the same line\nand the next.',
    'a paragraph over 16 KB, cut in slices': 'Stalin, ordered... Kim\u00e9s ,.,.,. ((x)) \ud83d\ude00 caf\u00e9!! '.repeat(900),
    'marks without white space over 16 KB': ',.'.repeat(20_000) + '...' + '-'.repeat(20_000)
  }
  for (const [name, value] of Object.entries(samples)) {
    it(`gives the tokens of one whole-text tokenize, positions included: ${name}`, () => {
      expect([...plainTextTokens(value, (piece) => english.tokenize(piece))]).toEqual(english.tokenize(value))
    })
  }

  it('gives the tokens of one whole-text tokenize on generated text', () => {
    const piece = fc.constantFrom('Stalin', 'ordered', '.', ',', ' ', '\n', '\n\n', '\r\n', '\u00a0', '\u2028', '\t', '"', '\u201c', '\u00e9', '\ud83d\ude00')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 60}), (pieces) => {
        const value = pieces.join('')
        expect([...plainTextTokens(value, (text) => english.tokenize(text))]).toEqual(english.tokenize(value))
      }),
      fuzzParameters
    )
  })
})
