/** What a histlint message carries: the vfile fields, and citations from the catalogue only. */
import fs from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintText, loadRuleSet} from '../src/index.js'

const ruleSet = loadRuleSet()
const shared = new URL('../../shared/evidence/documents.json', import.meta.url)

describe('a message', () => {
  it('carries ruleId, source, the sentence position, a reason, url, note, expected and citations', async () => {
    const file = await lintText('Intro sentence here. Stalin ordered Kim to invade the South.', {ruleSet, path: 'e.md'})
    expect(file.messages).toHaveLength(1)
    const [message] = file.messages
    expect(message?.ruleId).toBe('stalin-ordered-invasion')
    expect(message?.source).toBe('histlint')
    expect(message?.fatal).toBe(true)
    expect(message?.place).toEqual({start: {line: 1, column: 22, offset: 21}, end: {line: 1, column: 61, offset: 60}})
    expect(message?.reason).toMatch(/^Contradicted claim: Stalin ordered or pushed Kim Il Sung to invade.*; the documents show /)
    expect(message?.url).toBe('https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-8600-vyshinsky-mao-zedong')
    expect(message?.note).toContain('Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong, 14 May 1950')
    expect(message?.note).toContain('“in light of the changed international situation, they agree with the proposal of the Koreans')
    expect(message?.expected).toEqual(['Stalin approved Kim Il Sung\'s plan to invade.', 'Kim Il Sung asked Stalin again and again for permission to attack.'])
    expect(message?.actual).toBe('Stalin ordered Kim to invade the South.')
  })

  it('cites every rule from the catalogue, with an excerpt copied exactly', () => {
    for (const rule of ruleSet.rules) {
      for (const id of rule.documents) {
        const document = ruleSet.documents.get(id)
        expect(document, `${rule.id} cites ${id}`).toBeDefined()
      }
    }
  })

  it.skipIf(!fs.existsSync(shared))('uses only URLs, dates and excerpts from ../shared/evidence/documents.json', () => {
    const evidence = JSON.parse(fs.readFileSync(shared, 'utf8')) as Array<{id: string; url: string | null; date: string; excerpt: string; archive: string | null}>
    const byId = new Map(evidence.map((d) => [d.id, d]))
    for (const [id, document] of ruleSet.documents) {
      const source = byId.get(id)
      expect(source, id).toBeDefined()
      expect(document.url).toBe(source?.url)
      expect(document.date).toBe(source?.date)
      expect(document.excerpt).toBe(source?.excerpt)
      expect(document.archive).toBe(source?.archive)
    }
  })
})
