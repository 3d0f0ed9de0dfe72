/**
 * `--format gitlab`: a GitLab Code Quality report (the Code Climate subset
 * GitLab reads), so merge requests show the flags in the changes view.
 */
import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import type {Severity} from '../rules/types.js'
import {reportPath, type ReportContext} from './context.js'
import {fingerprintsOf} from './fingerprint.js'
import {toJsonMessage} from './json.js'

export interface CodeQualityIssue {
  readonly description: string
  readonly check_name: string
  readonly fingerprint: string
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  readonly location: {readonly path: string; readonly lines: {readonly begin: number}}
}

const severities: Record<Severity, CodeQualityIssue['severity']> = {error: 'major', warning: 'minor', info: 'info'}

export function toCodeQuality(files: readonly VFile[], context: ReportContext): CodeQualityIssue[] {
  return files.flatMap((file) => {
    const fingerprints = fingerprintsOf(file)
    const filePath = reportPath(file, context.cwd)
    return file.messages.map((message) => {
      const json = toJsonMessage(message)
      // GitLab compares fingerprints across the whole project: add the path.
      const fingerprint = createHash('sha256').update(`${filePath}\n${fingerprints.get(message) ?? ''}`).digest('hex').slice(0, 32)
      return {
        description: json.message,
        check_name: json.ruleId ?? 'histlint',
        fingerprint,
        severity: severities[json.severity],
        location: {path: filePath, lines: {begin: json.line ?? 1}}
      }
    })
  })
}

export function reportGitlab(files: readonly VFile[], context: ReportContext): string {
  return JSON.stringify(toCodeQuality(files, context), null, 2) + '\n'
}
