#!/usr/bin/env node
// Compiles the TypeScript and marks the commands executable: npm links a
// package's own bins before `prepare` has built them, so a fresh clone's
// dist/ files would otherwise keep tsc's non-executable mode.
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], {stdio: 'inherit'})
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
for (const bin of Object.values(manifest.bin ?? {})) fs.chmodSync(path.join(root, bin), 0o755)
