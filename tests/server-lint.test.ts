import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintText, loadRuleSet} from '../src/index.js'
import {splitBlocks} from '../src/server/blocks.js'
import {DocumentLinter} from '../src/server/lint.js'
import {parseSettings} from '../src/server/settings.js'

const ruleSet = loadRuleSet()
const noSettings = {rules: {}}

/** What the CLI's whole-document lint reports: rule id and sentence offsets. */
async function wholeDocument(text: string, path: string): Promise<string[]> {
  const file = await lintText(text, {ruleSet, path})
  return file.messages.map((m) => `${m.ruleId} ${m.place && 'start' in m.place ? `${m.place.start.offset}-${m.place.end.offset}` : '?'}`)
}

async function blockByBlock(text: string, uri: string, linter = new DocumentLinter(ruleSet)): Promise<string[]> {
  const linted = await linter.lintDocument(text, uri, noSettings)
  return (linted?.findings ?? []).map((f) => `${f.ruleId} ${f.start}-${f.end}`)
}

const tricky = [
  '---',
  'title: An essay with everything in it',
  '',
  'note: a blank line inside front matter',
  '---',
  '',
  '# Origins',
  '',
  'Stalin ordered Kim Il Sung to invade the South.[^1] The talks in Moscow are',
  'recorded in a [summary][memo] that survives.',
  '',
  '```text',
  'A fenced note.',
  '',
  'Stalin ordered Kim Il Sung to invade the South.',
  '```',
  '',
  '<!-- a comment that runs',
  '',
  'Stalin ordered Kim Il Sung to invade the South.',
  '-->',
  '',
  '- A first point about the spring of 1950.',
  '',
  '  Stalin wanted the fighting in Korea to grow into a third world war.',
  '',
  '- A second point.',
  '',
  '> Stalin ordered the war, said a headline of 1950.',
  '',
  '[^1]: Yet the Soviet Union, officially, took no part in the war.',
  '',
  '    Stalin ordered Kim Il Sung to invade the South, says the note again.',
  '',
  '[memo]: https://example.org/memo',
  ''
].join('\n')

describe('linting block by block gives what linting the whole document gives', () => {
  it('on the example essay', async () => {
    const text = fs.readFileSync('fixtures/essays/traditionalist.md', 'utf8')
    const expected = await wholeDocument(text, 'essay.md')
    expect(expected.length).toBeGreaterThan(2)
    expect(await blockByBlock(text, 'file:///essay.md')).toEqual(expected)
  })

  it('with front matter, fences, comments, lists, footnotes and references that span blank lines', async () => {
    const expected = await wholeDocument(tricky, 'essay.md')
    expect(expected.map((line) => line.split(' ')[0])).toEqual([
      'stalin-ordered-invasion',
      'stalin-sought-world-war',
      'soviet-non-involvement',
      'stalin-ordered-invasion'
    ])
    expect(await blockByBlock(tricky, 'file:///essay.md')).toEqual(expected)
  })

  it('with Windows line endings', async () => {
    const crlf = tricky.replace(/\n/g, '\r\n')
    expect(await blockByBlock(crlf, 'file:///essay.md')).toEqual(await wholeDocument(crlf, 'essay.md'))
  })

  it('in plain text', async () => {
    const text = 'Origins\n\nStalin ordered Kim Il Sung to invade the South.\n  \n\nSome said Stalin wanted the fighting in Korea to grow into a third world war.\n'
    const expected = await wholeDocument(text, 'essay.txt')
    expect(expected).toHaveLength(1)
    expect(await blockByBlock(text, 'file:///essay.txt')).toEqual(expected)
  })
})

describe('the split', () => {
  it('keeps fenced code, multi-line comments and indented continuations in one block', () => {
    const {blocks, bodyStart} = splitBlocks(tricky, 'markdown')
    expect(blocks.map((block) => block.text.split('\n')[0])).toEqual([
      '---',
      '# Origins',
      'Stalin ordered Kim Il Sung to invade the South.[^1] The talks in Moscow are',
      '```text',
      '<!-- a comment that runs',
      '- A first point about the spring of 1950.',
      '- A second point.',
      '> Stalin ordered the war, said a headline of 1950.',
      '[^1]: Yet the Soviet Union, officially, took no part in the war.',
      '[memo]: https://example.org/memo'
    ])
    expect(blocks[0]?.prose).toBe(false)
    expect(tricky.slice(bodyStart).startsWith('\n# Origins')).toBe(true)
  })
})

