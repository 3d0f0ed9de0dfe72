/**
 * A client that breaks the rule that versions rise: it repeats a version or
 * goes back. The server's policy (see docs/reliability.md): every change is
 * applied in the order it arrives, a lint of a text that has since changed is
 * never published (whatever its version says), and diagnostics are tagged
 * with the version of the text they describe, which is the text the server
 * holds. Each test ends by checking the diagnostics against a fresh lint of
 * the final text, and the hover over a flagged sentence.
 */
import {setTimeout as sleep} from 'node:timers/promises'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Diagnostic, Hover, PublishDiagnosticsParams, TextDocumentContentChangeEvent} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {diagnosticsFor, TestClient} from './server-harness.js'

const invasion = 'Stalin ordered Kim Il Sung to invade the South.'
const worldWar = 'Stalin wanted the fighting in Korea to grow into a third world war.'
const neutral = 'The war began in June 1950, and its causes are still argued.'

/**
 * A document whose lint takes seconds (about 1 ms a paragraph on an idle
 * machine): every paragraph differs, so the cache cannot help. A change sent
 * 100 ms after it arrives while it is being linted; its lint is then
 * abandoned, so the tests never pay for the whole of it.
 */
const slowText = Array.from({length: 3000}, (_, n) => `Paragraph ${n} of a long draft. ${worldWar}`).join('\n\n') + '\n'

let client: TestClient

beforeAll(async () => {
  client = new TestClient()
  await client.initialize()
})

afterAll(() => client.kill())

/** The client's own copy of a document, changed exactly as the server's is. */
class Mirror {
  document: TextDocument
  constructor(
    readonly uri: string,
    text: string
  ) {
    this.document = TextDocument.create(uri, 'markdown', 1, text)
  }

  /** Apply `changes` here and send them to the server at `version`. */
  send(version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    this.document = TextDocument.update(this.document, changes, version)
    return client.sendChange(this.uri, version, changes)
  }

  get text(): string {
    return this.document.getText()
  }

  /** An insertion at the end of the text. */
  append(text: string): TextDocumentContentChangeEvent {
    const end = this.document.positionAt(this.text.length)
    return {range: {start: end, end}, text}
  }
}

async function open(uri: string, text: string): Promise<Mirror> {
  await client.open(uri, text)
  return new Mirror(uri, text)
}

/** Every diagnostics notification for `uri` from index `from` of the client's log on. */
function publishedSince(uri: string, from: number): PublishDiagnosticsParams[] {
  return client.published.slice(from).filter((params) => params.uri === uri)
}

async function hoverRange(uri: string, text: string, sentence: string): Promise<Hover['range']> {
  const document = TextDocument.create(uri, 'markdown', 0, text)
  const position = document.positionAt(text.indexOf(sentence) + 3)
  const hover = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position})) as Hover | null
  return hover?.range
}

/** The range of `sentence` in `text`. */
function rangeOf(text: string, sentence: string): Hover['range'] {
  const document = TextDocument.create('file:///range', 'markdown', 0, text)
  const start = text.indexOf(sentence)
  return {start: document.positionAt(start), end: document.positionAt(start + sentence.length)}
}

/**
 * Send the slow text at `slowVersion`, and while it is being linted, `text`
 * at `version`. The first diagnostics published at `version` must describe
 * `text`, and the hover over `claim` in it must answer.
 */
async function replaceWhileLinting(mirror: Mirror, slowVersion: number, version: number, text: string, claim: string): Promise<Diagnostic[]> {
  await mirror.send(slowVersion, [{text: slowText}])
  await sleep(100)
  const published = client.diagnostics(mirror.uri, version)
  await mirror.send(version, [{text}])
  const diagnostics = await published
  expect(diagnostics).toEqual(await diagnosticsFor(mirror.uri, mirror.text))
  expect(await hoverRange(mirror.uri, mirror.text, claim)).toEqual(rangeOf(mirror.text, claim))
  return diagnostics
}

