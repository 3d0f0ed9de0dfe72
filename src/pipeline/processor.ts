/**
 * The unified pipelines. Markdown: remark-parse (+ front matter, GFM) →
 * remark-retext in mutate mode with the English parser → histlint. Plain
 * text: retext-english → histlint.
 *
 * Mutate mode with the `ParseEnglish` class (not a retext processor as bridge)
 * keeps the English sentence splitter ("Gen. MacArthur landed." stays one
 * sentence) and lets histlint run on the same tree (see PIPELINE-NOTES).
 *
 * `lintFile` does not run these whole-document parses: for Markdown it
 * parses the mdast once, then converts and lints one block at a time
 * (blocks.ts); plain text it tokenizes once and parses a few paragraphs (text
 * between blank lines) at a time (chunks.ts). Both find the same sentences
 * as the whole-document parse, in time linear in the document, and keep
 * only a few paragraphs' sentences in memory. `createProcessor` stays the
 * plain unified pipeline, for library users and as the reference the tests
 * compare with.
 */
import type {Root as MdastRoot, RootContent} from 'mdast'
import type {Root as NlcstRoot, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRetext from 'remark-retext'
import retextEnglish from 'retext-english'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import {remarkCitationMarks} from '../evidence/cited.js'
import {BlockFilter} from '../matching/prefilter.js'
import retextHistlint, {lintTree, type HistlintOptions} from '../plugin.js'
import {forEachBlock} from './blocks.js'
import {forEachChunk, textChunkLimits, type NlcstParser} from './chunks.js'
import {mayHoldLiteralAutolinks, mayHoldLiteralAutolinkText, remarkGfmWithoutLiteralAutolinks} from './gfm.js'
import {assertLintable} from './guard.js'
import {parsePieces} from './pieces.js'
import {plainTextTokens} from './positions.js'

export type Syntax = 'markdown' | 'text'

/**
 * Markdown nodes that are never the author's prose: code, HTML, front matter,
 * and blockquotes (someone else's words).
 */
export const ignoredMarkdown = ['blockquote', 'code', 'html', 'yaml', 'toml', 'definition']

/** Drop links whose text is their own URL (autolinks, bare URLs): a URL is not prose. */
function remarkDropUrlText() {
  return function (tree: MdastRoot): void {
    const walk = (node: MdastRoot | RootContent): void => {
      if (!('children' in node)) return
      node.children = (node.children as RootContent[]).filter((child) => {
        if (child.type !== 'link') return true
        const text = child.children.map((c) => ('value' in c ? c.value : '')).join('')
        return !(text === child.url || /^(https?:\/\/|www\.|mailto:)/i.test(text))
      }) as typeof node.children
      for (const child of node.children as RootContent[]) walk(child)
    }
    walk(tree)
  }
}

/**
 * The Markdown front end: mdast with front matter and GFM; which paragraphs
 * cite something is noted before the URL-only links are dropped.
 */
function markdownProcessor(gfm: typeof remarkGfm | typeof remarkGfmWithoutLiteralAutolinks = remarkGfm) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(gfm as typeof remarkGfm)
    .use(remarkCitationMarks)
    .use(remarkDropUrlText)
}

let markdown: ReturnType<typeof markdownProcessor> | undefined
let markdownWithoutLiteralAutolinks: ReturnType<typeof markdownProcessor> | undefined

/**
 * Documents longer than this are parsed in pieces of at least `pieceSize`
 * characters (pieces.ts): micromark is quadratic in the number of lists,
 * quotes and footnote definitions a document holds.
 */
export const markdownPieceSettings = {piecewiseAbove: 32_768, pieceSize: 4_096}

/**
 * The mdast of a Markdown file, transformed, exactly as `markdownProcessor()`
 * gives it; the literal-autolink syntax is only paid for where the text
 * could hold one (gfm.ts), and a long document is parsed piece by piece.
 */
