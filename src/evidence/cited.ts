/**
 * Is a sentence cited? A sentence counts as cited when it, or its paragraph,
 * carries a footnote reference, a link, or a parenthetical reference such as
 * "(Shtykov, 30 May 1950)"; a sentence inside a footnote is itself a note.
 *
 * remark-retext drops footnote references and link URLs, and it splits one
 * Markdown paragraph into several nlcst paragraphs at line ends, so the nlcst
 * tree cannot answer this. For Markdown, `remarkCitationMarks` reads the mdast
 * before the conversion and records the source spans of cited paragraphs and
 * of footnote definitions on `file.data`. Where that record is missing (plain
 * text, or a pipeline without the plugin) the blank-line-separated block of
 * source text around the sentence is searched instead.
 */
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import type {Sentence} from 'nlcst'
import type {VFile} from 'vfile'

/** A half-open range of source offsets. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** What `remarkCitationMarks` records about a Markdown document. */
export interface CitationMarks {
  /** Paragraphs and headings that carry a citation. */
  readonly cited: readonly Span[]
  /** Footnote definitions: everything in them is a note. */
  readonly notes: readonly Span[]
}

declare module 'vfile' {
  interface DataMap {
    histlintCitationMarks: CitationMarks
  }
}

const capitalWord = String.raw`\p{Lu}[\p{L}’'.\-]*`
const months = 'January|February|March|April|May|June|July|August|September|October|November|December'
const year = String.raw`(?:1[89]|20)\d{2}[a-z]?`

/**
 * Reference shapes in running text, each anchored on something a date or an
 * author gives, so that "(in April 1950)" or "(the KPA)" is not a citation.
 */
const referencePatterns: readonly RegExp[] = [
  // A footnote reference written out, or a numbered note: "[^3]", "[12]".
  /\[\^[^\]\s]+\]|\[\d{1,3}\]/,
  // A bare link.
  /\bhttps?:\/\/\S+|\bwww\.\S+\.\S+/,
  // "(Shtykov, 30 May 1950)", "(Stalin to Mao, 14 May 1950)", "(see Weathersby, 1993, 25)": a capitalised source, a comma, a year.
  new RegExp(String.raw`\((?:see |cf\. )?(?!(?:${months})\b)${capitalWord}(?:[ \-]+(?:${capitalWord}|to|and|&|et al\.|of|the|de|van|von))*,[^()]*\b${year}\b[^()]*\)`, 'u'),
  // Author–date: "(Weathersby 1993)", "(Weathersby 1993, 25)", "(Mansourov and Weathersby 1995: 40)".
  new RegExp(String.raw`\((?:see |cf\. )?(?!(?:${months})\b)${capitalWord}(?: (?:and|&) ${capitalWord}| et al\.)? ${year}(?:[,:;][^()]*)?\)`, 'u')
]

/** Does this piece of text carry a reference of its own (not counting Markdown syntax)? */
export function hasReferenceText(text: string): boolean {
  return referencePatterns.some((pattern) => pattern.test(text))
}

/** The plain text of an mdast node, with link URLs and footnote labels left out. */
function plainText(node: MdastNodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as MdastNodes[]).map(plainText).join('')
  return ''
}

/** Does an mdast subtree hold a footnote reference or a link? */
function hasCitationNode(node: MdastNodes): boolean {
  if (node.type === 'footnoteReference' || node.type === 'link' || node.type === 'linkReference') return true
  return 'children' in node && (node.children as MdastNodes[]).some(hasCitationNode)
}

function spanOf(node: MdastNodes): Span | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end}
}

/** Record the citation marks of a Markdown tree (pure: no change to the tree). */
export function citationMarks(tree: MdastRoot): CitationMarks {
  const cited: Span[] = []
  const notes: Span[] = []
  const walk = (node: MdastNodes): void => {
    if (node.type === 'footnoteDefinition') {
      const span = spanOf(node)
      if (span) notes.push(span)
      return
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const span = spanOf(node)
      if (span && (hasCitationNode(node) || hasReferenceText(plainText(node)))) cited.push(span)
      return
    }
    if ('children' in node) for (const child of node.children as MdastNodes[]) walk(child)
  }
  walk(tree)
  return {cited, notes}
}

/**
 * The remark plugin: runs on the mdast, before remark-retext (and before any
 * plugin that drops links), and leaves the tree as it is.
 */
export function remarkCitationMarks() {
  return function (tree: MdastRoot, file: VFile): void {
    file.data.histlintCitationMarks = citationMarks(tree)
  }
}

const within = (spans: readonly Span[], offset: number): boolean => spans.some((s) => s.start <= offset && offset < s.end)

/** The blank-line-separated block of `source` around `offset`: a plain-text paragraph. */
export function blockAround(source: string, offset: number): Span {
  const blankLine = /\n[ \t]*\n/g
  let start = 0
  let end = source.length
  for (let match = blankLine.exec(source); match; match = blankLine.exec(source)) {
    if (match.index + match[0].length <= offset) start = match.index + match[0].length
    else if (match.index >= offset) {
      end = match.index
      break
    }
  }
  return {start, end}
}

/** Does the sentence, or its paragraph, carry a citation? */
export function isSentenceCited(sentence: Sentence, file: VFile): boolean {
  const offset = sentence.position?.start.offset
  if (offset === undefined) return false
  const marks = file.data.histlintCitationMarks
  if (marks) return within(marks.notes, offset) || within(marks.cited, offset)
  const source = String(file.value ?? '')
  const block = blockAround(source, offset)
  return hasReferenceText(source.slice(block.start, block.end))
}
