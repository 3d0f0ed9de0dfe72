/**
 * `--format stylish`: vfile-reporter's familiar layout, then the pages of the
 * rules that were reported, so a reader can learn what each flag means and
 * which documents show it.
 */
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {repositoryUrl, ruleDocsUrl} from '../docs/urls.js'
import type {ReportContext} from './context.js'

export interface StylishOptions {
  readonly quiet?: boolean
  readonly color?: boolean
  /** Show each message's note (the full citations). */
  readonly verbose?: boolean
}

/** One line per reported rule: its page, or where none is published, its main document. */
function rulePages(files: readonly VFile[], context: ReportContext | undefined): string {
  if (!context) return ''
  const ids = [...new Set(files.flatMap((file) => file.messages.map((m) => m.ruleId ?? '')))].sort()
  const pages = ids.flatMap((id) => {
    const rule = context.rules.get(id)
    const url = rule ? ruleDocsUrl(rule, context.documents) : undefined
    return url ? [`  ${id}: ${url}`] : []
  })
  return pages.length > 0 ? `\n${repositoryUrl ? 'Rule pages' : 'Documents'}:\n${pages.join('\n')}\n` : ''
}

export function reportStylish(files: readonly VFile[], options: StylishOptions = {}, context?: ReportContext): string {
  const text = reporter([...files], {quiet: options.quiet, color: options.color, verbose: options.verbose, defaultName: '<stdin>'})
  return text ? text + '\n' + rulePages(files, context) : ''
}
