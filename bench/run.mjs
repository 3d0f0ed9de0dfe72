#!/usr/bin/env node
/**
 * `npm run bench` — histlint against the parse alone and against alex, on
 * generated essays, in one process (contenders alternate, after a warm-up,
 * medians over several rounds). Then rule scaling, the language server,
 * whole processes, and a check of every bar in issue 5.
 *
 *   node bench/run.mjs [--quick] [--only inprocess,rules,lsp,processes]
 *
 * Prints Markdown tables (the README's Performance section quotes them).
 */
import fs from 'node:fs'
import os from 'node:os'
import {loadRuleSet} from '../dist/src/index.js'
import * as contenders from './contenders.mjs'
import {countWords, generateEssay} from './essays.mjs'
import {benchLanguageServer} from './lsp.mjs'
import {median, peakRssMb, timeAlternating} from './measure.mjs'
import {benchProcesses} from './processes.mjs'
import {writeRulePack} from './rules-pack.mjs'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
// CPU time by default (steadier on a shared machine); --wall for wall-clock time.
const wall = args.includes('--wall')
const clock = wall ? 'wall' : 'CPU'
const onlyArg = args.indexOf('--only')
const only = onlyArg >= 0 ? new Set(args[onlyArg + 1].split(',')) : undefined
const section = (name) => !only || only.has(name)

const sizes = [1000, 5000, 10000, 100000]
// Rounds per size: enough for a stable median, few enough for a few minutes in all.
const rounds = quick ? {1000: 15, 5000: 5, 10000: 3, 100000: 1} : {1000: 25, 5000: 11, 10000: 7, 100000: 3}
// The 100,000-word essay runs after the smaller ones, so the code is already warm.
const warmups = quick ? {1000: 5, 5000: 2, 10000: 1, 100000: 0} : {1000: 8, 5000: 3, 10000: 2, 100000: 0}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–')
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN)
const log = (line = '') => process.stdout.write(line + '\n')
const bars = []
const bar = (name, value, limit, comparison = '<=') => {
  const met = comparison === '<=' ? value <= limit : value >= limit
  bars.push({name, value, limit, comparison, met})
}

log(`# histlint benchmark${quick ? ' (quick)' : ''}`)
log()
log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start.`)
log(`Command: npm run bench${quick ? ' -- --quick' : ''}`)
log()

const ruleSet = loadRuleSet()
const essays = new Map(sizes.map((words) => [words, generateEssay(words)]))

if (section('inprocess')) {
  log(`## Per essay, in one process (median ${clock} ms; words per second; peak RSS of a fresh process)`)
  log()
  log('histlint = all rules; parse = remark → remark-retext (English) over the whole document, the floor; mdast = remark-parse alone, which every remark-based linter pays.')
  log()
  log('| words | histlint ms | parse ms | alex ms | mdast ms | histlint w/s | parse w/s | alex w/s | histlint MB | parse MB | alex MB | histlint/parse | histlint/alex | mdast/alex |')
  log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  const run = {histlint: contenders.histlint(ruleSet), parse: contenders.parse(), alex: await contenders.alex(), mdast: contenders.mdast()}
  const medians = {}
  for (const words of sizes) {
    const text = essays.get(words)
    const n = countWords(text)
    const times = await timeAlternating(run, text, {warmup: warmups[words], rounds: rounds[words], wall})
    const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
    medians[words] = m
    const rss = Object.fromEntries(['histlint', 'parse', 'alex'].map((c) => [c, peakRssMb(c, words)]))
    const wps = (ms) => fmt((n / ms) * 1000)
    log(`| ${n} | ${fmt(m.histlint, 1)} | ${fmt(m.parse, 1)} | ${fmt(m.alex, 1)} | ${fmt(m.mdast, 1)} | ${wps(m.histlint)} | ${wps(m.parse)} | ${wps(m.alex)} | ${fmt(rss.histlint)} | ${fmt(rss.parse)} | ${fmt(rss.alex)} | ${fmt(ratio(m.histlint, m.parse), 2)}× | ${fmt(ratio(m.histlint, m.alex), 3)}× | ${fmt(ratio(m.mdast, m.alex), 3)}× |`)
    if (words === 5000 || words === 100000) bar(`histlint/parse at ${words} words`, ratio(m.histlint, m.parse), 1.5)
    bar(`histlint/alex at ${words} words`, ratio(m.histlint, m.alex), 0.2)
    if (words === 100000) bar('peak RSS at 100,000 words (MB)', rss.histlint, 400)
  }
  const growth = ratio(medians[100000]?.histlint, medians[10000]?.histlint)
  log()
  log(`Growth, 100,000 words against 10,000: histlint ${fmt(growth, 1)}×, parse ${fmt(ratio(medians[100000]?.parse, medians[10000]?.parse), 1)}×, alex ${fmt(ratio(medians[100000]?.alex, medians[10000]?.alex), 1)}× (linear would be about 10×).`)
  log()
  bar('growth 100k/10k words', growth, 12)
}

if (section('rules')) {
  const base = ruleSet.rules.length
  const dir = writeRulePack(base * 9, ruleSet)
  const big = loadRuleSet({packs: [dir]})
  log(`## Rule scaling (median ${clock} ms): ${big.rules.length} rules (${base} shipped + ${big.rules.length - base} synthetic) against the ${base} shipped rules`)
  log()
  log(`| words | ${base} rules ms | ${big.rules.length} rules ms | ratio |`)
  log('|---:|---:|---:|---:|')
  for (const words of sizes) {
    const text = essays.get(words)
    const times = await timeAlternating({small: contenders.histlint(ruleSet), big: contenders.histlint(big)}, text, {warmup: warmups[words], rounds: rounds[words], wall})
    const small = median(times.small)
    const large = median(times.big)
    log(`| ${countWords(text)} | ${fmt(small, 1)} | ${fmt(large, 1)} | ${fmt(ratio(large, small), 2)}× |`)
    bar(`${big.rules.length} rules / ${base} rules at ${words} words`, ratio(large, small), 1.25)
  }
  fs.rmSync(dir, {recursive: true, force: true})
  log()
}

if (section('lsp')) {
  log('## Language server (5,000-word essay)')
  log()
  const lsp = await benchLanguageServer(essays.get(5000), {edits: quick ? 20 : 60})
  if (!lsp) log('language server: not built (no dist/src/server/bin.js)')
  else {
    log('| measure | ms |')
    log('|---|---:|')
    log(`| diagnostics after opening (median of ${lsp.opens.length}) | ${fmt(median(lsp.opens), 1)} |`)
    log(`| diagnostics after a one-character edit, p50 (${lsp.edits.length} edits) | ${fmt(lsp.p50, 1)} |`)
    log(`| diagnostics after a one-character edit, p95 | ${fmt(lsp.p95, 1)} |`)
    bar('language server p95 after an edit (ms)', lsp.p95, 30)
  }
  log()
}

if (section('processes')) {
  const result = await benchProcesses({quick, log})
  bar('histlint process / alex process on one essay', result.singleRatio, 1)
  bar('200-essay folder: speed-up on two cores', result.speedup, 1.6, '>=')
}

log('## Bars (issue 5)')
log()
log('| bar | measured | limit | met |')
log('|---|---:|---:|---|')
for (const b of bars) log(`| ${b.name} | ${fmt(b.value, 2)} | ${b.comparison} ${b.limit} | ${b.met ? 'yes' : `**no** (by ${fmt(Math.abs(b.value / b.limit - 1) * 100)} %)`} |`)
log()
log(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes share the cores; ratios are steadier than absolute times).`)
