/**
 * Configuration as the language server will use it: loadConfigFor(file)
 * finds the nearest config, validates it, loads its packs; lintWithConfig
 * applies severities, the allowlist and inline comments.
 */
import fs from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {afterAll, describe, expect, it} from 'vitest'
import {allowlistMatcher, ConfigError, lintWithConfig, loadConfigFor, type ResolvedConfig} from '../src/config/index.js'

const temp = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'histlint-config-'))
afterAll(() => fs.rmSync(temp, {recursive: true, force: true}))

/** Write files under a fresh folder; returns the folder. */
let folders = 0
function project(files: Record<string, string>): string {
  const dir = path.join(temp, `p${++folders}`)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

async function flags(text: string, config: ResolvedConfig, name = 'essay.md'): Promise<string[]> {
  const file = await lintWithConfig(new VFile({value: text, path: name}), config)
  return file.messages.map((m) => `${m.line}:${m.column} ${m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info'} ${m.ruleId}`)
}

const packRule = `id: stalin-loved-snow
verdict: contradicted
severity: error
claim: Stalin loved snow
shows: nothing at all; this rule exists for a test
documents:
  - fengxi-shtykov-1950-07-01
patterns:
  - "Stalin ...2 love|adore ...2 snow"
`

describe('finding the config', () => {
  it('takes the nearest config above the essay, whole, and ignores a package.json without a histlint field', () => {
    const dir = project({
      '.histlintrc': '{"rules": {"stalin-ordered-invasion": "warning"}}',
      'week-1/package.json': '{"name": "week-1"}',
      'week-2/package.json': '{"name": "week-2", "histlint": {"rules": {"stalin-ordered-invasion": "off"}}}',
      'week-3/.histlintrc.yml': 'allowlist:\n  - in the textbook\n'
    })
    expect(loadConfigFor(path.join(dir, 'week-1', 'a.md'))).toMatchObject({configFile: path.join(dir, '.histlintrc'), severities: {'stalin-ordered-invasion': 'warning'}})
    expect(loadConfigFor(path.join(dir, 'week-2', 'a.md'))).toMatchObject({configFile: path.join(dir, 'week-2', 'package.json'), severities: {'stalin-ordered-invasion': 'off'}})
    expect(loadConfigFor(path.join(dir, 'week-3', 'deep', 'a.md'))).toMatchObject({severities: {}, allowlist: ['in the textbook']})
  })

  it('uses the given file with configPath, and none with noConfig', () => {
    const dir = project({'.histlintrc.json': '{"rules": {"north-acted-alone": "info"}}', 'other.yaml': 'rules:\n  north-acted-alone: warning\n'})
    expect(loadConfigFor(path.join(dir, 'a.md'), {configPath: path.join(dir, 'other.yaml')}).severities).toEqual({'north-acted-alone': 'warning'})
    expect(loadConfigFor(path.join(dir, 'a.md'), {noConfig: true})).toMatchObject({configFile: null, severities: {}, allowlist: []})
  })

  it.each([
    ['.histlintrc.json', '{"rules": {', /malformed config \(invalid JSON\)/],
    ['.histlintrc.json', '["rules"]', /malformed config: the config must be an object/],
    ['.histlintrc.json', '{"rule": {}}', /unknown setting "rule" \(known: rules, packs, allowlist, citations\)/],
    ['.histlintrc.json', '{"rules": {"north-acted-alone": "fatal"}}', /rules\.north-acted-alone: expected "off" \| "info" \| "warning" \| "error", got "fatal"/],
    ['.histlintrc.json', '{"allowlist": "textbook"}', /allowlist: expected a list of non-empty strings/],
    ['.histlintrc.json', '{"packs": ["./missing"]}', /packs: invalid rule pack: .*missing: \(folder\): cannot read rule folder/],
    ['.histlintrc.json', '{"packs": ["no-such-histlint-pack"]}', /packs: cannot find the rule pack "no-such-histlint-pack"/],
    ['package.json', '{"histlint": true}', /malformed config: the "histlint" field must be an object/]
  ])('refuses %s containing %s, naming the file', (name, text, reason) => {
    const dir = project({[name]: text})
    const load = () => loadConfigFor(path.join(dir, 'a.md'))
    expect(load).toThrow(ConfigError)
    expect(load).toThrow(path.join(dir, name))
    expect(load).toThrow(reason)
  })
})

describe('plugin options', () => {
  it('passes further plugin options (such as citations) into the lint options, one stable object per combination', () => {
    const dir = project({})
    const plain = loadConfigFor(path.join(dir, 'a.md'))
    const citing = loadConfigFor(path.join(dir, 'a.md'), {plugin: {citations: true}})
    expect(plain.lintOptions.citations).toBeUndefined()
    expect(citing.lintOptions.citations).toBe(true)
    expect(loadConfigFor(path.join(dir, 'b.md'), {plugin: {citations: true}}).lintOptions).toBe(citing.lintOptions)
  })
})

describe('rule packs', () => {
  it('loads a folder of rule files, whose ids the config may then set', async () => {
    const dir = project({'.histlintrc.json': '{"packs": ["./course-rules"], "rules": {"stalin-loved-snow": "warning"}}', 'course-rules/stalin-loved-snow.yml': packRule})
    const config = loadConfigFor(path.join(dir, 'a.md'))
    expect(config.packs).toEqual([path.join(dir, 'course-rules')])
    expect(await flags('Stalin loved snow.', config)).toEqual(['1:1 warning stalin-loved-snow'])
  })

  it('loads an npm package of rule files (its rules/ folder)', async () => {
    const dir = project({
      '.histlintrc.json': '{"packs": ["histlint-pack-snow"]}',
      'node_modules/histlint-pack-snow/package.json': '{"name": "histlint-pack-snow", "version": "1.0.0"}',
      'node_modules/histlint-pack-snow/rules/stalin-loved-snow.yml': packRule
    })
    const config = loadConfigFor(path.join(dir, 'essays', 'a.md'))
    expect(config.packs).toEqual([path.join(dir, 'node_modules', 'histlint-pack-snow', 'rules')])
    expect(await flags('Stalin adored snow.', config)).toEqual(['1:1 error stalin-loved-snow'])
  })
})

describe('severities and the allowlist', () => {
  it('applies severities and drops sentences with an allowlisted phrase', async () => {
    const dir = project({'.histlintrc.json': '{"rules": {"stalin-ordered-invasion": "info", "south-attacked-first": "off"}, "allowlist": ["Cold War myth"]}'})
    const config = loadConfigFor(path.join(dir, 'a.md'))
    const essay = [
      'Stalin ordered Kim Il Sung to invade South Korea.',
      'South Korea started the war by attacking the North.',
      'Stalin wanted the Korean War to become a third world war, the old cold  war MYTH goes on.'
    ].join('\n\n')
    expect(await flags(essay, config)).toEqual(['1:1 info stalin-ordered-invasion'])
  })

  it('matches allowlisted phrases as whole words, in any case, spacing or quote style', () => {
    const allowed = allowlistMatcher(['Kim’s "own" plan'])
    expect(allowed('It was KIM\'S  “own” PLAN, the book says.')).toBe(true)
    expect(allowed("It was Kim's own planning.")).toBe(false)
    expect(allowlistMatcher([])('anything')).toBe(false)
  })
})

describe('inline comments', () => {
  const config = () => loadConfigFor(path.join(project({}), 'a.md'), {noConfig: true})
  const invade = 'Stalin ordered Kim Il Sung to invade South Korea.'

  it('ignore covers the next node only; disable lasts until enable; no rule id means all rules', async () => {
    const essay = [
      '<!-- histlint ignore -->',
      invade,
      invade,
      '<!-- histlint disable stalin-ordered-invasion -->',
      invade,
      'South Korea started the war by attacking the North.',
      '<!-- histlint enable stalin-ordered-invasion -->',
      invade
    ].join('\n\n')
    expect(await flags(essay, config())).toEqual(['5:1 error stalin-ordered-invasion', '11:1 error south-attacked-first', '15:1 error stalin-ordered-invasion'])
  })

  it('warns about an unknown rule id or keyword instead of ignoring it silently, and still applies the other comments', async () => {
    const essay = ['<!-- histlint disable stalin-invaded -->', '<!-- histlint stop -->', invade, '<!-- histlint ignore -->', invade].join('\n\n')
    const file = await lintWithConfig(new VFile({value: essay, path: 'essay.md'}), config())
    expect(file.messages.map((m) => [m.line, m.fatal, m.ruleId, m.reason])).toEqual([
      [1, false, 'histlint-comment', "Cannot disable `'stalin-invaded'`, it’s not known"],
      [3, false, 'histlint-comment', "Unknown keyword `stop` in a histlint comment: expected `enable`, `disable` or `ignore`"],
      [5, true, 'stalin-ordered-invasion', expect.stringMatching(/^Contradicted claim/)]
    ])
  })

  it('needs the comment on lines of its own: text after it on the same line is swallowed, an indented one is code', async () => {
    // Text after `-->` on the same line belongs to the HTML block: it is not prose, so it is never linted.
    expect(await flags(`<!-- histlint ignore --> ${invade}\n\n${invade}`, config())).toEqual(['3:1 error stalin-ordered-invasion'])
    // Indented four spaces, the comment is a code block and controls nothing.
    expect(await flags(`    <!-- histlint disable -->\n\n${invade}`, config())).toEqual(['3:1 error stalin-ordered-invasion'])
  })

  it('leaves plain-text essays alone (they have no comments)', async () => {
    expect(await flags(`<!-- histlint disable -->\n\n${invade}`, config(), 'essay.txt')).toEqual(['3:1 error stalin-ordered-invasion'])
  })
})
