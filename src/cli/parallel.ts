/**
 * Lint many essays on several cores: `jobs` worker threads, each with its own
 * rule set, take the next file as soon as they finish one (essays differ in
 * length, so a fixed split would leave a core idle). The main thread only
 * hands out paths and rebuilds each result as a VFile with the same messages
 * the sequential CLI would produce, in the order of `paths`.
 *
 * `jobs: 1` lints in this thread: no worker start-up for small runs.
 * Worker threads run JavaScript, so this works from dist/ (the built CLI).
 */
import path from 'node:path'
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {readEssay} from '../io/read.js'
import {lintFile} from '../pipeline/processor.js'
import {loadRuleSet} from '../rules/load.js'

export interface ParallelOptions {
  /** Threads to lint on (1 = this thread). */
  readonly jobs: number
  /** Extra rule folders, as for loadRuleSet({packs}). */
  readonly packs?: readonly string[]
  /** Paths are resolved against this folder and reported as given. */
  readonly cwd: string
}

/** One file's outcome: its linted VFile, or why it could not be read. */
export type ParallelResult = {readonly path: string; readonly file: VFile} | {readonly path: string; readonly error: string}

/** The fields of a message that cross the thread boundary. */
interface MessageData {
  reason: string
  place: VFileMessage['place']
  ruleId: VFileMessage['ruleId']
  source: VFileMessage['source']
  fatal: VFileMessage['fatal']
  actual: VFileMessage['actual']
  expected: VFileMessage['expected']
  url: VFileMessage['url']
  note: VFileMessage['note']
  data: unknown
}

type Outcome = {index: number; error: string} | {index: number; messages: MessageData[]}

const workerMarker = 'histlint-parallel'

async function lintOne(filePath: string, cwd: string, options: Parameters<typeof lintFile>[1]): Promise<{error: string} | {file: VFile}> {
  const read = readEssay(path.resolve(cwd, filePath))
  if (!read.ok) return {error: read.reason}
  const file = new VFile({path: filePath, value: read.value, cwd})
  return {file: await lintFile(file, options)}
}

export async function lintInParallel(paths: readonly string[], options: ParallelOptions): Promise<ParallelResult[]> {
  const jobs = Math.max(1, Math.min(options.jobs, paths.length))
  if (jobs === 1) {
    const lintOptions = {ruleSet: loadRuleSet({packs: options.packs})}
    const results: ParallelResult[] = []
    for (const filePath of paths) results.push({path: filePath, ...(await lintOne(filePath, options.cwd, lintOptions))})
    return results
  }
  const results: ParallelResult[] = new Array(paths.length)
  let nextIndex = 0
  await Promise.all(
    Array.from({length: jobs}, () => {
      const worker = new Worker(new URL(import.meta.url), {workerData: {marker: workerMarker, packs: options.packs ?? [], cwd: options.cwd}})
      const handOut = (): void => {
        if (nextIndex < paths.length) {
          const index = nextIndex++
          worker.postMessage({index, path: paths[index]})
        } else void worker.terminate()
      }
      return new Promise<void>((resolve, reject) => {
        worker.on('message', (outcome: Outcome) => {
          const filePath = paths[outcome.index] as string
          results[outcome.index] = 'error' in outcome ? {path: filePath, error: outcome.error} : {path: filePath, file: rebuild(filePath, options.cwd, outcome.messages)}
          handOut()
        })
        worker.on('error', reject)
        worker.on('exit', () => resolve())
        handOut()
      })
    })
  )
  return results
}

/** A VFile carrying the messages a worker found (the text is not sent back: reporters do not need it). */
function rebuild(filePath: string, cwd: string, messages: readonly MessageData[]): VFile {
  const file = new VFile({path: filePath, cwd})
  for (const data of messages) {
    const message = file.message(data.reason, {place: data.place, ruleId: data.ruleId, source: data.source})
    Object.assign(message, {fatal: data.fatal, actual: data.actual, expected: data.expected, url: data.url, note: data.note, data: data.data})
  }
  return file
}

function serialise(message: VFileMessage): MessageData {
  const {reason, place, ruleId, source, fatal, actual, expected, url, note} = message
  return {reason, place, ruleId, source, fatal, actual, expected, url, note, data: (message as unknown as {data?: unknown}).data}
}

// The worker side: lint each path it is sent and post back the messages.
if (!isMainThread && parentPort && (workerData as {marker?: string} | undefined)?.marker === workerMarker) {
  const port = parentPort
  const {packs, cwd} = workerData as {packs: string[]; cwd: string}
  const lintOptions = {ruleSet: loadRuleSet({packs})}
  port.on('message', async ({index, path: filePath}: {index: number; path: string}) => {
    const outcome = await lintOne(filePath, cwd, lintOptions)
    port.postMessage('error' in outcome ? {index, error: outcome.error} : {index, messages: outcome.file.messages.map(serialise)})
  })
}
