/**
 * The histlint language server: diagnostics on open and change (cleared on
 * close), a cited hover card on each flagged sentence, and quick fixes.
 * Built directly on vscode-languageserver: unified-language-server loads a
 * processor from each project's configuration and has no hover, no custom
 * quick fixes and no per-paragraph cache, all of which histlint needs.
 */
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Hover,
  type InitializeResult
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {maxInputBytes} from '../io/read.js'
import type {Syntax} from '../pipeline/processor.js'
import type {Rule, RuleSet} from '../rules/types.js'
import {version as histlintVersion} from '../cli/version.js'
import {quickFixes, toCodeAction} from './actions.js'
import {toDiagnostic} from './diagnostics.js'
import {hoverCard} from './hover.js'
import {DocumentLinter, type LintedDocument} from './lint.js'
import {LintScheduler} from './schedule.js'
import {defaultSettings, parseSettings, type ServerSettings} from './settings.js'

/** What was last published for a document, and for which revision of its text. */
interface Published {
  readonly revision: number
  readonly linted: LintedDocument
}

/**
 * Which text of a document the server holds. The protocol says each change
 * carries a higher version, but a client may repeat a version or go back.
 * Every change is applied, in the order it arrives (as TextDocuments does:
 * over one stream, arrival order is the order the client made them, and an
 * incremental change skipped would leave the server's text out of step for
 * good). The version is only the label diagnostics carry; what a lint saw
 * is told by the revision, which the server raises on every change, so a
 * repeated version can never let a lint of the old text pass for current.
 */
interface Held {
  readonly revision: number
  readonly version: number
  /** A version that did not rise has been logged for this document (once, not on every keystroke). */
  readonly warned: boolean
}

/** Plain text when the editor says so or the file is `.txt`; Markdown otherwise. */
function syntaxOf(document: TextDocument): Syntax {
  return document.languageId === 'plaintext' || document.languageId === 'text' || /\.txt$/i.test(document.uri) ? 'text' : 'markdown'
}

