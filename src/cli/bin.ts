#!/usr/bin/env node
import {run} from './run.js'

const code = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR
})
process.exitCode = code
