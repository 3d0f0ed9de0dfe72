/**
 * `--format stylish`: vfile-reporter's familiar layout, then the main document
 * of each rule that was reported, so a reader sees what contradicts each flag.
 */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {rulePageUrl} from '../docs/urls.js'
import {formatDate, ruleCitations} from '../evidence/citation.js'
import type {ReportContext} from './context.js'

export interface StylishOptions {
  readonly quiet?: boolean
  readonly color?: boolean
  /** Show each message's note (the full citations). */
  readonly verbose?: boolean
}

/**
 * For each reported rule, its main document — title and date, the short
 * excerpt and the link — so that the default report already cites what
 * contradicts each flag (`--verbose` prints every citation under its message).
 * Where the rules have a published page, that link follows.
 */
function ruleDocuments(files: readonly VFile[], context: ReportContext | undefined): string {
  if (!context) return ''
  const ids = [...new Set(files.flatMap((file) => file.messages.map((m) => m.ruleId ?? '')))].sort()
  const blocks = ids.flatMap((id) => {
    const rule = context.rules.get(id)
    if (!rule) return []
    const main = ruleCitations(rule, {rules: [], documents: context.documents}).find((c) => c.url)
    const page = rulePageUrl(rule)
    const lines = main ? [`  ${id}: ${main.title}, ${formatDate(main.date)}`, `    “${main.excerpt}”`, `    ${main.url}`] : [`  ${id}`]
    if (page) lines.push(`    rule: ${page}`)
    return [lines.join('\n')]
  })
  return blocks.length > 0 ? `\nDocuments:\n${blocks.join('\n')}\n` : ''
}

export function reportStylish(files: readonly VFile[], options: StylishOptions = {}, context?: ReportContext): string {
  const text = reporter([...files], {quiet: options.quiet, color: options.color, verbose: options.verbose, defaultName: '<stdin>'})
  return text ? text + '\n' + ruleDocuments(files, context) : ''
}
