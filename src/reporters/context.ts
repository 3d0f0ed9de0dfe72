/** What every report format needs besides the files: where paths are relative to, and the rules in use. */
import path from 'node:path'
import type {VFile} from 'vfile'
import type {EvidenceDocument, Rule, RuleSet} from '../rules/types.js'

export interface ReportContext {
  /** Paths in reports are relative to this folder (the working directory). */
  readonly cwd: string
  /** Every rule that can appear in the report, by id (the union of the rule sets in use). */
  readonly rules: ReadonlyMap<string, Rule>
  /** The document catalogue the rules cite. */
  readonly documents: ReadonlyMap<string, EvidenceDocument>
}

/** The report context of the rule sets in use (one per config). */
export function reportContext(cwd: string, ruleSets: Iterable<RuleSet>): ReportContext {
  const rules = new Map<string, Rule>()
  let documents: ReadonlyMap<string, EvidenceDocument> = new Map()
  for (const set of ruleSets) {
    for (const rule of set.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule)
    documents = set.documents
  }
  return {cwd, rules, documents}
}

/** A file's path relative to the working directory, with forward slashes (as URIs and CI tools expect). */
export function reportPath(file: VFile, cwd: string): string {
  if (!file.path) return '<stdin>'
  const relative = path.isAbsolute(file.path) ? path.relative(cwd, file.path) : path.normalize(file.path)
  return relative.split(path.sep).join('/')
}
