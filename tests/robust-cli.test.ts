/**
 * Bad input through the real command line (node dist/src/cli/bin.js, built by
 * `npm test`): each bad path gets one line naming the path and the cause, the
 * other files are still linted, and the exit status is 2.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {maxInputBytes} from '../src/io/read.js'
import {maxNestingDepth} from '../src/pipeline/guard.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist/src/cli/bin.js')
let dir: string

function histlint(...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: dir, encoding: 'utf8', timeout: 60_000})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const claim = 'Stalin ordered Kim Il Sung to invade the South.\n'

beforeAll(() => {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first (npm test does)`)
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-robust-'))
  fs.writeFileSync(path.join(dir, 'good.md'), claim)
})
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}))

/**
 * Every bad input of the table below, on one command line with a good file
 * (one process instead of one per case keeps the suite fast).
 */
const badInputs: {name: string; path: string; cause: RegExp; make: () => void}[] = [
  {name: 'a binary file', path: 'photo.md', cause: /binary file/, make: () => fs.writeFileSync(path.join(dir, 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]))},
  {name: 'invalid UTF-8', path: 'latin1.md', cause: /not valid UTF-8/, make: () => fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('Kim Il Sung \xe9tait ', 'latin1'))},
  {name: 'a path that does not exist', path: 'missing.md', cause: /no such file or directory/, make: () => undefined},
  {
    name: 'a symbolic-link loop',
    path: 'loop-a.md',
    cause: /too many levels of symbolic links/,
    make: () => {
      fs.symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'))
      fs.symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'))
    }
  },
  {
    name: 'a file over the size limit',
    path: 'huge.md',
    cause: new RegExp(`larger than the ${maxInputBytes / 1024 / 1024} MiB limit \\(${maxInputBytes + 1} bytes\\)`),
    make: () => {
      fs.writeFileSync(path.join(dir, 'huge.md'), '')
      fs.truncateSync(path.join(dir, 'huge.md'), maxInputBytes + 1) // sparse: no real disk use
    }
  },
  {
    name: 'Markdown nested deeper than the parser can take (10,000 blockquotes)',
    path: 'deep.md',
    cause: new RegExp(`nested 10000 levels deep .*at most ${maxNestingDepth}`),
    make: () => fs.writeFileSync(path.join(dir, 'deep.md'), '>'.repeat(10_000) + ' ' + claim)
  },
  {
    name: 'Markdown nested deeper than the parser can take (10,000 list items)',
    path: 'deep-list.md',
    cause: new RegExp(`nested 10000 levels deep .*at most ${maxNestingDepth}`),
    make: () => fs.writeFileSync(path.join(dir, 'deep-list.md'), '- '.repeat(10_000) + claim)
  },
  {
    name: 'a FIFO, which would block a plain read forever',
    path: 'pipe.md',
    cause: /not a regular file/,
    make: () => {
      spawnSync('mkfifo', [path.join(dir, 'pipe.md')])
    }
  }
]

