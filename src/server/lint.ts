/**
 * The language server's one lint call: `lintDocument(text, uri, settings)`.
 * It lints a document block by block (see blocks.ts), caching each block's
 * findings by its text, so an edit re-lints only the block it touched. It
 * yields to the event loop between blocks and stops early when the caller
 * says its result is no longer wanted (a newer version arrived), so a huge
 * document never blocks hovers or newer edits.
 *
 * It is also the one place that applies configuration, as the CLI does: the
 * nearest `.histlintrc*` above the document (rules, packs, allowlist), then
 * the workspace settings over it, with "citation needed" on (the editor is
 * where a student adds the footnote). Inline comments are applied to the
 * merged findings block by block (control.ts), which needs no full parse of
 * the document on every keystroke.
 */
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {allowlistMatcher} from '../config/controls.js'
import {ConfigError, loadConfigFor, type ResolvedConfig} from '../config/index.js'
import {RuleFileError} from '../rules/load.js'
import type {VFileMessage} from 'vfile-message'
import type {HistlintMessageData, HistlintOptions} from '../plugin.js'
import {lintFile, syntaxOf, type Syntax} from '../pipeline/processor.js'
import type {RuleSet, SeveritySetting} from '../rules/types.js'
import {splitBlocks, type Block, type BlockSplit} from './blocks.js'
import {applyBlockControls} from './control.js'
import type {ServerSettings} from './settings.js'

/** One flagged sentence, with offsets into the document's text. */
export interface Finding {
  readonly ruleId: string
  readonly start: number
  readonly end: number
  /** vfile's convention: true = error, false = warning, undefined = info. */
  readonly fatal: boolean | undefined
  readonly reason: string
  readonly url: string | undefined
  readonly expected: readonly string[]
  /** The flagged sentence as written. */
  readonly actual: string
  readonly data: HistlintMessageData
}

export interface LintedDocument {
  readonly findings: readonly Finding[]
  readonly split: BlockSplit
  readonly syntax: Syntax
}

export interface LintControl {
  /** Markdown unless the uri ends in `.txt`; an editor's language id can say otherwise. */
  readonly syntax?: Syntax
  /** Asked between blocks; true abandons the lint (its result would be stale). */
  readonly isStale?: () => boolean
}

/** How long the lint may hold the event loop before it yields (ms). */
const sliceMs = 8

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

interface DocumentCache {
  readonly key: string
  /** Block cache key → findings with offsets relative to the block. */
  readonly blocks: Map<string, readonly Finding[]>
}

/** A block's message as a finding, offsets relative to the block. */
function toFinding(message: VFileMessage): Finding | undefined {
  const place = message.place
  const start = place && 'start' in place ? place.start.offset : undefined
  const end = place && 'end' in place ? place.end.offset : undefined
  if (start === undefined || end === undefined || !message.ruleId) return undefined
  return {
    ruleId: message.ruleId,
    start,
    end,
    fatal: message.fatal ?? undefined,
    reason: message.reason,
    url: message.url,
    expected: message.expected ?? [],
    actual: message.actual ?? '',
    data: (message as VFileMessage & {data: HistlintMessageData}).data
  }
}

function shifted(finding: Finding, by: number): Finding {
  return {...finding, start: finding.start + by, end: finding.end + by}
}

/** What the last lint did: blocks linted afresh and blocks whose findings came from the cache. */
export interface LintStats {
  readonly linted: number
  readonly reused: number
}

export class DocumentLinter {
  /** For tests and the latency script: how much of the last document was linted afresh. */
  lastStats: LintStats = {linted: 0, reused: 0}
  /** Why the last document's config file could not be used (the server logs it); undefined when it could. */
  lastConfigProblem: string | undefined
  private readonly caches = new Map<string, DocumentCache>()
  private readonly optionsBySettings = new Map<string, HistlintOptions>()

  constructor(readonly ruleSet: RuleSet) {}

