#!/usr/bin/env node
// Regenerates fixtures/essays/*.expected.json from the current linter. Run it
// after a deliberate change, then read the diff: the fixtures are the spec.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {lintFile, loadRuleSet} from '../dist/src/index.js'
import {expectedReport} from '../dist/src/reporters/fixture.js'

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'essays')
const ruleSet = loadRuleSet()
for (const name of fs.readdirSync(dir).filter((n) => /\.(md|txt)$/.test(n)).sort()) {
  const file = await lintFile(new VFile({path: name, value: fs.readFileSync(path.join(dir, name), 'utf8')}), {ruleSet})
  const out = path.join(dir, name.replace(/\.(md|txt)$/, '.expected.json'))
  fs.writeFileSync(out, JSON.stringify(expectedReport(file), null, 2) + '\n')
  console.log(`${path.relative(process.cwd(), out)}: ${file.messages.length} messages`)
}
