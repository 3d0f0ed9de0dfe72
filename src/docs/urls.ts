/**
 * Where a rule's documentation lives. When package.json names a published
 * repository (`homepage` or `repository.url`), a built-in rule's page is
 * docs/rules/RULE.md there. Otherwise — as now: histlint has no published
 * home yet — the link is the rule's main document in the digital archive, so
 * every URL histlint prints belongs to a document of the catalogue.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {mainUrl, ruleCitations} from '../evidence/citation.js'
import {defaultRulesDir} from '../rules/load.js'
import type {EvidenceDocument, Rule} from '../rules/types.js'

function publishedRepository(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = path.join(dir, 'package.json')
    if (fs.existsSync(file)) {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {name?: string; homepage?: string; repository?: string | {url?: string}}
      if (data.name === 'histlint') {
        const repository = typeof data.repository === 'string' ? data.repository : data.repository?.url
        const url = repository ?? data.homepage
        return url ? url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/#.*$/, '') : undefined
      }
    }
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** The published repository, if package.json names one. */
export const repositoryUrl: string | undefined = publishedRepository()

export function isBuiltInRule(rule: Rule): boolean {
  return path.dirname(path.resolve(rule.file)) === path.resolve(defaultRulesDir)
}

/** The page of a built-in rule in the published repository; undefined when there is none. */
export function rulePageUrl(rule: Rule): string | undefined {
  return repositoryUrl && isBuiltInRule(rule) ? `${repositoryUrl}/blob/main/docs/rules/${rule.id}.md` : undefined
}

/** Where to read about a rule: its published page, or else its main document. */
export function ruleDocsUrl(rule: Rule, documents: ReadonlyMap<string, EvidenceDocument>): string | undefined {
  return rulePageUrl(rule) ?? mainUrl(ruleCitations(rule, {rules: [], documents}))
}
