/**
 * The pre-filter skips blocks and patterns that cannot match. It is only
 * worth having if it never skips a real match: these tests check it against
 * the matcher itself on every sentence we have, and on the word forms the
 * English parser joins (contractions, dotted abbreviations, possessives,
 * words split by markup).
 */
import fs from 'node:fs'
import type {Root, Sentence} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {describe, expect, it} from 'vitest'
import {loadRuleSet} from '../src/index.js'
import {matchAt} from '../src/matching/match.js'
import {BlockFilter, blockStems, rawWords, RequirementIndex} from '../src/matching/prefilter.js'
import {viewSentence} from '../src/matching/tokens.js'

const ruleSet = loadRuleSet()
const patterns = ruleSet.rules.flatMap((rule) => rule.patterns)
const filter = new BlockFilter(patterns)
const parser = new ParseEnglish()

const stemsOf = (text: string): Set<string> => blockStems(rawWords(parser.tokenize(text))) ?? new Set(['(any)'])
const mayMatch = (text: string): boolean => filter.mayMatchTokens(parser.tokenize(text))

function sentencesOf(text: string): Sentence[] {
  const tree = parser.parse(text) as Root
  return tree.children.flatMap((paragraph) => (paragraph.type === 'ParagraphNode' ? paragraph.children.filter((s): s is Sentence => s.type === 'SentenceNode') : []))
}

const ourSentences = fs
  .readFileSync(new URL('../fixtures/sentences/paraphrases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as {text: string}).text)

describe('the stems a block could hold', () => {
  it('include the words the parser joins: contractions, dotted abbreviations, possessives', () => {
    const stems = stemsOf("The U.S.S.R. didn't take part; Stalin's pilots won't say")
    for (const stem of ['ussr', 'do', 'not', 'stalin', 'will', 'pilot']) expect(stems).toContain(stem)
  })

  it('include a word that markup split in two ("Sta" + "lin" from two text nodes)', () => {
    const tokens = [...parser.tokenize('Sta'), ...parser.tokenize('lin ordered')]
    expect(blockStems(rawWords(tokens))).toContain('stalin')
  })

  it('give up (filter nothing) on an absurd run of joined letters, rather than take quadratic time', () => {
    expect(blockStems(rawWords(parser.tokenize('a.'.repeat(5000))))).toBeUndefined()
    expect(mayMatch('a.'.repeat(5000))).toBe(true)
  })
})

describe('the block filter', () => {
  it('skips a paragraph without the words of any claim', () => {
    expect(mayMatch('The winter of 1950 was bitterly cold, and the refugees walked south along the roads.')).toBe(false)
  })

  it('keeps a paragraph that holds every word some pattern needs', () => {
    expect(mayMatch('It was cold. Stalin ordered Kim Il Sung to invade the South.')).toBe(true)
  })

  it('keeps a paragraph whose claim hides in a contraction or an abbreviation', () => {
    expect(mayMatch("The U.S.S.R. didn't take part in the war.")).toBe(true)
  })

  it('never skips a sentence in which a pattern matches (every sentence of our fixtures)', () => {
    let matched = 0
    for (const text of ourSentences) {
      const matches = sentencesOf(text).some((sentence) => {
        const view = viewSentence(sentence)
        return view !== undefined && patterns.some((pattern) => view.tokens.some((_, at) => matchAt(view, pattern, at) !== undefined))
      })
      if (!matches) continue
      matched++
      expect(mayMatch(text), text).toBe(true)
    }
    // Most of our sentences carry a claim or a near miss that the patterns reach.
    expect(matched).toBeGreaterThan(ourSentences.length / 2)
  })
})

describe('the requirement index', () => {
  it('offers every pattern that matches a sentence, and passes over most that cannot', () => {
    const index = new RequirementIndex(patterns)
    let offered = 0
    let sentences = 0
    for (const text of ourSentences) {
      for (const sentence of sentencesOf(text)) {
        const view = viewSentence(sentence)
        if (!view) continue
        sentences++
        const possible = index.possible(new Set(view.tokens.map((token) => token.stem)))
        offered += possible.size
        for (const pattern of patterns) {
          if (view.tokens.some((_, at) => matchAt(view, pattern, at) !== undefined)) expect(possible.has(pattern), `${pattern.source} in "${text}"`).toBe(true)
        }
      }
    }
    // On average a sentence is offered a small share of the patterns.
    expect(offered / sentences).toBeLessThan(patterns.length / 10)
  })
})
