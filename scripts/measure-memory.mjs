#!/usr/bin/env node
/**
 * Peak memory of the command line on a large essay (not a test: a
 * measurement for docs/reliability.md). Run after `npm run build`:
 *
 *   node scripts/measure-memory.mjs [megabytes=5]
 *
 * Writes a generated essay of the given size (our own sentences, with the
 * Markdown an essay has) to a temporary folder, lints it through run() as
 * bin.js does, and prints the time, the number of messages and the peak RSS.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {run} from '../dist/src/cli/run.js'

const megabytes = Number(process.argv[2] ?? 5)
const pieces = [
  '## A winter of letters',
  'The winter of 1950 was long, and the river froze early in the north.',
  'Stalin ordered Kim Il Sung to invade the South.',
  'Historians now read the *letters* in the archive with care[^1].',
  '> A line someone else wrote about the war, quoted at length.',
  '- a note about the rain\n- another note, about the harbour',
  '[^1]: A footnote on the letters and where they are kept.',
  'Moscow played no part in the war, some writers said at the time.'
]
let text = ''
for (let i = 0; text.length < megabytes * 1024 * 1024 - 200; i++) text += pieces[i % pieces.length] + '\n\n'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-memory-'))
const file = path.join(dir, 'essay.md')
fs.writeFileSync(file, text)
const start = performance.now()
let output = 0
const code = await run(['--format', 'json', file], {stdout: (s) => (output += s.length), stderr: (s) => process.stderr.write(s), cwd: dir})
const seconds = (performance.now() - start) / 1000
fs.rmSync(dir, {recursive: true, force: true})
const json = output
console.log(`${(text.length / 1024 / 1024).toFixed(1)} MiB essay: exit ${code}, ${seconds.toFixed(1)} s, ${json} characters of JSON, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
