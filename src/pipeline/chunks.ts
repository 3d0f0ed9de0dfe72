/**
 * A stream of nlcst sentence content (words, white space, punctuation, with
 * positions) → sentences, one chunk at a time, finding the sentences the
 * English parser finds when it is given the whole stream at once.
 *
 * The parser's steps run over the whole input as one "sentence" and splice
 * arrays of the input's size, so a whole-document parse gets dearer per word
 * as documents grow (PIPELINE-NOTES, item 6), and its merges copy one
 * sentence into another with `push(...children)`, which overflows the stack
 * past about 125,000 nodes. Here the stream is cut at white space of two or
 * more line endings (a blank line; for plain text, once a chunk holds 500
 * tokens) and each chunk is parsed on its own, so the cost is linear in the
 * document.
 *
 * Why the sentences stay the same: the parser's last paragraph step
 * (`breakImplicitSentences`) splits every sentence at such white space, so any
 * merge across a chunk boundary is undone. What a neighbouring chunk can
 * still decide is *whether* a merge happens (a sentence without words merges
 * into the previous sentence when there is one, else into the next; an
 * unfinished heading runs on into the next chunk's first sentence). So each
 * chunk is parsed between copies of its neighbours' nearest sentences (and a
 * stand-in sentence where earlier text exists), which gives the parser the
 * neighbours the whole document gives; the copies are dropped afterwards.
 *
 * A chunk longer than `cutAtSentenceEnd` tokens (a plain-text file without
 * blank lines, a 1 MB line) is cut further, at the next plain sentence end:
 * a word the parser does not take for an abbreviation, a full stop, white
 * space and a capitalised word, where the parser would split anyway. Only
 * text with no such sentence end up to `cutAnywhere` tokens (a 5,000-word
 * run without a full stop, abbreviations all along) is cut at
 * the next white space, which no prose sentence ever reaches; and text with no
 * white space for twice as long (",.,.,." or "a-a-a-", which the parser also
 * merges with spreads) is cut wherever it has got to. The pieces of
 * a cut are parsed as separate documents, without context across the cut.
 *
 * The sentence → paragraph → root steps follow mdast-util-to-nlcst 7 and
 * parse-latin 7 (MIT, Titus Wormer).
 */
