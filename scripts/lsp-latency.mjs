#!/usr/bin/env node
/**
 * How long after a one-character edit the language server publishes the
 * diagnostics for it, in a 5,000-word essay. Starts the built server
 * (`npm run build` first), opens the essay, then makes one-character edits
 * at random places (insert, then delete, so the essay keeps its size) and
 * times didChange → publishDiagnostics for that version.
 *
 *   node scripts/lsp-latency.mjs [--edits 200] [--words 5000]
 *
 * It also replays the same edits in-process through `lintDocument` and
 * reports the CPU time each takes, a figure that a loaded machine (other
 * processes sharing the cores) distorts much less than wall-clock latency.
 *
 * A benchmark, not a test: the numbers depend on the machine and its load.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-jsonrpc/node'

const {values} = parseArgs({options: {edits: {type: 'string', default: '200'}, words: {type: 'string', default: '5000'}}})
const edits = Number(values.edits)
const words = Number(values.words)

// A deterministic essay of our own sentences: narrative, hedged and a few flagged claims.
let seed = 7
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
const pick = (list) => list[Math.floor(random() * list.length)]
const subjects = ['The delegation', 'Kim Il Sung', 'The ambassador', 'Mao Zedong', 'The Politburo', 'The general staff', 'Historians', 'The telegram']
const verbs = ['discussed', 'described', 'questioned', 'weighed', 'reported on', 'returned to', 'set aside', 'summarised']
const objects = ['the state of the army', 'the harvest in the North', 'the talks in Moscow', 'the border incidents of 1949', 'the question of aid', 'the mood in Seoul', 'the reply from Beijing']
const tails = ['in the spring of 1950', 'over several weeks', 'with some caution', 'at length', 'before the summer', 'in a short note']
const claims = [
  'Stalin ordered Kim Il Sung to invade the South in June 1950.',
  'Stalin wanted the fighting in Korea to grow into a third world war.',
  'Yet the Soviet Union took no part in the war.'
]
const paragraphs = [`# An essay of ${words} words`]
let count = 5
while (count < words) {
  const sentences = []
  for (let n = 0; n < 5; n++) sentences.push(`${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}.`)
  if (random() < 0.3) sentences.push(pick(claims))
  const paragraph = sentences.join(' ')
  paragraphs.push(paragraph)
  count += paragraph.split(/\s+/).length
}
let text = paragraphs.join('\n\n') + '\n'

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'server', 'bin.js')
const child = spawn(process.execPath, [bin, '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
const waiting = new Map()
connection.onNotification('textDocument/publishDiagnostics', (params) => {
  const resolve = waiting.get(params.version)
  if (resolve) {
    waiting.delete(params.version)
    resolve(params.diagnostics)
  }
})
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})))
connection.onRequest('client/registerCapability', () => null)
connection.listen()
const published = (version) => new Promise((resolve) => waiting.set(version, resolve))

const uri = 'file:///bench/essay.md'
await connection.sendRequest('initialize', {processId: process.pid, rootUri: null, capabilities: {textDocument: {publishDiagnostics: {versionSupport: true}}}})
await connection.sendNotification('initialized', {})
let version = 1
let started = performance.now()
const opened = published(version)
await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version, text}})
const first = await opened
const openMs = performance.now() - started

/** Line and character of an offset. */
function positionAt(offset) {
  const before = text.slice(0, offset)
  const line = before.split('\n').length - 1
  return {line, character: offset - (before.lastIndexOf('\n') + 1)}
}

/** The edits, made up front so both measurements replay the same ones. */
function makeEdits() {
  const list = []
  let current = text
  let inserted
  for (let n = 0; n < edits; n++) {
    if (inserted === undefined) {
      let at
      do at = Math.floor(random() * current.length)
      while (!/[a-z]/.test(current[at] ?? '') || at < paragraphs[0].length)
      list.push({at, insert: true})
      current = current.slice(0, at) + 'x' + current.slice(at)
      inserted = at
    } else {
      list.push({at: inserted, insert: false})
      current = current.slice(0, inserted) + current.slice(inserted + 1)
      inserted = undefined
    }
  }
  return list
}
const planned = makeEdits()
const original = text

/** The server's CPU time so far (ms), from /proc where there is one. */
function serverCpuMs() {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

const latencies = []
const cpuBefore = serverCpuMs()
for (const {at, insert} of planned) {
  const start = positionAt(at)
  const change = insert
    ? {range: {start, end: start}, text: 'x'}
    : {range: {start, end: {line: start.line, character: start.character + 1}}, text: ''}
  text = insert ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1)
  version++
  const done = published(version)
  started = performance.now()
  await connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
  await done
  latencies.push(performance.now() - started)
  // A typist's pause between keystrokes.
  await new Promise((resolve) => setTimeout(resolve, 15))
}

const cpuAfter = serverCpuMs()
await connection.sendRequest('shutdown')
await connection.sendNotification('exit')

// The same edits in-process: wall and CPU time of lintDocument alone.
const {DocumentLinter} = await import('../dist/src/server/lint.js')
const {loadRuleSet} = await import('../dist/src/rules/load.js')
const linter = new DocumentLinter(loadRuleSet())
text = original
await linter.lintDocument(text, uri, {rules: {}})
const walls = []
const cpus = []
for (const {at, insert} of planned) {
  text = insert ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1)
  const wall = performance.now()
  const cpu = process.cpuUsage()
  await linter.lintDocument(text, uri, {rules: {}})
  const used = process.cpuUsage(cpu)
  walls.push(performance.now() - wall)
  cpus.push((used.user + used.system) / 1000)
}

const quantiles = (list) => {
  const sorted = [...list].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1)
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1).toFixed(1)} ms`
}
console.log(`essay: ${count} words, ${paragraphs.length} blocks, ${first.length} diagnostics; open → diagnostics ${openMs.toFixed(0)} ms`)
console.log(`one-character edits: ${edits}`)
console.log(`  over LSP, didChange → publishDiagnostics: ${quantiles(latencies)}`)
if (cpuBefore !== undefined && cpuAfter !== undefined) console.log(`  server CPU per edit (mean):                ${((cpuAfter - cpuBefore) / edits).toFixed(1)} ms`)
console.log(`  in-process lintDocument, wall:            ${quantiles(walls)}`)
console.log(`  in-process lintDocument, CPU:             ${quantiles(cpus)}`)
console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
