/**
 * A pre-filter over whole blocks of text: can any pattern match anywhere in
 * this block? Most paragraphs of an essay hold no claim, and for them the
 * English parser's sentence plugins, the token views and the matcher are all
 * wasted work. A pattern can match a sentence only if the sentence holds,
 * for each of its required steps, all the stems of one of its options
 * (`CompiledPattern.required`); a block that lacks that for every pattern
 * is skipped whole, and a sentence tries only the patterns it passes.
 *
 * The filter must never skip a block that holds a match, so it reads the
 * words as loosely as the parser could join them: each raw word of the
 * tokenizer, and each run of words joined by dots or apostrophes
 * ("didn't", "U.S.S.R.", "o'clock"), which the parser may merge into one
 * word whose stems ("not", "ussr") no single piece has. Every other join
 * the parser makes (hyphens, slashes) is split again by `normalizeWordText`.
 * The stems come from the same cached normalisation the token view uses.
 */
import type {SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {CompiledPattern} from './pattern.js'
import {normalWords} from './tokens.js'

/** The raw word texts of a block, in order, and what separates them. */
export interface RawWord {
  readonly text: string
  /**
   * What stands between this word and the previous one when the parser may
   * merge the two into one word: nothing ("Sta**lin**" is two text nodes),
   * a dot or an apostrophe. Undefined after white space or anything else.
   */
  readonly joinedBy: string | undefined
}

const joiners = new Set(['', '.', "'", '\u2018', '\u2019', '\u02bc', '`'])

/** Whether `text` (all that stands between two raw words) is one the parser may merge them across. */
function isJoiner(text: string): boolean {
  return joiners.has(text)
}

/**
 * Runs of more joined words than this are not prose ("a.b.c.d…" over a whole
 * line); rather than build every sub-run (quadratic), the block is not filtered.
 */
const maxJoinedWords = 16

/**
 * Very common words: a step made only of these says little about a text,
 * so a pattern is indexed under a more telling step when it has one.
 */
const commonStems = new Set(['the', 'a', 'an', 'be', 'have', 'do', 'not', 'no', 'never', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'that', 'which', 'it', 'he', 'she', 'they', 'and', 'or', 'as', 'his', 'her', 'their', 'this'])

/** A required step as the index sees it: its options' stems. */
type RequiredStep = readonly (readonly string[])[]

/**
 * Patterns by the stems a text must hold for them to match. Patterns share
 * steps (a hundred begin with the same `@moscow`), so each distinct step is
 * tested at most once per text, and each pattern is indexed under its most
 * telling step (fewest options, common words last), so a text visits only
 * the patterns whose rarest words it holds.
 */
export class RequirementIndex {
  /** Each distinct required step once. */
  readonly #steps: RequiredStep[] = []
  /** Per pattern, the ids of its required steps. */
  readonly #byStem = new Map<string, Array<{pattern: CompiledPattern; steps: readonly number[]}>>()
  /** Patterns without a required step: they could match anything. */
  readonly #unconditional: CompiledPattern[] = []

  constructor(patterns: Iterable<CompiledPattern>) {
    const ids = new Map<string, number>()
    const idOf = (step: RequiredStep): number => {
      const key = JSON.stringify(step)
      let id = ids.get(key)
      if (id === undefined) {
        ids.set(key, (id = this.#steps.length))
        this.#steps.push(step)
      }
      return id
    }
    for (const pattern of patterns) {
      if (pattern.required.length === 0) {
        this.#unconditional.push(pattern)
        continue
      }
      const steps = pattern.required.map(idOf)
      const key = mostTelling(pattern.required)
      for (const stem of new Set(key.map((option) => option[0] as string))) {
        let list = this.#byStem.get(stem)
        if (!list) this.#byStem.set(stem, (list = []))
        list.push({pattern, steps})
      }
    }
  }

  /** The patterns that could match a text holding exactly these stems (the rest certainly cannot). */
  possible(stems: ReadonlySet<string>): Set<CompiledPattern> {
    const out = new Set<CompiledPattern>(this.#unconditional)
    const holds = this.#tester(stems)
    for (const stem of stems) {
      for (const {pattern, steps} of this.#byStem.get(stem) ?? []) {
        if (!out.has(pattern) && steps.every(holds)) out.add(pattern)
      }
    }
    return out
  }

  /** Could any pattern match a text holding these stems? */
  any(stems: ReadonlySet<string>): boolean {
    if (this.#unconditional.length > 0) return true
    const holds = this.#tester(stems)
    for (const stem of stems) {
      for (const {steps} of this.#byStem.get(stem) ?? []) if (steps.every(holds)) return true
    }
    return false
  }

  /** Whether a step (by id) holds in a text with these stems, each step worked out once. */
  #tester(stems: ReadonlySet<string>): (id: number) => boolean {
    // 0: not yet known, 1: holds, 2: does not.
    const known = new Uint8Array(this.#steps.length)
    const has = (stem: string): boolean => stems.has(stem)
    return (id) => {
      if (known[id] === 0) known[id] = (this.#steps[id] as RequiredStep).some((option) => option.every(has)) ? 1 : 2
      return known[id] === 1
    }
  }
}

/** The step to index a pattern under: the fewest options, preferring steps not made only of common words. */
function mostTelling(required: readonly RequiredStep[]): RequiredStep {
  const cost = (step: RequiredStep): number => step.length + (step.every((option) => commonStems.has(option[0] as string)) ? 1000 : 0)
  return required.reduce((best, step) => (cost(step) < cost(best) ? step : best))
}

/** Whether a block (raw tokens) can hold a match of some pattern. */
export class BlockFilter {
  readonly #index: RequirementIndex

  constructor(patterns: Iterable<CompiledPattern>) {
    this.#index = new RequirementIndex(patterns)
  }

  /** Could some pattern match a sentence of this block (raw tokens)? False means: certainly not. */
  mayMatchTokens(tokens: readonly SentenceContent[]): boolean {
    return this.mayMatch(rawWords(tokens))
  }

  /** Could some pattern match a sentence made of these words? False means: certainly not. */
  mayMatch(words: readonly RawWord[]): boolean {
    const stems = blockStems(words)
    return !stems || this.#index.any(stems)
  }
}

/**
 * Every stem a sentence built from these raw words could hold (a superset),
 * or undefined when the words are too oddly joined to tell.
 */
export function blockStems(words: readonly RawWord[]): Set<string> | undefined {
  const stems = new Set<string>()
  const add = (text: string): void => {
    for (const word of normalWords(text)) stems.add(word.stem)
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as RawWord
    add(word.text)
    // Every run of joined words that starts here, with and without a trailing joiner.
    let run = word.text
    for (let k = i + 1; k < words.length; k++) {
      const next = words[k] as RawWord
      if (next.joinedBy === undefined) break
      if (k - i >= maxJoinedWords) return undefined
      run += next.joinedBy + next.text
      add(run)
      add(run + '.')
    }
  }
  return stems
}

/** The raw words of a block's tokens (as the tokenizer gives them, before any parser plugin). */
export function rawWords(tokens: readonly SentenceContent[]): RawWord[] {
  const words: RawWord[] = []
  let between: string | undefined = undefined
  const visit = (nodes: readonly SentenceContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'WordNode') {
        words.push({text: toString(node), joinedBy: words.length > 0 && between !== undefined && isJoiner(between) ? between : undefined})
        between = ''
      } else if ('children' in node) {
        visit(node.children as SentenceContent[])
      } else if (between !== undefined) {
        // Only a short run of marks can join two words; anything longer never does.
        between = between.length < 2 ? between + node.value : '--'
      }
    }
  }
  visit(tokens)
  return words
}
