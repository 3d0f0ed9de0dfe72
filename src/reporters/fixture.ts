/**
 * The report shape that fixtures pin: the JSON message with citations
 * reduced to their document ids, so a fixture names what is cited without
 * repeating the catalogue.
 */
import type {VFile} from 'vfile'
import {toJsonMessage, type JsonMessage} from './json.js'

/** A JSON message with its citations reduced to document ids. */
export type FixtureMessage = Omit<JsonMessage, 'citations'> & {readonly citations: readonly string[]}

export function expectedReport(file: VFile): FixtureMessage[] {
  return file.messages.map((message) => {
    const json = toJsonMessage(message)
    return {...json, citations: json.citations.map((c) => c.id)}
  })
}
