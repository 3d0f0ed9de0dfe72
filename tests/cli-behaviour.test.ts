/**
 * The CLI's contract on the fixture course: exit status, --quiet,
 * --max-warnings, stdin, --output, ignore files, baselines, config errors,
 * and fingerprints that survive unrelated edits. Whole runs go through the
 * real binary; the many small option checks call the same run() in-process,
 * which saves a process start each.
 */
import fs from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {copyCourse, histlint, runCli, runInProcess} from './helpers/cli.js'

interface JsonFile {
  path: string
  messages: {ruleId: string; severity: string; line: number}[]
}
const flags = (stdout: string) => (JSON.parse(stdout) as JsonFile[]).map((f) => [f.path, f.messages.map((m) => `${m.line} ${m.severity} ${m.ruleId}`)])

const temps: string[] = []
function tempCourse(): string {
  const dir = copyCourse()
  temps.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, {recursive: true, force: true})
})

const worldWar = 'Stalin wanted the fighting in Korea to grow into a third world war.\n'

describe('exit status and filters', () => {

  it('--no-config uses the rules’ own severities and no allowlist', async () => {
    const result = await runInProcess(['--no-config', '--format', 'json', 'essays/origins.md'])
    expect(flags(result.stdout)).toEqual([
      ['essays/origins.md', ['8 error stalin-ordered-invasion', '11 error stalin-ordered-invasion', '13 error soviet-non-involvement', '16 error stalin-sought-world-war']]
    ])
  })

  it('--config uses one file for every essay', async () => {
    const result = await runInProcess(['--config', 'week-5/.histlintrc.yaml', '--format', 'json', 'essays/control.md'])
    expect(flags(result.stdout)).toEqual([['essays/control.md', ['7 error stalin-ordered-invasion', '17 warning histlint-comment']]])
  })

  it('exits 0 when only warnings are found, and 1 when they exceed --max-warnings', async () => {
    const args = ['--stdin', '--stdin-filename', 'essays/new.md', '--format', 'json']
    const within = await runInProcess(args, {input: worldWar})
    expect(within.status).toBe(0)
    expect(flags(within.stdout)).toEqual([['essays/new.md', ['1 warning stalin-sought-world-war']]])
    expect((await runInProcess([...args, '--max-warnings', '1'], {input: worldWar})).status).toBe(0)
    const over = await runInProcess([...args, '--max-warnings', '0'], {input: worldWar})
    expect(over.status).toBe(1)
    expect(over.stderr).toBe('histlint: 1 warning, more than --max-warnings 0\n')
  })

  it('--quiet reports errors only', async () => {
    const result = await runInProcess(['--quiet', '--format', 'json', 'essays/origins.md'])
    expect(result.status).toBe(1)
    expect(flags(result.stdout)).toEqual([['essays/origins.md', ['8 error stalin-ordered-invasion']]])
  })

  it('exits 0 on a clean essay', async () => {
    expect(await runInProcess(['essays/careful.md'])).toEqual({status: 0, stdout: 'essays/careful.md: no issues found\n', stderr: ''})
  })

  it('reads stdin as plain text when the given name ends in .txt, and names it <stdin> without a name', async () => {
    const asText = await runInProcess(['--stdin', '--stdin-filename', 'essays/new.txt', '--format', 'json'], {input: 'Stalin kept his promise of air cover to Mao.\n'})
    expect(flags(asText.stdout)).toEqual([['essays/new.txt', ['1 error soviet-air-cover-from-start']]])
    const unnamed = await runInProcess(['--stdin'], {input: 'The North attacked first.\n'})
    expect(unnamed).toEqual({status: 0, stdout: '<stdin>: no issues found\n', stderr: ''})
    const unnamedJson = await runInProcess(['--stdin', '--format', 'json'], {input: 'The North attacked first.\n'})
    expect(JSON.parse(unnamedJson.stdout)).toEqual([{path: '<stdin>', messages: []}])
  })

  it('names an explicitly given ignored file on stderr and lints nothing', () => {
    expect(histlint(['drafts/rough.md'])).toEqual({status: 0, stdout: '', stderr: 'histlint: drafts/rough.md: ignored by .histlintignore\n'})
  })

  it('--ignore-path replaces .histlintignore', () => {
    const dir = tempCourse()
    fs.writeFileSync(path.join(dir, 'only-week-5.ignore'), 'essays/\n')
    const result = runCli(['--ignore-path', 'only-week-5.ignore', '--format', 'json', '.'], {cwd: dir})
    expect(flags(result.stdout).map(([file]) => file)).toEqual(['drafts/rough.md', 'week-5/armistice.md'])
  })
})

