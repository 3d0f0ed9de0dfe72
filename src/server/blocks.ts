/**
 * Split a document into blocks, the unit the language server lints and
 * caches. A block is a run of lines between blank lines that are boundaries
 * of the document's top-level structure, so a sentence never crosses one,
 * linting each block alone and shifting its findings gives what linting the
 * whole document gives, and an edit re-lints only the block it touched.
 *
 * The split is a line scan, not a Markdown parse: parsing the whole document
 * on every keystroke costs more than the lint of the edited paragraph. The
 * scan keeps together what a blank line does not end: front matter, fenced
 * code, HTML blocks that run to a closing marker, and indented lines after a
 * blank line (a list item's or footnote's next paragraph, or indented code).
 * Each block is then parsed by the real pipeline.
 */
import type {Syntax} from '../pipeline/processor.js'

export interface Block {
  /** The block's source, from the start of its first line to the end of its last. */
  readonly text: string
  /** Offset of the block's first character in the document. */
  readonly offset: number
  /** False for front matter, which histlint never lints. */
  readonly prose: boolean
}

export interface BlockSplit {
  readonly blocks: readonly Block[]
  /**
   * Stub definitions of every link reference and footnote label in the
   * document: a block linted alone keeps `[text][ref]` and `[^1]` as
   * references (as in the whole document) instead of literal brackets.
   */
  readonly definitions: string
  /** Offset just past the front matter (0 when there is none). */
  readonly bodyStart: number
}

interface Line {
  readonly start: number
  /** End of the line's content, before `\r?\n`. */
  readonly end: number
  readonly text: string
}

function linesOf(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  while (start <= text.length) {
    const newline = text.indexOf('\n', start)
    const next = newline === -1 ? text.length : newline
    const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next
    lines.push({start, end, text: text.slice(start, end)})
    if (newline === -1) break
    start = newline + 1
  }
  return lines
}

const blank = (line: string): boolean => /^[ \t]*$/.test(line)

/**
 * For a line that opens a construct which blank lines do not end (fenced
 * code, an HTML block of CommonMark types 1–5), the test for its closing
 * line; undefined when the line opens none or closes it itself.
 */
function closerOf(line: string): ((line: string) => boolean) | undefined {
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)
  if (fence) {
    const marker = fence[1] as string
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`)
    return (l) => closing.test(l)
  }
  const html = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(line)
  if (html) {
    const closing = new RegExp(`</${html[1]}>`, 'i')
    return closing.test(line) ? undefined : (l) => closing.test(l)
  }
  const markers: readonly (readonly [RegExp, string])[] = [
    [/^ {0,3}<!--/, '-->'],
    [/^ {0,3}<\?/, '?>'],
    [/^ {0,3}<!\[CDATA\[/, ']]>'],
    [/^ {0,3}<![A-Za-z]/, '>']
  ]
  for (const [opening, closing] of markers) {
    const open = opening.exec(line)
    if (open) return line.slice(open[0].length).includes(closing) ? undefined : (l) => l.includes(closing)
  }
  return undefined
}

/** Front matter: `---` … `---` (YAML) or `+++` … `+++` (TOML) from the first line. */
function frontMatterEnd(lines: readonly Line[]): number {
  const marker = lines[0]?.text.trimEnd()
  if (marker !== '---' && marker !== '+++') return 0
  for (let index = 1; index < lines.length; index++) if (lines[index]?.text.trimEnd() === marker) return index + 1
  return 0
}

function splitMarkdown(text: string): BlockSplit {
  const lines = linesOf(text)
  const blocks: Block[] = []
  const definitions = new Set<string>()
  const push = (first: number, last: number, prose: boolean): void => {
    const from = (lines[first] as Line).start
    blocks.push({text: text.slice(from, (lines[last] as Line).end), offset: from, prose})
  }
  let index = frontMatterEnd(lines)
  if (index > 0) push(0, index - 1, false)
  const bodyStart = index > 0 ? (lines[index]?.start ?? text.length) : 0
  let first = -1
  let last = -1
  let closer: ((line: string) => boolean) | undefined
  for (; index < lines.length; index++) {
    const line = (lines[index] as Line).text
    if (closer) {
      if (closer(line)) closer = undefined
      last = index
      continue
    }
    if (blank(line)) continue
    const definition = line.includes(']:') ? /^ {0,3}\[(\^?)([^\]]+)\]:/.exec(line) : null
    if (definition) definitions.add(definition[1] ? `[^${definition[2]}]: .` : `[${definition[2]}]: #`)
    // A new block starts after a blank line, unless the line is indented (it continues the block above).
    const afterBlank = first !== -1 && last < index - 1
    if (first === -1 || (afterBlank && !/^[ \t]/.test(line))) {
      if (first !== -1) push(first, last, true)
      first = index
    }
    last = index
    // Only lines that start (after up to three spaces) with ` ~ or < can open such a construct.
    if (/^ {0,3}[`~<]/.test(line)) closer = closerOf(line)
  }
  if (first !== -1) push(first, last, true)
  return {blocks, definitions: [...definitions].join('\n'), bodyStart}
}

function splitPlainText(text: string): BlockSplit {
  const blocks: Block[] = []
  // A run of blank lines; it ends at the start of the next paragraph's first line.
  const separator = /\r?\n(?:[ \t]*\r?\n)+/g
  let from = 0
  for (;;) {
    const match = separator.exec(text)
    const end = match ? match.index : text.length
    if (text.slice(from, end).trim().length > 0) blocks.push({text: text.slice(from, end), offset: from, prose: true})
    if (!match) break
    from = match.index + match[0].length
  }
  return {blocks, definitions: '', bodyStart: 0}
}

export function splitBlocks(text: string, syntax: Syntax): BlockSplit {
  return syntax === 'text' ? splitPlainText(text) : splitMarkdown(text)
}

/** The top-level block that holds `offset`, if any. */
export function blockAt(split: BlockSplit, offset: number): Block | undefined {
  return split.blocks.find((block) => offset >= block.offset && offset <= block.offset + block.text.length)
}
