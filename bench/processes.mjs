/**
 * Whole processes, cold start included: the histlint CLI against alex's CLI on
 * one 1,000-word essay, and a course folder of 200 essays of 1,500 words
 * linted on one thread against two (src/cli/parallel.ts). Each command runs
 * several times, alternating; medians of wall time.
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
const folderBin = path.join(root, 'bench/lint-folder.mjs')

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
    const folder = alternate({one: [folderBin, '--jobs', '1', 'course'], two: [folderBin, '--jobs', '2', 'course']}, quick ? 2 : 3, dir)
    log('## Whole processes (median wall time, cold start included)')
    log()
    log('| command | ms |')
    log('|---|---:|')
    log(`| \`node -e 0\` (bare Node start) | ${single.node.toFixed(0)} |`)
    log(`| \`histlint --version\` (start + CLI import) | ${single.histlintVersion.toFixed(0)} |`)
    log(`| \`histlint essay.md\` (1,000 words) | ${single.histlint.toFixed(0)} |`)
    log(`| \`alex essay.md\` (same file) | ${single.alex.toFixed(0)} |`)
    log(`| ${essays} essays of 1,500 words, one thread | ${folder.one.toFixed(0)} |`)
    log(`| ${essays} essays of 1,500 words, two threads (\`--jobs 2\`) | ${folder.two.toFixed(0)} |`)
    log()
    const singleRatio = single.histlint / single.alex
    const speedup = folder.one / folder.two
    log(`histlint/alex as whole processes: ${singleRatio.toFixed(2)}×; speed-up of the folder on two threads against one: ${speedup.toFixed(2)}× (it needs a free second core; load average now ${os.loadavg()[0].toFixed(1)}).`)
    log()
    return {singleRatio, speedup}
  } finally {
    fs.rmSync(dir, {recursive: true, force: true})
  }
}
