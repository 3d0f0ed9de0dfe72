/**
 * A synthetic rule pack for the rule-scaling figure: claim rules in the same
 * file format as rules/*.yml, written to a temporary folder and loaded with
 * loadRuleSet({packs: [dir]}). Each pattern starts with the first element of
 * a shipped pattern (`@south`, `be`, `in`, …), so the trigger index gets as
 * crowded as a real pack would make it. Benchmark use only: the claims are
 * placeholders, never shipped.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {random} from './essays.mjs'

const verbs = ['want|wanted', 'plan|prepare', 'refuse|reject', 'hide|conceal', 'promise|pledge', 'fear|dread', 'know|learn', 'agree|accept', 'send|ship', 'blame|accuse', 'ignore|neglect', 'support|back', 'delay|postpone', 'demand|insist', 'expect|predict']
const objects = ['tanks|artillery', 'advisers|instructors', 'Seoul|Inchon', 'armistice|truce', 'talks|negotiations', 'prisoners|POWs', 'the parallel|the border', 'aid|supplies', 'pilots|aircraft', 'refugees', 'famine|harvest', 'elections|vote', 'the UN|United Nations', 'bombing|raids', 'victory|defeat']

/**
 * Write `count` rules to a fresh temporary folder; returns the folder.
 * Every rule cites documents from the shipped catalogue, as the loader requires;
 * `ruleSet` is the shipped rule set, whose patterns' first elements are reused.
 */
export function writeRulePack(count, ruleSet, seed = 38) {
  const documentIds = [...ruleSet.documents.keys()]
  const starts = [...new Set(ruleSet.rules.flatMap((rule) => rule.patterns.map((p) => firstElement(p.source))))]
  const next = random(seed)
  const pick = (list) => list[Math.floor(next() * list.length)]
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-bench-pack-'))
  for (let i = 0; i < count; i++) {
    const id = `synthetic-claim-${String(i + 1).padStart(3, '0')}`
    const patterns = Array.from({length: 3 + Math.floor(next() * 4)}, () => `"${pick(starts)} ...${2 + Math.floor(next() * 4)} ${pick(verbs)} ...3 ${pick(objects)}"`)
    const yaml = [
      `id: ${id}`,
      'verdict: contradicted',
      `claim: synthetic benchmark claim number ${i + 1}`,
      'shows: nothing; this rule exists only to measure how the linter scales with the number of rules',
      'documents:',
      `  - ${pick(documentIds)}`,
      'patterns:',
      ...patterns.map((p) => `  - ${p}`),
      ''
    ].join('\n')
    fs.writeFileSync(path.join(dir, `${id}.yml`), yaml)
  }
  return dir
}

/** The first element of a pattern: up to the first space outside parentheses. */
function firstElement(source) {
  let depth = 0
  let out = ''
  for (const char of source.trim()) {
    if (char === '(') depth++
    if (char === ')') depth--
    if (/\s/.test(char) && depth === 0) break
    out += char
  }
  return out
}
