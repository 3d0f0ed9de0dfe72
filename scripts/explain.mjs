#!/usr/bin/env node
// Shows, for each sentence of a text, which rule patterns matched and in
// which scope (asserted, negated, attributed…): the tool for tuning rules.
//   node scripts/explain.mjs "Stalin never ordered Kim to invade."
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {findClaims, loadRuleSet} from '../dist/src/index.js'
import {toString} from 'nlcst-to-string'

const ruleSet = loadRuleSet()
const text = process.argv.slice(2).join(' ')
const tree = unified().use(retextEnglish).parse(text)
const walk = (node) => {
  if (node.type === 'SentenceNode') {
    const found = findClaims(node, ruleSet)
    console.log(toString(node))
    for (const f of found) console.log(`  ${f.rule.id}: ${f.scope}   [${f.pattern}]`)
    if (found.length === 0) console.log('  (no pattern matched)')
    return
  }
  for (const child of node.children ?? []) walk(child)
}
walk(tree)
