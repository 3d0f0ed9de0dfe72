/**
 * The histlint extension: starts `histlint-language-server` over stdio for
 * Markdown and plain-text files and passes the `histlint.*` settings on.
 * Everything else (diagnostics, hovers, quick fixes) is the server's.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as vscode from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

/** The server module: the setting, else the workspace's histlint, else the one the extension depends on. */
function serverModule(context: vscode.ExtensionContext): string {
  const configured = vscode.workspace.getConfiguration('histlint').get<string>('server.path')
  if (configured) return configured
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', 'histlint', 'dist', 'src', 'server', 'bin.js')
    if (fs.existsSync(local)) return local
  }
  return context.asAbsolutePath(path.join('node_modules', 'histlint', 'dist', 'src', 'server', 'bin.js'))
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = serverModule(context)
  // TransportKind.stdio runs `node <module> --stdio`.
  const serverOptions: ServerOptions = {
    run: {module, transport: TransportKind.stdio},
    debug: {module, transport: TransportKind.stdio}
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      {scheme: 'file', language: 'markdown'},
      {scheme: 'file', language: 'plaintext'},
      {scheme: 'untitled', language: 'markdown'}
    ],
    // Sends `workspace/didChangeConfiguration` with the `histlint` section whenever it changes.
    synchronize: {configurationSection: 'histlint'}
  }
  client = new LanguageClient('histlint', 'histlint', serverOptions, clientOptions)
  await client.start()
}

export async function deactivate(): Promise<void> {
  await client?.stop()
  client = undefined
}
