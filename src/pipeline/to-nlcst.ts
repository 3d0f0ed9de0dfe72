/**
 * Markdown (mdast) or plain text → English nlcst, in linear time and without
 * recursion, so no essay can crash or stall the parse.
 *
 * The Markdown walk is a port of mdast-util-to-nlcst 7 (MIT, Titus Wormer) as
 * remark-retext runs it in mutate mode, with two changes:
 *
 * 1. Upstream gathers the whole document into one flat "sentence" and runs the
 *    English parser's plugins over it. `breakImplicitSentences` then slices the
 *    rest of that sentence at every blank line, so a document of many short
 *    blocks is quadratic (8,000 headings took 25 s). Plain text through
 *    retext-english has the same flaw. Here the content is cut after each blank
 *    line and every piece is parsed on its own, which yields the same sentences.
 * 2. Upstream appends with `push(...nodes)` and recurses; a paragraph of about
 *    100,000 words, or deeply nested inline markup, overflows the stack. Here
 *    every append and every walk is a loop, and no piece handed to the English
 *    parser's own plugins (which also spread) exceeds `maxPieceNodes`.
 */
import type {Nodes as MdastNodes, Parents as MdastParents, Root as MdastRoot} from 'mdast'
import type {Paragraph, Root, RootContent, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {ParseEnglish} from 'parse-english'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

export interface ToNlcstOptions {
  /** mdast node types whose content is not prose (added to tables, as upstream). */
  readonly ignore?: readonly string[]
}

/** Upstream's defaults: tables are not linted, inline code is an opaque source node. */
const defaultIgnore = ['table', 'tableRow', 'tableCell']
const sourceTypes = ['inlineCode']

// Both from parse-latin, as upstream uses them.
const newLine = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const terminalMarker = /^([!.?\u2026\u203D]+)$/

type Place = ReturnType<typeof location>

function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item)
}

/** Give each node (and its children) its position, from `offset` on. */
function patch(place: Place, nodes: readonly SentenceContent[], offset: number | undefined): void {
  // An explicit stack instead of recursion; words nest one level, but nothing here trusts that.
  const stack: Array<{nodes: readonly SentenceContent[]; offset: number | undefined}> = [{nodes, offset}]
  while (stack.length > 0) {
    const {nodes: list, offset: first} = stack.pop() as {nodes: readonly SentenceContent[]; offset: number | undefined}
    let start = first
    for (const node of list) {
      if ('children' in node) stack.push({nodes: node.children as SentenceContent[], offset: start})
      const end = typeof start === 'number' ? start + toString(node).length : undefined
      const startPoint = place.toPoint(start)
      const endPoint = place.toPoint(end)
      node.position = startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
      start = end
    }
  }
}

const pointStart = (node: MdastNodes): Point | undefined => node.position?.start
const pointEnd = (node: MdastNodes): Point | undefined => node.position?.end

/** The prose of a Markdown tree as flat sentence content, in document order. */
function markdownContent(tree: MdastRoot, file: VFile, parser: ParseEnglish, ignore: readonly string[], place: Place): SentenceContent[] {
  const doc = String(file)
  const out: SentenceContent[] = []
  // Each frame walks one parent's children; `end` is where the previous child ended.
  const stack: Array<{parent: MdastParents; index: number; end: Point | undefined}> = [{parent: tree, index: 0, end: undefined}]
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as (typeof stack)[number]
    const child = frame.parent.children[frame.index] as MdastNodes | undefined
    if (!child) {
      stack.pop()
      continue
    }
    frame.index++
    const start = pointStart(child)
    if (frame.end && typeof frame.end.line === 'number' && start && start.line !== frame.end.line) {
      // Blocks on different lines: a paragraph break, as upstream inserts it.
      const lineEnding: SentenceContent = {type: 'WhiteSpaceNode', value: '\n'.repeat(Math.max(start.line - frame.end.line, 0))}
      patch(place, [lineEnding], frame.end.offset)
      if (lineEnding.value.length < 2) lineEnding.value = '\n\n'
      out.push(lineEnding)
    }
    frame.end = pointEnd(child)
    if (ignore.includes(child.type)) continue
    let startOffset = child.position?.start.offset
    const endOffset = child.position?.end.offset
    let results: SentenceContent[] | undefined
    if (sourceTypes.includes(child.type)) {
      if (startOffset !== undefined && endOffset !== undefined) results = [{type: 'SourceNode', value: doc.slice(startOffset, endOffset)}]
    } else if ('children' in child) {
      stack.push({parent: child, index: 0, end: undefined})
      continue
    } else if (child.type === 'image' || child.type === 'imageReference') {
      if (child.alt) {
        results = parser.tokenize(child.alt)
        if (typeof startOffset === 'number') startOffset += 2
      }
    } else if (child.type === 'break') {
      results = [{type: 'WhiteSpaceNode', value: '\n'}]
    } else if (child.type === 'text') {
      results = parser.tokenize(child.value)
    }
    if (results) {
      patch(place, results, startOffset)
      append(out, results)
    }
  }
  return out
}

