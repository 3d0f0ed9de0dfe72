/**
 * Read and validate the rule pack: `terms.yml`, `documents.json` and one YAML
 * file per claim. Every problem is a RuleFileError naming the file and the
 * field, so a teacher's typo never crashes the linter or silently drops a rule.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import YAML from 'yaml'
import {compilePattern, PatternError, type Terms} from '../matching/pattern.js'
import {phraseStems} from '../matching/normalize.js'
import type {EvidenceDocument, NearMiss, Rule, RuleSet, Severity, Verdict} from './types.js'

export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    reason: string
  ) {
    super(`${file}: ${field}: ${reason}`)
    this.name = 'RuleFileError'
  }
}

/** The rule pack shipped with the package: the nearest `rules/terms.yml` above this module (src or dist). */
export const defaultRulesDir = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (fs.existsSync(path.join(dir, 'rules', 'terms.yml'))) return path.join(dir, 'rules')
    const parent = path.dirname(dir)
    if (parent === dir) return path.resolve('rules')
    dir = parent
  }
})()

const verdicts: readonly Verdict[] = ['contradicted', 'supported', 'contested']
const severities: readonly Severity[] = ['error', 'warning', 'info']
const ruleId = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

type Json = Record<string, unknown>

function readStructured(file: string): unknown {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new RuleFileError(file, '(file)', `cannot read: ${(error as Error).message}`)
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text, {prettyErrors: false})
  } catch (error) {
    throw new RuleFileError(file, '(syntax)', (error as Error).message.split('\n')[0] ?? 'unreadable')
  }
}

function field<T>(file: string, object: Json, name: string, check: (value: unknown) => value is T, expected: string, fallback?: T): T {
  const value = object[name]
  if (value === undefined && fallback !== undefined) return fallback
  if (!check(value)) throw new RuleFileError(file, name, `expected ${expected}, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`)
  return value
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString)
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Load `terms.yml`: name variants that patterns refer to as `@name`. */
export function loadTerms(file: string): Terms {
  const data = readStructured(file)
  if (!isObject(data)) throw new RuleFileError(file, '(root)', 'expected a mapping of term names to lists of phrases')
  const terms = new Map<string, string[][]>()
  for (const [name, list] of Object.entries(data)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new RuleFileError(file, name, 'term names are lower-case words joined by dashes')
    if (!isStringList(list) || list.length === 0) throw new RuleFileError(file, name, 'expected a non-empty list of phrases')
    terms.set(name, list.map((phrase) => phraseStems(phrase)))
  }
  return terms
}

/** Load the document catalogue (`documents.json`). */
export function loadDocuments(file: string): Map<string, EvidenceDocument> {
  const data = readStructured(file)
  if (!Array.isArray(data)) throw new RuleFileError(file, '(root)', 'expected a list of documents')
  const documents = new Map<string, EvidenceDocument>()
  data.forEach((entry, index) => {
    const where = `documents[${index}]`
    if (!isObject(entry)) throw new RuleFileError(file, where, 'expected an object')
    const nullable = (name: string): string | null => {
      const value = entry[name]
      if (value === null || value === undefined) return null
      if (!isString(value)) throw new RuleFileError(file, `${where}.${name}`, 'expected a string or null')
      return value
    }
    const required = (name: string): string => {
      const value = entry[name]
      if (!isString(value)) throw new RuleFileError(file, `${where}.${name}`, 'expected a string')
      return value
    }
    const document: EvidenceDocument = {
      id: required('id'),
      date: required('date'),
      title: required('title'),
      from: nullable('from'),
      to: nullable('to'),
      archive: nullable('archive'),
      published: nullable('published'),
      url: nullable('url'),
      excerpt: required('excerpt'),
      shows: required('shows')
    }
    if (documents.has(document.id)) throw new RuleFileError(file, `${where}.id`, `duplicate document id "${document.id}"`)
    documents.set(document.id, document)
  })
  return documents
}

