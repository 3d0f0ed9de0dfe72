/**
 * Memory stays bounded across 10,000 edits. Two measures of the server:
 *
 * - its resident set size (VmRSS in /proc), what the user's machine pays,
 *   from the first 1,000 edits (when the code is compiled and the heap has
 *   reached its working size) to the 10,000th. V8 gives memory back lazily,
 *   so RSS climbs by tens of MiB with nothing leaking and levels off (figures
 *   in docs/reliability.md); the bound, 64 MiB, catches gross leaks, such as
 *   a copy of this 12 KB essay kept per edit (over 100 MiB by then).
 * - its live heap, over 2,000 more edits: the server runs with Node's
 *   `--heapsnapshot-signal`, so SIGUSR2 makes it write a heap snapshot, which
 *   Node takes after a full collection; the sizes of its objects add up to
 *   what is still reachable. That is exact, so the bound is tight: 1.5 MiB
 *   (readings move by 0.1 to 0.3 MiB), which 800 bytes kept per edit would
 *   pass. Snapshots disturb RSS, so they are taken after the RSS measure.
 *   Smaller leaks per edit are the unit tests' business: the per-paragraph
 *   cache is checked directly in tests/server-lint.test.ts.
 *
 * Every edit makes one paragraph's text new (a counter in it, written as
 * digits apart, so the words themselves are ones already seen), so a cache
 * keyed by paragraph text that never forgot would grow with every edit, as
 * would anything kept per version. Linux only (/proc). `SERVER_EDITS=100000`
 * runs more edits locally; `SERVER_FIGURES=1` prints the measures.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {diagnosticsFor, TestClient} from './server-harness.js'

const edits = Number(process.env.SERVER_EDITS ?? 10_000)
const warmUp = 1000
/** Edits sent together without waiting; then the client waits for the diagnostics of the last. */
const batch = 50
const uri = 'file:///essays/memory.md'

const sentences = [
  'The records of the meetings in Moscow were kept for decades behind closed doors.',
  'Stalin ordered Kim Il Sung to invade the South.',
  'Historians who read them in the 1990s found a story of requests and refusals.',
  'Stalin wanted the fighting in Korea to grow into a third world war.'
]

/** A revision counter as five one-digit words: "0 4 2 1 7". */
const counter = (n: number): string => String(n % 100_000).padStart(5, '0').split('').join(' ')

/** Forty paragraphs of about 300 characters, each with a counter that edits rewrite. */
const paragraphs = Array.from({length: 40}, (_, n) => `Section ${n + 1}, revision ${counter(0)}. ${sentences.join(' ')}`)
const essay = `${paragraphs.join('\n\n')}\n`

let client: TestClient
let snapshots: string

beforeAll(async () => {
  snapshots = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-heap-'))
  client = new TestClient(['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`])
  await client.initialize()
})

afterAll(() => {
  client.kill()
  fs.rmSync(snapshots, {recursive: true, force: true})
})

/** The server's live heap in MiB, from a heap snapshot it writes on SIGUSR2. */
async function liveHeapMiB(): Promise<number> {
  const before = new Set(fs.readdirSync(snapshots))
  client.child.kill('SIGUSR2')
  for (;;) {
    await sleep(100)
    const name = fs.readdirSync(snapshots).find((file) => !before.has(file) && file.endsWith('.heapsnapshot'))
    if (!name) continue
    let snapshot: {snapshot: {meta: {node_fields: string[]}}; nodes: number[]}
    try {
      snapshot = JSON.parse(fs.readFileSync(path.join(snapshots, name), 'utf8')) as typeof snapshot
    } catch {
      continue // still being written
    }
    fs.rmSync(path.join(snapshots, name))
    const fields = snapshot.snapshot.meta.node_fields
    const size = fields.indexOf('self_size')
    let bytes = 0
    for (let index = size; index < snapshot.nodes.length; index += fields.length) bytes += snapshot.nodes[index] as number
    return bytes / 1024 / 1024
  }
}

/** Send edit number `edit` (a new counter in one paragraph), and mirror it in `document`. */
function edit(document: TextDocument, number: number): {document: TextDocument; sent: Promise<void>} {
  // Each paragraph is one line, a blank line between: section n + 1 is line 2n; its counter follows "revision ".
  const section = number % paragraphs.length
  const character = `Section ${section + 1}, revision `.length
  const change = {range: {start: {line: 2 * section, character}, end: {line: 2 * section, character: character + 9}}, text: counter(number)}
  return {document: TextDocument.update(document, [change], number + 1), sent: client.sendChange(uri, number + 1, [change])}
}

/**
 * Edits `from` to `to`, in batches of `batch` sent without waiting, then
 * waiting for the diagnostics of the batch's last; `afterBatch` is called
 * after each batch with the number of the last edit.
 */
async function editRange(document: TextDocument, from: number, to: number, afterBatch: (last: number) => void = () => undefined): Promise<TextDocument> {
  for (let number = from; number <= to; number++) {
    const last = number % batch === 0 || number === to
    const published = last ? client.diagnostics(uri, number + 1) : undefined
    ;({document} = edit(document, number))
    if (!published) continue
    await published
    afterBatch(number)
  }
  // The server's text is the client's: its last diagnostics are those of the final text.
  expect(client.published.at(-1)?.diagnostics).toEqual(await diagnosticsFor(uri, document.getText()))
  return document
}

const figures = (values: readonly number[]): string => values.map((value) => value.toFixed(1)).join(' ')

describe.runIf(process.platform === 'linux')('memory across many edits', () => {
  let document = TextDocument.create(uri, 'markdown', 1, essay)

  it(`RSS grows by less than 64 MiB from the first ${warmUp} edits to edit ${edits}`, async () => {
    await client.open(uri, essay)
    // The lowest RSS in each window of 1,000 edits: the troughs after collections move less than single readings.
    const resident: number[] = []
    let lowest = Infinity
    const started = performance.now()
    document = await editRange(document, 1, edits, (last) => {
      lowest = Math.min(lowest, client.residentMiB())
      if (last % warmUp === 0 || last === edits) {
        resident.push(lowest)
        lowest = Infinity
      }
    })
    const elapsed = performance.now() - started
    if (process.env.SERVER_FIGURES) console.info(`${edits} edits in ${(elapsed / 1000).toFixed(1)} s; lowest RSS in each 1,000 edits (MiB): ${figures(resident)}`)
    // Window 0 holds the server's start; the working size is reached in window 1 (edits 1,001 to 2,000).
    expect((resident.at(-1) as number) - (resident[1] as number)).toBeLessThan(64)
    expect(client.child.exitCode).toBeNull()
  }, 120_000)

  it('the live heap grows by less than 1.5 MiB over 2,000 more edits', async () => {
    const before = await liveHeapMiB()
    const started = performance.now()
    document = await editRange(document, edits + 1, edits + 2000)
    const after = await liveHeapMiB()
    if (process.env.SERVER_FIGURES) console.info(`2,000 more edits in ${((performance.now() - started) / 1000).toFixed(1)} s; live heap before and after (MiB): ${figures([before, after])}`)
    expect(after - before).toBeLessThan(1.5)
    expect(client.child.exitCode).toBeNull()
  }, 60_000)
})
