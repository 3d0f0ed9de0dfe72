/**
 * Positions for nlcst nodes built from pieces of a document: each piece is
 * tokenized on its own and its nodes are placed at the piece's offset.
 */
import type {RootContent} from 'nlcst'
import type {Point} from 'unist'

/** Give each node (and its children) a position, from `offset` on. */
export function patch(points: Points, nodes: RootContent[], offset: number | undefined): void {
  if (offset === undefined) {
    for (const node of nodes) {
      if ('children' in node) patch(points, node.children as RootContent[], undefined)
      node.position = undefined
    }
    return
  }
  let start = offset
  let startPoint = points.toPoint(start)
  for (const node of nodes) {
    if ('children' in node) patch(points, node.children as RootContent[], start)
    const end = start + textLength(node)
    // Each end point is the next node's start point: points are shared, never changed in place.
    const endPoint = points.toPoint(end)
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
export class Points {
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

/**
 * White space as parse-latin's tokenizer classifies it (its `whiteSpace`
 * expression, Unicode White_Space), in maximal runs.
 */
const whiteSpaceRun = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g
const lineEnding = /\r\n?|\n/g
const maxSlice = 16_384

/** parse-latin's class of an ASCII character: word, white space, or a mark (punctuation or symbol). */
function asciiClass(code: number): 'word' | 'space' | 'mark' | undefined {
  if (code > 0x7e) return undefined
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'word'
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return 'space'
  return code > 0x20 ? 'mark' : undefined
}

/**
 * Whether parse-latin's tokenizer always ends a token before `text[index]`:
 * both characters ASCII and of different classes, or two different marks
 * (a run of marks continues only with the same character). Elsewhere
 * (non-ASCII, a run of word characters) a slice is never cut.
 */
function isTokenBoundary(text: string, index: number): boolean {
  const before = asciiClass(text.charCodeAt(index - 1))
  const after = asciiClass(text.charCodeAt(index))
  if (!before || !after) return false
  return before !== after || (before === 'mark' && text[index - 1] !== text[index])
}

/**
 * The tokens of a plain text, as `parser.tokenize(text)` gives them (same
 * nodes, same positions), produced paragraph by paragraph: the text is cut
 * at each maximal run of white space that holds a blank line. The tokenizer
 * only groups characters of one class, and such a run is always a token of
 * its own, so the cut changes no token; tokenizing lazily keeps only a few
 * paragraphs' tokens alive at once. A paragraph longer than 16 KB is also
 * cut, between two ASCII characters where the tokenizer always ends a token.
 */
export function* plainTextTokens<T extends RootContent>(text: string, tokenize: (value: string) => T[]): Generator<T> {
  const points = new Points(text)
  const tokenizeAt = (from: number, to: number): T[] => {
    const nodes = tokenize(text.slice(from, to))
    patch(points, nodes, from)
    return nodes
  }
  // A paragraph of megabytes is tokenized in slices too: one call would hold
  // all its nodes at once (the collector then makes it super-linear).
  function* piece(from: number, to: number): Generator<T> {
    let start = from
    while (to - start > maxSlice) {
      let cut = start + maxSlice
      while (cut < to && !isTokenBoundary(text, cut)) cut++
      yield* tokenizeAt(start, cut)
      start = cut
    }
    yield* tokenizeAt(start, to)
  }
  let from = 0
  for (const run of text.matchAll(whiteSpaceRun)) {
    if ((run[0].match(lineEnding)?.length ?? 0) < 2) continue
    const start = run.index
    const end = start + run[0].length
    if (start > from) yield* piece(from, start)
    yield* piece(start, end)
    from = end
  }
  if (from < text.length) yield* piece(from, text.length)
}
