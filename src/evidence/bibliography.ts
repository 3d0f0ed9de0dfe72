/**
 * Bibliography styles: a full reference for one catalogue document, in
 * Chicago (notes, the default), MLA or APA. Used by `histlint cite` and by the
 * footnotes that histlint inserts, so an essay cites one way throughout.
 *
 * Only catalogue fields are used, verbatim: nothing is inferred (no author
 * name is inverted, no archive is named that the catalogue does not name), a
 * field that is null is left out, and where `url` is null there is no link.
 * The one change: parenthesised asides in `archive` and `published` are the
 * cataloguer's provenance notes ("(as given on the page)", "(text seen in an
 * unofficial mirror …)"), not part of the reference, so they are dropped.
 *
 * Titles are marked up as Markdown where a style wants italics (APA), since
 * the references go into Markdown essays.
 */
import type {EvidenceDocument} from '../rules/types.js'
import {formatDate} from './citation.js'

/**
 * The catalogue fields a reference is made of: an EvidenceDocument, or the
 * Citation that a message carries in `data.citations`, both fit.
 */
export type ReferenceFields = Pick<EvidenceDocument, 'id' | 'title' | 'date' | 'from' | 'to' | 'archive' | 'published' | 'url'>

export const bibliographyStyles = ['chicago', 'mla', 'apa'] as const
export type BibliographyStyle = (typeof bibliographyStyles)[number]
export const defaultStyle: BibliographyStyle = 'chicago'

export function isBibliographyStyle(value: string): value is BibliographyStyle {
  return (bibliographyStyles as readonly string[]).includes(value)
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
/** MLA abbreviates months longer than four letters. */
const mlaMonths = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.']

interface DateParts {
  readonly year: string
  readonly month: number
  readonly day: number
}

function dateParts(iso: string): DateParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return undefined
  return {year: match[1] as string, month: Number(match[2]) - 1, day: Number(match[3])}
}

/** Chicago: "May 14, 1950". */
function chicagoDate(iso: string): string {
  const d = dateParts(iso)
  return d ? `${months[d.month]} ${d.day}, ${d.year}` : iso
}

/** MLA: "14 May 1950", "19 Jan. 1950". */
function mlaDate(iso: string): string {
  const d = dateParts(iso)
  return d ? `${d.day} ${mlaMonths[d.month]} ${d.year}` : iso
}

/** APA: "(1950, May 14)". */
function apaDate(iso: string): string {
  const d = dateParts(iso)
  return d ? `(${d.year}, ${months[d.month]} ${d.day})` : `(${iso})`
}

/** Drop the cataloguer's parenthesised provenance notes; null when nothing is left. */
export function withoutAsides(value: string | null): string | null {
  if (value === null) return null
  let text = value
  // Repeat for nested asides: "(per scan (id …))".
  for (let previous = ''; previous !== text; ) {
    previous = text
    text = text.replace(/\s*\([^()]*\)/g, '')
  }
  text = text.replace(/\s+([;,.])/g, '$1').trim()
  return text.length > 0 ? text : null
}

/** End a piece with one full stop (not after "?" or "!" or an existing "."). */
function sentence(text: string): string {
  return /[.?!]["”’]?$/.test(text) ? text : `${text}.`
}

/** Join the present pieces with a separator. */
function joined(pieces: readonly (string | null | undefined)[], separator: string): string {
  return pieces.filter((p): p is string => typeof p === 'string' && p.length > 0).join(separator)
}

function sender(doc: ReferenceFields): string | null {
  if (doc.from && doc.to) return `${doc.from}, to ${doc.to}`
  return doc.from ?? (doc.to ? `To ${doc.to}` : null)
}

/**
 * Chicago note (17th ed., archival document): sender to recipient, "title,"
 * date, archive, publication, URL.
 */
function chicago(doc: ReferenceFields): string {
  const pieces = [sender(doc), `“${doc.title},” ${chicagoDate(doc.date)}`, withoutAsides(doc.archive), withoutAsides(doc.published), doc.url]
  return sentence(joined(pieces, ', '))
}

/** The archive and publication pieces shared by MLA and APA, each a sentence. */
function holdings(doc: ReferenceFields): (string | null)[] {
  const archive = withoutAsides(doc.archive)
  const published = withoutAsides(doc.published)
  return [archive ? sentence(archive) : null, published ? sentence(published) : null]
}

/** MLA (9th ed.): Author. "Title." Recipient. Date. Archive. Publication. URL. */
function mla(doc: ReferenceFields): string {
  return joined(
    [
      doc.from ? sentence(doc.from) : null,
      `“${sentence(doc.title)}”`,
      doc.to ? sentence(`Sent to ${doc.to}`) : null,
      sentence(mlaDate(doc.date)),
      ...holdings(doc),
      doc.url ? sentence(doc.url) : null
    ],
    ' '
  )
}

/** APA (7th ed., archival): Author. (Date). *Title* [Recipient]. Archive. URL — with no full stop after the URL. */
function apa(doc: ReferenceFields): string {
  const title = `*${doc.title}*${doc.to ? ` [Sent to ${doc.to}]` : ''}.`
  // Without an author, APA moves the title into the author's place.
  const head = doc.from ? [sentence(doc.from), `${apaDate(doc.date)}.`, title] : [title, `${apaDate(doc.date)}.`]
  return joined([...head, ...holdings(doc), doc.url], ' ')
}

const formatters: Readonly<Record<BibliographyStyle, (doc: ReferenceFields) => string>> = {chicago, mla, apa}

/** The full reference for a document in a style: what `histlint cite` prints and what a footnote holds. */
export function formatReference(doc: ReferenceFields, style: BibliographyStyle = defaultStyle): string {
  return formatters[style](doc)
}

/**
 * A Markdown footnote citing a document: the reference (`[^label]`) to put
 * after the sentence and the definition (`[^label]: …`) to add at the end of
 * the essay. The label is the document id, so citing one document twice
 * reuses one footnote.
 */
export interface Footnote {
  readonly label: string
  readonly reference: string
  readonly definition: string
}

export function footnoteFor(doc: ReferenceFields, style: BibliographyStyle = defaultStyle): Footnote {
  return {label: doc.id, reference: `[^${doc.id}]`, definition: `[^${doc.id}]: ${formatReference(doc, style)}`}
}

/** A short name for a document in a message: its title and date, with the id to pass to `histlint cite`. */
export function shortReference(doc: Pick<EvidenceDocument, 'id' | 'title' | 'date'>): string {
  return `“${doc.title}”, ${formatDate(doc.date)} [${doc.id}]`
}
