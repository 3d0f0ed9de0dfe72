/** Rule files are validated at load: a malformed file is a clear error naming the file and the field. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultRulesDir, loadRuleSet, RuleFileError} from '../src/index.js'

function packWith(name: string, yaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-pack-'))
  fs.writeFileSync(path.join(dir, name), yaml)
  return dir
}

const valid = `id: test-claim
claim: a test claim
shows: what the test documents show
documents: [politburo-1949-09-24]
patterns:
  - "Stalin ...3 order|tell @kim ...2 invade"
`

describe('rule files', () => {
  it('loads the seven contradicted claims of CLAIMS.md', () => {
    const ids = loadRuleSet().rules.filter((r) => r.verdict === 'contradicted').map((r) => r.id)
    expect(ids.sort()).toEqual([
      'north-acted-alone', 'south-attacked-first', 'soviet-air-cover-from-start', 'soviet-non-involvement',
      'stalin-ordered-invasion', 'stalin-sought-early-armistice', 'stalin-sought-world-war'
    ])
  })

  it('loads a valid rule pack beside the built-in rules', () => {
    const set = loadRuleSet({packs: [packWith('test-claim.yml', valid)]})
    expect(set.rules.map((r) => r.id)).toContain('test-claim')
  })

  const broken: Array<[string, string, string, RegExp]> = [
    ['a missing field', 'test-claim.yml', valid.replace('claim: a test claim\n', ''), /test-claim\.yml: claim: expected a one-line claim/],
    ['an unknown document', 'test-claim.yml', valid.replace('politburo-1949-09-24', 'no-such-document'), /documents: unknown document "no-such-document"/],
    ['an unknown term', 'test-claim.yml', valid.replace('@kim', '@nobody'), /patterns\[0\]: unknown term "@nobody"/],
    ['an id that is not the file name', 'other-name.yml', valid, /id: "test-claim" must match the file name "other-name"/],
    ['a pattern that starts with a gap', 'test-claim.yml', valid.replace('"Stalin ...3', '"...3 Stalin'), /patterns\[0\]: a pattern cannot start with a gap/],
    ['an unknown field', 'test-claim.yml', valid + 'severty: error\n', /severty: unknown field/],
    ['a bad severity', 'test-claim.yml', valid + 'severity: fatal\n', /severity: expected error \| warning \| info/],
    ['invalid YAML', 'test-claim.yml', 'id: [unclosed\n', /test-claim\.yml: \(syntax\)/],
    ['a duplicate id', 'stalin-ordered-invasion.yml', valid.replace('test-claim', 'stalin-ordered-invasion'), /duplicate rule id "stalin-ordered-invasion"/]
  ]

  it.each(broken)('refuses %s, naming the file and field', (_, name, yaml, message) => {
    const dir = packWith(name, yaml)
    expect(() => loadRuleSet({packs: [dir]})).toThrow(RuleFileError)
    expect(() => loadRuleSet({packs: [dir]})).toThrow(message)
  })

  it('ships its catalogue and terms beside the rules', () => {
    expect(fs.existsSync(path.join(defaultRulesDir, 'documents.json'))).toBe(true)
    expect(fs.existsSync(path.join(defaultRulesDir, 'terms.yml'))).toBe(true)
  })
})
