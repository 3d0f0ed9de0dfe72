/**
 * Sentences of our own, one claim each (or none), written to probe the
 * paraphrase families, voices and near-misses of every rule. The file is
 * data: `fixtures/sentences/paraphrases.jsonl`, one `{text, expect}` a line.
 */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintText, loadRuleSet} from '../src/index.js'

const ruleSet = loadRuleSet()
const cases = fs
  .readFileSync(new URL('../fixtures/sentences/paraphrases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as {text: string; expect: string[]})

describe('paraphrases and near-misses', () => {
  it.each(cases)('$text → $expect', async ({text, expect: expected}) => {
    const file = await lintText(text, {ruleSet, path: 'sentence.md'})
    expect([...new Set(file.messages.map((m) => m.ruleId))].sort()).toEqual([...expected].sort())
  })
})