describe('usage and config errors exit 2 with the file named', () => {
  it('rejects a malformed config', () => {
    const dir = tempCourse()
    fs.writeFileSync(path.join(dir, 'week-5', '.histlintrc.yaml'), 'rules: [unclosed\n')
    const result = runCli(['week-5'], {cwd: dir})
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^histlint: invalid config .*week-5\/\.histlintrc\.yaml: malformed config \(invalid YAML\)/)
  })

  it('rejects an unknown rule id', () => {
    const dir = tempCourse()
    fs.writeFileSync(path.join(dir, '.histlintrc.json'), '{"rules": {"stalin-sought-peace": "warning"}}\n')
    const result = runCli(['essays'], {cwd: dir})
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(
      `histlint: invalid config ${path.join(dir, '.histlintrc.json')}: rules: unknown rule id "stalin-sought-peace" (known: kim-sought-permission, mao-reluctant-to-intervene, moscow-refused-attack-1949, north-acted-alone, south-attacked-first, soviet-air-cover-from-start, soviet-non-involvement, soviet-pilots-fought-from-november-1950, soviet-un-absence-deliberate, soviets-proposed-armistice-talks, stalin-approved-attack, stalin-ordered-invasion, stalin-reneged-on-air-cover, stalin-risked-wider-war, stalin-sought-early-armistice, stalin-sought-world-war, stalin-urged-firm-negotiating-line, successors-moved-to-end-war)\n`
    )
  })

  it('rejects conflicting or malformed options', async () => {
    expect((await runInProcess(['--config', 'x.json', '--no-config', '.'])).status).toBe(2)
    expect((await runInProcess(['--max-warnings', 'many', '.'])).stderr).toBe("histlint: --max-warnings expects a whole number, got \"many\"\nTry 'histlint --help'.\n")
    expect((await runInProcess(['--format', 'xml', '.'])).stderr).toMatch(/^histlint: unknown format "xml" \(expected stylish, json, sarif, github, gitlab, junit\)/)
    expect((await runInProcess(['--stdin', 'essays'])).status).toBe(2)
    expect((await runInProcess(['--baseline', 'missing.json', '.'])).stderr).toMatch(/^histlint: missing\.json: cannot read baseline: no such file/)
  })
})

describe('--output, baselines and fingerprints', () => {
  it('--output writes the report to a file and nothing to stdout', () => {
    const dir = tempCourse()
    const result = runCli(['--format', 'sarif', '--output', 'histlint.sarif', 'essays/notes.txt'], {cwd: dir})
    expect(result).toEqual({status: 1, stdout: '', stderr: ''})
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'histlint.sarif'), 'utf8')) as {runs: {results: {ruleId: string}[]}[]}
    expect(log.runs[0]?.results.map((r) => r.ruleId)).toEqual(['soviet-air-cover-from-start'])
  })

  it('a baseline accepts the current flags; only new flags are reported after it', () => {
    const dir = tempCourse()
    const written = runCli(['--write-baseline', 'histlint-baseline.json', '--format', 'json', '.'], {cwd: dir})
    expect(written.status).toBe(0)
    expect(written.stderr).toBe('histlint: recorded 10 flags in histlint-baseline.json\n')
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'histlint-baseline.json'), 'utf8')) as {version: number; flags: {ruleId: string; path: string}[]}
    expect(baseline.version).toBe(1)
    expect(baseline.flags.map((f) => `${f.path} ${f.ruleId}`)).toContain('week-5/armistice.md stalin-sought-early-armistice')

    // Move every flagged sentence down, and add one new flag.
    const essay = path.join(dir, 'week-5', 'armistice.md')
    const text = fs.readFileSync(essay, 'utf8').replace('# The long armistice talks\n', '# The long armistice talks\n\nA new first paragraph.\n\nStalin ordered Kim Il Sung to invade South Korea.\n')
    fs.writeFileSync(essay, text)
    const after = runCli(['--baseline', 'histlint-baseline.json', '--format', 'json', '.'], {cwd: dir})
    expect(after.status).toBe(1)
    expect(flags(after.stdout).filter(([, messages]) => (messages as string[]).length > 0)).toEqual([['week-5/armistice.md', ['5 error stalin-ordered-invasion']]])
  })

  it('SARIF fingerprints stay the same when unrelated lines move', () => {
    const dir = tempCourse()
    const fingerprints = () => {
      const log = JSON.parse(runCli(['--format', 'sarif', 'essays/origins.md'], {cwd: dir}).stdout) as {
        runs: {results: {partialFingerprints: Record<string, string>; locations: {physicalLocation: {region: {startLine: number}}}[]}[]}[]
      }
      const results = log.runs[0]?.results ?? []
      return {prints: results.map((r) => r.partialFingerprints['histlint/sentence/v1']), lines: results.map((r) => r.locations[0]?.physicalLocation.region.startLine)}
    }
    const before = fingerprints()
    const essay = path.join(dir, 'essays', 'origins.md')
    fs.writeFileSync(essay, fs.readFileSync(essay, 'utf8').replace('# How the Korean War began\n', '# How the Korean War began\n\nAn introduction.\n\nA second one.\n'))
    const after = fingerprints()
    expect(after.lines).toEqual(before.lines.map((line) => (line ?? 0) + 4))
    expect(after.prints).toEqual(before.prints)
    expect(new Set(before.prints).size).toBe(before.prints.length)
  })
})