/** Load and validate one claim rule. */
export function loadRule(file: string, terms: Terms, documents: ReadonlyMap<string, EvidenceDocument>): Rule {
  const data = readStructured(file)
  if (!isObject(data)) throw new RuleFileError(file, '(root)', 'expected a mapping')
  const known = new Set(['id', 'verdict', 'severity', 'claim', 'shows', 'documents', 'other-side', 'expected', 'patterns', 'unless', 'near-misses', 'examples', 'notes'])
  for (const key of Object.keys(data)) if (!known.has(key)) throw new RuleFileError(file, key, `unknown field (known: ${[...known].join(', ')})`)

  const id = field(file, data, 'id', (v): v is string => isString(v) && ruleId.test(v), 'a lower-case id such as "south-attacked-first"')
  const base = path.basename(file).replace(/\.(ya?ml|json)$/, '')
  if (base !== id) throw new RuleFileError(file, 'id', `"${id}" must match the file name "${base}"`)
  const verdict = field(file, data, 'verdict', (v): v is Verdict => verdicts.includes(v as Verdict), verdicts.join(' | '), 'contradicted')
  const defaultSeverity: Severity = verdict === 'contradicted' ? 'error' : 'info'
  const severity = field(file, data, 'severity', (v): v is Severity => severities.includes(v as Severity), severities.join(' | '), defaultSeverity)
  const claim = field(file, data, 'claim', isString, 'a one-line claim')
  const shows = field(file, data, 'shows', isString, 'one line on what the documents show')
  const documentIds = field(file, data, 'documents', (v): v is string[] => isStringList(v) && v.length > 0, 'a non-empty list of document ids')
  const otherSide = field(file, data, 'other-side', isStringList, 'a list of document ids', [])
  for (const [name, list] of [['documents', documentIds], ['other-side', otherSide]] as const) {
    for (const doc of list) if (!documents.has(doc)) throw new RuleFileError(file, name, `unknown document "${doc}" (not in the catalogue)`)
  }
  if (verdict === 'contested' && otherSide.length === 0) throw new RuleFileError(file, 'other-side', 'a contested rule lists the documents on the other side')
  const expected = field(file, data, 'expected', isStringList, 'a list of rewordings', [])
  const compileAll = (name: string, sources: readonly string[]) =>
    sources.map((source, index) => {
      try {
        return compilePattern(source, terms)
      } catch (error) {
        if (error instanceof PatternError) throw new RuleFileError(file, `${name}[${index}]`, `${error.message} in "${source}"`)
        throw error
      }
    })
  const patterns = compileAll('patterns', field(file, data, 'patterns', (v): v is string[] => isStringList(v) && v.length > 0, 'a non-empty list of patterns'))
  const unless = compileAll('unless', field(file, data, 'unless', isStringList, 'a list of patterns', []))
  const nearMissData = data['near-misses'] ?? []
  if (!Array.isArray(nearMissData)) throw new RuleFileError(file, 'near-misses', 'expected a list of {text, why}')
  const nearMisses: NearMiss[] = nearMissData.map((entry, index) => {
    if (!isObject(entry) || !isString(entry.text) || !isString(entry.why)) throw new RuleFileError(file, `near-misses[${index}]`, 'expected {text, why}')
    return {text: entry.text, why: entry.why}
  })
  const examplesData = data.examples ?? {}
  if (!isObject(examplesData)) throw new RuleFileError(file, 'examples', 'expected {flagged: [...], clean: [...]}')
  const examples = {
    flagged: field(file, examplesData, 'flagged', isStringList, 'a list of sentences', []),
    clean: field(file, examplesData, 'clean', isStringList, 'a list of sentences', [])
  }
  return {id, verdict, severity, claim, shows, documents: documentIds, otherSide, expected, patterns, unless, nearMisses, examples, file}
}

/** Every rule file in a folder: `*.yml`, `*.yaml`, except `terms.yml`. */
export function ruleFilesIn(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !/^terms\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name))
}

export interface LoadOptions {
  /** Folders of extra rule files (rule packs), read after the built-in rules. */
  readonly packs?: readonly string[]
  /** The built-in rules folder (default: the package's `rules/`). */
  readonly rulesDir?: string
}

const cache = new Map<string, RuleSet>()

/** Load the built-in rules and any packs. Cached per argument list: rules are immutable. */
export function loadRuleSet(options: LoadOptions = {}): RuleSet {
  const rulesDir = options.rulesDir ?? defaultRulesDir
  const packs = options.packs ?? []
  const key = JSON.stringify([rulesDir, packs])
  const cached = cache.get(key)
  if (cached) return cached
  const terms = new Map(loadTerms(path.join(rulesDir, 'terms.yml')))
  const documents = loadDocuments(path.join(rulesDir, 'documents.json'))
  const rules: Rule[] = []
  const seen = new Map<string, string>()
  for (const dir of [rulesDir, ...packs]) {
    if (dir !== rulesDir) {
      const packTerms = path.join(dir, 'terms.yml')
      if (fs.existsSync(packTerms)) for (const [name, value] of loadTerms(packTerms)) terms.set(name, value)
    }
    let files: string[]
    try {
      files = ruleFilesIn(dir)
    } catch (error) {
      throw new RuleFileError(dir, '(folder)', `cannot read rule folder: ${(error as Error).message}`)
    }
    for (const file of files) {
      const rule = loadRule(file, terms, documents)
      const previous = seen.get(rule.id)
      if (previous) throw new RuleFileError(file, 'id', `duplicate rule id "${rule.id}" (also in ${previous})`)
      seen.set(rule.id, file)
      rules.push(rule)
    }
  }
  const set = {rules, documents}
  cache.set(key, set)
  return set
}
