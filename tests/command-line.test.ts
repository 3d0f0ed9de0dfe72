/** The `histlint` command as a user runs it: paths in, report out, exit status by outcome. */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const root = path.join(import.meta.dirname, '..')
const bin = path.join(root, 'dist', 'src', 'cli', 'bin.js')

function histlint(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8'})
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-cli-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

describe('histlint', () => {
  it('exits 0 and says so when nothing is flagged', () => {
    const dir = folder({'clean.md': 'Stalin approved Kim\'s plan in the spring of 1950.\n'})
    const result = histlint(['clean.md'], dir)
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('clean.md: no issues found\n')
  })

  it('exits 1 and prints a stylish report with the rule id when a claim is flagged', () => {
    const dir = folder({'essay.md': '# Essay\n\nStalin ordered Kim to invade the South.\n'})
    const result = histlint(['essay.md'], dir)
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^essay\.md\n3:1-3:40 +error +Contradicted claim: .+ +stalin-ordered-invasion +histlint\n\n✖ 1 error\n\nDocuments:\n  stalin-ordered-invasion: Ciphered Telegram No\. 8600, Vyshinsky to Mao Zedong, 14 May 1950\n    “in light of the changed international situation, they agree with the proposal of the Koreans .+”\n    https:\/\/digitalarchive\.wilsoncenter\.org\/document\/ciphered-telegram-no-8600-vyshinsky-mao-zedong\n$/)
  })

  it('prints JSON with one object per file and full citations', () => {
    const dir = folder({'a.md': 'The South attacked first.\n', 'b.txt': 'MacArthur landed at Inchon.\n'})
    const result = histlint(['--format', 'json', 'a.md', 'b.txt'], dir)
    expect(result.status).toBe(1)
    const report = JSON.parse(result.stdout)
    expect(report.map((f: {path: string}) => f.path)).toEqual(['a.md', 'b.txt'])
    const [message] = report[0].messages
    expect(message).toMatchObject({ruleId: 'south-attacked-first', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 26})
    expect(message.url).toBe('https://digitalarchive.wilsoncenter.org/document/114908')
    expect(Object.keys(message.citations[0]).sort()).toEqual(['archive', 'date', 'excerpt', 'from', 'id', 'published', 'title', 'to', 'url'])
    expect(report[1].messages).toEqual([])
  })

  it('recurses into folders for .md, .markdown and .txt, and takes globs', () => {
    const dir = folder({
      'essays/one.md': 'The South attacked first.\n',
      'essays/deeper/two.markdown': 'The South attacked first.\n',
      'essays/three.txt': 'The South attacked first.\n',
      'essays/notes.json': '{"x": "The South attacked first."}\n'
    })
    const listed = (args: string[]) => JSON.parse(histlint(['--format', 'json', ...args], dir).stdout).map((f: {path: string}) => f.path)
    expect(listed(['essays'])).toEqual(['essays/deeper/two.markdown', 'essays/one.md', 'essays/three.txt'])
    expect(listed(['essays/**/*.md'])).toEqual(['essays/one.md'])
  })

  it('reports a missing file in one line, still lints the others, and exits 2', () => {
    const dir = folder({'real.md': 'The South attacked first.\n'})
    const result = histlint(['--format', 'json', 'missing.md', 'real.md'], dir)
    expect(result.status).toBe(2)
    expect(result.stderr).toBe('histlint: missing.md: no such file or directory\n')
    expect(JSON.parse(result.stdout)[0].messages[0].ruleId).toBe('south-attacked-first')
  })

  it('--quiet shows errors only, --help and --version answer, unknown options exit 2', () => {
    const dir = folder({'clean.md': 'Nothing to see.\n'})
    expect(histlint(['--quiet', 'clean.md'], dir).stdout).toBe('')
    expect(histlint(['--help']).stdout).toMatch(/^Usage: histlint \[options\] \[path…\]/)
    expect(histlint(['--version']).stdout).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version + '\n')
    const unknown = histlint(['--frobnicate'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/^histlint: Unknown option '--frobnicate'/)
  })

  it('lints the bundled example essay with cited flags', () => {
    const result = histlint(['--format', 'json', 'fixtures/essays/traditionalist.md'])
    expect(result.status).toBe(1)
    const [file] = JSON.parse(result.stdout)
    expect(file.messages.length).toBeGreaterThanOrEqual(5)
    for (const message of file.messages) expect(message.citations.length).toBeGreaterThan(0)
  })
})