import type {Paragraph, Parents, Root, RootContent, Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'

/** The parts of a parse-latin style parser the conversion uses. */
export interface NlcstParser {
  tokenizeSentencePlugins: Array<(node: Sentence) => void>
  tokenizeParagraphPlugins: Array<(node: Paragraph) => void>
  tokenizeRootPlugins: Array<(node: Root) => void>
  tokenize(value: string): SentenceContent[]
}

/** Where chunks end (in tokens: words, white space, punctuation). */
export interface ChunkLimits {
  /** A blank line ends a chunk only once it holds this many tokens. */
  readonly minChunkTokens: number
  /** Past this many tokens a chunk is cut at its next plain sentence end. */
  readonly cutAtSentenceEnd: number
  /** Past this many tokens a chunk is cut at its next white space (past twice as many, at once: text without white space). */
  readonly cutAnywhere: number
}

/**
 * Cuts: about 2,500 and 5,000 words. No essay sentence comes near (they stay
 * under 500 words), and the pieces stay far below the ~125,000 nodes where
 * the parser's spreads overflow the stack (a merge copies at most a piece and
 * its context, ~15,000 nodes). Smaller pieces also bound the parser's own
 * super-linear steps within one long sentence.
 *
 * Every blank line ends a chunk by default: bench/check-blocks.mjs then
 * compares the context machinery on small documents too.
 */
export const defaultChunkLimits: ChunkLimits = {minChunkTokens: 0, cutAtSentenceEnd: 5_000, cutAnywhere: 10_000}

/**
 * For plain text, blank lines closer together than 500 tokens do not end a
 * chunk: each chunk is parsed with copies of its neighbours' sentences, which
 * costs more than a short paragraph itself (500 lines without a full stop
 * took 0.2–0.7 s paragraph by paragraph, 0.1–0.2 s in chunks of 500 tokens).
 * Fewer chunk ends can only bring the parse closer to the whole-text one.
 */
export const textChunkLimits: ChunkLimits = {...defaultChunkLimits, minChunkTokens: 500}

const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const terminalMarker = /^([!.?\u2026\u203D]+)$/

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
/**
 * The most tokens copied as the context after a chunk: pieces of a long run
 * are at most `cutAnywhere` tokens, yet 32 of them would make a context of
 * hundreds of thousands of tokens, parsed again with each chunk.
 */
const maxContextAfterTokens = 1_000

interface Chunk {
  readonly tokens: SentenceContent[]
  /** How many terminal marks (sentence ends) the chunk holds. */
  readonly marks: number
}

/**
 * Whether a chunk (raw tokens) can matter to the visitor. A chunk for which
 * this is false is not run through the parser's steps nor visited; it still
 * serves as its neighbours' context.
 */
export type ChunkFilter = (chunk: readonly SentenceContent[]) => boolean

/**
 * Parse the `tokens` chunk by chunk and hand each chunk's nlcst root (context
 * removed) to `visit`, in order. Only a few chunks are held at a time.
 */
export function forEachChunk(
  tokens: Iterable<SentenceContent>,
  parser: NlcstParser,
  visit: (root: Root) => void,
  limits: ChunkLimits = defaultChunkLimits,
  mayMatter?: ChunkFilter
): void {
  // A chunk is converted once the chunks after it hold enough sentences to
  // serve as its context.
  const queue: Chunk[] = []
  let history = new History()
  const convertFirst = (): void => {
    const chunk = queue.shift() as Chunk
    if (mayMatter && !mayMatter(chunk.tokens)) {
      // Never parsed, so never changed: the history can keep the tokens themselves.
      history = history.extend(chunk.tokens, false)
      return
    }
    const before = history.forParser()
    history = history.extend(chunk.tokens)
    visit(convertChunk(parser, chunk.tokens, before, contextAfter(queue)))
  }
  let current: SentenceContent[] = []
  let marks = 0
  let hasContent = false
  // White space before the chunk's first content (line endings between
  // ignored blocks: thousands of code blocks make thousands): it does not
  // count towards a cut, or a sentence after it would be cut in two.
  let leading = 0
  const endChunk = (): void => {
    queue.push({tokens: current, marks})
    current = []
    marks = 0
    hasContent = false
    leading = 0
  }
  for (const token of tokens) {
    const length = current.length - leading
    if (hasContent && isBreak(token) && current.length >= limits.minChunkTokens) {
      // A blank line, where the parser would split a sentence anyway.
      endChunk()
      while (queue.length > 1 && (queue.length > maxQueuedChunks || queue.slice(1).reduce((sum, chunk) => sum + chunk.marks, 0) >= contextSentences)) convertFirst()
    } else if (
      (!hasContent && current.length >= limits.cutAnywhere && token.type === 'WhiteSpaceNode') ||
      (length >= limits.cutAtSentenceEnd && (plainSentenceEnd(parser, current, token) || (length >= limits.cutAnywhere && (token.type === 'WhiteSpaceNode' || length >= 2 * limits.cutAnywhere))))
    ) {
      // A cut: what comes before is parsed as a document of its own, and so is what follows.
      endChunk()
      while (queue.length > 0) convertFirst()
      history = new History()
    }
    current.push(token)
    if (token.type !== 'WhiteSpaceNode') hasContent = true
    else if (!hasContent) leading++
    if (isTerminal(token)) marks++
  }
  // Line endings after the last block end the last sentence, as in the whole document.
  const last = queue[queue.length - 1]
  if (hasContent || !last) endChunk()
  else last.tokens.push(...current)
  while (queue.length > 0) convertFirst()
}

const isTerminal = (node: SentenceContent): boolean => node.type === 'PunctuationNode' && terminalMarker.test(node.value)

/** A word of letters only, as one text node (no elision, no inner symbols). */
function plainWord(node: SentenceContent | undefined): string | undefined {
  if (node?.type !== 'WordNode' || node.children.length !== 1) return undefined
  const text = node.children[0]
  return text?.type === 'TextNode' && /^\p{L}{2,}$/u.test(text.value) ? text.value : undefined
}

/**
 * Whether `tokens` end a sentence where the parser splits whatever surrounds
 * it: a plain word, a full stop and white space without a blank line, and
 * `next` a capitalised word. No step merges sentences across that: the
 * following sentence starts with a word, capitalised, and the preceding one
 * holds a word; only the word before the full stop can make a merge (an
 * abbreviation: "Gen.", "etc."), so the parser itself is asked, on the same
 * four tokens.
 */
function plainSentenceEnd(parser: NlcstParser, tokens: readonly SentenceContent[], next: SentenceContent): boolean {
  const space = tokens[tokens.length - 1]
  const stop = tokens[tokens.length - 2]
  const word = plainWord(tokens[tokens.length - 3])
  const following = plainWord(next)
  if (!word || !following || !/^\p{Lu}/u.test(following) || stop?.type !== 'PunctuationNode' || stop.value !== '.' || space?.type !== 'WhiteSpaceNode' || isBreak(space)) return false
  const probe = sentenceContentToRoot(parser, parser.tokenize(`It was ${word}.${space.value}${following} was`))
  const sentences = paragraphContent(probe).filter((node) => node.type === 'SentenceNode')
  return sentences.length === 2 && toString(sentences[0] as Sentence) === `It was ${word}.`
}

/** The children of a root's paragraphs, in order. */
const paragraphContent = (tree: Root): RootContent[] => tree.children.flatMap((node) => (node.type === 'ParagraphNode' ? node.children : [node]))

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
    // Bounded like the queue: a run of blocks without a sentence end keeps
    // only its last tokens as context, so history stays small (and linear).
    const all = [...this.tokens, ...chunk.slice(-maxHistoryTokens)]
    const dropped = chunk.length > maxHistoryTokens
    let from = all.length
    let marks = 0
    const floor = Math.max(0, all.length - maxHistoryTokens)
    while (from > floor) {
      if (isTerminal(all[from - 1] as SentenceContent) && ++marks > contextSentences) break
      from--
    }
    const kept = all.slice(from)
    return new History(willBeParsed ? kept.map(copyToken) : kept, this.earlier || dropped || from > 0)
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

/** Copies of the following chunks' tokens up to `contextSentences` terminal marks (and at most `maxContextAfterTokens`). */
function contextAfter(chunks: readonly Chunk[]): SentenceContent[] {
  const out: SentenceContent[] = []
  let marks = 0
  for (const chunk of chunks.slice(0, maxQueuedChunks)) {
    for (const node of chunk.tokens) {
      if (marks >= contextSentences || out.length >= maxContextAfterTokens) return out
      out.push(copyToken(node))
      if (isTerminal(node)) marks++
    }
  }
  return out
}

function convertChunk(parser: NlcstParser, chunk: SentenceContent[], before: SentenceContent[], after: SentenceContent[]): Root {
  const context = new Set<unknown>()
  const mark = (node: unknown): void => {
    context.add(node)
    if (typeof node === 'object' && node !== null && 'children' in node) for (const child of node.children as unknown[]) mark(child)
  }
  before.forEach(mark)
  after.forEach(mark)
  // `after` starts with the next chunk's own line ending, as in the whole document.
  const nodes = [...before, ...chunk, ...after]
  return dropContext(sentenceContentToRoot(parser, nodes), context)
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
function sentenceContentToRoot(parser: NlcstParser, nodes: SentenceContent[]): Root {
  if (nodes.length === 0) return {type: 'RootNode', children: []}
  const start = nodes[0]?.position?.start
  const end = nodes[nodes.length - 1]?.position?.end
  const sentence: Sentence = {type: 'SentenceNode', children: nodes}
  if (start && end) sentence.position = {start, end}
  for (const plugin of parser.tokenizeSentencePlugins) plugin(sentence)

  const paragraph: Paragraph = {type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', terminalMarker) as Sentence[]}
  if (start && end) paragraph.position = {start: {...start}, end: {...end}}
  for (const plugin of parser.tokenizeParagraphPlugins) plugin(paragraph)

  const root: Root = {type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', newLine) as Paragraph[]}
  if (start && end) root.position = {start: {...start}, end: {...end}}
  for (const plugin of parser.tokenizeRootPlugins) plugin(root)
  return root
}

/** White space with two or more line breaks: the parser breaks sentences there. */
export function isBreak(node: SentenceContent): boolean {
  return node.type === 'WhiteSpaceNode' && toString(node).split(/\r\n|\r|\n/).length >= 3
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