describe('a repeated version', () => {
  it('applies both changes, in the order they arrive', async () => {
    const mirror = await open('file:///essays/repeated.md', `${neutral}\n\nHistorians still argue about it.\n`)
    const from = client.published.length
    // Two incremental changes, both labelled version 2: the second is written against the text the first made.
    await mirror.send(2, [{range: {start: {line: 0, character: neutral.length}, end: {line: 0, character: neutral.length}}, text: ` ${invasion}`}])
    await mirror.send(2, [mirror.append(`${worldWar}\n`)])
    const final = client.diagnostics(mirror.uri, 3)
    await mirror.send(3, [mirror.append('A closing line.\n')])
    const diagnostics = await final
    expect(diagnostics.map((d) => d.code)).toEqual(['stalin-ordered-invasion', 'stalin-sought-world-war'])
    expect(diagnostics).toEqual(await diagnosticsFor(mirror.uri, mirror.text))
    expect(await hoverRange(mirror.uri, mirror.text, worldWar)).toEqual(rangeOf(mirror.text, worldWar))
    // Versions published never go back; the last describes the final text.
    const versions = publishedSince(mirror.uri, from).map((params) => params.version ?? 0)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(versions.at(-1)).toBe(3)
  })

  it('does not let the lint of the text it replaced pass for current', async () => {
    const mirror = await open('file:///essays/repeated-full.md', `${neutral}\n`)
    const from = client.published.length
    // The slow text is being linted when the same version comes again with other text.
    const diagnostics = await replaceWhileLinting(mirror, 2, 2, `${neutral}\n\n${invasion}\n`, invasion)
    expect(diagnostics.map((d) => d.code)).toEqual(['stalin-ordered-invasion'])
    // A later change: by the time it is published, every earlier lint has ended, and none of them was the slow text's.
    const next = client.diagnostics(mirror.uri, 3)
    await mirror.send(3, [mirror.append(`${worldWar}\n`)])
    expect(await next).toEqual(await diagnosticsFor(mirror.uri, mirror.text))
    const log = publishedSince(mirror.uri, from)
    expect(log.map((params) => params.version)).toEqual([2, 3])
    expect(log.flatMap((params) => params.diagnostics).filter((d) => d.code === 'stalin-sought-world-war')).toHaveLength(1)
  })
})

describe('a version lower than the current one', () => {
  it('is applied and published under its own version; the slow text it replaced is never published', async () => {
    const mirror = await open('file:///essays/backwards.md', `${neutral}\n`)
    const from = client.published.length
    expect((await replaceWhileLinting(mirror, 5, 4, `${invasion}\n\n${neutral}\n`, invasion)).map((d) => d.code)).toEqual(['stalin-ordered-invasion'])
    // Version 5 again, now for an incremental change on the text of version 4, then 6.
    const five = client.diagnostics(mirror.uri, 5)
    await mirror.send(5, [mirror.append(`\n${worldWar}\n`)])
    expect((await five).map((d) => d.code)).toEqual(['stalin-ordered-invasion', 'stalin-sought-world-war'])
    const six = client.diagnostics(mirror.uri, 6)
    await mirror.send(6, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, text: 'In 1950 '}])
    expect(await six).toEqual(await diagnosticsFor(mirror.uri, mirror.text))
    expect(publishedSince(mirror.uri, from).map((params) => params.version)).toEqual([4, 5, 6])
    expect(await hoverRange(mirror.uri, mirror.text, worldWar)).toEqual(rangeOf(mirror.text, worldWar))
  })
})

describe('after all that', () => {
  it('the server logged one warning per document, still answers and shuts down cleanly', async () => {
    expect(client.log.filter((line) => line.includes('changes are applied in the order they arrive'))).toEqual([
      'histlint: file:///essays/repeated.md: version 2 came after version 2; changes are applied in the order they arrive',
      'histlint: file:///essays/repeated-full.md: version 2 came after version 2; changes are applied in the order they arrive',
      'histlint: file:///essays/backwards.md: version 4 came after version 5; changes are applied in the order they arrive'
    ])
    expect(client.child.exitCode).toBeNull()
    expect(await client.shutdown()).toBe(0)
  })
})
