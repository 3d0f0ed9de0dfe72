/**
 * Inputs that histlint refuses before parsing, with a reason, rather than
 * crash or stall on: text past the size limit, and Markdown nested deeper than
 * any essay needs. remark's parser is quadratic in container depth (3,000
 * nested blockquotes take seconds) and overflows the stack a little past that,
 * so the depth is measured in one linear scan first.
 */
import {maxInputBytes} from '../io/read.js'

/** The deepest Markdown container nesting (blockquotes and lists) histlint parses. */
export const maxNestingDepth = 100

/** Why histlint will not lint a document; the CLI prints it as the file's one error line. */
export class UnlintableInputError extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'UnlintableInputError'
  }
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57
const isBlank = (code: number): boolean => code === 32 || code === 9

/**
 * An upper bound on the container depth any line opens: its `>` and list
 * markers, plus half its leading indentation (a nested list indents at least
 * two columns a level). Linear in the text; never under-counts real nesting.
 */
export function containerDepth(text: string): number {
  let deepest = 0
  let i = 0
  const n = text.length
  while (i < n) {
    let indent = 0
    while (i < n && isBlank(text.charCodeAt(i))) {
      indent += text.charCodeAt(i) === 9 ? 4 : 1
      i++
    }
    let depth = Math.floor(indent / 2)
    let lineEnd = i
    while (lineEnd < n && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++
    // "- - - -" alone on a line is a thematic break, not nested lists.
    const thematicBreak = /^([-*_])([ \t]*\1){2,}[ \t]*$/.test(text.slice(i, lineEnd))
    while (!thematicBreak) {
      const code = text.charCodeAt(i)
      let marker = 0
      if (code === 62 /* > */) marker = 1
      else if ((code === 45 || code === 42 || code === 43) /* - * + */ && (i + 1 >= n || isBlank(text.charCodeAt(i + 1)))) marker = 1
      else if (isDigit(code)) {
        let j = i
        while (j < n && j - i < 9 && isDigit(text.charCodeAt(j))) j++
        const after = text.charCodeAt(j)
        if ((after === 46 || after === 41) /* . ) */ && (j + 1 >= n || isBlank(text.charCodeAt(j + 1)))) marker = j + 1 - i
      }
      if (marker === 0) break
      depth++
      i += marker
      while (i < n && isBlank(text.charCodeAt(i))) i++
    }
    if (depth > deepest) deepest = depth
    // On to the next line (\n, \r\n or \r).
    i = lineEnd + 1
  }
  return deepest
}

/** Throw UnlintableInputError when histlint cannot lint this text safely. */
export function assertLintable(text: string, markdown: boolean): void {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > maxInputBytes) throw new UnlintableInputError(`input is larger than the ${maxInputBytes / 1024 / 1024} MiB limit (${bytes} bytes)`)
  if (!markdown) return
  const depth = containerDepth(text)
  if (depth > maxNestingDepth) {
    throw new UnlintableInputError(`Markdown nested ${depth} levels deep (blockquotes, lists or indentation); histlint parses at most ${maxNestingDepth}`)
  }
}
