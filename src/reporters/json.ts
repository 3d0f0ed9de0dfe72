/**
 * `--format json`: one object per file, `{path, messages: [...]}`, with each
 * message's severity as a word and its citations in full.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Citation} from '../evidence/citation.js'
import type {HistlintMessageData} from '../plugin.js'
import type {Severity} from '../rules/types.js'

export interface JsonMessage {
  readonly ruleId: string | null
  readonly severity: Severity
  readonly line: number | null
  readonly column: number | null
  readonly endLine: number | null
  readonly endColumn: number | null
  readonly message: string
  readonly url: string | null
  readonly citations: readonly Citation[]
}

export interface JsonFile {
  readonly path: string
  readonly messages: readonly JsonMessage[]
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

export function citationsOf(message: VFileMessage): readonly Citation[] {
  return (message as VFileMessage & {data?: HistlintMessageData}).data?.citations ?? []
}

export function toJsonMessage(message: VFileMessage): JsonMessage {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'start' in place ? place.end : undefined
  return {
    ruleId: message.ruleId ?? null,
    severity: severityOf(message),
    line: start?.line ?? null,
    column: start?.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    message: message.reason,
    url: message.url ?? null,
    citations: citationsOf(message)
  }
}

export function toJsonFiles(files: readonly VFile[]): JsonFile[] {
  return files.map((file) => ({path: file.path ?? '<stdin>', messages: file.messages.map((m) => toJsonMessage(m))}))
}

export function reportJson(files: readonly VFile[]): string {
  return JSON.stringify(toJsonFiles(files), null, 2) + '\n'
}