/** A blank line: parse-latin's own test for an implicit paragraph break. */
function isBlankLine(node: SentenceContent | undefined): boolean {
  return node?.type === 'WhiteSpaceNode' && node.value.split(/\r\n|\r|\n/).length > 2
}

/**
 * The most nodes one piece may hold. The English parser's plugins merge
 * sentences with `push(...children)`, which overflows the stack past about
 * 120,000 nodes (a sentence of 60,000 words after "Mr."), and splice arrays
 * as long as the piece. A longer run without a blank line, which no essay
 * has, is cut at a sentence end near this size, or else at a space.
 */
export const maxPieceNodes = 20_000
/** How far back from the limit to look for a sentence end to cut at. */
const sentenceEndSearch = 2_000

function isSentenceEnd(content: readonly SentenceContent[], i: number): boolean {
  const previous = content[i - 1]
  return content[i]?.type === 'WhiteSpaceNode' && previous?.type === 'PunctuationNode' && terminalMarker.test(previous.value)
}

/** Where to end an over-long piece that starts at `start`: just after a white-space node. */
function cutPoint(content: readonly SentenceContent[], start: number): number {
  const limit = start + maxPieceNodes
  for (let i = limit - 1; i > limit - sentenceEndSearch; i--) if (isSentenceEnd(content, i)) return i + 1
  for (let i = limit - 1; i > start; i--) if (content[i]?.type === 'WhiteSpaceNode') return i + 1
  return limit
}

/** Cut flat content after each run of blank lines (and within over-long runs); each piece parses alone. */
function piecesOf(content: readonly SentenceContent[]): SentenceContent[][] {
  const pieces: SentenceContent[][] = []
  let start = 0
  for (let i = 0; i < content.length; i++) {
    if (i - start >= maxPieceNodes) {
      const end = cutPoint(content, start)
      pieces.push(content.slice(start, end))
      start = end
    }
    if (isBlankLine(content[i]) && !isBlankLine(content[i + 1]) && i >= start) {
      pieces.push(content.slice(start, i + 1))
      start = i + 1
    }
  }
  if (start < content.length) pieces.push(content.slice(start))
  return pieces
}

/** Like parse-latin's splitNode: cut a parent after each child that matches. */
function splitNode<T extends Sentence | Paragraph>(node: T, childType: string, expression: RegExp): T[] {
  const result: T[] = []
  let start = 0
  const children = node.children as readonly (T['children'][number])[]
  for (let index = 0; index < children.length; index++) {
    const token = children[index] as T['children'][number]
    if (index === children.length - 1 || (token.type === childType && expression.test(toString(token)))) {
      const parent = {type: node.type, children: children.slice(start, index + 1)} as T
      const first = children[start]
      if (first?.position && token.position) parent.position = {start: first.position.start, end: token.position.end}
      result.push(parent)
      start = index + 1
    }
  }
  return result
}

/** Upstream's sentence → paragraph → root steps, on one piece of content. */
function pieceToRootContent(parser: ParseEnglish, nodes: SentenceContent[]): RootContent[] {
  const start = nodes[0]?.position?.start
  const end = nodes[nodes.length - 1]?.position?.end
  const sentence: Sentence = {type: 'SentenceNode', children: nodes}
  if (start?.line && end?.line) sentence.position = {start, end}
  for (const plugin of parser.tokenizeSentencePlugins) plugin(sentence)
  const paragraph: Paragraph = {type: 'ParagraphNode', children: splitNode(sentence, 'PunctuationNode', terminalMarker)}
  if (start?.line && end?.line) paragraph.position = {start: {...start}, end: {...end}}
  for (const plugin of parser.tokenizeParagraphPlugins) plugin(paragraph)
  const root: Root = {type: 'RootNode', children: splitNode(paragraph, 'WhiteSpaceNode', newLine)}
  for (const plugin of parser.tokenizeRootPlugins) plugin(root)
  return root.children
}

function contentToRoot(parser: ParseEnglish, content: readonly SentenceContent[]): Root {
  const children: RootContent[] = []
  for (const piece of piecesOf(content)) append(children, pieceToRootContent(parser, piece))
  const root: Root = {type: 'RootNode', children}
  const start = content[0]?.position?.start
  const end = content[content.length - 1]?.position?.end
  if (start?.line && end?.line) root.position = {start: {...start}, end: {...end}}
  return root
}

/** The nlcst of a Markdown tree's prose (what remark-retext would give, linearly). */
export function markdownToNlcst(tree: MdastRoot, file: VFile, parser: ParseEnglish, options: ToNlcstOptions = {}): Root {
  const place = location(file)
  return contentToRoot(parser, markdownContent(tree, file, parser, [...defaultIgnore, ...(options.ignore ?? [])], place))
}

/** The nlcst of plain text (what retext-english would give, linearly). */
export function textToNlcst(file: VFile, parser: ParseEnglish): Root {
  const content = parser.tokenize(String(file))
  return contentToRoot(parser, content)
}