function parseMarkdown(file: VFile): MdastRoot {
  const full = (markdown ??= markdownProcessor().freeze())
  const cheap = (markdownWithoutLiteralAutolinks ??= markdownProcessor(remarkGfmWithoutLiteralAutolinks).freeze())
  const parse = (value: string): MdastRoot => {
    if (!mayHoldLiteralAutolinkText(value)) return cheap.parse(value)
    const tree = cheap.parse(value)
    return mayHoldLiteralAutolinks(tree) ? full.parse(value) : tree
  }
  const source = String(file)
  const tree = source.length <= markdownPieceSettings.piecewiseAbove ? parse(source) : parsePieces(source, markdownPieceSettings.pieceSize, parse)
  // Pass the file along: without it nlcst nodes silently lose positions.
  return full.runSync(tree, file) as MdastRoot
}

/** The processor for a syntax; plugins after the parse all work on nlcst. */
export function createProcessor(syntax: Syntax, options: HistlintOptions): Processor<any, any, any, any, any> {
  if (syntax === 'text') return unified().use(retextEnglish).use(retextHistlint, options) as unknown as Processor<any, any, any, any, any>
  return markdownProcessor()
    .use(remarkRetext, ParseEnglish as never, {ignore: ignoredMarkdown})
    .use(retextHistlint, options) as unknown as Processor<any, any, any, any, any>
}

/** The syntax for a path: `.txt` is plain text, everything else Markdown. */
export function syntaxOf(filePath: string | undefined): Syntax {
  return filePath && /\.txt$/i.test(filePath) ? 'text' : 'markdown'
}

/** One block filter per rule set and settings (severities, citations). */
const blockFilters = new WeakMap<HistlintOptions['ruleSet'], Map<string, BlockFilter>>()

/**
 * The pre-filter over the patterns of the rules that can report with these
 * options: rules turned off, and supported rules unless citations are asked
 * for, cannot make a block worth parsing.
 */
function blockFilter(options: HistlintOptions): BlockFilter {
  let bySettings = blockFilters.get(options.ruleSet)
  if (!bySettings) blockFilters.set(options.ruleSet, (bySettings = new Map()))
  const key = JSON.stringify([options.severities ?? null, options.citations ?? false])
  let filter = bySettings.get(key)
  if (!filter) {
    const reporting = options.ruleSet.rules.filter(
      (rule) => (options.severities?.[rule.id] ?? rule.severity) !== 'off' && (rule.verdict !== 'supported' || options.citations === true)
    )
    bySettings.set(key, (filter = new BlockFilter(reporting.flatMap((rule) => rule.patterns))))
  }
  return filter
}

/** Lint one document; returns its vfile with histlint's messages (sorted by position). */
export async function lintFile(file: VFile, options: HistlintOptions, syntax: Syntax = syntaxOf(file.path)): Promise<VFile> {
  // Refuse, with a reason, what would exhaust the parser: too large, or nested too deep.
  assertLintable(String(file.value), syntax === 'markdown')
  // A byte-order mark is not text: drop it so that positions count from the first character.
  if (typeof file.value === 'string' && file.value.startsWith('\uFEFF')) file.value = file.value.slice(1)
  const parser = new ParseEnglish() as unknown as NlcstParser
  const lint = (root: NlcstRoot): void => lintTree(root, file, options)
  const filter = blockFilter(options)
  const mayMatter = (chunk: readonly SentenceContent[]): boolean => filter.mayMatchTokens(chunk)
  if (syntax === 'markdown') {
    forEachBlock(parseMarkdown(file), file, parser, {ignore: ignoredMarkdown, mayMatter}, lint)
  } else {
    // Positions count from the start of the text, as retext-english's do.
    forEachChunk(plainTextTokens(String(file), (value) => parser.tokenize(value)), parser, lint, textChunkLimits, mayMatter)
  }
  file.messages.sort((a, b) => (a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0) - (b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0))
  return file
}

/** Convenience: lint a string. */
export async function lintText(value: string, options: HistlintOptions & {path?: string; syntax?: Syntax}): Promise<VFile> {
  const file = new VFile({value, path: options.path})
  return lintFile(file, options, options.syntax ?? syntaxOf(options.path))
}
