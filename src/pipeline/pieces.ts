/**
 * Long Markdown documents parsed in independent pieces.
 *
 * micromark is quadratic in the number of containers a document holds: each
 * time a list item, block quote or footnote definition closes, it copies the
 * document's whole event list (`EditMap.consume` in its document
 * tokenizer). 2,000 paragraphs alternating with lists take 1.5 s, 4,000 take
 * 6.6 s, 8,000 34 s, and a 5 MB essay would take half an hour. So a long
 * document is cut, at top-level block boundaries where nothing can run on,
 * into pieces of a few kilobytes; each is parsed on its own and the trees are
 * joined, with positions moved to where the piece stands in the document.
 *
 * A cut is made only before a line that starts with a letter at column 0
 * after a blank line, outside front matter: no container (list item, block
 * quote, footnote definition) and no block but two runs on there. Those two,
 * fenced code and raw HTML of kinds 1–5 (`<script>`, `<!--` …), may hold
 * blank lines; a piece whose parse ends in one left open is not cut there
 * (micromark decides what is open, not a second Markdown parser of ours).
 * Link and footnote definitions are the one thing a piece needs from the
 * others: a piece that may hold references is parsed again with stand-ins
 * for the labels the other pieces define appended after it (and dropped
 * from its tree), so its references resolve as in the whole document.
 */
import type {Root, RootContent} from 'mdast'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'

/** A piece of the source: its text and where it starts. */
export interface Piece {
  readonly text: string
  readonly offset: number
  /** 1-based line of its first character. */
  readonly line: number
  /** The piece ends outside any fence, raw HTML block or front matter (always, but for the last piece). */
  readonly closed: boolean
}

