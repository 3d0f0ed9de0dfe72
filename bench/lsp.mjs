/**
 * The language-server figures: start `dist/src/server/bin.js --stdio`, open a
 * 5,000-word essay (several times), then make one-character edits (five
 * untimed, to warm up) and time each until the server publishes diagnostics
 * for the new version. Returns undefined when the
 * server is not built.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import {fileURLToPath} from 'node:url'
import {percentile} from './measure.mjs'
import {random} from './essays.mjs'

const serverBin = fileURLToPath(new URL('../dist/src/server/bin.js', import.meta.url))

/** A minimal JSON-RPC client over stdio with Content-Length framing. */
function connect(child) {
  let buffer = Buffer.alloc(0)
  let id = 0
  const waiting = new Map()
  const listeners = new Set()
  child.stdout.on('data', (data) => {
    buffer = Buffer.concat([buffer, data])
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n')
      if (headerEnd < 0) return
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1])
      if (buffer.length < headerEnd + 4 + length) return
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString())
      buffer = buffer.subarray(headerEnd + 4 + length)
      if (message.id !== undefined && waiting.has(message.id) && !message.method) {
        waiting.get(message.id)(message)
        waiting.delete(message.id)
      } else if (message.method && message.id !== undefined) {
        // A request from the server (configuration, registration): answer with nothing.
        send({jsonrpc: '2.0', id: message.id, result: null})
      } else for (const listener of listeners) listener(message)
    }
  })
  const send = (message) => {
    const body = JSON.stringify(message)
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
  }
  return {
    request: (method, params) =>
      new Promise((resolve) => {
        waiting.set(++id, resolve)
        send({jsonrpc: '2.0', id, method, params})
      }),
    notify: (method, params) => send({jsonrpc: '2.0', method, params}),
    /** The next notification of `method` that satisfies `test`. */
    next: (method, test = () => true, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener)
          reject(new Error(`no ${method} within ${timeoutMs} ms`))
        }, timeoutMs)
        const listener = (message) => {
          if (message.method === method && test(message.params)) {
            clearTimeout(timer)
            listeners.delete(listener)
            resolve(message.params)
          }
        }
        listeners.add(listener)
      })
  }
}

export async function benchLanguageServer(text, {edits = 60, opens = 5, server = serverBin} = {}) {
  if (!fs.existsSync(server)) return undefined
  const child = spawn(process.execPath, [server, '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']})
  const rpc = connect(child)
  try {
    const init = await rpc.request('initialize', {processId: process.pid, rootUri: null, capabilities: {textDocument: {publishDiagnostics: {versionSupport: true}}}})
    rpc.notify('initialized', {})
    const sync = init.result?.capabilities?.textDocumentSync
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2
    const openTimes = []
    let uri
    for (let i = 0; i < opens; i++) {
      uri = `file:///bench/essay-${i}.md`
      const start = performance.now()
      const published = rpc.next('textDocument/publishDiagnostics', (p) => p.uri === uri)
      rpc.notify('textDocument/didOpen', {textDocument: {uri, languageId: 'markdown', version: 1, text}})
      await published
      openTimes.push(performance.now() - start)
    }
    // One-character edits inside prose lines, typed one after another.
    const next = random(1953)
    const lines = text.split('\n')
    const prose = lines.map((line, index) => (/^[A-Z]/.test(line) ? index : -1)).filter((i) => i >= 0)
    const editTimes = []
    let version = 1
    const warmup = 5
    for (let i = 0; i < warmup + edits; i++) {
      const line = prose[Math.floor(next() * prose.length)]
      const character = Math.floor(next() * (lines[line].length - 1))
      lines[line] = lines[line].slice(0, character) + 'x' + lines[line].slice(character)
      version++
      const change = incremental ? {range: {start: {line, character}, end: {line, character}}, text: 'x'} : {text: lines.join('\n')}
      const start = performance.now()
      const published = rpc.next('textDocument/publishDiagnostics', (p) => p.uri === uri && (p.version === undefined || p.version === version))
      rpc.notify('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
      await published
      if (i >= warmup) editTimes.push(performance.now() - start)
    }
    await rpc.request('shutdown', null)
    rpc.notify('exit', null)
    return {opens: openTimes, edits: editTimes, p50: percentile(editTimes, 50), p95: percentile(editTimes, 95)}
  } finally {
    setTimeout(() => child.kill(), 1000).unref()
  }
}
