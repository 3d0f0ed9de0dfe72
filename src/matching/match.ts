/**
 * Run compiled patterns over a sentence's tokens. A trigger index keyed by the
 * stem of each pattern's first word means a sentence only tries the patterns
 * whose first word it contains, so adding rules barely costs anything.
 */
import {pronounStems, wordMatches, type CompiledPattern, type Step, type WordStep} from './pattern.js'
import {RequirementIndex} from './prefilter.js'
import type {SentenceView} from './tokens.js'

export interface PatternMatch {
  /** First and last token index of the match (inclusive). */
  readonly first: number
  readonly last: number
  /** Token indexes consumed by the pattern's words (not by its gaps). */
  readonly consumed: readonly number[]
}

/** Past participles that do not end in -ed/-en, for the passive guard. */
const participles = new Set([
  'led', 'made', 'sent', 'held', 'kept', 'told', 'left', 'found', 'brought', 'fought', 'sought', 'struck', 'shot', 'lit',
  'built', 'caught', 'taught', 'met', 'set', 'put', 'hit', 'cut', 'paid', 'won', 'lost', 'begun', 'done', 'drawn', 'flown',
  'known', 'seen', 'shown', 'thrown', 'grown', 'withdrawn', 'overthrown', 'taken', 'given', 'written', 'driven', 'chosen',
  'broken', 'spoken', 'forgotten', 'hidden', 'beaten', 'fallen', 'shaken', 'stolen', 'forbidden', 'overtaken', 'undertaken',
  'risen', 'ridden', 'bitten', 'proven', 'sworn', 'borne', 'torn', 'worn'
])

const articles = new Set(['the', 'a', 'an'])

const pronouns = new Set(pronounStems)

/** Does the term of `step` occur before token `before` in the sentence? (The antecedent of a pronoun.) */
function termBefore(view: SentenceView, step: WordStep, before: number): boolean {
  for (let i = 0; i < before; i++) {
    for (const option of step.options) {
      let ok = true
      for (let k = 0; ok && k < option.length; k++) if (!wordMatches(view.tokens[i + k], option[k] as string)) ok = false
      if (ok) return true
    }
  }
  return false
}

const asides = new WeakMap<SentenceView, Map<number, number | undefined>>()

/**
 * If token `at` opens a comma-enclosed aside (a comma before it, another
 * within 15 words, no clause break between), the index just after the aside.
 */
function asideEnd(view: SentenceView, at: number): number | undefined {
  if (!view.commaBefore[at]) return undefined
  let cache = asides.get(view)
  if (!cache) asides.set(view, (cache = new Map()))
  if (cache.has(at)) return cache.get(at)
  let result: number | undefined
  for (let i = at + 1; i < view.tokens.length && i <= at + 15; i++) {
    if (view.breakBefore[i]) break
    if (view.commaBefore[i]) {
      result = i
      break
    }
  }
  cache.set(at, result)
  return result
}

function looksPassive(view: SentenceView, gapStart: number, verb: number): boolean {
  const word = view.tokens[verb]?.lower ?? ''
  if (!(word.endsWith('ed') || participles.has(word))) return false
  for (let i = gapStart; i < verb; i++) {
    const s = view.tokens[i]?.stem
    if (s === 'be' || s === 'get') return true
  }
  return false
}

