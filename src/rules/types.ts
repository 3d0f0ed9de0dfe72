/** The shapes that cross module boundaries: rules, documents, rule sets. */
import type {CompiledPattern} from '../matching/pattern.js'

export type Verdict = 'contradicted' | 'supported' | 'contested'
export type Severity = 'error' | 'warning' | 'info'
export type SeveritySetting = Severity | 'off'

/** One archival document from the catalogue (`rules/documents.json`). */
export interface EvidenceDocument {
  readonly id: string
  readonly date: string
  readonly title: string
  readonly from: string | null
  readonly to: string | null
  readonly archive: string | null
  readonly published: string | null
  /** The digital-archive page; null where the catalogue never saw a canonical page. */
  readonly url: string | null
  /** A short exact excerpt, copied from the page. */
  readonly excerpt: string
  /** What the document shows, in one line. */
  readonly shows: string
}

export interface NearMiss {
  readonly text: string
  readonly why: string
}

/** A claim rule as read from `rules/<id>.yml`, with its patterns compiled. */
export interface Rule {
  readonly id: string
  readonly verdict: Verdict
  readonly severity: Severity
  /** The claim, in one line. */
  readonly claim: string
  /** What the documents show instead (or in support), in one line. */
  readonly shows: string
  /** Document ids; the first with a URL is the rule's main document. */
  readonly documents: readonly string[]
  /** For contested rules: the documents on the other side. */
  readonly otherSide: readonly string[]
  /** Rewordings that an editor may offer as a quick fix. */
  readonly expected: readonly string[]
  readonly patterns: readonly CompiledPattern[]
  /** Near-miss guards: when one matches anywhere in the sentence, the rule does not fire there. */
  readonly unless: readonly CompiledPattern[]
  readonly nearMisses: readonly NearMiss[]
  readonly examples: {readonly flagged: readonly string[]; readonly clean: readonly string[]}
  /** The file the rule was read from. */
  readonly file: string
}

/** Everything the linter needs, loaded and validated once. */
export interface RuleSet {
  readonly rules: readonly Rule[]
  readonly documents: ReadonlyMap<string, EvidenceDocument>
}
