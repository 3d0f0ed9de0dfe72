import {describe, expect, it} from 'vitest'
import {lintText, loadRuleSet} from '../src/index.js'

const ruleSet = loadRuleSet()

async function flagged(text: string): Promise<string[]> {
  const file = await lintText(text, {ruleSet, path: 'essay.md'})
  return file.messages.map((m) => m.ruleId ?? '')
}

describe('an asserted claim is flagged', () => {
  it('flags a plain assertion', async () => {
    expect(await flagged('Stalin ordered Kim Il Sung to invade the South.')).toEqual(['stalin-ordered-invasion'])
  })
})
