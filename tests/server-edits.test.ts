/**
 * 1,000 rapid edits: a student types three paragraphs into the middle of an
 * essay, one character per didChange (with a typo and its backspace every
 * ten characters), and the client sends them all without waiting for
 * diagnostics, in bursts of ten a millisecond apart. The server must survive, never publish a version older than
 * one it already published, publish for each version only diagnostics of
 * that version's text, end with the final version, and answer a hover.
 */
import {setTimeout as sleep} from 'node:timers/promises'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {Diagnostic, Hover, TextDocumentContentChangeEvent} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {diagnosticsFor, TestClient} from './server-harness.js'

const essay = `# The opening of the Korean War

The war began on 25 June 1950, when the army of the North crossed the 38th parallel. For decades the question of who decided on the attack was answered from memory and from the memoirs of those who took part.

Many older textbooks give a simple account. Stalin ordered Kim Il Sung to invade the South. That account leaves out the months of requests that came from Pyongyang.

The opening of the Soviet archives in the 1990s changed the debate. Telegrams between Moscow and Pyongyang show who asked, who hesitated and who agreed.

Some writers went further still. Stalin wanted the fighting in Korea to grow into a third world war. The documents do not support this either.

Chinese sources add a third voice. Mao was consulted in May 1950, and his answer mattered to Moscow.

What follows looks at the telegrams in order, and asks what each one can and cannot tell us.
`

const typedClaim = 'The Soviet Union took no part in the Korean War, some of the older books say, yet the telegrams show Soviet advisers at work on the plans.'

/** What the student types after "who agreed.", starting a new paragraph. */
const typed = `

A student reading them for the first time may still be surprised. ${typedClaim}

Kim Il Sung asked again and again in 1949, and each time the answer from Moscow was to wait. Stalin ordered Kim Il Sung to invade the South, a reader might conclude from the outcome alone.

The telegram of 30 January 1950 is the turning point. Stalin wanted the fighting in Korea to grow into a third world war, according to one popular history, yet his telegrams ask for speed so that the Americans would have no time to act.

Mao learned of the plan in May and gave his consent only after Moscow had said yes. Then came the war itself, and with it the long argument about its causes that this essay takes up.`

const edits = 1000

/** The essay with 200 notes after it, each different (so nothing of it is cached) and each with a claim. */
const longEssay = `${essay}\n${Array.from({length: 200}, (_, n) => `Note ${n + 1} on the sources. Stalin ordered Kim Il Sung to invade the South.`).join('\n\n')}\n`

interface Keystroke {
  readonly change: TextDocumentContentChangeEvent
  /** The text after it. */
  readonly text: string
}

/** 1,000 keystrokes after "who agreed.": one character typed, or a typo typed and then deleted. */
function keystrokes(uri: string, text: string): Keystroke[] {
  let document = TextDocument.create(uri, 'markdown', 1, text)
  let at = text.indexOf('who agreed.') + 'who agreed.'.length
  const strokes: Keystroke[] = []
  const apply = (change: TextDocumentContentChangeEvent): void => {
    document = TextDocument.update(document, [change], document.version + 1)
    strokes.push({change, text: document.getText()})
  }
  const insert = (character: string): void => {
    const position = document.positionAt(at)
    apply({range: {start: position, end: position}, text: character})
    at += character.length
  }
  for (let index = 0; strokes.length < edits; index++) {
    if (index % 10 === 9) {
      insert('x')
      at -= 1
      apply({range: {start: document.positionAt(at), end: document.positionAt(at + 1)}, text: ''})
    }
    insert(typed[index % typed.length] as string)
  }
  return strokes.slice(0, edits)
}

let client: TestClient

beforeAll(async () => {
  client = new TestClient()
  await client.initialize()
})

afterAll(() => client.kill())

/**
 * Open `text` at version 1 (2 again when `warm`) and type the keystrokes as
 * the next 1,000 versions, in bursts of ten a millisecond apart, never waiting for diagnostics. Then
 * check what was published: versions only rising, the last one the final
 * version, each describing the text of its version, and a hover answered.
 * Returns the final diagnostics.
 */
async function typeInto(uri: string, text: string, {warm}: {warm: boolean}): Promise<Diagnostic[]> {
  const strokes = keystrokes(uri, text)
  // Keystroke n makes version n + first - 1; the versions before are the text as opened.
  const first = warm ? 3 : 2
  const textAt = (version: number): string => (version < first ? text : (strokes[version - first] as Keystroke).text)
  const finalVersion = edits + first - 1
  const finalText = textAt(finalVersion)
  expect(finalText).toContain(typedClaim)

  let from = client.published.length
  // Unless warm, typing starts at once, while the first lint runs: its diagnostics are not awaited.
  const opened = client.open(uri, text)
  if (warm) {
    await opened
    // After a slow lint (the first: nothing cached yet) the scheduler waits before the next; after a cheap
    // one (the same text again, all cached) it lints at once, so lints run between the keystrokes.
    const again = client.diagnostics(uri, 2)
    await client.sendChange(uri, 2, [{text}])
    await again
    from = client.published.length
  }
  const final = client.diagnostics(uri, finalVersion)
  const started = performance.now()
  const sent: Promise<void>[] = []
  for (const [index, stroke] of strokes.entries()) {
    sent.push(client.sendChange(uri, index + first, [stroke.change]))
    if (index % 10 === 9) await sleep(1)
  }
  await Promise.all(sent)
  const diagnostics = await final
  const elapsed = performance.now() - started

  expect(diagnostics).toEqual(await diagnosticsFor(uri, finalText))
  const document = TextDocument.create(uri, 'markdown', finalVersion, finalText)
  const start = finalText.indexOf(typedClaim)
  const hover = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: document.positionAt(start + 5)})) as Hover | null
  expect(hover?.range).toEqual({start: document.positionAt(start), end: document.positionAt(start + typedClaim.length)})

  // Anything still queued would be published within moments; nothing is.
  await sleep(300)
  const log = client.published.slice(from).filter((params) => params.uri === uri)
  const versions = log.map((params) => params.version ?? 0)
  expect(versions.at(-1)).toBe(finalVersion)
  for (let index = 1; index < versions.length; index++) expect(versions[index]).toBeGreaterThan(versions[index - 1] as number)
  // Each version published (however few the scheduler chose) describes that version's text.
  for (const params of log) expect(params.diagnostics, `version ${params.version}`).toEqual(await diagnosticsFor(uri, textAt(params.version ?? 0)))
  expect(client.child.exitCode).toBeNull()
  if (process.env.SERVER_FIGURES) console.info(`${uri}: ${edits} edits, final diagnostics ${elapsed.toFixed(0)} ms after the first was sent; ${log.length} versions published`)
  return diagnostics
}

describe('1,000 edits sent without waiting', () => {
  it('in a short essay, linted between keystrokes, end in diagnostics of the final text and never of an older one', async () => {
    const diagnostics = await typeInto('file:///essays/typing.md', essay, {warm: true})
    expect(diagnostics.map((d) => d.code)).toEqual(['stalin-ordered-invasion', 'soviet-non-involvement', 'stalin-ordered-invasion', 'stalin-sought-world-war'])
  })

  it('in a long essay whose first lint is still running when typing starts, the same', async () => {
    // The first lint yields between paragraphs and is abandoned at the first keystroke, as are later ones
    // overtaken by newer keystrokes: none of them may be published.
    const diagnostics = await typeInto('file:///essays/typing-long.md', longEssay, {warm: false})
    expect(diagnostics).toHaveLength(204)
  })

  it('and the server shuts down cleanly', async () => {
    expect(await client.shutdown()).toBe(0)
  })
})
