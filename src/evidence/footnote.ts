/**
 * Numbered Markdown footnotes for the language server's "insert a footnote"
 * quick fix. The note itself is the bibliography's reference (Chicago by
 * default), the same text `histlint cite` prints.
 */
import {defaultStyle, formatReference, type BibliographyStyle} from './bibliography.js'
import type {Citation} from './citation.js'

/** The footnote labels a Markdown text already uses (`[^3]`, `[^note]`). */
export function footnoteLabels(markdown: string): string[] {
  return [...markdown.matchAll(/\[\^([^\]\s]+)\]/g)].map((match) => match[1] ?? '')
}

/** The next free numeric footnote label: one past the highest number in use. */
export function nextFootnoteNumber(markdown: string): number {
  let highest = 0
  for (const label of footnoteLabels(markdown)) if (/^\d+$/.test(label)) highest = Math.max(highest, Number(label))
  return highest + 1
}

/** A footnote definition line for a document: `[^n]: note`. */
export function footnoteDefinition(label: string | number, citation: Citation, style: BibliographyStyle = defaultStyle): string {
  return `[^${label}]: ${formatReference(citation, style)}`
}
