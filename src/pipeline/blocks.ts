/**
 * mdast → nlcst one top-level block at a time, with the same sentences as
 * converting the whole document at once.
 *
 * `mdast-util-to-nlcst` (what remark-retext calls) flattens the whole document
 * into ONE sentence and runs the English parser's sentence and paragraph
 * plugins on it; they splice arrays of the document's size, so the parse gets
 * dearer per word as documents grow (PIPELINE-NOTES, item 6). Here the same
 * content is cut at every blank-line break (between blocks at any depth:
 * paragraphs, list items, footnotes) and each piece is converted on its own,
 * so the cost is linear in the document.
 *
 * Why the sentences stay the same: the converter separates blocks with a
 * white space of two or more line endings, and the parser's last paragraph
 * step (`breakImplicitSentences`) splits every sentence at such white space,
 * so any merge across a block boundary is undone. What a neighbouring block
 * can still decide *whether* a merge happens (a sentence without words
 * merges into the previous sentence when there is one, else into the next;
 * an unfinished heading runs on into the next block's first sentence). So
 * each chunk is parsed between copies of its neighbours' nearest sentences
 * (and a stand-in sentence where earlier text exists), which gives the parser
 * the neighbours the whole document gives; the copies are dropped afterwards.
 * bench/check-blocks.mjs compares both ways on thousands of awkward documents.
 *
 * The traversal (`tokens`, `patch`, the sentence → paragraph → root steps)
 * follows mdast-util-to-nlcst 7 (MIT, Titus Wormer).
 */
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import type {Paragraph, Parents, Root, RootContent, Sentence, SentenceContent, WhiteSpace, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Point} from 'unist'
import type {VFile} from 'vfile'

/** The parts of a parse-latin style parser the conversion uses. */
export interface NlcstParser {
  tokenizeSentencePlugins: Array<(node: Sentence) => void>
  tokenizeParagraphPlugins: Array<(node: Paragraph) => void>
  tokenizeRootPlugins: Array<(node: Root) => void>
  tokenize(value: string): SentenceContent[]
}

export interface BlockOptions {
  /** mdast node types that are not prose (tables are always skipped, as in remark-retext). */
  readonly ignore?: readonly string[]
  /**
   * Whether a chunk (one or more blocks, raw tokens) can matter to the
   * visitor. A chunk for which this is false is not run through the parser's
   * sentence plugins nor visited; it still serves as its neighbours' context.
   */
  readonly mayMatter?: (chunk: readonly SentenceContent[]) => boolean
}

interface State {
  readonly doc: string
  readonly place: Points
  readonly parser: NlcstParser
  readonly ignore: readonly string[]
}

const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const terminalMarker = /^([!.?\u2026\u203D]+)$/

/**
 * Convert `tree` block by block and hand each block's nlcst root (context
 * removed) to `visit`, in document order. Only a few blocks are held at a
 * time, so memory stays that of a few blocks.
 */
export function forEachBlock(tree: MdastRoot, file: VFile, parser: NlcstParser, options: BlockOptions, visit: (root: Root) => void): void {
  const state: State = {
    doc: String(file),
    place: new Points(String(file)),
    parser,
    ignore: ['table', 'tableRow', 'tableCell', ...(options.ignore ?? [])]
  }
  // A chunk is the content of one or more blocks, starting at a block break
  // (a line ending of two or more lines). A chunk is converted once the chunks
  // after it hold enough sentences to serve as its context.
  const queue: SentenceContent[][] = []
  let history = new History()
  const convertFirst = (): void => {
    const chunk = queue.shift() as SentenceContent[]
    if (options.mayMatter && !options.mayMatter(chunk)) {
      // Never parsed, so never changed: the history can keep the tokens themselves.
      history = history.extend(chunk, false)
      return
    }
    const before = history.forParser()
    history = history.extend(chunk)
    visit(convertChunk(state, chunk, before, contextAfter(queue)))
  }
  // Chunks end at every white space of two or more line breaks, where the
  // parser would split a sentence anyway: between blocks at any depth (list
  // items, footnotes), so a long list is cut up as finely as paragraphs.
  let current: SentenceContent[] = []
  let hasContent = false
  for (const token of tokens(state, tree)) {
    if (hasContent && token.type === 'WhiteSpaceNode' && isBreak(token)) {
      queue.push(current)
      current = []
      hasContent = false
      while (queue.length > 1 && (queue.length > maxQueuedChunks || terminalMarks(queue.slice(1)) >= contextSentences)) convertFirst()
    }
    current.push(token)
    if (token.type !== 'WhiteSpaceNode') hasContent = true
  }
  // Line endings after the last block end the last sentence, as in the whole document.
  const last = queue[queue.length - 1]
  if (hasContent || !last) queue.push(current)
  else last.push(...current)
  while (queue.length > 0) convertFirst()
}