/** HTML blocks that may hold blank lines (CommonMark kinds 1–5): how each starts and ends. */
const rawHtmlBlocks: Array<[start: RegExp, end: RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
]
const fenceOpening = /^ {0,3}(`{3,}|~{3,})/
const fenceClosing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/
const blank = /^[ \t]*$/
const cutBefore = /^[A-Za-z]/
const lineBreak = /\r\n|\r|\n/g

/** A place where a piece may start: a line starting with a letter after a blank line, outside front matter. */
interface Cut {
  readonly offset: number
  readonly line: number
}

/** Every line of `source`: its offset, 1-based number, text and the offset after its line ending. */
function* linesOf(source: string, from = 0, firstLine = 1): Generator<{offset: number; line: number; text: string; next: number}> {
  let start = from
  let line = firstLine
  while (start <= source.length) {
    lineBreak.lastIndex = start
    const found = lineBreak.exec(source)
    const end = found ? found.index : source.length
    const next = found ? found.index + found[0].length : source.length + 1
    yield {offset: start, line, text: source.slice(start, end), next}
    start = next
    line++
  }
}

function cutsOf(source: string): Cut[] {
  const cuts: Cut[] = []
  // Front matter runs to its closing fence, blank lines and all.
  let frontMatter: string | undefined = /^(---|\+\+\+)[ \t]*(\r\n|\r|\n)/.exec(source)?.[1]
  let previousBlank = false
  for (const {offset, line, text} of linesOf(source)) {
    if (frontMatter !== undefined) {
      if (line > 1 && text.trimEnd() === frontMatter) frontMatter = undefined
    } else if (previousBlank && cutBefore.test(text)) cuts.push({offset, line})
    previousBlank = blank.test(text)
  }
  return cuts
}

/**
 * Whether a piece's tree ends in a block that runs on past a blank line:
 * fenced code without its closing fence, or raw HTML of kinds 1–5 without
 * its end. Such a block would swallow the next piece in the whole document.
 * Returns the offset (in the document) after which it closes, or undefined.
 */
function openBlockEnd(tree: Root, text: string, offset: number, source: string): number | undefined {
  // The last block of the piece itself (stand-ins may follow it).
  let last: RootContent | undefined
  for (const child of tree.children) if ((child.position?.start.offset ?? 0) < text.length) last = child
  const start = last?.position?.start.offset
  if (!last || start === undefined) return undefined
  const value = text.slice(start, last.position?.end.offset)
  const firstLine = value.split(/\r\n|\r|\n/, 1)[0] ?? ''
  if (last.type === 'code') {
    const fence = fenceOpening.exec(firstLine)?.[1]
    if (!fence) return undefined
    const closes = (line: string): boolean => {
      const closing = fenceClosing.exec(line)?.[1]
      return closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length
    }
    const lines = value.split(/\r\n|\r|\n/)
    if (lines.length > 1 && closes(lines[lines.length - 1] as string)) return undefined
    for (const line of linesOf(source, offset + start)) if (line.offset > offset + start && closes(line.text)) return line.next
    return Number.POSITIVE_INFINITY
  }
  if (last.type === 'html') {
    const kind = rawHtmlBlocks.find(([opens]) => opens.test(firstLine))
    if (!kind || kind[1].test(value)) return undefined
    const found = kind[1].exec(source.slice(offset + start))
    return found ? offset + start + found.index + found[0].length : Number.POSITIVE_INFINITY
  }
  return undefined
}

/**
 * Parse `source` in pieces of at least `size` characters, each cut where the
 * whole document starts a new top-level block too (see above); returns the
 * pieces and their trees.
 */
export function parseIntoPieces(
  source: string,
  size: number,
  parse: (value: string, offset: number) => Root
): {pieces: Piece[]; trees: Root[]} {
  const cuts = cutsOf(source)
  const pieces: Piece[] = []
  const trees: Root[] = []
  let start = 0
  let startLine = 1
  let index = 0
  // Each failed cut re-parses the piece so far: the next try is twice as far
  // off, so a run of failures (fence after fence) costs at most twice its length.
  let reach = size
  for (;;) {
    while (index < cuts.length && (cuts[index] as Cut).offset - start < reach) index++
    const cut = cuts[index]
    if (!cut) break
    const text = source.slice(start, cut.offset)
    const tree = parse(text, start)
    const closesAt = openBlockEnd(tree, text, start, source)
    if (closesAt !== undefined) {
      // Not a block boundary after all: look again past the block's end.
      while (index < cuts.length && (cuts[index] as Cut).offset < closesAt) index++
      reach = Math.max(reach, text.length) * 2
      continue
    }
    pieces.push({text, offset: start, line: startLine, closed: true})
    trees.push(tree)
    start = cut.offset
    startLine = cut.line
    index++
    reach = size
  }
  const text = source.slice(start)
  const tree = parse(text, start)
  pieces.push({text, offset: start, line: startLine, closed: openBlockEnd(tree, text, start, source) === undefined})
  trees.push(tree)
  return {pieces, trees}
}

/**
 * The link and footnote definitions in a tree: normalised identifier (a
 * footnote's with a leading "^") → label as written.
 */
function definedLabels(tree: Root, before = Number.POSITIVE_INFINITY): Map<string, string> {
  const labels = new Map<string, string>()
  const stack: Array<Root | RootContent> = [tree]
  while (stack.length > 0) {
    const node = stack.pop() as Root | RootContent
    if (node.type !== 'root' && (node.position?.start.offset ?? 0) >= before) continue
    if (node.type === 'definition') labels.set(node.identifier, node.label ?? node.identifier)
    else if (node.type === 'footnoteDefinition') labels.set('^' + node.identifier, '^' + (node.label ?? node.identifier))
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
  return labels
}

/**
 * What a piece could refer to: the normalised text of every bracketed span
 * (a reference's label has no unescaped brackets), footnote calls with
 * their "^".
 */
function bracketedIdentifiers(text: string): Set<string> {
  const found = new Set<string>()
  for (const match of text.matchAll(/\[((?:[^[\]\\]|\\.){1,999})\]/g)) found.add(identifierOf(match[1] as string))
  return found
}

/** A label's identifier as mdast-util-from-markdown makes it, a footnote's with its "^". */
function identifierOf(label: string): string {
  return label.startsWith('^') ? '^' + normalizeIdentifier(label.slice(1)).toLowerCase() : normalizeIdentifier(label).toLowerCase()
}

/**
 * Stand-in definitions to append to a closed piece (after a blank line) so
 * that its references resolve as in the whole document.
 */
function definitionStandIns(labels: Iterable<string>): string {
  const lines = [...labels].map((label) => (label.startsWith('^') ? `[${label}]: x` : `[${label}]: #`))
  return lines.length === 0 ? '' : '\n\n' + lines.join('\n\n') + '\n'
}

