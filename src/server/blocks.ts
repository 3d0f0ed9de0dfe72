/**
 * Split a document into top-level blocks, the unit the language server lints
 * and caches. A sentence never crosses a top-level block, so linting each
 * block alone and shifting its findings gives what linting the whole
 * document gives, and an edit only re-lints the block it touched.
 *
 * Markdown blocks come from remark-parse's positions (so a blank line inside
 * a fenced code block or front matter does not split it); plain text splits
 * at blank lines, which is where parse-english ends a paragraph anyway.
 */
import type {Root as MdastRoot, RootContent} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {ignoredMarkdown, type Syntax} from '../pipeline/processor.js'

export interface Block {
  /** The block's source, from the start of its first line to its end. */
  readonly text: string
  /** Offset of the block's first character in the document. */
  readonly offset: number
  /** The mdast node type (`paragraph`, `heading`, `yaml`, …); `paragraph` for plain text. */
  readonly type: string
  /** False for what histlint never lints (code, HTML, front matter, blockquotes, definitions). */
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

const markdownParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()

const ignored = new Set(ignoredMarkdown)

/** Offset of the start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1
}

/** Offset after the line break that ends the line holding `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset)
  return newline === -1 ? text.length : newline + 1
}

function collectDefinitions(nodes: readonly RootContent[], into: Set<string>): void {
  for (const node of nodes) {
    if (node.type === 'definition') into.add(`[${node.label ?? node.identifier}]: #`)
    else if (node.type === 'footnoteDefinition') into.add(`[^${node.label ?? node.identifier}]: .`)
    if ('children' in node) collectDefinitions(node.children as RootContent[], into)
  }
}

function splitMarkdown(text: string): BlockSplit {
  const tree = markdownParser.parse(text) as MdastRoot
  const blocks: Block[] = []
  let bodyStart = 0
  for (const node of tree.children) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    const from = lineStart(text, start)
    if ((node.type === 'yaml' || node.type === ('toml' as string)) && blocks.length === 0) bodyStart = nextLineStart(text, end)
    blocks.push({text: text.slice(from, end), offset: from, type: node.type, prose: !ignored.has(node.type)})
  }
  const definitions = new Set<string>()
  collectDefinitions(tree.children, definitions)
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
    if (text.slice(from, end).trim().length > 0) blocks.push({text: text.slice(from, end), offset: from, type: 'paragraph', prose: true})
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
