/**
 * Whole processes, cold start included: the histlint CLI against alex's CLI on
 * one 1,000-word essay, and a course folder of 200 essays of 1,500 words
 * linted by the CLI on one thread against two (`histlint --jobs 1 course`
 * against `histlint --jobs 2 course`). Each command runs several times,
 * alternating; medians of wall time.
 *
 * Two threads can only be faster when a second core is free, and the machine
 * may be shared: a CPU-bound baseline (the same busy loop on one thread, then
 * split over two) is timed next to the folder runs and printed with the load
 * average, so a poor speed-up can be told from a busy machine.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {generateEssay} from './essays.mjs'
import {median} from './measure.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const histlintBin = path.join(root, 'dist/src/cli/bin.js')
const alexBin = path.join(root, 'node_modules/alex/cli.js')

/** The same busy loop on one thread, and halved on each of two worker threads: the speed-up the cores allow right now. */
const busyLoop = `
const {Worker} = require('node:worker_threads')
const spin = (n) => { let x = 0; for (let i = 0; i < n; i++) x = (x + i * i) % 1000003; return x }
const n = Number(process.argv[1]), threads = Number(process.argv[2])
if (threads === 1) spin(n)
else for (let t = 0; t < threads; t++) new Worker('(' + spin + ')(' + n / threads + ')', {eval: true})
`

function wallMs(args, cwd) {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, {cwd, encoding: 'utf8', maxBuffer: 64 << 20})
  const ms = performance.now() - start
  if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  return ms
}

/** Median wall time of each command, alternating over `rounds`. */
function alternate(commands, rounds, cwd) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]))
  for (let round = 0; round < rounds; round++) for (const [name, args] of Object.entries(commands)) times[name].push(wallMs(args, cwd))
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
}

export async function benchProcesses({quick, log}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-bench-'))
  try {
    fs.writeFileSync(path.join(dir, 'essay.md'), generateEssay(1000))
    const single = alternate(
      {
        node: ['-e', '0'],
        histlintVersion: [histlintBin, '--version'],
        histlint: [histlintBin, 'essay.md'],
        alex: [alexBin, 'essay.md']
      },
      quick ? 3 : 7,
      dir
    )
    const course = path.join(dir, 'course')
    const essays = quick ? 60 : 200
    fs.mkdirSync(course)
    for (let i = 0; i < essays; i++) fs.writeFileSync(path.join(course, `student-${String(i + 1).padStart(3, '0')}.md`), generateEssay(1500, {seed: 1000 + i}))
    const folderArgs = (jobs) => [histlintBin, '--jobs', jobs, '--format', 'json', '--output', `report-${jobs}.json`, 'course']
    const folder = alternate({one: folderArgs('1'), two: folderArgs('2')}, quick ? 3 : 5, dir)
    if (fs.readFileSync(path.join(dir, 'report-1.json'), 'utf8') !== fs.readFileSync(path.join(dir, 'report-2.json'), 'utf8')) throw new Error('--jobs 2 reported otherwise than --jobs 1')
    const spins = 5e7
    const cores = alternate({one: ['-e', busyLoop, String(spins), '1'], two: ['-e', busyLoop, String(spins), '2']}, quick ? 3 : 5, dir)
    log('## Whole processes (median wall time, cold start included)')
    log()
    log('| command | ms |')
    log('|---|---:|')
    log(`| \`node -e 0\` (bare Node start) | ${single.node.toFixed(0)} |`)
    log(`| \`histlint --version\` (start + CLI import) | ${single.histlintVersion.toFixed(0)} |`)
    log(`| \`histlint essay.md\` (1,000 words) | ${single.histlint.toFixed(0)} |`)
    log(`| \`alex essay.md\` (same file) | ${single.alex.toFixed(0)} |`)
    log(`| \`histlint --jobs 1 course\` (${essays} essays of 1,500 words) | ${folder.one.toFixed(0)} |`)
    log(`| \`histlint --jobs 2 course\` (the same on two threads) | ${folder.two.toFixed(0)} |`)
    log(`| busy loop on one thread (baseline) | ${cores.one.toFixed(0)} |`)
    log(`| the same loop halved on two threads | ${cores.two.toFixed(0)} |`)
    log()
    const singleRatio = single.histlint / single.alex
    const speedup = folder.one / folder.two
    const coreSpeedup = cores.one / cores.two
    log(`histlint/alex as whole processes: ${singleRatio.toFixed(2)}×. Speed-up of the folder on two threads against one: ${speedup.toFixed(2)}×; the busy loop's at the same time: ${coreSpeedup.toFixed(2)}× (what the cores allowed: 2× with a free second core, 1× with none; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}).`)
    log()
    return {singleRatio, speedup, coreSpeedup}
  } finally {
    fs.rmSync(dir, {recursive: true, force: true})
  }
}
