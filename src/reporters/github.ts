/**
 * `--format github`: GitHub Actions workflow commands, so each flag shows as
 * an annotation on the line of the pull request where it is written:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
 */
import type {VFile} from 'vfile'
import {rulePageUrl} from '../docs/urls.js'
import type {Severity} from '../rules/types.js'
import {reportPath, type ReportContext} from './context.js'
import {toJsonMessage} from './json.js'

const commands: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'notice'}

/** Escape a command's message (GitHub's toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a command's property value (GitHub's toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function reportGithub(files: readonly VFile[], context: ReportContext): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of file.messages) {
      const json = toJsonMessage(message)
      const properties: [string, string | number | null][] = [
        ['file', reportPath(file, context.cwd)],
        ['line', json.line],
        ['col', json.column],
        ['endLine', json.endLine],
        ['endColumn', json.endColumn],
        ['title', json.ruleId]
      ]
      const rule = json.ruleId ? context.rules.get(json.ruleId) : undefined
      const docs = rule ? rulePageUrl(rule) : undefined
      const text = [json.message, ...(json.url ? [`Evidence: ${json.url}`] : []), ...(docs ? [`Rule: ${docs}`] : [])].join('\n')
      const props = properties.filter(([, value]) => value !== null).map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
      lines.push(`::${commands[json.severity]} ${props.join(',')}::${escapeData(text)}`)
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : ''
}