/** Lines that may be definitions (`[label]:` at the start of a line): identifier → label and offsets. */
function definitionCandidates(source: string): Map<string, {label: string; offsets: number[]}> {
  const found = new Map<string, {label: string; offsets: number[]}>()
  for (const match of source.matchAll(/^ {0,3}\[((?:[^[\]\\\r\n]|\\.){1,999})\]:/gm)) {
    const label = match[1] as string
    const identifier = identifierOf(label)
    const entry = found.get(identifier) ?? {label, offsets: []}
    entry.offsets.push(match.index)
    found.set(identifier, entry)
  }
  return found
}

/**
 * Parse a document piece by piece. Each piece is parsed once, with
 * stand-ins for the labels it refers to that a line elsewhere seems to
 * define; once every piece is parsed, the definitions micromark really made
 * are known, and a piece whose guess was wrong (a "definition" that was
 * paragraph text, one that only its own piece holds) is parsed again with
 * the right stand-ins. Only labels a piece may refer to are added, so the
 * work stays linear.
 */
export function parsePieces(source: string, size: number, parse: (value: string) => Root): Root {
  const candidates = definitionCandidates(source)
  const given = new Map<number, string[]>()
  const withStandIns = (text: string, labels: string[]): Root => parse(labels.length > 0 ? text + definitionStandIns(labels) : text)
  const {pieces, trees} = parseIntoPieces(source, size, (text, offset) => {
    const labels: string[] = []
    if (candidates.size > 0) {
      for (const identifier of bracketedIdentifiers(text)) {
        const entry = candidates.get(identifier)
        if (entry?.offsets.some((at) => at < offset || at >= offset + text.length)) labels.push(entry.label)
      }
    }
    given.set(offset, labels)
    return withStandIns(text, labels)
  })
  if (pieces.length === 1 && (given.get(0)?.length ?? 0) === 0) return joinPieces(trees, pieces)
  // What each piece really defines (stand-ins excluded), and who defines each identifier.
  const definers = new Map<string, {label: string; pieces: Set<number>}>()
  trees.forEach((tree, index) => {
    for (const [identifier, label] of definedLabels(tree, (pieces[index] as Piece).text.length)) {
      const entry = definers.get(identifier) ?? {label, pieces: new Set<number>()}
      entry.pieces.add(index)
      definers.set(identifier, entry)
    }
  })
  pieces.forEach((piece, index) => {
    const needed: string[] = []
    if (piece.closed) {
      for (const identifier of bracketedIdentifiers(piece.text)) {
        const entry = definers.get(identifier)
        if (entry && !entry.pieces.has(index)) needed.push(entry.label)
      }
    }
    const guessed = given.get(piece.offset) ?? []
    const same = needed.length === guessed.length && needed.every((label, k) => label === guessed[k])
    if (!same) trees[index] = withStandIns(piece.text, needed)
  })
  return joinPieces(trees, pieces)
}

/**
 * Join the trees of the pieces into the tree of the document: each piece's
 * nodes past its own text (the stand-ins) are dropped, and every position
 * is moved by the piece's offset and line.
 */
function joinPieces(trees: readonly Root[], pieces: readonly Piece[]): Root {
  const children: RootContent[] = []
  trees.forEach((tree, index) => {
    const piece = pieces[index] as Piece
    for (const child of tree.children) {
      if ((child.position?.start.offset ?? 0) >= piece.text.length) continue
      shift(child, piece)
      children.push(child)
    }
  })
  // The document ends where its last piece's text ends (stand-ins may follow it in its tree).
  const last = pieces[pieces.length - 1] as Piece
  const lines = last.text.split(/\r\n|\r|\n/)
  const end = {line: last.line + lines.length - 1, column: (lines[lines.length - 1] ?? '').length + 1, offset: last.offset + last.text.length}
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end}}
}

function shift(node: RootContent, piece: Piece): void {
  if (piece.offset === 0) return
  const stack: RootContent[] = [node]
  while (stack.length > 0) {
    const current = stack.pop() as RootContent
    const position = current.position
    if (position) {
      // Pieces start at the beginning of a line, so columns do not change.
      current.position = {
        start: {line: position.start.line + piece.line - 1, column: position.start.column, offset: (position.start.offset ?? 0) + piece.offset},
        end: {line: position.end.line + piece.line - 1, column: position.end.column, offset: (position.end.offset ?? 0) + piece.offset}
      }
    }
    if ('children' in current) for (const child of current.children) stack.push(child as RootContent)
  }
}
