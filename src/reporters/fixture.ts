/**
 * The report shape that fixtures pin: the JSON message with citations
 * reduced to their document ids, so a fixture names what is cited without
 * repeating the catalogue.
 */
import type {VFile} from 'vfile'
import {toJsonMessage} from './json.js'

export interface FixtureMessage {
  readonly ruleId: string | null
  readonly severity: string
  readonly line: number | null
  readonly column: number | null
  readonly endLine: number | null
  readonly endColumn: number | null
  readonly message: string
  readonly url: string | null
  readonly citations: readonly string[]
}

export function expectedReport(file: VFile): FixtureMessage[] {
  return file.messages.map((message) => {
    const json = toJsonMessage(message)
    return {...json, citations: json.citations.map((c) => c.id)}
  })
}