export function startServer(connection: Connection, ruleSet: RuleSet): void {
  const documents = new TextDocuments(TextDocument)
  const linter = new DocumentLinter(ruleSet)
  const rules = new Map<string, Rule>(ruleSet.rules.map((rule) => [rule.id, rule]))
  const published = new Map<string, Published>()
  const held = new Map<string, Held>()
  let lastRevision = 0
  let settings: ServerSettings = defaultSettings
  let pullsConfiguration = false
  let registersConfiguration = false
  let versionedEdits = false
  // Nothing is linted before the workspace settings are known, so rules turned off never flash up.
  let settingsKnown: () => void = () => undefined
  const settingsReady = new Promise<void>((resolve) => (settingsKnown = resolve))

  const applySettings = (raw: unknown): void => {
    const parsed = parseSettings(raw, ruleSet)
    for (const problem of parsed.problems) connection.console.warn(`histlint: ignored setting ${problem}`)
    settings = parsed.settings
    for (const document of documents.all()) scheduler.schedule(document.uri)
  }

  const scheduler = new LintScheduler<LintedDocument>({
    currentRevision: (uri) => held.get(uri)?.revision,
    lint: async (uri, isStale) => {
      await settingsReady
      const document = documents.get(uri)
      if (!document) return undefined
      const text = document.getText()
      if (Buffer.byteLength(text) > maxInputBytes) {
        connection.console.warn(`histlint: ${uri} is larger than ${maxInputBytes / 1024 / 1024} MiB; not linted`)
        return {findings: [], split: {blocks: [], definitions: '', bodyStart: 0}, syntax: syntaxOf(document)}
      }
      const linted = await linter.lintDocument(text, uri, settings, {syntax: syntaxOf(document), isStale})
      if (linter.lastConfigProblem) connection.console.warn(`histlint: ignored config: ${linter.lastConfigProblem}`)
      return linted
    },
    publish: (uri, revision, linted) => {
      const document = documents.get(uri)
      if (!document) return
      published.set(uri, {revision, linted})
      // The scheduler publishes only while the text is the one linted, so the document's version is the linted text's.
      void connection.sendDiagnostics({uri, version: document.version, diagnostics: linted.findings.map((finding) => toDiagnostic(finding, document))})
    },
    onError: (uri, error) => connection.console.error(`histlint: could not lint ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  })

  /** The published result, only if it is for the document's current text. */
  const current = (uri: string): {document: TextDocument; linted: LintedDocument} | undefined => {
    const document = documents.get(uri)
    const result = published.get(uri)
    return document && result && result.revision === held.get(uri)?.revision ? {document, linted: result.linted} : undefined
  }

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities
    pullsConfiguration = capabilities.workspace?.configuration === true
    registersConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true
    versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true
    if (!pullsConfiguration) settingsKnown()
    if (params.initializationOptions !== undefined && params.initializationOptions !== null) {
      settings = parseSettings(params.initializationOptions, ruleSet).settings
    }
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        hoverProvider: true,
        codeActionProvider: {codeActionKinds: ['quickfix']}
      },
      serverInfo: {name: 'histlint-language-server', version: histlintVersion}
    }
  })

  const pullSettings = async (): Promise<void> => {
    if (!pullsConfiguration) return
    try {
      applySettings(await connection.workspace.getConfiguration('histlint'))
    } catch (error) {
      connection.console.warn(`histlint: could not read the workspace settings: ${(error as Error).message}`)
    }
  }

  connection.onInitialized(() => {
    if (!pullsConfiguration) return
    // Ask to be told of changes; clients without dynamic registration send them anyway or not at all.
    if (registersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, {section: 'histlint'}).catch(() => undefined)
    // A client that never answers must not keep diagnostics away for long.
    const giveUp = setTimeout(settingsKnown, 2000)
    void pullSettings().finally(() => {
      clearTimeout(giveUp)
      settingsKnown()
    })
  })

  connection.onDidChangeConfiguration((params) => {
    const raw: unknown = params.settings
    if (typeof raw === 'object' && raw !== null && 'histlint' in raw) applySettings(raw)
    else void pullSettings()
  })

  // Fired on open too (TextDocuments fires it after onDidOpen), so this is where every new text is counted.
  documents.onDidChangeContent(({document}) => {
    const before = held.get(document.uri)
    const backwards = before !== undefined && document.version <= before.version
    if (backwards && !before.warned) {
      connection.console.warn(`histlint: ${document.uri}: version ${document.version} came after version ${before.version}; changes are applied in the order they arrive`)
    }
    held.set(document.uri, {revision: ++lastRevision, version: document.version, warned: backwards || (before?.warned ?? false)})
    scheduler.schedule(document.uri)
  })
  documents.onDidClose(({document}) => {
    held.delete(document.uri)
    scheduler.cancel(document.uri)
    linter.forget(document.uri)
    published.delete(document.uri)
    void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })

  connection.onHover((params): Hover | null => {
    const found = current(params.textDocument.uri)
    if (!found) return null
    const offset = found.document.offsetAt(params.position)
    const here = found.linted.findings.filter((finding) => finding.start <= offset && offset <= finding.end)
    const first = here[0]
    if (!first) return null
    return {
      contents: {kind: 'markdown', value: here.map((finding) => hoverCard(finding, rules.get(finding.ruleId))).join('\n\n---\n\n')},
      range: {start: found.document.positionAt(first.start), end: found.document.positionAt(first.end)}
    }
  })

  connection.onCodeAction((params): CodeAction[] => {
    // Every action here is a quick fix; a client asking only for other kinds gets none.
    if (params.context.only && !params.context.only.includes('quickfix')) return []
    const found = current(params.textDocument.uri)
    if (!found) return []
    const start = found.document.offsetAt(params.range.start)
    const end = found.document.offsetAt(params.range.end)
    return quickFixes(found.document, found.linted, start, end).map((fix) => toCodeAction(fix, found.document, versionedEdits))
  })

  documents.listen(connection)
  connection.listen()
}
