/**
 * The claim pattern language, compiled once at load.
 *
 *   Stalin order|instruct|tell @kim to? invade|attack
 *   @south ... attack|invade|strike first
 *   (air cover|air support|air umbrella)
 *
 * - `word`: the word in any inflection (both sides are stemmed).
 * - `=word`: exactly this form ("=forced" matches "forced", not "force").
 * - `a|b|c`: any one of them; `(two words|other)` or `a|(two words)`:
 *   alternatives of several words (a space outside parentheses separates elements).
 * - `@name`: a term list from `rules/terms.yml` (name variants).
 * - `...` / `...N`: up to 5 (or N) words in between, never across a clause
 *   break (`;`, `:`, a dash, a bracket).
 * - a trailing `?` makes a word, group or term optional.
 *
 * Articles (the, a, an) are skipped wherever they stand before a word, and a
 * pronoun (he, she, they, it) stands for a term named earlier in the sentence:
 * "Although Stalin hesitated, he wanted a world war" matches `@moscow ... want`.
 *
 * Patterns are plain words: nothing in a rule file is evaluated as code or as
 * a regular expression, so no pattern can backtrack catastrophically (every
 * gap is bounded and every step consumes at least one word or is optional).
 */
import {phraseStems, stem} from './normalize.js'

/** A step that consumes words: one of several word sequences. */
export interface WordStep {
  readonly kind: 'words'
  /** Each option is a sequence of stems that must appear contiguously. */
  readonly options: readonly (readonly string[])[]
  readonly optional: boolean
  /** Set when the step is exactly one term (`@moscow`): a pronoun may then stand for it. */
  readonly term?: string
}

/** A bounded gap of skipped words. */
export interface GapStep {
  readonly kind: 'gap'
  readonly max: number
}

export type Step = WordStep | GapStep

export interface CompiledPattern {
  readonly source: string
  readonly steps: readonly Step[]
  /** Stems that can start a match: the trigger index keys. */
  readonly triggers: readonly string[]
  /** The pattern names a form of "be" itself (a passive pattern). */
  readonly hasBe: boolean
  /**
   * For each required (not optional) step, its options as the stems a token
   * must have. A text that holds no option of some step, all its words,
   * cannot match: the pre-filter (prefilter.ts) over sentences and blocks.
   * A pronoun standing for a term needs the term earlier in the sentence, so
   * pronouns are not listed.
   */
  readonly required: readonly (readonly (readonly string[])[])[]
}

export type Terms = ReadonlyMap<string, readonly (readonly string[])[]>

/** Pronouns that may stand for a term named earlier in the sentence (see match.ts). */
export const pronounStems = ['he', 'she', 'they', 'it']

/** The index key of a pattern word: its stem, or the stem of an exact form. */
/** The stem a token must have to match a pattern word (an exact form "=ordered" needs its stem too). */
export function triggerOf(word: string): string {
  return word.startsWith('=') ? stem(word.slice(1)) : word
}

/** Does a token match one pattern word (a stem, or an exact form after "=")? */
export function wordMatches(token: {readonly stem: string; readonly lower: string} | undefined, word: string): boolean {
  if (!token) return false
  return word.startsWith('=') ? token.lower === word.slice(1) : token.stem === word
}

export class PatternError extends Error {}

/** Split a pattern into elements, keeping parenthesised groups whole. */
function elements(source: string): string[] {
  const out: string[] = []
  let depth = 0
  let current = ''
  for (const char of source.trim()) {
    if (char === '(') depth++
    if (char === ')') depth--
    if (depth < 0) throw new PatternError('unbalanced ")"')
    if (/\s/.test(char) && depth === 0) {
      if (current) out.push(current)
      current = ''
    } else current += char
  }
  if (depth !== 0) throw new PatternError('unclosed "("')
  if (current) out.push(current)
  return out
}

/** Split `a|(b c|d)|@e` into a, b c, d, @e: parentheses group words, `|` separates choices. */
function alternatives(body: string, raw: string): string[] {
  const out: string[] = []
  let depth = 0
  let current = ''
  for (const char of body) {
    if (char === '(') depth++
    if (char === ')') depth--
    if (char === '|' && depth === 0) {
      out.push(current)
      current = ''
    } else current += char
  }
  out.push(current)
  return out.flatMap((alt) => {
    const trimmed = alt.trim()
    if (trimmed.startsWith('(') || trimmed.endsWith(')')) {
      if (!(trimmed.startsWith('(') && trimmed.endsWith(')'))) throw new PatternError(`malformed group "${raw}"`)
      return alternatives(trimmed.slice(1, -1), raw)
    }
    return [trimmed]
  })
}

/** Compile one pattern string against the term lists. Throws PatternError with a reason. */
export function compilePattern(source: string, terms: Terms): CompiledPattern {
  const steps: Step[] = []
  for (const raw of elements(source)) {
    const gap = /^\.\.\.(\d+)?$/.exec(raw)
    if (gap) {
      const max = gap[1] === undefined ? 5 : Number(gap[1])
      if (max < 1 || max > 12) throw new PatternError(`gap "${raw}" must allow 1 to 12 words`)
      if (steps.length === 0) throw new PatternError('a pattern cannot start with a gap')
      if (steps[steps.length - 1]?.kind === 'gap') throw new PatternError('two gaps in a row')
      steps.push({kind: 'gap', max})
      continue
    }
    let body = raw
    let optional = false
    if (body.endsWith('?')) {
      optional = true
      body = body.slice(0, -1)
    }
    // Alternatives may mix words, groups of words and terms: `@attack-noun|plan|(day one)`.
    const options: string[][] = alternatives(body, raw).flatMap((alt) => {
      if (alt.startsWith('=')) {
        if (!/^=[a-z0-9']+$/i.test(alt)) throw new PatternError(`"${alt}": an exact form is one word after "="`)
        return [[alt.toLowerCase()]]
      }
      if (!alt.startsWith('@')) return [phraseStems(alt.replace(/_/g, ' '))]
      const term = terms.get(alt.slice(1))
      if (!term) throw new PatternError(`unknown term "${alt}"`)
      return term.map((o) => [...o])
    })
    if (options.length === 0 || options.some((o) => o.length === 0)) throw new PatternError(`empty alternative in "${raw}"`)
    if (steps.length === 0 && optional) throw new PatternError('a pattern cannot start with an optional element')
    const term = /^@[a-z][a-z0-9-]*$/.test(body) ? body.slice(1) : undefined
    steps.push(term ? {kind: 'words', options, optional, term} : {kind: 'words', options, optional})
  }
  if (steps.length === 0) throw new PatternError('empty pattern')
  if (steps[steps.length - 1]?.kind === 'gap') throw new PatternError('a pattern cannot end with a gap')
  const first = steps[0] as WordStep
  // A pattern that opens with a term can also open with a pronoun standing for it.
  const triggers = [...new Set([...first.options.map((o) => triggerOf(o[0] as string)), ...(first.term ? pronounStems : [])])]
  const hasBe = steps.some((s) => s.kind === 'words' && s.options.some((o) => o.includes('be')))
  const required = steps.flatMap((s) => (s.kind === 'words' && !s.optional ? [s.options.map((option) => option.map(triggerOf))] : []))
  return {source, steps, triggers, hasBe, required}
}
