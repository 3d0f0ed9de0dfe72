#!/usr/bin/env node
// Writes docs/rules/RULE.md for every built-in rule (and docs/rules/README.md),
// rendered from rules/*.yml by the built package (run `npm run docs`, which
// builds first). Pages of rules that no longer exist are removed.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadRuleSet} from '../dist/src/rules/load.js'
import {renderRuleDocs} from '../dist/src/docs/rule-docs.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'docs', 'rules')
const pages = renderRuleDocs(loadRuleSet({rulesDir: path.join(root, 'rules')}))
fs.mkdirSync(out, {recursive: true})
for (const name of fs.readdirSync(out)) if (name.endsWith('.md') && !pages.has(name)) fs.rmSync(path.join(out, name))
for (const [name, text] of pages) fs.writeFileSync(path.join(out, name), text)
console.log(`wrote ${pages.size} pages to ${path.relative(process.cwd(), out) || '.'}`)
