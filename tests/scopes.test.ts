/**
 * Scopes are engine features, not rule features: for every rule, a sentence
 * that asserts the claim is flagged, and the same claim negated, attributed,
 * rejected, quoted, asked, made conditional or put in a blockquote is not.
 */
import {describe, expect, it} from 'vitest'
import {lintText, loadRuleSet} from '../src/index.js'

const ruleSet = loadRuleSet()

async function flagged(text: string, path = 'essay.md'): Promise<string[]> {
  const file = await lintText(text, {ruleSet, path})
  return [...new Set(file.messages.map((m) => m.ruleId ?? ''))]
}

/** Per rule: the claim as a clause ("the South attacked first"), and its negation. */
const claims: Record<string, {clause: string; negated: string; question: string; conditional: string}> = {
  'south-attacked-first': {
    clause: 'the South attacked the North first',
    negated: 'The South did not attack the North first.',
    question: 'Did the South attack the North first?',
    conditional: 'If the South had attacked the North first, the KPA would have been caught unprepared.'
  },
  'stalin-ordered-invasion': {
    clause: 'Stalin ordered Kim Il Sung to invade the South',
    negated: 'Stalin never ordered Kim Il Sung to invade the South.',
    question: 'Did Stalin order Kim Il Sung to invade the South?',
    conditional: 'Had Stalin ordered Kim Il Sung to invade the South, Kim would not have begged for permission.'
  },
  'stalin-sought-world-war': {
    clause: 'Stalin wanted a third world war',
    negated: 'Stalin did not want a third world war.',
    question: 'Did Stalin want a third world war?',
    conditional: 'If Stalin had wanted a third world war, he would have sent Soviet divisions.'
  },
  'soviet-non-involvement': {
    clause: 'the Soviet Union took no part in the war',
    negated: 'It is not true that the Soviet Union took no part in the war.',
    question: 'Did the Soviet Union take no part in the war?',
    conditional: 'If the Soviet Union had taken no part in the war, the MiGs would have had no pilots.'
  },
  'north-acted-alone': {
    clause: 'Kim launched the attack without Stalin’s approval',
    negated: 'Kim never launched the attack without Stalin’s approval.',
    question: 'Did Kim launch the attack without Stalin’s approval?',
    conditional: 'Had Kim launched the attack without Stalin’s approval, Moscow would have protested.'
  },
  'stalin-sought-early-armistice': {
    clause: 'Stalin pressed for an early armistice',
    negated: 'Stalin did not press for an early armistice.',
    question: 'Why would Stalin press for an early armistice?',
    conditional: 'If Stalin had pressed for an early armistice, the talks would have ended in 1951.'
  },
  'soviet-air-cover-from-start': {
    clause: 'Soviet fighters protected the Chinese armies from the start',
    negated: 'Soviet fighters did not protect the Chinese armies from the start.',
    question: 'Did Soviet fighters protect the Chinese armies from the start?',
    conditional: 'Had Soviet fighters protected the Chinese armies from the start, the first weeks would have looked different.'
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

describe.each(Object.entries(claims))('%s', (ruleId, claim) => {
  it('flags the claim asserted', async () => {
    expect(await flagged(`${capital(claim.clause)}.`)).toEqual([ruleId])
  })
  it('flags the claim hedged', async () => {
    expect(await flagged(`It seems likely that ${claim.clause}.`)).toEqual([ruleId])
  })
  it('flags the claim endorsed in a report', async () => {
    expect(await flagged(`The older historians were right when they argued that ${claim.clause}.`)).toEqual([ruleId])
  })
  it('flags the claim in a plain-text file', async () => {
    expect(await flagged(`${capital(claim.clause)}.`, 'essay.txt')).toEqual([ruleId])
  })
  it('ignores the claim negated', async () => {
    expect(await flagged(claim.negated)).toEqual([])
  })
  it('ignores the claim attributed to others', async () => {
    expect(await flagged(`Cold War propaganda claimed that ${claim.clause}.`)).toEqual([])
    expect(await flagged(`According to the old textbooks, ${claim.clause}.`)).toEqual([])
  })
  it('ignores the claim rejected', async () => {
    expect(await flagged(`The archives refute the old story that ${claim.clause}.`)).toEqual([])
    expect(await flagged(`It is a myth that ${claim.clause}.`)).toEqual([])
  })
  it('ignores the claim quoted', async () => {
    expect(await flagged(`A 1951 pamphlet said “${capital(claim.clause)}.”`)).toEqual([])
    expect(await flagged(`> ${capital(claim.clause)}.\n\nSo wrote a columnist in 1950.`)).toEqual([])
  })
  it('ignores the claim asked', async () => {
    expect(await flagged(claim.question)).toEqual([])
  })
  it('ignores the claim in a condition or counterfactual', async () => {
    expect(await flagged(claim.conditional)).toEqual([])
  })
  it('ignores the claim in code', async () => {
    expect(await flagged(`Search your draft for \`${claim.clause}\`.`)).toEqual([])
    expect(await flagged('```text\n' + capital(claim.clause) + '.\n```')).toEqual([])
  })
})