function blockLineEnding(state: State, lines: number, offset: number | undefined): WhiteSpace {
  // remark can report a child starting on an earlier line than its sibling
  // ended (a setext heading after link definitions): never a negative count.
  const lineEnding: WhiteSpace = {type: 'WhiteSpaceNode', value: '\n'.repeat(Math.max(lines, 1))}
  patch(state, [lineEnding], offset)
  // Make sure it is seen as a break between paragraphs.
  if (lineEnding.value.length < 2) lineEnding.value = '\n\n'
  return lineEnding
}

const isTerminal = (node: SentenceContent): boolean => node.type === 'PunctuationNode' && terminalMarker.test(node.value)

/**
 * Copies of the neighbouring chunks' nearest sentences (up to `contextSentences`
 * terminal marks, raw tokens, copied before any parser step mutates them): the
 * parser decides merges from a sentence's neighbours, and these are the
 * neighbours the whole document would give.
 */
const contextSentences = 1
/**
 * Blocks without a sentence end (a run of headings with no full stop) would
 * otherwise wait for context without limit, and each would be parsed with
 * all the rest as its context: quadratic. Past this many queued chunks the
 * first is converted with the context the queue holds; only a sentence that
 * runs on through more than this many unterminated blocks could differ.
 */
const maxQueuedChunks = 32
/** The most tokens kept as the context before a chunk (see History). */
const maxHistoryTokens = 400

function terminalMarks(chunks: readonly SentenceContent[][]): number {
  let marks = 0
  for (const chunk of chunks) for (const node of chunk) if (isTerminal(node)) marks++
  return marks
}

/** Raw copies of the last sentences before the next chunk. */
class History {
  constructor(
    private readonly tokens: SentenceContent[] = [],
    /** Content came before these tokens. */
    private readonly earlier = false
  ) {}

  /**
   * The history after `chunk`; call before the parser mutates the chunk (it
   * copies what it keeps, unless told the chunk will not be parsed).
   */
  extend(chunk: readonly SentenceContent[], willBeParsed = true): History {
    const all = [...this.tokens, ...chunk]
    let from = all.length
    let marks = 0
    // Bounded like the queue: a run of blocks without a sentence end keeps
    // only its last tokens as context, so history stays small (and linear).
    const floor = Math.max(0, all.length - maxHistoryTokens)
    while (from > floor) {
      if (isTerminal(all[from - 1] as SentenceContent) && ++marks > contextSentences) break
      from--
    }
    const kept = all.slice(from)
    return new History(willBeParsed ? kept.map(copyToken) : kept, this.earlier || from > 0)
  }

  /** The tokens to give the parser (once), after a stand-in sentence if content came before. */
  forParser(): SentenceContent[] {
    if (!this.earlier || this.tokens.length === 0) return this.tokens
    const at = this.tokens[0]?.position
    return [{type: 'WordNode', children: [{type: 'TextNode', value: 'Context', position: at}], position: at}, {type: 'PunctuationNode', value: '.', position: at}, ...this.tokens]
  }
}

/**
 * A copy of a raw token the parser may mutate: new nodes, child arrays and
 * position objects (the parser reassigns their `start`/`end`), shared points
 * (it never changes a point in place).
 */
function copyToken<T extends SentenceContent | Word['children'][number]>(node: T): T {
  const copy = {...node}
  if (node.position) copy.position = {start: node.position.start, end: node.position.end}
  if ('children' in node) (copy as {children: unknown[]}).children = node.children.map((child) => copyToken(child))
  return copy
}

/** Copies of the following chunks' tokens up to `contextSentences` terminal marks. */
function contextAfter(chunks: readonly SentenceContent[][]): SentenceContent[] {
  const out: SentenceContent[] = []
  let marks = 0
  for (const chunk of chunks.slice(0, maxQueuedChunks)) {
    for (const node of chunk) {
      if (marks >= contextSentences) return out
      out.push(copyToken(node))
      if (isTerminal(node)) marks++
    }
  }
  return out
}

function convertChunk(state: State, chunk: SentenceContent[], before: SentenceContent[], after: SentenceContent[]): Root {
  const context = new Set<unknown>()
  const mark = (node: unknown): void => {
    context.add(node)
    if (typeof node === 'object' && node !== null && 'children' in node) for (const child of node.children as unknown[]) mark(child)
  }
  before.forEach(mark)
  after.forEach(mark)
  // `after` starts with the next block's own line ending, as in the whole document.
  const nodes = [...before, ...chunk, ...after]
  return dropContext(sentenceContentToRoot(state, nodes), context)
}

/** Remove the sentences (and white space) that came from the neighbours' copies. */
function dropContext(root: Root, context: Set<unknown>): Root {
  const fromContext = (node: RootContent): boolean => context.has(node) || ('children' in node && (node.children as RootContent[]).some(fromContext))
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    paragraph.children = paragraph.children.filter((sentence) => !fromContext(sentence))
  }
  root.children = root.children.filter((node) => !fromContext(node))
  return root
}

