/**
 * remark-parse, in linear time on long documents.
 *
 * micromark (remark's parser) grows quadratically with the number of container
 * blocks in one document: an essay with thousands of blockquotes or list items
 * doubles its parse time when it grows by half (1.6 MB took 11.6 s against
 * 3.2 s for 0.8 MB). Past `chunkAboveBytes`, the document is therefore parsed
 * in pieces cut at top-level block boundaries, and the pieces' trees joined
 * with their positions shifted. Shorter documents parse in one piece, exactly
 * as remark-parse would; in long ones a link reference or footnote defined in
 * another piece stays literal text, which costs nothing but a stray word.
 */
import type {Root, RootContent} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import type {Processor} from 'unified'
import type {Node, Point} from 'unist'

/** Documents up to this size (characters) parse in one piece. */
export const chunkAboveBytes = 64 * 1024
/** Pieces are at least this long (characters), ending at a safe boundary. */
const pieceSize = 16 * 1024

const fence = /^ {0,3}(`{3,}|~{3,})/
/** HTML blocks that may contain blank lines (CommonMark types 1 to 5), and what ends each. */
function rawHtmlEnd(line: string): string | undefined {
  const start = /^ {0,3}(<(script|pre|style|textarea)(?=[\s>]|$)|<!--|<\?|<!\[CDATA\[|<![A-Za-z])/i.exec(line)
  if (!start) return undefined
  const opener = (start[1] ?? '').toLowerCase()
  const end = start[2] ? `</${start[2].toLowerCase()}>` : opener === '<!--' ? '-->' : opener === '<?' ? '?>' : opener === '<![cdata[' ? ']]>' : '>'
  return line.slice(start[0].length).toLowerCase().includes(end) ? undefined : end
}

/**
 * Offsets where a new piece may start: the start of a non-blank line at
 * column 0 after a blank line, outside fenced code, raw HTML and front matter.
 * Such a line always opens a new top-level block.
 */
export function safeCuts(doc: string): number[] {
  const cuts: number[] = []
  let offset = 0
  let previousBlank = false
  let openFence: string | undefined
  let rawHtml: string | undefined
  let inFrontMatter = /^(---|\+\+\+)\r?\n/.test(doc)
  let lastCut = 0
  let first = true
  while (offset < doc.length) {
    let end = doc.indexOf('\n', offset)
    if (end === -1) end = doc.length
    const line = doc.slice(offset, end).replace(/\r$/, '')
    const blank = line.trim() === ''
    if (inFrontMatter) {
      if (!first && /^(---|\+\+\+)\s*$/.test(line)) inFrontMatter = false
    } else if (openFence) {
      const close = fence.exec(line)
      if (close && close[1]?.[0] === openFence[0] && (close[1]?.length ?? 0) >= openFence.length && line.trim() === close[1]) openFence = undefined
    } else if (rawHtml) {
      if (line.toLowerCase().includes(rawHtml)) rawHtml = undefined
    } else {
      if (previousBlank && !blank && !/^\s/.test(line) && offset - lastCut >= pieceSize) {
        cuts.push(offset)
        lastCut = offset
      }
      const open = fence.exec(line)
      if (open) openFence = open[1]
      else rawHtml = rawHtmlEnd(line)
    }
    previousBlank = blank
    first = false
    offset = end + 1
  }
  return cuts
}

/** Move a point by whole lines and by offset; columns move only on a piece's first line (the BOM case). */
function shift(point: Point, lines: number, offset: number, firstLineColumns: number): void {
  if (point.line === 1) point.column += firstLineColumns
  point.line += lines
  if (point.offset !== undefined) point.offset += offset
}

function shiftTree(tree: Node, lines: number, offset: number, firstLineColumns: number): void {
  const stack: Node[] = [tree]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.position) {
      shift(node.position.start, lines, offset, firstLineColumns)
      shift(node.position.end, lines, offset, firstLineColumns)
    }
    const children = (node as {children?: Node[]}).children
    if (children) for (const child of children) stack.push(child)
  }
}

/** The plugin: remark-parse's parser, reading the same extensions from `data`. */
export default function remarkParseLinear(this: Processor) {
  const self = this
  self.parser = (doc: string): Root => {
    // Set by remark-gfm and remark-frontmatter, read exactly as remark-parse reads them.
    const data = self.data() as {micromarkExtensions?: never[]; fromMarkdownExtensions?: never[]}
    const options = {extensions: data.micromarkExtensions ?? [], mdastExtensions: data.fromMarkdownExtensions ?? []}
    // micromark drops a leading BOM and counts positions without it; parse
    // after it and shift, so every position is an offset into the file.
    const bom = doc.charCodeAt(0) === 0xfeff ? 1 : 0
    const cuts = doc.length <= chunkAboveBytes ? [bom, doc.length] : [bom, ...safeCuts(doc).filter((cut) => cut > bom), doc.length]
    const children: RootContent[] = []
    let lines = 0
    for (let i = 0; i + 1 < cuts.length; i++) {
      const from = cuts[i] as number
      const to = cuts[i + 1] as number
      const piece = fromMarkdown(doc.slice(from, to), options)
      shiftTree(piece, lines, from, i === 0 ? bom : 0)
      for (const child of piece.children) children.push(child)
      lines += countLines(doc, from, to)
    }
    const end = {line: lines + 1, column: doc.length - lastLineStart(doc) + 1, offset: doc.length}
    return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end}}
  }
}

/** Line breaks (\n, \r\n or \r) between two offsets. */
function countLines(doc: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i++) {
    const code = doc.charCodeAt(i)
    if (code === 10) count++
    else if (code === 13 && doc.charCodeAt(i + 1) !== 10) count++
  }
  return count
}

function lastLineStart(doc: string): number {
  return Math.max(doc.lastIndexOf('\n'), doc.lastIndexOf('\r')) + 1
}
