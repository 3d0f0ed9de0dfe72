/**
 * Citations: how a catalogue document is written out in a message note, in
 * JSON output and in footnotes. Only catalogue fields are used, so
 * nothing is ever cited that the catalogue does not hold.
 */
import type {EvidenceDocument, Rule, RuleSet} from '../rules/types.js'

/** The citation shape carried on messages and printed by `--format json`: a document without its summary. */
export type Citation = Pick<EvidenceDocument, 'id' | 'title' | 'date' | 'from' | 'to' | 'archive' | 'published' | 'url' | 'excerpt'>

export function toCitation(document: EvidenceDocument): Citation {
  const {id, title, date, from, to, archive, published, url, excerpt} = document
  return {id, title, date, from, to, archive, published, url, excerpt}
}

/** Human date: "24 September 1949". */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`
}

/** One full citation, on one line: title, date, from/to, archive, publication, link, excerpt. */
export function formatCitation(citation: Citation): string {
  const parts = [`${citation.title}, ${formatDate(citation.date)}`]
  if (citation.from || citation.to) parts.push(`from ${citation.from ?? 'unknown'}${citation.to ? ` to ${citation.to}` : ''}`)
  if (citation.archive) parts.push(`archive: ${citation.archive}`)
  if (citation.published) parts.push(`published in ${citation.published}`)
  if (citation.url) parts.push(citation.url)
  return `${parts.join('; ')}. Excerpt: “${citation.excerpt}”`
}

/** The citations of a rule's documents, in the rule's order. */
export function ruleCitations(rule: Rule, set: RuleSet, ids: readonly string[] = rule.documents): Citation[] {
  return ids.flatMap((id) => {
    const document = set.documents.get(id)
    return document ? [toCitation(document)] : []
  })
}

/** The rule's main document link: the first of its documents that has a digital-archive page. */
export function mainUrl(citations: readonly Citation[]): string | undefined {
  return citations.find((c) => c.url)?.url ?? undefined
}
