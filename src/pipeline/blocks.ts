/**
 * mdast → nlcst one block at a time, with the same sentences as converting
 * the whole document at once.
 *
 * `mdast-util-to-nlcst` (what remark-retext calls) flattens the whole document
 * into ONE sentence and runs the English parser's sentence and paragraph
 * plugins on it; they splice arrays of the document's size, so the parse gets
 * dearer per word as documents grow (PIPELINE-NOTES, item 6). Here the
 * document's sentence content is listed in the same order, with the same
 * positions and block line endings, and parsed chunk by chunk (chunks.ts),
 * cut at every blank-line break between blocks at any depth (paragraphs,
 * list items, footnotes). bench/check-blocks.mjs compares both ways on
 * thousands of awkward documents.
 *
 * The traversal (`tokens`, `patch`) follows mdast-util-to-nlcst 7 (MIT,
 * Titus Wormer).
 */
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import type {Root, RootContent, SentenceContent, WhiteSpace} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {forEachChunk, type ChunkFilter, type ChunkLimits, type NlcstParser} from './chunks.js'
import {patch, Points} from './positions.js'

export type {NlcstParser} from './chunks.js'

export interface BlockOptions {
  /** mdast node types that are not prose (tables are always skipped, as in remark-retext). */
  readonly ignore?: readonly string[]
  /** Where long chunks are cut (tests make them small); chunks.ts has the defaults. */
  readonly limits?: ChunkLimits
  /** Which chunks can matter to the visitor (the others are not parsed into sentences): see chunks.ts. */
  readonly mayMatter?: ChunkFilter
}

interface State {
  readonly doc: string
  readonly place: Points
  readonly parser: NlcstParser
  readonly ignore: readonly string[]
}

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
  forEachChunk(tokens(state, tree), parser, visit, options.limits, options.mayMatter)
}

function blockLineEnding(state: State, lines: number, offset: number | undefined): WhiteSpace {
  // remark can report a child starting on an earlier line than its sibling
  // ended (a setext heading after link definitions): never a negative count.
  const lineEnding: WhiteSpace = {type: 'WhiteSpaceNode', value: '\n'.repeat(Math.max(lines, 1))}
  patch(state.place, [lineEnding], offset)
  // Make sure it is seen as a break between paragraphs.
  if (lineEnding.value.length < 2) lineEnding.value = '\n\n'
  return lineEnding
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
    patch(state.place, results, start)
    yield* results
  }
}
