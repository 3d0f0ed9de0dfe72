/**
 * Whole processes, cold start included: the histlint CLI against alex's CLI on
 * one 1,000-word essay, and a course folder of 200 essays of 1,500 words
 * linted by the CLI on one thread against two (`histlint --jobs 1 course`
 * against `histlint --jobs 2 course`). Each command runs several times,
 * alternating; medians of wall time.
 *
 * Two threads can only be faster when a second core is free, and the machine
 * may be shared. Two baselines are timed next to the folder runs and printed
 * with the load average, so a poor speed-up can be told from a busy machine:
 * the same busy loop on one thread and split over two (what the cores allow
 * plain arithmetic), and the course's two halves linted by two `--jobs 1`
 * processes side by side (what they allow this very work, with no thread
 * sharing anything). The CPU time of the folder runs shows how much of a
 * second core one Node process already uses by itself (V8 compiles and
 * collects garbage on helper threads).
 */
import {spawn, spawnSync} from 'node:child_process'
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

/** Run each command line of `runs` at once; the wall time until the last one ends. */
async function sideBySideMs(runs, cwd) {
  const start = performance.now()
  await Promise.all(
    runs.map(
      (args) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, args, {cwd, stdio: 'ignore'})
          child.on('error', reject)
          child.on('exit', (code) => (code === null || code > 1 ? reject(new Error(`${args.join(' ')} failed (${code})`)) : resolve()))
        })
    )
  )
  return performance.now() - start
}

/** Median time of each measure (a function returning ms), alternating over `rounds`. */
async function alternate(measures, rounds) {
  const times = Object.fromEntries(Object.keys(measures).map((k) => [k, []]))
  for (let round = 0; round < rounds; round++) for (const [name, measure] of Object.entries(measures)) times[name].push(await measure())
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]))
}

/** Wall times of command lines (arguments of node), alternating. */
const alternateCommands = (commands, rounds, cwd) => alternate(Object.fromEntries(Object.entries(commands).map(([k, args]) => [k, () => wallMs(args, cwd)])), rounds)

/** A preload that writes the process's CPU time (user + system, ms) to $HISTLINT_BENCH_CPU at exit. */
const cpuProbe = `data:text/javascript,import fs from 'node:fs';process.on('exit',()=>{const u=process.cpuUsage();fs.writeFileSync(process.env.HISTLINT_BENCH_CPU,String((u.user+u.system)/1000))})`

/** Wall and CPU time of one histlint run. */
function wallAndCpuMs(args, cwd) {
  const cpuFile = path.join(cwd, 'cpu-ms')
  const start = performance.now()
  const result = spawnSync(process.execPath, ['--import', cpuProbe, ...args], {cwd, encoding: 'utf8', env: {...process.env, HISTLINT_BENCH_CPU: cpuFile}})
  const wall = performance.now() - start
  if (result.status === null || result.status > 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`)
  return {wall, cpu: Number(fs.readFileSync(cpuFile, 'utf8'))}
}

export async function benchProcesses({quick, log}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-bench-'))
  try {
    fs.writeFileSync(path.join(dir, 'essay.md'), generateEssay(1000))
    const single = await alternateCommands(
      {
        node: ['-e', '0'],
        histlintVersion: [histlintBin, '--version'],
        histlint: [histlintBin, 'essay.md'],
        alex: [alexBin, 'essay.md']
      },
      quick ? 3 : 7,
      dir
    )
    // The course in two halves (course/a, course/b), for the side-by-side baseline.
    const essays = quick ? 60 : 200
    for (let i = 0; i < essays; i++) {
      const half = path.join(dir, 'course', i < essays / 2 ? 'a' : 'b')
      fs.mkdirSync(half, {recursive: true})
      fs.writeFileSync(path.join(half, `student-${String(i + 1).padStart(3, '0')}.md`), generateEssay(1500, {seed: 1000 + i}))
    }
    const folderArgs = (jobs, folder = 'course') => [histlintBin, '--jobs', jobs, '--format', 'json', '--output', `report-${jobs}-${path.basename(folder)}.json`, folder]
    const rounds = quick ? 3 : 5
    const cpu = {one: [], two: []}
    const timed = (jobs, key) => () => {
      const {wall, cpu: used} = wallAndCpuMs(folderArgs(jobs), dir)
      cpu[key].push(used)
      return wall
    }
    const spins = 5e7
    const folder = await alternate(
      {
        one: timed('1', 'one'),
        two: timed('2', 'two'),
        halves: () => sideBySideMs([folderArgs('1', 'course/a'), folderArgs('1', 'course/b')], dir),
        loopOne: () => wallMs(['-e', busyLoop, String(spins), '1'], dir),
        loopTwo: () => wallMs(['-e', busyLoop, String(spins), '2'], dir)
      },
      rounds
    )
    if (fs.readFileSync(path.join(dir, 'report-1-course.json'), 'utf8') !== fs.readFileSync(path.join(dir, 'report-2-course.json'), 'utf8')) throw new Error('--jobs 2 reported otherwise than --jobs 1')
    log('## Whole processes (median wall time, cold start included)')
    log()
    log('| command | ms |')
    log('|---|---:|')
    log(`| \`node -e 0\` (bare Node start) | ${single.node.toFixed(0)} |`)
    log(`| \`histlint --version\` (start + CLI import) | ${single.histlintVersion.toFixed(0)} |`)
    log(`| \`histlint essay.md\` (1,000 words) | ${single.histlint.toFixed(0)} |`)
    log(`| \`alex essay.md\` (same file) | ${single.alex.toFixed(0)} |`)
    log(`| \`histlint --jobs 1 course\` (${essays} essays of 1,500 words; CPU ${median(cpu.one).toFixed(0)} ms) | ${folder.one.toFixed(0)} |`)
    log(`| \`histlint --jobs 2 course\` (the same on two threads; CPU ${median(cpu.two).toFixed(0)} ms) | ${folder.two.toFixed(0)} |`)
    log(`| baseline: \`histlint --jobs 1\` on each half of the course, two processes side by side | ${folder.halves.toFixed(0)} |`)
    log(`| baseline: a busy loop on one thread | ${folder.loopOne.toFixed(0)} |`)
    log(`| baseline: the same loop halved on two threads | ${folder.loopTwo.toFixed(0)} |`)
    log()
    const singleRatio = single.histlint / single.alex
    const speedup = folder.one / folder.two
    const halvesSpeedup = folder.one / folder.halves
    const loopSpeedup = folder.loopOne / folder.loopTwo
    log(`histlint/alex as whole processes: ${singleRatio.toFixed(2)}×.`)
    log()
    log(`Speed-up of the folder on two threads against one: ${speedup.toFixed(2)}×. What the cores allowed at the same time (2× with a free second core, 1× with none): two processes side by side ${halvesSpeedup.toFixed(2)}×, the busy loop ${loopSpeedup.toFixed(2)}×. One thread already used ${(median(cpu.one) / folder.one).toFixed(2)} cores on average (V8's helper threads). Load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}.`)
    log()
    return {singleRatio, speedup, halvesSpeedup, loopSpeedup}
  } finally {
    fs.rmSync(dir, {recursive: true, force: true})
  }
}
