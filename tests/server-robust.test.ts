/**
 * The server under bad input: a malformed message, an unknown method, bad
 * parameters and a 5 MB document. After each it must keep answering.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Hover} from 'vscode-languageserver-protocol'
import {TestClient} from './server-harness.js'

let client: TestClient
const small = 'file:///essays/small.md'

/** A request that needs the server alive and linting: the hover card over a flagged sentence. */
async function stillAnswers(): Promise<void> {
  const hover = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri: small}, position: {line: 0, character: 3}})) as Hover | null
  expect(hover?.range).toEqual({start: {line: 0, character: 0}, end: {line: 0, character: 47}})
}

beforeAll(async () => {
  client = new TestClient()
  await client.initialize()
  await client.open(small, 'Stalin ordered Kim Il Sung to invade the South.\n')
})

afterAll(() => client.kill())

describe('the server keeps answering', () => {
  it('after a message that is not JSON', async () => {
    const body = '{"jsonrpc": "2.0", "id": 99, "method": '
    client.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    await stillAnswers()
  })

  it('after a request for an unknown method, which gets "method not found"', async () => {
    await expect(client.connection.sendRequest('histlint/noSuchMethod', {})).rejects.toMatchObject({code: -32601})
    await client.connection.sendNotification('histlint/noSuchNotification', {})
    await stillAnswers()
  })

  it('after requests with parameters that make no sense', async () => {
    await expect(client.connection.sendRequest('textDocument/hover', {position: 'here'})).rejects.toBeTruthy()
    expect(await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: 'file:///never-opened.md'}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: []}})).toEqual([])
    await stillAnswers()
  })

  it('while a 5 MB document is being linted, and after it is closed', async () => {
    const big = 'file:///essays/big.md'
    // Distinct paragraphs, so the per-paragraph cache cannot make the work small.
    const paragraphs: string[] = []
    let size = 0
    for (let n = 0; size < 5 * 1024 * 1024; n++) {
      const paragraph = `Paragraph ${n} of a very long essay. Stalin ordered Kim Il Sung to invade the South, the old story says. The records of ${n} meetings tell another.`
      paragraphs.push(paragraph)
      size += paragraph.length + 2
    }
    const text = paragraphs.join('\n\n')
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(5 * 1024 * 1024)
    await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: big, languageId: 'markdown', version: 1, text}})
    // The lint of the big document yields between paragraphs: a hover elsewhere is answered meanwhile.
    const started = Date.now()
    await stillAnswers()
    expect(Date.now() - started).toBeLessThan(5000)
    const edited = client.diagnostics(small, 2)
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri: small, version: 2},
      contentChanges: [{text: 'Stalin wanted the fighting in Korea to grow into a third world war.\n'}]
    })
    expect((await edited).map((d) => d.code)).toEqual(['stalin-sought-world-war'])
    // Closing the big document abandons its lint and clears its diagnostics.
    const cleared = client.diagnostics(big)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri: big}})
    expect(await cleared).toEqual([])
    expect(client.child.exitCode).toBeNull()
  })

  it('and still shuts down cleanly', async () => {
    expect(await client.shutdown()).toBe(0)
  })
})
