/**
 * Run compiled patterns over a sentence's tokens. A trigger index keyed by the
 * stem of each pattern's first word means a sentence only tries the patterns
 * whose first word it contains, so adding rules barely costs anything.
 */
import type {CompiledPattern, Step} from './pattern.js'
import type {SentenceView} from './tokens.js'

export interface PatternMatch {
  /** First and last token index of the match (inclusive). */
  readonly first: number
  readonly last: number
  /** Token indexes consumed by the pattern's words (not by its gaps). */
  readonly consumed: readonly number[]
}

/** Past participles that do not end in -ed/-en, for the passive guard. */
const participles = new Set(['led', 'made', 'sent', 'held', 'kept', 'told', 'left', 'found', 'brought', 'fought', 'sought', 'struck', 'shot', 'lit', 'built', 'caught', 'taught', 'met', 'set', 'put', 'hit', 'cut', 'paid', 'won', 'lost'])

function looksPassive(view: SentenceView, gapStart: number, verb: number): boolean {
  const word = view.tokens[verb]?.lower ?? ''
  if (!(word.endsWith('ed') || word.endsWith('en') || participles.has(word))) return false
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

  // Depth-first with backtracking; every gap is bounded, so the search is too.
  const step = (index: number, pos: number, afterGap: number): number | undefined => {
    if (index === pattern.steps.length) return pos - 1
    const current = pattern.steps[index] as Step
    if (current.kind === 'gap') {
      for (let skip = 0; skip <= current.max; skip++) {
        const next = pos + skip
        if (next >= tokens.length) break
        if (skip > 0 && view.breakBefore[next]) break
        const end = step(index + 1, next, skip > 0 ? pos : -1)
        if (end !== undefined) return end
      }
      return undefined
    }
    for (const option of current.options) {
      let ok = pos + option.length <= tokens.length
      for (let k = 0; ok && k < option.length; k++) {
        if (tokens[pos + k]?.stem !== option[k]) ok = false
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
 * For each step a match cannot skip (a word step that is not optional), the
 * stems one of which the sentence must contain: the first stem of each of
 * its options. A pattern whose required stems are not all in the sentence
 * cannot match anywhere in it, so it is not tried.
 */
function requiredStems(pattern: CompiledPattern): readonly string[][] {
  const required: string[][] = []
  for (const step of pattern.steps) {
    if (step.kind === 'words' && !step.optional) required.push([...new Set(step.options.map((option) => option[0] as string))])
  }
  return required
}

interface Entry<T> {
  readonly pattern: CompiledPattern
  readonly owner: T
  readonly required: readonly (readonly string[])[]
}

/** Index patterns by trigger stem. */
export class TriggerIndex<T> {
  readonly #byStem = new Map<string, Array<Entry<T>>>()

  add(pattern: CompiledPattern, owner: T): void {
    const entry = {pattern, owner, required: requiredStems(pattern)}
    for (const trigger of pattern.triggers) {
      let list = this.#byStem.get(trigger)
      if (!list) this.#byStem.set(trigger, (list = []))
      list.push(entry)
    }
  }

  /** Every (owner, match) in the sentence, at most one match per owner and start. */
  *matches(view: SentenceView): Generator<{owner: T; pattern: CompiledPattern; match: PatternMatch}> {
    let stems: Set<string> | undefined
    const possible = new Map<Entry<T>, boolean>()
    for (let at = 0; at < view.tokens.length; at++) {
      const candidates = this.#byStem.get(view.tokens[at]?.stem ?? '')
      if (!candidates) continue
      for (const entry of candidates) {
        let ok = possible.get(entry)
        if (ok === undefined) {
          stems ??= new Set(view.tokens.map((token) => token.stem))
          const present = stems
          ok = entry.required.every((options) => options.some((stem) => present.has(stem)))
          possible.set(entry, ok)
        }
        if (!ok) continue
        const match = matchAt(view, entry.pattern, at)
        if (match) yield {owner: entry.owner, pattern: entry.pattern, match}
      }
    }
  }
}
