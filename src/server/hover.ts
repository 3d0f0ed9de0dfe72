/**
 * The hover card on a flagged sentence: the claim, what the documents show,
 * and each cited document (title, date, archive reference, link, excerpt).
 * Everything comes from the rule and the catalogue, never from the essay.
 */
import {formatDate, type Citation} from '../evidence/citation.js'
import type {Rule} from '../rules/types.js'
import type {Finding} from './lint.js'

const headings: Record<Rule['verdict'], string> = {
  contradicted: 'Contradicted claim',
  contested: 'Contested claim',
  supported: 'Citation needed'
}

/** Markdown-escape text that comes from data (titles, archive references). */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}

function citationCard(citation: Citation): string {
  const lines = [`**${escape(citation.title)}**, ${formatDate(citation.date)}`]
  if (citation.from || citation.to) lines.push(`From ${escape(citation.from ?? 'unknown')}${citation.to ? ` to ${escape(citation.to)}` : ''}`)
  if (citation.archive) lines.push(`Archive: ${escape(citation.archive)}`)
  if (citation.published) lines.push(`Published in ${escape(citation.published)}`)
  if (citation.url) lines.push(`<${citation.url}>`)
  // Two trailing spaces: a Markdown line break inside one paragraph.
  return `${lines.join('  \n')}\n\n> ${escape(citation.excerpt)}`
}

/** The card for one finding; `rule` is the rule that raised it. */
export function hoverCard(finding: Finding, rule: Rule | undefined): string {
  const {verdict, citations, otherSide} = finding.data
  const summary = [`### histlint: ${headings[verdict]} (\`${finding.ruleId}\`)`]
  if (rule) {
    summary.push(`**Claim:** ${escape(rule.claim)}`)
    summary.push(`**${verdict === 'contested' ? 'Historians disagree' : 'The documents show'}:** ${escape(rule.shows)}`)
  } else summary.push(escape(finding.reason))
  const sections = [summary.join('\n\n'), ...citations.map(citationCard)]
  if (otherSide && otherSide.length > 0) sections.push('**On the other side:**', ...otherSide.map(citationCard))
  return sections.join('\n\n---\n\n')
}
