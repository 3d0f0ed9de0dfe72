/**
 * Rule documentation pages (docs/rules/RULE.md), rendered from the rule
 * files: the claim, what the documents show, each document's full citation,
 * flagged and clean examples, near misses. `npm run docs` writes them
 * (scripts/generate-rule-docs.mjs); a test renders them again in memory and
 * compares, so the pages never drift from the rules.
 */
import path from 'node:path'
import {formatDate, ruleCitations, type Citation} from '../evidence/citation.js'
import type {Rule, RuleSet} from '../rules/types.js'

const verdictText: Record<Rule['verdict'], string> = {
  contradicted: 'contradicted: the documents show otherwise',
  contested: 'contested: historians read the documents both ways',
  supported: 'supported: the documents bear it out, and it needs a citation'
}

/** Escape Markdown's inline syntax in prose taken from rule files. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}

function citationBlock(citation: Citation, index: number): string {
  const lines = [`${index + 1}. **${escapeMarkdown(citation.title)}**, ${formatDate(citation.date)} (\`${citation.id}\`)`]
  if (citation.from || citation.to) lines.push(`   - From: ${escapeMarkdown(citation.from ?? 'unknown')}${citation.to ? `; to: ${escapeMarkdown(citation.to)}` : ''}`)
  if (citation.archive) lines.push(`   - Archive: ${escapeMarkdown(citation.archive)}`)
  if (citation.published) lines.push(`   - Published in: ${escapeMarkdown(citation.published)}`)
  if (citation.url) lines.push(`   - Online: <${citation.url}>`)
  lines.push(`   - Excerpt: “${escapeMarkdown(citation.excerpt)}”`)
  return lines.join('\n')
}

function bullets(items: readonly string[], empty: string): string {
  return items.length > 0 ? items.map((item) => `- ${escapeMarkdown(item)}`).join('\n') : empty
}

/** The page of one rule. */
export function renderRuleDoc(rule: Rule, set: RuleSet): string {
  const citations = ruleCitations(rule, set)
  const otherSide = rule.otherSide.length > 0 ? ruleCitations(rule, set, rule.otherSide) : []
  const sections = [
    `# ${rule.id}`,
    `<!-- Generated from rules/${path.basename(rule.file)} by \`npm run docs\`. Do not edit by hand. -->`,
    `**Verdict:** ${verdictText[rule.verdict]}. **Default severity:** ${rule.severity}.`,
    `## The claim\n\n${escapeMarkdown(rule.claim[0]?.toUpperCase() + rule.claim.slice(1))}.`,
    `## What the documents show\n\nThe documents show ${escapeMarkdown(rule.shows)}.`,
    `## Documents\n\n${citations.map(citationBlock).join('\n')}`,
    ...(otherSide.length > 0 ? [`## On the other side\n\n${otherSide.map(citationBlock).join('\n')}`] : []),
    `## Examples\n\nFlagged:\n\n${bullets(rule.examples.flagged, '(none given)')}\n\nNot flagged:\n\n${bullets(rule.examples.clean, '(none given)')}`,
    `## Near misses\n\nSentences close to the claim that histlint does not flag, and why:\n\n${
      rule.nearMisses.length > 0 ? rule.nearMisses.map((m) => `- ${escapeMarkdown(m.text)} (${escapeMarkdown(m.why)})`).join('\n') : '(none given)'
    }`,
    ...(rule.expected.length > 0 ? [`## Suggested rewording\n\n${bullets(rule.expected, '')}`] : []),
    [
      '## Configuration',
      '',
      'Change the severity or turn the rule off in `.histlintrc.json`:',
      '',
      '```json',
      JSON.stringify({rules: {[rule.id]: 'warning'}}, null, 2),
      '```',
      '',
      'or for one paragraph of an essay (the comment needs a blank line after it):',
      '',
      '```markdown',
      `<!-- histlint ignore ${rule.id} -->`,
      '```'
    ].join('\n')
  ]
  return sections.join('\n\n') + '\n'
}

/** The index page: every rule with its claim. */
export function renderRuleIndex(set: RuleSet): string {
  const rows = [...set.rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((rule) => `| [${rule.id}](${rule.id}.md) | ${rule.verdict} | ${rule.severity} | ${escapeMarkdown(rule.claim)} |`)
  return [
    '# Rules',
    '<!-- Generated from rules/*.yml by `npm run docs`. Do not edit by hand. -->',
    '| Rule | Verdict | Default severity | Claim |\n| --- | --- | --- | --- |\n' + rows.join('\n')
  ].join('\n\n') + '\n'
}

/** Every page, by file name under docs/rules/. */
export function renderRuleDocs(set: RuleSet): Map<string, string> {
  const pages = new Map<string, string>([['README.md', renderRuleIndex(set)]])
  for (const rule of set.rules) pages.set(`${rule.id}.md`, renderRuleDoc(rule, set))
  return pages
}
