/**
 * Run the real, built CLI (`node dist/src/cli/bin.js`) as a child process,
 * the way CI runs it. `npm test` builds dist/ first.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {run} from '../../src/cli/run.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const bin = path.join(root, 'dist', 'src', 'cli', 'bin.js')
export const course = path.join(root, 'fixtures', 'course')
export const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

const memo = new Map<string, CliResult>()

/** Run the CLI; the same arguments in the same folder with the same input run once per test file (the fixture is read-only). */
export function histlint(args: readonly string[], options: {cwd?: string; input?: string} = {}): CliResult {
  const key = JSON.stringify([args, options])
  const cached = memo.get(key)
  if (cached) return cached
  const result = runCli(args, options)
  memo.set(key, result)
  return result
}

/** Run the CLI, never from the memo (for tests that change files between runs). */
export function runCli(args: readonly string[], options: {cwd?: string; input?: string} = {}): CliResult {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` (npm test does it)`)
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? course,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Replace what differs between machines and releases: absolute paths and the version. */
export function normalise(text: string, dirs: readonly string[] = []): string {
  let out = text
  for (const dir of [...dirs, root].sort((a, b) => b.length - a.length)) out = out.split(dir).join('<dir>')
  return out.split(`"version": "${version}"`).join('"version": "<version>"')
}

/** A copy of the fixture course in a temporary folder, for tests that edit essays. */
export function copyCourse(): string {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'histlint-course-'))
  fs.cpSync(course, dir, {recursive: true})
  return dir
}

/**
 * Run the CLI's `run()` in this process: the same code as the binary without
 * a process start, for the many small behaviour checks.
 */
export async function runInProcess(args: readonly string[], options: {cwd?: string; input?: string} = {}): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const status = await run(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: options.cwd ?? course,
    readStdin: async () => new TextEncoder().encode(options.input ?? '')
  })
  return {status, stdout, stderr}
}
