/**
 * Baselines: `--write-baseline FILE` records the current flags, and
 * `--baseline FILE` reports only flags that are not in it, so a course can
 * adopt histlint without fixing every old essay first. A flag is known by its
 * rule, its file and its sentence fingerprint (the SARIF one), never by line.
 */
import fs from 'node:fs'
import type {VFile} from 'vfile'
import {reportPath} from '../reporters/context.js'
import {fingerprintsOf} from '../reporters/fingerprint.js'
import {writeFileAtomic} from '../io/write.js'

export interface BaselineEntry {
  readonly ruleId: string
  readonly path: string
  readonly fingerprint: string
}

export interface Baseline {
  readonly version: 1
  readonly flags: readonly BaselineEntry[]
}

const keyOf = (entry: BaselineEntry): string => `${entry.ruleId}\n${entry.path}\n${entry.fingerprint}`

function entriesOf(file: VFile, cwd: string): {message: VFile['messages'][number]; entry: BaselineEntry}[] {
  const fingerprints = fingerprintsOf(file)
  const filePath = reportPath(file, cwd)
  return file.messages.map((message) => ({message, entry: {ruleId: message.ruleId ?? '', path: filePath, fingerprint: fingerprints.get(message) ?? ''}}))
}

export function createBaseline(files: readonly VFile[], cwd: string): Baseline {
  const flags = files.flatMap((file) => entriesOf(file, cwd).map(({entry}) => entry))
  flags.sort((a, b) => a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint))
  return {version: 1, flags}
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileAtomic(file, JSON.stringify(baseline, null, 2) + '\n')
}

/** Read a baseline file; throws an Error naming the file when it is missing or malformed. */
export function readBaseline(file: string, name = file): Baseline {
  let data: unknown
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(`${name}: cannot read baseline: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  const flags = (data as {flags?: unknown} | null)?.flags
  const valid =
    (data as {version?: unknown} | null)?.version === 1 &&
    Array.isArray(flags) &&
    flags.every((f) => typeof f?.ruleId === 'string' && typeof f?.path === 'string' && typeof f?.fingerprint === 'string')
  if (!valid) throw new Error(`${name}: malformed baseline: expected {"version": 1, "flags": [{ruleId, path, fingerprint}]}`)
  return data as Baseline
}

/** Drop the flags the baseline already holds; returns how many were dropped. */
export function applyBaseline(files: readonly VFile[], baseline: Baseline, cwd: string): number {
  const known = new Set(baseline.flags.map(keyOf))
  let dropped = 0
  for (const file of files) {
    const keep = new Set(entriesOf(file, cwd).filter(({entry}) => !known.has(keyOf(entry))).map(({message}) => message))
    dropped += file.messages.length - keep.size
    file.messages = file.messages.filter((message) => keep.has(message))
  }
  return dropped
}