describe('bad input gets one clear line, the other files are linted, exit 2', () => {
  let run: ReturnType<typeof histlint>
  beforeAll(() => {
    for (const input of badInputs) input.make()
    run = histlint('--format', 'json', ...badInputs.map((input) => input.path), 'good.md')
  })

  it('the good file is still linted and the exit status is 2', () => {
    const report = JSON.parse(run.stdout) as {path: string; messages: {ruleId: string}[]}[]
    expect(report.map((file) => [file.path, file.messages.map((m) => m.ruleId)])).toEqual([['good.md', ['stalin-ordered-invasion']]])
    expect(run.status).toBe(2)
  })

  it('there is exactly one line per bad input', () => {
    expect(run.stderr.trim().split('\n')).toHaveLength(badInputs.length)
  })

  for (const input of badInputs) {
    it(input.name, () => {
      const lines = run.stderr.split('\n').filter((line) => line.startsWith(`histlint: ${input.path}: `))
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(input.cause)
    })
  }

  it('a symbolic-link loop inside a folder ends, and the folder is still linted', () => {
    const folder = path.join(dir, 'course')
    fs.mkdirSync(path.join(folder, 'week1'), {recursive: true})
    fs.writeFileSync(path.join(folder, 'week1', 'essay.md'), claim)
    fs.symlinkSync('..', path.join(folder, 'week1', 'up')) // a folder loop
    fs.symlinkSync('self.md', path.join(folder, 'self.md')) // a file loop
    const {status, stdout, stderr} = histlint('--format', 'json', 'course')
    expect(stderr.trim().split('\n')).toEqual([`histlint: ${path.join('course', 'self.md')}: too many levels of symbolic links (a link loop?)`])
    const report = JSON.parse(stdout) as {path: string; messages: unknown[]}[]
    expect(report.map((file) => file.path)).toEqual([path.join('course', 'week1', 'essay.md')])
    expect(status).toBe(2)
  })

  it('a file that cannot be read (chmod 000)', (context) => {
    const file = path.join(dir, 'locked.md')
    fs.writeFileSync(file, claim)
    fs.chmodSync(file, 0o000)
    let readable = false
    try {
      fs.readFileSync(file)
      readable = true
    } catch {
      readable = false
    }
    // As root (as in CI here) permissions do not block reading: nothing to test.
    if (readable) context.skip('running as root: chmod 000 does not stop this process from reading')
    const {status, stderr} = histlint('locked.md', 'good.md')
    expect(stderr).toBe('histlint: locked.md: permission denied\n')
    expect(status).toBe(2)
  })

  const badRuleFiles = [
    {
      name: 'a rule file naming an unknown document gets a line naming the file and the field',
      file: 'bad-rule.yml',
      text: 'id: bad-rule\nverdict: contradicted\nclaim: A claim.\nshows: Something.\ndocuments: [no-such-document]\npatterns: [Stalin order]\n',
      line: (file: string) => new RegExp(`^histlint: invalid rule file ${escape(file)}: documents: unknown document "no-such-document" \\(not in the catalogue\\)\\n$`)
    },
    {
      name: 'a rule file that is not YAML gets a line naming the file and the syntax error',
      file: 'broken.yml',
      text: 'id: [unclosed\n  : :\n',
      line: (file: string) => new RegExp(`^histlint: invalid rule file ${escape(file)}: \\(syntax\\): .+\\n$`)
    }
  ]
  for (const [index, rule] of badRuleFiles.entries()) {
    it(rule.name, () => {
      const pack = path.join(dir, `pack${index}`)
      fs.mkdirSync(pack)
      fs.writeFileSync(path.join(pack, rule.file), rule.text)
      const {status, stderr} = histlint('--rules', `pack${index}`, 'good.md')
      expect(stderr).toMatch(rule.line(path.join(pack, rule.file)))
      expect(status).toBe(2)
    })
  }
})

describe('what is not an error', () => {
  it('an empty file is linted and has nothing to flag', () => {
    fs.writeFileSync(path.join(dir, 'empty.md'), '')
    const {status, stdout, stderr} = histlint('--format', 'json', 'empty.md')
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toMatchObject([{messages: []}])
    expect(status).toBe(0)
  })

  it('a BOM, CRLF line endings and odd Unicode do not hide a claim', () => {
    fs.writeFileSync(path.join(dir, 'bom.md'), '\uFEFF# Essay\r\n\r\nThe \u200Bwinter was long \u{1F328}\uFE0F.\r\n\r\n' + claim.replace('\n', '\r\n'))
    const {status, stdout} = histlint('--format', 'json', 'bom.md')
    expect((JSON.parse(stdout) as {messages: {ruleId: string; line: number}[]}[])[0]?.messages).toMatchObject([{ruleId: 'stalin-ordered-invasion', line: 5}])
    expect(status).toBe(1)
  })

  it('histlint never writes to the files it lints', () => {
    const file = path.join(dir, 'untouched.md')
    fs.writeFileSync(file, claim)
    const before = fs.statSync(file)
    histlint('untouched.md')
    const after = fs.statSync(file)
    expect(fs.readFileSync(file, 'utf8')).toBe(claim)
    expect(after.mtimeMs).toBe(before.mtimeMs)
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})
