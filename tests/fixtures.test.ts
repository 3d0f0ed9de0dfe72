/**
 * The bundled essays and their exact expected reports: a traditionalist
 * essay (many flags), a revisionist one, a careful one that must raise
 * nothing, and Markdown edge cases. `node scripts/update-fixtures.mjs`
 * regenerates the expectations after a deliberate change.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {lintFile, loadRuleSet} from '../src/index.js'
import {expectedReport} from '../src/reporters/fixture.js'

const dir = path.join(import.meta.dirname, '..', 'fixtures', 'essays')
const ruleSet = loadRuleSet()
const essays = fs.readdirSync(dir).filter((name) => /\.(md|txt)$/.test(name))

describe('bundled essays', () => {
  it.each(essays)('%s matches its expected report', async (name) => {
    const file = await lintFile(new VFile({path: name, value: fs.readFileSync(path.join(dir, name), 'utf8')}), {ruleSet})
    const expected = JSON.parse(fs.readFileSync(path.join(dir, name.replace(/\.(md|txt)$/, '.expected.json')), 'utf8'))
    expect(expectedReport(file)).toEqual(expected)
  })

  it('the careful essay raises nothing', async () => {
    const file = await lintFile(new VFile({path: 'careful.md', value: fs.readFileSync(path.join(dir, 'careful.md'), 'utf8')}), {ruleSet})
    expect(file.messages).toEqual([])
  })

  it('never lints front matter, code, HTML, tables or link addresses', async () => {
    const file = await lintFile(new VFile({path: 'edge.md', value: fs.readFileSync(path.join(dir, 'markdown-edge-cases.md'), 'utf8')}), {ruleSet})
    const lines = file.messages.map((m) => m.line)
    // Only the list item, the numbered item and the footnote definition assert claims.
    expect(lines).toEqual([25, 27, 32])
  })
})
