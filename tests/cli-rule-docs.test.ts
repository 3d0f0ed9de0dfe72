/**
 * Rule pages and rule examples. The pages in docs/rules/ must be what
 * `npm run docs` renders from rules/*.yml now; and, as remark-lint does with
 * its `@example`s, every rule's examples run: each flagged example raises
 * exactly that rule, each clean example raises nothing for it.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText, loadRuleSet} from '../src/index.js'
import {renderRuleDocs} from '../src/docs/rule-docs.js'
import {repositoryUrl, ruleDocsUrl} from '../src/docs/urls.js'
import {root} from './helpers/cli.js'

const ruleSet = loadRuleSet()
const docsDir = path.join(root, 'docs', 'rules')

describe('rule pages', () => {
  const pages = renderRuleDocs(ruleSet)

  it('has a page for every rule and no page for a rule that is gone', () => {
    const onDisk = fs.readdirSync(docsDir).filter((name) => name.endsWith('.md')).sort()
    expect(onDisk).toEqual([...pages.keys()].sort())
  })

  it.each([...pages.keys()])('docs/rules/%s is up to date (run `npm run docs` after editing rules)', (name) => {
    expect(fs.readFileSync(path.join(docsDir, name), 'utf8')).toBe(pages.get(name))
  })

  it('links each rule to its main document while package.json names no published repository', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {repository?: unknown; homepage?: unknown}
    expect(manifest.repository ?? manifest.homepage).toBeUndefined()
    expect(repositoryUrl).toBeUndefined()
    for (const rule of ruleSet.rules) {
      const main = rule.documents.map((id) => ruleSet.documents.get(id)?.url).find(Boolean)
      expect(ruleDocsUrl(rule, ruleSet.documents)).toBe(main)
    }
  })
})

// "Citation needed" is opt-in; the examples of supported rules assume it is on.
async function ruleIdsOf(sentence: string): Promise<string[]> {
  const file = await lintText(sentence, {ruleSet, path: 'example.md', citations: true})
  return file.messages.map((message) => message.ruleId ?? '')
}

describe.each(ruleSet.rules.map((rule) => [rule.id, rule] as const))('examples of %s', (id, rule) => {
  for (const sentence of rule.examples.flagged) {
    it(`flags “${sentence}” with this rule only`, async () => {
      expect(await ruleIdsOf(sentence)).toEqual([id])
    })
  }
  it.each(rule.examples.clean)('does not flag “%s” with this rule', async (sentence) => {
    expect(await ruleIdsOf(sentence)).not.toContain(id)
  })
})
