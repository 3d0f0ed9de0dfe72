/**
 * Footnotes: a Chicago-style note for a catalogue document, and the Markdown
 * footnote that carries it. Shared by the language server's "insert a
 * footnote" quick fix and (later) `histlint cite`. Only catalogue fields are
 * used, so a note never cites anything the catalogue does not hold.
 */
import {formatDate, type Citation} from './citation.js'

/** `“Title,”` — Chicago puts the comma inside the quotation marks, unless the title ends in its own mark. */
function quotedTitle(title: string): string {
  return /[?!]$/.test(title) ? `“${title}”` : `“${title},”`
}

/**
 * A Chicago-style note for an archival document:
 * `From to To, “Title,” 24 September 1949, Archive; published in X, URL.`
 * Parts the catalogue lacks are left out rather than guessed.
 */
export function chicagoNote(citation: Citation): string {
  const head: string[] = []
  if (citation.from && citation.to) head.push(`${citation.from} to ${citation.to}`)
  else if (citation.from) head.push(citation.from)
  else if (citation.to) head.push(`To ${citation.to}`)
  const tail = [formatDate(citation.date)]
  if (citation.archive) tail.push(citation.archive)
  if (citation.published) tail.push(`published in ${citation.published}`)
  if (citation.url) tail.push(citation.url)
  return `${[...head, quotedTitle(citation.title)].join(', ')} ${tail.join(', ')}.`
}

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
export function footnoteDefinition(label: string | number, citation: Citation): string {
  return `[^${label}]: ${chicagoNote(citation)}`
}