  /**
   * Lint a document's text. Returns undefined when `control.isStale` said
   * stop. Findings are sorted by position.
   */
  async lintDocument(text: string, uri: string, settings: ServerSettings, control: LintControl = {}): Promise<LintedDocument | undefined> {
    const syntax = control.syntax ?? syntaxOf(uri)
    const config = this.configFor(uri)
    const ruleSet = config?.ruleSet ?? this.ruleSet
    // Workspace settings override the config file, as a user's editor settings should.
    const severities = {...config?.severities, ...settings.rules}
    const options = this.optionsFor(ruleSet, severities)
    const allowlisted = allowlistMatcher(config?.allowlist ?? [])
    const split = splitBlocks(text, syntax)
    const cache = this.cacheFor(uri, `${syntax}\0${config?.configFile ?? ''}\0${JSON.stringify(severities)}`)
    const seen = new Map<string, readonly Finding[]>()
    const findings: Finding[] = []
    let linted = 0
    let sliceStart = Date.now()
    for (const block of split.blocks) {
      if (!block.prose) continue
      const context = block.text.includes('[') ? split.definitions : ''
      // The stub definitions are part of what was linted, so part of the key.
      const key = context ? `${context}\0${block.text}` : block.text
      let relative = seen.get(key) ?? cache.blocks.get(key)
      if (!relative) {
        if (Date.now() - sliceStart > sliceMs) {
          await nextTurn()
          if (control.isStale?.()) return undefined
          sliceStart = Date.now()
        }
        relative = await this.lintBlock(block, context, options, syntax)
        linted++
      }
      seen.set(key, relative)
      for (const finding of relative) findings.push(shifted(finding, block.offset))
    }
    // Keep only the blocks the document has now: the cache never outgrows the document.
    cache.blocks.clear()
    for (const [key, value] of seen) cache.blocks.set(key, value)
    this.lastStats = {linted, reused: split.blocks.filter((block) => block.prose).length - linted}
    const kept = findings.filter((finding) => !allowlisted(finding.actual))
    return {findings: syntax === 'markdown' ? applyBlockControls(split.blocks, kept) : kept, split, syntax}
  }

  /** Drop what is cached for a closed document. */
  forget(uri: string): void {
    this.caches.delete(uri)
  }

  /** How many blocks' findings are cached for a document: at most its prose blocks, whatever texts came before. */
  cachedBlocks(uri: string): number {
    return this.caches.get(uri)?.blocks.size ?? 0
  }

  private async lintBlock(block: Block, context: string, options: HistlintOptions, syntax: Syntax): Promise<readonly Finding[]> {
    const value = context ? `${block.text}\n\n${context}\n` : block.text
    const file = await lintFile(new VFile({value}), options, syntax)
    const findings: Finding[] = []
    for (const message of file.messages) {
      const finding = toFinding(message)
      // Findings in the stub definitions (there should be none) are not the block's.
      if (finding && finding.end <= block.text.length) findings.push(finding)
    }
    return findings
  }

  private cacheFor(uri: string, key: string): DocumentCache {
    let cache = this.caches.get(uri)
    if (!cache || cache.key !== key) this.caches.set(uri, (cache = {key, blocks: new Map()}))
    return cache
  }

  /** The config that applies to a file: URI; undefined for other URIs or a broken config (reported in lastConfigProblem). */
  private configFor(uri: string): ResolvedConfig | undefined {
    this.lastConfigProblem = undefined
    if (!uri.startsWith('file:')) return undefined
    try {
      return loadConfigFor(fileURLToPath(uri), {plugin: {citations: true}})
    } catch (error) {
      if (!(error instanceof ConfigError || error instanceof RuleFileError)) throw error
      this.lastConfigProblem = error.message
      return undefined
    }
  }

  /** One options object per rule set and severities: the pipeline caches its processors per settings. */
  private optionsFor(ruleSet: RuleSet, severities: Readonly<Record<string, SeveritySetting>>): HistlintOptions {
    const key = JSON.stringify(severities)
    let options = this.optionsBySettings.get(key)
    // Settings rarely change; a bound keeps a client that keeps changing them from growing this.
    if (options && options.ruleSet !== ruleSet) options = undefined
    if (!options && this.optionsBySettings.size >= 16) this.optionsBySettings.clear()
    if (!options) this.optionsBySettings.set(key, (options = {ruleSet, severities, citations: true}))
    return options
  }
}
