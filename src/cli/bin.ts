#!/usr/bin/env node
import {startPoolFor} from './parallel.js'

// `--jobs`: start the workers first, so that their start-up overlaps the
// loading of the linter below (run.js imports it), not the linting.
const argv = process.argv.slice(2)
const pool = startPoolFor(argv)
const {run} = await import('./run.js')

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

try {
  process.exitCode = await run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    readStdin,
    pool
  })
} finally {
  await pool?.close()
}
