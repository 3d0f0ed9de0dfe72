#!/usr/bin/env node
/**
 * A whole-process run of src/cli/parallel.ts for the benchmark (the CLI flag
 * belongs to run.ts): `node bench/lint-folder.mjs --jobs N <folder>` lints
 * every essay in the folder and prints the number of messages.
 */
import {expandPaths} from '../dist/src/cli/files.js'
import {lintInParallel} from '../dist/src/cli/parallel.js'

const args = process.argv.slice(2)
const jobs = Number(args[args.indexOf('--jobs') + 1] ?? 1)
const folder = args[args.length - 1]
const {files} = expandPaths([folder], process.cwd())
const results = await lintInParallel(files, {jobs, cwd: process.cwd()})
let messages = 0
for (const result of results) {
  if ('error' in result) throw new Error(`${result.path}: ${result.error}`)
  messages += result.file.messages.length
}
console.log(`${results.length} files, ${messages} messages`)
