/**
 * Every output format on the fixture course repository (several essays, a
 * config, an ignore file, inline comments, a nested folder with its own
 * config), from the real CLI, compared exactly with the reviewed expected
 * output in tests/expected/. After a deliberate change to rules or output,
 * run `npx vitest run -u tests/cli-formats.test.ts` and review the diff.
 */
import fs from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import AjvDraft04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {histlint, normalise, root} from './helpers/cli.js'

const expected = (name: string) => path.join(root, 'tests', 'expected', name)

interface JsonFile {
  path: string
  messages: {ruleId: string; severity: string; line: number}[]
}
const flags = (stdout: string) => (JSON.parse(stdout) as JsonFile[]).map((f) => [f.path, f.messages.map((m) => `${m.line} ${m.severity} ${m.ruleId}`)])

describe('histlint on a course repository', () => {
  it('stylish: one block per essay, then the pages of the reported rules; exit 1 for error-level flags', async () => {
    const result = histlint(['.'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('')
    await expect(normalise(result.stdout)).toMatchFileSnapshot(expected('course.stylish.txt'))
  })

  it('json: the core shape {path, messages: [{ruleId, severity, line, column, endLine, endColumn, message, url, citations}]}', async () => {
    const result = histlint(['--format', 'json', '.'])
    expect(result.status).toBe(1)
    const files = JSON.parse(result.stdout) as {path: string; messages: Record<string, unknown>[]}[]
    for (const file of files) {
      expect(Object.keys(file)).toEqual(['path', 'messages'])
      for (const message of file.messages)
        expect(Object.keys(message)).toEqual(['ruleId', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message', 'url', 'citations'])
    }
    await expect(normalise(result.stdout)).toMatchFileSnapshot(expected('course.json'))
  })

  it('reads settings per essay: the root config, its allowlist, the nested folder’s own config, and skips ignored drafts', () => {
    const result = histlint(['--format', 'json', '.'])
    expect(flags(result.stdout)).toEqual([
      ['essays/careful.md', []],
      ['essays/control.md', ['7 error stalin-ordered-invasion', '15 error south-attacked-first', '17 warning histlint-comment', '19 error south-attacked-first']],
      ['essays/notes.txt', ['2 error soviet-air-cover-from-start']],
      // Line 11 holds an allowlisted phrase; the code block is not prose.
      ['essays/origins.md', ['8 error stalin-ordered-invasion', '13 info soviet-non-involvement', '16 warning stalin-sought-world-war']],
      // week-5 has its own config: south-attacked-first is off, and the root's severities do not apply there.
      ['week-5/armistice.md', ['5 error stalin-sought-early-armistice', '7 error stalin-sought-world-war']]
    ])
  })

  it('sarif: exact output', async () => {
    const result = histlint(['--format', 'sarif', '.'])
    expect(result.status).toBe(1)
    await expect(normalise(result.stdout)).toMatchFileSnapshot(expected('course.sarif'))
  })

  it('sarif: validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object
    const ajv = new AjvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
    addFormats.default(ajv as unknown as Ajv)
    const validate = ajv.compile(schema)
    // The official schema's language pattern is not valid in unicode mode; Ajv is told so.
    const log = JSON.parse(histlint(['--format', 'sarif', '.']).stdout) as unknown
    const valid = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    // And a broken log is refused, so the validator really checks.
    expect(validate({version: '2.1.0', runs: [{tool: {driver: {}}}]})).toBe(false)
  })

  it('github: workflow commands, one per flag', async () => {
    const result = histlint(['--format', 'github', '.'])
    expect(result.status).toBe(1)
    await expect(normalise(result.stdout)).toMatchFileSnapshot(expected('course.github.txt'))
  })

  it('gitlab: a Code Quality report', async () => {
    const result = histlint(['--format', 'gitlab', '.'])
    expect(result.status).toBe(1)
    await expect(normalise(result.stdout)).toMatchFileSnapshot(expected('course.gitlab.json'))
  })

  it('junit: one test case per essay, one failure per flag', async () => {
    const result = histlint(['--format', 'junit', '.'])
    expect(result.status).toBe(1)
    await expect(normalise(result.stdout)).toMatchFileSnapshot(expected('course.junit.xml'))
  })
})
