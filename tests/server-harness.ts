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

  constructor() {
    if (!fs.existsSync(serverBin)) throw new Error(`${serverBin} is missing: run \`npm run build\` first`)
    this.child = spawn(process.execPath, [serverBin, '--stdio'], {stdio: 'pipe'})
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
    this.connection.onNotification('window/logMessage', () => undefined)
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

  version(uri: string): number | undefined {
    return this.versions.get(uri)
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