describe('the cache', () => {
  it('re-lints only the paragraph an edit touched', async () => {
    const linter = new DocumentLinter(ruleSet)
    const text = fs.readFileSync('fixtures/essays/traditionalist.md', 'utf8')
    await linter.lintDocument(text, 'file:///essay.md', noSettings)
    const at = text.indexOf('Stalin wanted')
    const edited = `${text.slice(0, at)}Then ${text.slice(at)}`
    const findings = await blockByBlock(edited, 'file:///essay.md', linter)
    expect(linter.lastStats.linted).toBe(1)
    expect(linter.lastStats.reused).toBeGreaterThan(5)
    // Findings after the edit moved by the five inserted characters.
    expect(findings).toEqual(await wholeDocument(edited, 'essay.md'))
  })

  it('starts afresh when the settings change, and a rule turned off is not reported', async () => {
    const linter = new DocumentLinter(ruleSet)
    const text = fs.readFileSync('fixtures/essays/traditionalist.md', 'utf8')
    await linter.lintDocument(text, 'file:///essay.md', noSettings)
    const {settings} = parseSettings({histlint: {rules: {'stalin-sought-world-war': 'off'}}}, ruleSet)
    const linted = await linter.lintDocument(text, 'file:///essay.md', settings)
    expect(linter.lastStats.reused).toBe(0)
    expect(linted?.findings.map((f) => f.ruleId)).not.toContain('stalin-sought-world-war')
    expect(linted?.findings.map((f) => f.ruleId)).toContain('stalin-ordered-invasion')
  })

  it('holds only the blocks of the latest text, however many texts came before, and nothing once forgotten', async () => {
    const linter = new DocumentLinter(ruleSet)
    const uri = 'file:///revisions.md'
    const textWith = (n: number): string => `# Revisions\n\nRevision ${n}.\n\n${'Stalin ordered Kim Il Sung to invade the South.'}\n`
    // 300 edits, each giving the middle paragraph a text never seen before.
    for (let n = 0; n < 300; n++) await linter.lintDocument(textWith(n), uri, noSettings)
    expect(linter.cachedBlocks(uri)).toBe(3)
    // An earlier text of the paragraph was forgotten: it is linted afresh, the other blocks come from the cache.
    await linter.lintDocument(textWith(0), uri, noSettings)
    expect(linter.lastStats).toEqual({linted: 1, reused: 2})
    linter.forget(uri)
    expect(linter.cachedBlocks(uri)).toBe(0)
  })

  it('abandons a lint whose result became stale', async () => {
    const linter = new DocumentLinter(ruleSet)
    const distinct = Array.from({length: 400}, (_, n) => `Paragraph ${n}: Stalin ordered Kim Il Sung to invade the South.`).join('\n\n')
    let asked = 0
    const isStale = (): boolean => ++asked > 0
    expect(await linter.lintDocument(distinct, 'file:///long.md', noSettings, {isStale})).toBeUndefined()
    expect(asked).toBe(1)
  })
})

describe('inline control comments', () => {
  const claim = 'Stalin ordered Kim Il Sung to invade the South.'
  const war = 'Stalin wanted the fighting in Korea to grow into a third world war.'
  const rulesIn = async (text: string) => ((await new DocumentLinter(ruleSet).lintDocument(text, 'file:///essay.md', noSettings))?.findings ?? []).map((f) => f.ruleId)

  it('ignore: the next block only, for the rules named', async () => {
    expect(await rulesIn(`<!-- histlint ignore stalin-ordered-invasion -->\n\n${claim} ${war}\n\n${claim}\n`)).toEqual(['stalin-sought-world-war', 'stalin-ordered-invasion'])
  })

  it('ignore without a rule id: every rule in the next block', async () => {
    expect(await rulesIn(`<!-- histlint ignore -->\n\n${claim} ${war}\n\n${war}\n`)).toEqual(['stalin-sought-world-war'])
  })

  it('disable and enable: from the comment on', async () => {
    const text = `${claim}\n\n<!-- histlint disable stalin-ordered-invasion -->\n\n${claim} ${war}\n\n<!-- histlint enable stalin-ordered-invasion -->\n\n${claim}\n`
    expect(await rulesIn(text)).toEqual(['stalin-ordered-invasion', 'stalin-sought-world-war', 'stalin-ordered-invasion'])
  })

  it('disable without a rule id, then enable one rule', async () => {
    const text = `<!-- histlint disable -->\n\n${claim} ${war}\n\n<!-- histlint enable stalin-sought-world-war -->\n\n${claim} ${war}\n`
    expect(await rulesIn(text)).toEqual(['stalin-sought-world-war'])
  })
})

describe('workspace settings', () => {
  it('keeps valid rule settings and reports the rest', () => {
    const {settings, problems} = parseSettings({rules: {'stalin-sought-world-war': 'off', 'no-such-rule': 'off', 'south-attacked-first': 'loud'}}, ruleSet)
    expect(settings.rules).toEqual({'stalin-sought-world-war': 'off'})
    expect(problems).toEqual(['histlint.rules.no-such-rule: no such rule', 'histlint.rules.south-attacked-first: expected "off", "info", "warning" or "error", got "loud"'])
  })
})
