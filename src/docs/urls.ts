/**
 * Where a rule's documentation page lives: docs/rules/RULE.md in the
 * repository named by package.json (`repository.url`). Only the built-in
 * rules have pages; a pack's rules have none.
 */
import path from 'node:path'
import {defaultRulesDir} from '../rules/load.js'
import type {Rule} from '../rules/types.js'

export const repositoryUrl = 'https://github.com/histlint/histlint'
export const ruleDocsBase = `${repositoryUrl}/blob/main/docs/rules/`

export function isBuiltInRule(rule: Rule): boolean {
  return path.dirname(path.resolve(rule.file)) === path.resolve(defaultRulesDir)
}

/** The page of a built-in rule; undefined for rules from packs. */
export function ruleDocsUrl(rule: Rule): string | undefined {
  return isBuiltInRule(rule) ? `${ruleDocsBase}${rule.id}.md` : undefined
}