/** Try to match `pattern` with its first word at token `at`. */
export function matchAt(view: SentenceView, pattern: CompiledPattern, at: number): PatternMatch | undefined {
  const {tokens} = view
  const consumed: number[] = []
  // Depth-first with backtracking. A state (step, position, gap start) that
  // failed once fails again, so failures are remembered: without this, a
  // pattern with k gaps could try 13^k placements on a repetitive sentence.
  const failed = new Set<number>()
  const width = tokens.length + 2

  const step = (index: number, pos: number, afterGap: number): number | undefined => {
    const key = (index * width + pos) * width + afterGap + 1
    if (failed.has(key)) return undefined
    const end = tryStep(index, pos, afterGap)
    if (end === undefined) failed.add(key)
    return end
  }

  const tryStep = (index: number, pos: number, afterGap: number): number | undefined => {
    if (index === pattern.steps.length) return pos - 1
    const current = pattern.steps[index] as Step
    if (current.kind === 'gap') {
      const gapStart = pos
      // Walk the gap word by word; a comma-enclosed aside (", who knew this,")
      // is jumped whole and costs nothing, so asides never break a claim apart.
      const walk = (next: number, used: number): number | undefined => {
        if (next >= tokens.length) return undefined
        const end = step(index + 1, next, next > gapStart ? gapStart : -1)
        if (end !== undefined) return end
        const aside = asideEnd(view, next)
        if (aside !== undefined) {
          const jumped = walk(aside, used)
          if (jumped !== undefined) return jumped
        }
        if (used < current.max && next + 1 < tokens.length && !view.breakBefore[next + 1]) return walk(next + 1, used + 1)
        return undefined
      }
      return walk(pos, 0)
    }
    // Articles never matter to a claim: "from the Kremlin" matches "from @moscow".
    if (pos < tokens.length && articles.has(tokens[pos]?.lower ?? '') && index > 0 && !view.breakBefore[pos]) {
      const skipped = step(index, pos + 1, afterGap >= 0 ? afterGap : pos)
      if (skipped !== undefined) return skipped
    }
    if (current.term !== undefined && pronouns.has(tokens[pos]?.lower ?? '') && termBefore(view, current, pos)) {
      consumed.push(pos)
      const end = step(index + 1, pos + 1, -1)
      if (end !== undefined) return end
      consumed.pop()
    }
    for (const option of current.options) {
      let ok = pos + option.length <= tokens.length
      for (let k = 0; ok && k < option.length; k++) {
        if (!wordMatches(tokens[pos + k], option[k] as string)) ok = false
        else if (k > 0 && view.breakBefore[pos + k]) ok = false
      }
      if (!ok) continue
      if (index > 0 && view.breakBefore[pos] && pattern.steps[index - 1]?.kind !== 'gap') continue
      if (afterGap >= 0 && !pattern.hasBe && looksPassive(view, afterGap, pos)) continue
      const mark = consumed.length
      for (let k = 0; k < option.length; k++) consumed.push(pos + k)
      const end = step(index + 1, pos + option.length, -1)
      if (end !== undefined) return end
      consumed.length = mark
    }
    if (current.optional) return step(index + 1, pos, afterGap)
    return undefined
  }

  const last = step(0, at, -1)
  if (last === undefined) return undefined
  return {first: at, last, consumed: [...consumed]}
}

/**
 * Index patterns by the stems a sentence must hold for them to match, and
 * by the stems that can start them. A sentence first finds the few patterns
 * whose required words it holds (most sentences: none); only those are
 * tried, at the tokens that can start them.
 */
export class TriggerIndex<T> {
  readonly #entries: Array<{pattern: CompiledPattern; owner: T; triggers: ReadonlySet<string>}> = []
  #requirements: RequirementIndex | undefined

  add(pattern: CompiledPattern, owner: T): void {
    this.#entries.push({pattern, owner, triggers: new Set(pattern.triggers)})
    this.#requirements = undefined
  }

  /**
   * Every (owner, match) in the sentence, at most one match per owner and
   * start; in the order of the tokens, and at one token in the order the
   * patterns were added.
   */
  *matches(view: SentenceView): Generator<{owner: T; pattern: CompiledPattern; match: PatternMatch}> {
    if (view.tokens.length === 0) return
    this.#requirements ??= new RequirementIndex(this.#entries.map((entry) => entry.pattern))
    const possible = this.#requirements.possible(new Set(view.tokens.map((token) => token.stem)))
    if (possible.size === 0) return
    const candidates = this.#entries.filter((entry) => possible.has(entry.pattern))
    for (let at = 0; at < view.tokens.length; at++) {
      const stem = view.tokens[at]?.stem ?? ''
      for (const {pattern, owner, triggers} of candidates) {
        if (!triggers.has(stem)) continue
        const match = matchAt(view, pattern, at)
        if (match) yield {owner, pattern, match}
      }
    }
  }
}