/** Sentence content → sentence → paragraphs → root, running the parser's plugins at each level. */
function sentenceContentToRoot(state: State, nodes: SentenceContent[]): Root {
  if (nodes.length === 0) return {type: 'RootNode', children: []}
  const start = nodes[0]?.position?.start
  const end = nodes[nodes.length - 1]?.position?.end
  const sentence: Sentence = {type: 'SentenceNode', children: nodes}
  if (start && end) sentence.position = {start, end}
  for (const plugin of state.parser.tokenizeSentencePlugins) plugin(sentence)

  const paragraph: Paragraph = {type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', terminalMarker) as Sentence[]}
  if (start && end) paragraph.position = {start: {...start}, end: {...end}}
  for (const plugin of state.parser.tokenizeParagraphPlugins) plugin(paragraph)

  const root: Root = {type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', newLine) as Paragraph[]}
  if (start && end) root.position = {start: {...start}, end: {...end}}
  for (const plugin of state.parser.tokenizeRootPlugins) plugin(root)
  return root
}

/** The sentence content of an mdast node, in order, as the whole-document conversion lists it. */
function* tokens(state: State, node: MdastNodes): Generator<SentenceContent> {
  if (state.ignore.includes(node.type)) return
  let start = node.position?.start.offset
  const end = node.position?.end.offset
  let results: SentenceContent[] | undefined
  if (node.type === 'inlineCode') {
    if (start !== undefined && end !== undefined) results = [{type: 'SourceNode', value: state.doc.slice(start, end)}]
  } else if ('children' in node) {
    let previousEnd: Point | undefined
    for (const child of node.children as MdastNodes[]) {
      const childStart = child.position?.start
      if (previousEnd && childStart && childStart.line !== previousEnd.line) yield blockLineEnding(state, childStart.line - previousEnd.line, previousEnd.offset)
      yield* tokens(state, child)
      previousEnd = child.position?.end
    }
    return
  } else if (node.type === 'image' || node.type === 'imageReference') {
    if (node.alt) {
      results = state.parser.tokenize(node.alt)
      if (typeof start === 'number') start += 2
    }
  } else if (node.type === 'break') {
    results = [{type: 'WhiteSpaceNode', value: '\n'}]
  } else if (node.type === 'text') {
    results = state.parser.tokenize(node.value)
  }
  if (results) {
    patch(state, results, start)
    yield* results
  }
}

/** White space with two or more line breaks: the parser breaks sentences there. */
function isBreak(node: WhiteSpace): boolean {
  return toString(node).split(/\r\n|\r|\n/).length >= 3
}

/** Give each node (and its children) a position, from `offset` on. */
function patch(state: State, nodes: RootContent[], offset: number | undefined): void {
  if (offset === undefined) {
    for (const node of nodes) {
      if ('children' in node) patch(state, node.children as RootContent[], undefined)
      node.position = undefined
    }
    return
  }
  let start = offset
  let startPoint = state.place.toPoint(start)
  for (const node of nodes) {
    if ('children' in node) patch(state, node.children as RootContent[], start)
    const end = start + textLength(node)
    // Each end point is the next node's start point: points are shared, never changed in place.
    const endPoint = state.place.toPoint(end)
    node.position = startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
    start = end
    startPoint = endPoint
  }
}

/** The length of a node's text (`toString(node).length` without building the string). */
function textLength(node: RootContent): number {
  if ('value' in node) return node.value.length
  let length = 0
  for (const child of node.children as RootContent[]) length += textLength(child)
  return length
}

/**
 * Offsets to points (line, column), like vfile-location's `toPoint`, for a
 * caller that asks in document order: a cursor walks the line starts
 * forward, and only a step back searches.
 */
class Points {
  /** Offset at which each line starts. */
  private readonly lineStarts: number[] = [0]
  private line = 0

  constructor(private readonly doc: string) {
    const lineEnding = /\r\n?|\n/g
    for (let match = lineEnding.exec(doc); match; match = lineEnding.exec(doc)) this.lineStarts.push(match.index + match[0].length)
  }

  toPoint(offset: number): Point | undefined {
    if (offset < 0 || offset > this.doc.length) return undefined
    const starts = this.lineStarts
    if (offset < (starts[this.line] as number)) {
      // A step back: binary search for the last line starting at or before `offset`.
      let low = 0
      let high = this.line
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if ((starts[middle] as number) <= offset) low = middle
        else high = middle - 1
      }
      this.line = low
    }
    while (this.line + 1 < starts.length && (starts[this.line + 1] as number) <= offset) this.line++
    return {line: this.line + 1, column: offset - (starts[this.line] as number) + 1, offset}
  }
}

/** Split a parent's children after each child of `childType` whose text matches `expression`. */
function splitNode(node: Parents, childType: string, expression: RegExp): Parents[] {
  const result: Parents[] = []
  let start = 0
  const children = node.children as RootContent[]
  for (let index = 0; index < children.length; index++) {
    const token = children[index] as RootContent
    if (index === children.length - 1 || (token.type === childType && expression.test(toString(token)))) {
      const part = {type: node.type, children: children.slice(start, index + 1)} as Parents
      const firstChild = children[start]
      if (firstChild?.position && token.position) part.position = {start: firstChild.position.start, end: token.position.end}
      result.push(part)
      start = index + 1
    }
  }
  return result
}
