/**
 * `--jobs`: linting on several threads (src/cli/parallel.ts) gives the report
 * the one-thread run gives, byte for byte, with the same stderr and exit
 * status. Runs the built CLI (worker threads need dist/; `npm test` builds).
 *
 * The fixture course has fewer essays than parallel linting starts at, so the
 * main checks run on a larger course: a copy of the fixture course (its two
 * configs, ignore file and inline comments) with generated essays added to
 * its folders.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {generateEssay} from '../bench/essays.mjs'
import {jobsOf, minEssaysForParallel} from '../src/cli/parallel.js'
// Worker threads run JavaScript: the pool is tested from the build (`npm test` builds first).
import {LintPool} from '../dist/src/cli/parallel.js'
import {copyCourse, course as fixtureCourse, runCli, runInProcess, type CliResult} from './helpers/cli.js'

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, {recursive: true, force: true})
})

/** The fixture course plus `extra` generated essays (300 words, many claims) spread over its two config folders. */
function largerCourse(extra: number): string {
  const dir = copyCourse()
  temps.push(dir)
  for (let i = 0; i < extra; i++) {
    const folder = i % 2 === 0 ? 'essays' : 'week-5'
    fs.writeFileSync(path.join(dir, folder, `generated-${i}.md`), generateEssay(300, {seed: 70 + i, claimShare: 0.2}))
  }
  // Inline comments in more than one thread's share.
  fs.copyFileSync(path.join(dir, 'essays', 'control.md'), path.join(dir, 'week-5', 'control-copy.md'))
  return dir
}

const course = largerCourse(20)
const essayCount = (dir: string): number => fs.readdirSync(dir, {recursive: true}).filter((name) => /\.(md|txt)$/.test(String(name)) && !String(name).startsWith('drafts')).length

/** The one-thread reference runs in this process (the same run() as the binary, without a process start). */
async function expectSameAsOneThread(args: readonly string[], cwd: string): Promise<CliResult> {
  const sequential = await runInProcess(['--jobs', '1', ...args], {cwd})
  const parallel = runCli(args, {cwd})
  expect(parallel.stdout).toBe(sequential.stdout)
  expect(parallel.stderr).toBe(sequential.stderr)
  expect(parallel.status).toBe(sequential.status)
  return sequential
}

describe('--jobs gives the report of one thread', () => {
  it('the larger course has enough essays to be linted in parallel', () => {
    expect(essayCount(course)).toBeGreaterThanOrEqual(minEssaysForParallel * 2)
  })

  it('--format json on two threads', async () => {
    const {status, stdout} = await expectSameAsOneThread(['--jobs', '2', '--format', 'json', '.'], course)
    expect(status).toBe(1)
    expect(JSON.parse(stdout)).toHaveLength(essayCount(course))
  })

  it('stylish, with full citations, on one thread per core', async () => {
    const {stdout} = await expectSameAsOneThread(['--jobs', 'auto', '--verbose', '--citations', '.'], course)
    expect(stdout).toMatch(/week-5\/control-copy\.md/)
  })

  it('--quiet, the github format and a baseline recorded on two threads', async () => {
    const {stderr} = await expectSameAsOneThread(['--jobs', '2', '--quiet', '--format', 'github', '--write-baseline', 'baseline.json', '.'], course)
    expect(stderr).toMatch(/^histlint: recorded \d+ flags in baseline\.json\n$/)
    const recorded = fs.readFileSync(path.join(course, 'baseline.json'), 'utf8')
    await expectSameAsOneThread(['--jobs', '2', '--format', 'json', '--baseline', 'baseline.json', '.'], course)
    expect(fs.readFileSync(path.join(course, 'baseline.json'), 'utf8')).toBe(recorded)
  })

  it('the fixture course itself (too few essays for a second thread) reports the same', async () => {
    await expectSameAsOneThread(['--jobs', '2', '--format', 'json', '.'], fixtureCourse)
  })
})

describe('--jobs with inputs histlint cannot lint', () => {
  const dir = largerCourse(10)
  fs.writeFileSync(path.join(dir, 'essays', 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))
  fs.writeFileSync(path.join(dir, 'week-5', 'deep.md'), '>'.repeat(5000) + ' Stalin ordered the invasion.\n')

  it('prints the same lines on stderr, in input order, and exits 2', async () => {
    const {status, stderr} = await expectSameAsOneThread(['--jobs', '2', '--format', 'json', '.'], dir)
    expect(status).toBe(2)
    expect(stderr).toMatch(/^histlint: essays\/photo\.md: .*binary file.*\nhistlint: week-5\/deep\.md: Markdown nested 5000 levels deep/)
  })
})

describe('--jobs with a config that cannot be used', () => {
  const dir = largerCourse(10)
  fs.writeFileSync(path.join(dir, 'week-5', '.histlintrc.yaml'), 'rules:\n  no-such-rule: "off"\n')

  it('reports it as one thread does, after the essays before it', async () => {
    const {status, stderr} = await expectSameAsOneThread(['--jobs', '2', '.'], dir)
    expect(status).toBe(2)
    expect(stderr).toMatch(/^histlint: invalid config .*week-5\/\.histlintrc\.yaml.*no-such-rule/)
  })
})

describe('the worker pool', () => {
  const job = (config: object) => ({essays: Array.from({length: 12}, (_, i) => ({path: `essays/${i}.md`, text: 'Stalin ordered the invasion.\n'})), cwd: course, config})
  const slowly = async (index: number): Promise<string> => {
    await new Promise((resolve) => setTimeout(resolve, 300))
    return `main ${index}`
  }

  it('hands essays to a worker while the main thread lints, and returns the results in order', async () => {
    // The main thread lingers over its first essay until the worker has posted one (or 20 s pass).
    let workerPosted = (): void => {}
    const posted = new Promise<void>((resolve) => (workerPosted = resolve))
    const lingering = async (index: number): Promise<string> => {
      await Promise.race([posted, new Promise((resolve) => setTimeout(resolve, 20_000))])
      return `main ${index}`
    }
    const fromWorker = (index: number, result: unknown): string => {
      workerPosted()
      return `worker ${index} ${JSON.stringify(result).includes('stalin-ordered-invasion')}`
    }
    const results = await new LintPool(1).share(12, job({}), lingering, fromWorker)
    expect(results.map((result) => Number(result.split(' ')[1]))).toEqual([...Array(12).keys()])
    const fromWorkers = results.filter((result) => result.startsWith('worker'))
    expect(fromWorkers.length).toBeGreaterThan(0)
    expect(fromWorkers.every((result) => result.endsWith(' true'))).toBe(true)
  })

  it('lets the main thread lint the essays of a worker that fails', async () => {
    const results = await new LintPool(1).share(12, job({configPath: path.join(course, 'missing.json')}), slowly, () => 'worker')
    expect(results).toEqual([...Array(12).keys()].map((index) => `main ${index}`))
  })
})

describe('the --jobs option', () => {
  it('takes a whole number from 1, or auto for the cores available', () => {
    expect(jobsOf(undefined)).toBe(1)
    expect(jobsOf('3')).toBe(3)
    expect(jobsOf('auto', 4)).toBe(4)
    for (const bad of ['0', '-2', '1.5', 'two', '']) expect(jobsOf(bad)).toBeUndefined()
  })

  it('refuses anything else with a usage error', async () => {
    const result = await runInProcess(['--jobs', '0', 'essays'])
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('histlint: --jobs expects a whole number from 1 or "auto", got "0"\nTry \'histlint --help\'.\n')
  })
})
