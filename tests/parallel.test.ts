import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
// Worker threads run JavaScript: use the built module (`npm test` builds first).
import {lintInParallel, type ParallelResult} from '../dist/src/cli/parallel.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-parallel-'))
const essays: Record<string, string> = {
  'one.md': 'Stalin ordered Kim Il Sung to invade the South.\n\nKim asked Moscow many times before Stalin agreed.\n',
  'two.md': '# Notes\n\nThe Soviet Union stayed completely out of the war.\n',
  'three.md': 'Historians who say that Stalin ordered the invasion have misread the telegrams.\n'
}
for (const [name, text] of Object.entries(essays)) fs.writeFileSync(path.join(dir, name), text)
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

function summary(results: ParallelResult[]): unknown[] {
  return results.map((r) => ('error' in r ? {path: r.path, error: r.error} : {path: r.path, messages: r.file.messages.map((m) => [m.ruleId, m.place, m.actual, m.fatal, m.url, m.note])}))
}

describe('lintInParallel', () => {
  const paths = ['one.md', 'two.md', 'missing.md', 'three.md']

  it('reports on two threads exactly what it reports on one, in the order of the paths', async () => {
    const single = summary(await lintInParallel(paths, {jobs: 1, cwd: dir}))
    const double = summary(await lintInParallel(paths, {jobs: 2, cwd: dir}))
    expect(double).toEqual(single)
    expect(single.map((r) => (r as {path: string}).path)).toEqual(paths)
  })

  it('finds the asserted claims and passes over the attributed one', async () => {
    const results = await lintInParallel(paths, {jobs: 2, cwd: dir})
    const rules = results.map((r) => ('file' in r ? r.file.messages.map((m) => m.ruleId) : 'error'))
    expect(rules).toEqual([['stalin-ordered-invasion'], ['soviet-non-involvement'], 'error', []])
  })

  it('says why a file could not be read instead of failing the run', async () => {
    const [missing] = await lintInParallel(['missing.md'], {jobs: 2, cwd: dir})
    expect(missing).toMatchObject({path: 'missing.md'})
    expect('error' in (missing as ParallelResult) && (missing as {error: string}).error).toMatch(/no such file|not found|ENOENT/i)
  })
})
