/**
 * A real LSP client for the end-to-end tests: it starts the built server
 * (`node dist/src/server/bin.js --stdio`) as a child process and talks to it
 * with vscode-jsonrpc, as an editor would.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection} from 'vscode-jsonrpc/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {loadRuleSet} from '../src/rules/load.js'
import {toDiagnostic} from '../src/server/diagnostics.js'
import {DocumentLinter} from '../src/server/lint.js'
import {defaultSettings} from '../src/server/settings.js'
import type {ClientCapabilities, Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent} from 'vscode-languageserver-protocol'

export const serverBin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'server', 'bin.js')

export const capabilities: ClientCapabilities = {
  workspace: {workspaceEdit: {documentChanges: true}, configuration: true},
  textDocument: {publishDiagnostics: {versionSupport: true}, hover: {contentFormat: ['markdown']}}
}

export class TestClient {
  readonly child: ChildProcessWithoutNullStreams
  readonly connection: MessageConnection
  readonly exited: Promise<number | null>
  private readonly versions = new Map<string, number>()
  private readonly waiters: {uri: string; version: number | undefined; resolve: (d: Diagnostic[]) => void}[] = []
  /** The workspace settings the server gets when it asks (`workspace/configuration`). */
  settings: unknown = {}
  /** Every publishDiagnostics notification received, in order. */
  readonly published: PublishDiagnosticsParams[] = []
  stderr = ''
  /** Every line the server logged (`window/logMessage`), in order. */
  readonly log: string[] = []

  /** `nodeFlags` go to Node itself, before the script (the memory test asks for heap snapshots); the server is the same. */
  constructor(nodeFlags: readonly string[] = []) {
    if (!fs.existsSync(serverBin)) throw new Error(`${serverBin} is missing: run \`npm run build\` first`)
    this.child = spawn(process.execPath, [...nodeFlags, serverBin, '--stdio'], {stdio: 'pipe'})
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)))
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin))
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params)
      for (const waiter of [...this.waiters]) {
        if (waiter.uri !== params.uri || (waiter.version !== undefined && params.version !== waiter.version)) continue
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        waiter.resolve(params.diagnostics)
      }
    })
    this.connection.onRequest('workspace/configuration', (params: {items: {section?: string}[]}) => params.items.map(() => this.settings))
    this.connection.onRequest('client/registerCapability', () => null)
    this.connection.onNotification('window/logMessage', (params: {message: string}) => this.log.push(params.message))
    this.connection.listen()
  }

  async initialize(initializationOptions?: unknown): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {processId: process.pid, rootUri: null, capabilities, initializationOptions})
    await this.connection.sendNotification('initialized', {})
    return result
  }

  /** Wait for the diagnostics published for `uri` (at `version`, when given). Register before the edit. */
  diagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({uri, version, resolve}))
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1)
    const published = this.diagnostics(uri, 1)
    await this.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
    return published
  }

  /** Send changes; resolves with the diagnostics for the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1
    this.versions.set(uri, version)
    const published = this.diagnostics(uri, version)
    await this.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: changes})
    return published
  }

  /**
   * Send one didChange with the version given, whatever came before (a
   * client may repeat a version or go back), without waiting for diagnostics.
   */
  sendChange(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    this.versions.set(uri, version)
    return this.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: changes})
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri)
  }

  /** The server's resident set size in MiB, from /proc (Linux only). */
  residentMiB(): number {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8')
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]
    if (kib === undefined) throw new Error(`no VmRSS in /proc/${this.child.pid}/status`)
    return Number(kib) / 1024
  }

  /** Write bytes straight onto the server's stdin (for malformed messages). */
  writeRaw(bytes: string): void {
    this.child.stdin.write(bytes)
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown')
    await this.connection.sendNotification('exit')
    const code = await this.exited
    this.connection.dispose()
    return code
  }

  kill(): void {
    this.connection.dispose()
    if (this.child.exitCode === null) this.child.kill()
  }
}

const localLinter = new DocumentLinter(loadRuleSet())

/**
 * The diagnostics the server should publish for `text`: the same lint, run
 * here in the test process with default settings. Its cache makes a run of
 * texts that differ in one paragraph cheap, as in the server.
 */
export async function diagnosticsFor(uri: string, text: string, languageId = 'markdown'): Promise<Diagnostic[]> {
  const document = TextDocument.create(uri, languageId, 0, text)
  const linted = await localLinter.lintDocument(text, uri, defaultSettings, {syntax: languageId === 'markdown' ? 'markdown' : 'text'})
  return (linted?.findings ?? []).map((finding) => toDiagnostic(finding, document))
}
