/**
 * `retext-histlint`: the linter as a retext plugin. For each sentence it runs
 * the rules' patterns (through the trigger index), asks the scope analysis
 * whether the author asserts what matched, and reports one message per rule
 * and sentence, citing the rule's documents.
 */
import type {Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {formatCitation, mainUrl, ruleCitations, type Citation} from './evidence/citation.js'
import {shortReference} from './evidence/bibliography.js'
import {isSentenceCited} from './evidence/cited.js'
import {matchAt, TriggerIndex, type PatternMatch} from './matching/match.js'
import type {SentenceView} from './matching/tokens.js'
import {analyseSentence, scopeOf, type Scope} from './matching/scope.js'
import {viewSentence} from './matching/tokens.js'
import type {Rule, RuleSet, Severity, SeveritySetting} from './rules/types.js'

export interface HistlintOptions {
  readonly ruleSet: RuleSet
  /** Per-rule severity overrides; `off` disables a rule. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>
  /** Report supported claims that carry no citation ("citation needed"). */
  readonly citations?: boolean
}

/** What histlint adds to a vfile message. */
export interface HistlintMessageData {
  readonly citations: readonly Citation[]
  /** For contested claims: the documents on the other side. */
  readonly otherSide?: readonly Citation[]
  readonly verdict: Rule['verdict']
}

export const source = 'histlint'

const indexCache = new WeakMap<RuleSet, TriggerIndex<Rule>>()

function indexOf(set: RuleSet): TriggerIndex<Rule> {
  let index = indexCache.get(set)
  if (!index) {
    index = new TriggerIndex<Rule>()
    for (const rule of set.rules) for (const pattern of rule.patterns) index.add(pattern, rule)
    indexCache.set(set, index)
  }
  return index
}

/** A sentence match before it becomes a message. */
export interface ClaimFinding {
  readonly rule: Rule
  readonly scope: Scope
  readonly sentence: Sentence
  readonly pattern: string
}

/** Every rule match in a sentence with its scope (asserted or not), one per rule: the asserted one if any. */
export function findClaims(sentence: Sentence, set: RuleSet): ClaimFinding[] {
  const view = viewSentence(sentence)
  if (!view || view.tokens.length === 0) return []
  const index = indexOf(set)
  const byRule = new Map<Rule, ClaimFinding>()
  let scopes: ReturnType<typeof analyseSentence> | undefined
  const guards = new Map<Rule, PatternMatch[]>()
  for (const {owner, pattern, match} of index.matches(view)) {
    const previous = byRule.get(owner)
    if (previous?.scope === 'asserted') continue
    scopes ??= analyseSentence(view)
    // A near-miss guard cancels the match when it stands in the same clause:
    // "…took no part in the fighting, and its delegate was boycotting the
    // Council" keeps the claim although the boycott guard matches.
    let found = guards.get(owner)
    if (!found) guards.set(owner, (found = owner.unless.flatMap((p) => allMatches(view, p))))
    const clauses = scopes.clause
    if (found.some((g) => sharesClause(clauses, g, match))) continue
    const scope = scopeOf(scopes, match)
    if (!previous || scope === 'asserted') byRule.set(owner, {rule: owner, scope, sentence, pattern: pattern.source})
  }
  return [...byRule.values()]
}

function allMatches(view: SentenceView, pattern: Rule['unless'][number]): PatternMatch[] {
  const out: PatternMatch[] = []
  for (let at = 0; at < view.tokens.length; at++) {
    if (!pattern.triggers.includes(view.tokens[at]?.stem ?? '')) continue
    const match = matchAt(view, pattern, at)
    if (match) out.push(match)
  }
  return out
}

function sharesClause(clause: readonly number[], a: PatternMatch, b: PatternMatch): boolean {
  const of = (m: PatternMatch) => new Set(clause.slice(m.first, m.last + 1))
  const left = of(a)
  for (const c of of(b)) if (left.has(c)) return true
  return false
}

function severityOf(rule: Rule, options: HistlintOptions): SeveritySetting {
  return options.severities?.[rule.id] ?? rule.severity
}

/** vfile's convention: fatal true = error, false = warning, undefined = info. */
function fatalOf(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** The message text for a finding, by verdict: what is wrong, disputed or to be cited, naming the documents. */
function reasonFor(rule: Rule, citations: readonly Citation[], otherSide: readonly Citation[] | undefined): string {
  // Ids only: the note holds the full citations, and `histlint cite ID` prints a reference.
  const ids = (list: readonly Citation[]) => list.map((c) => `[${c.id}]`).join(', ')
  if (rule.verdict === 'contradicted') return `Contradicted claim: ${rule.claim}; the documents show ${rule.shows}`
  if (rule.verdict === 'contested') {
    return `Historians disagree whether ${rule.claim}; the documents show ${rule.shows}. Documents for: ${ids(citations)}; against: ${ids(otherSide ?? [])}`
  }
  // The rule lists its best document first: that is the one to cite.
  const [first, ...others] = citations
  const also = others.length > 0 ? ` (or ${ids(others)})` : ''
  return `Citation needed: ${rule.claim}; cite ${first ? shortReference(first) : 'the document'}${also}: the documents show ${rule.shows}`
}

export function reportFinding(file: VFile, finding: ClaimFinding, options: HistlintOptions, severity: Severity): void {
  const {rule, sentence} = finding
  const {ruleSet} = options
  const citations = ruleCitations(rule, ruleSet)
  const otherSide = rule.verdict === 'contested' ? ruleCitations(rule, ruleSet, rule.otherSide) : undefined
  const message = file.message(reasonFor(rule, citations, otherSide), {
    place: sentence.position ? {start: sentence.position.start, end: sentence.position.end} : undefined,
    ruleId: rule.id,
    source
  })
  message.fatal = fatalOf(severity)
  message.actual = toString(sentence)
  if (rule.expected.length > 0) message.expected = [...rule.expected]
  message.url = mainUrl(citations)
  const noteLines = citations.map((c) => formatCitation(c))
  if (otherSide) noteLines.push('On the other side:', ...otherSide.map((c) => formatCitation(c)))
  message.note = noteLines.join('\n')
  const data: HistlintMessageData = {citations, otherSide, verdict: rule.verdict}
  Object.assign(message, {data})
}

/**
 * Supported claims are reported only as "citation needed": when asked for
 * (`citations`) and when neither the sentence nor its paragraph cites anything.
 */
function wantsCitation(finding: ClaimFinding, file: VFile, options: HistlintOptions): boolean {
  return options.citations === true && !isSentenceCited(finding.sentence, file)
}

/**
 * Lint every sentence under `tree` (an nlcst root or part of one) and report
 * histlint's messages on `file`. The retext plugin and the block-by-block
 * Markdown pipeline both call this.
 */
export function lintTree(tree: Root, file: VFile, options: HistlintOptions): void {
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'SentenceNode') {
      for (const finding of findClaims(node, options.ruleSet)) {
        if (finding.scope !== 'asserted') continue
        const severity = severityOf(finding.rule, options)
        if (severity === 'off') continue
        if (finding.rule.verdict === 'supported' && !wantsCitation(finding, file, options)) continue
        reportFinding(file, finding, options, severity)
      }
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as Root['children'][number])
  }
  visit(tree)
}

/** The retext plugin. */
export default function retextHistlint(options: HistlintOptions) {
  return function (tree: Root, file: VFile): void {
    lintTree(tree, file, options)
  }
}
