/**
 * Linting on several cores (`--jobs`): the main thread lints too, next to
 * `jobs - 1` worker threads (src/cli/lint-worker.ts), each with its own rule
 * set. Both sides of the protocol live here:
 *
 * - The job (the essays, already read by the main thread, and their config
 *   options) goes to each worker once, with a SharedArrayBuffer counter.
 *   Every thread takes the next essay with Atomics.add on that counter, so no
 *   thread waits for another to hand out work, and a long essay never leaves
 *   a core idle while the others have work.
 * - A worker posts each essay's result as soon as it has it; the main thread
 *   collects them by index, so the report keeps the order of the inputs.
 * - A worker that fails (a crash, or no built worker script) leaves the
 *   essays it took to the main thread, which lints them at the end: the run
 *   ends as the sequential one would, crash included.
 *
 * This module is light (no linting code) so that bin.ts can start the
 * workers before it loads the linter: a worker's start-up (the modules and
 * the rule set) then overlaps the main thread's own. Workers run JavaScript,
 * so this works from dist/ (the built CLI), not from the TypeScript sources.
 */
import {availableParallelism} from 'node:os'
import {parentPort, Worker} from 'node:worker_threads'
import {parseOptions} from './options.js'

/**
 * The fewest essays worth a second thread. A worker's start-up (importing the
 * linter and loading the rule set: about 0.4–0.8 s of CPU) is as much work as
 * linting 15–30 essays of 1,500 words; with fewer than 8 essays the main
 * thread has linted them all by the time a worker could take one, and the
 * worker would only have taken a core from other jobs.
 */
export const minEssaysForParallel = 8

/** `--jobs`: the threads to lint on (`auto`: the cores available), or undefined when the text is not a whole number from 1. */
export function jobsOf(text: string | undefined, cores: number = availableParallelism()): number | undefined {
  if (text === undefined) return 1
  if (text === 'auto') return cores
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : undefined
}

/** A worker and whether it has stopped (crashed, failed to start, or been terminated). */
interface Handle {
  readonly worker: Worker
  exited: boolean
}

const workerScript = new URL('./lint-worker.js', import.meta.url)

/** What a worker posts for each essay it lints. */
interface Posted {
  readonly index: number
  readonly result: unknown
}

export class LintPool {
  private handles: Handle[] = []

  constructor(size = 0) {
    this.resize(size)
  }

  get size(): number {
    return this.handles.length
  }

  /** Start workers or stop the spare ones (those past `size`). */
  resize(size: number): void {
    while (this.handles.length < size) {
      const handle: Handle = {worker: new Worker(workerScript), exited: false}
      // A worker that cannot start is not fatal: its share of the essays falls to the main thread.
      handle.worker.on('error', () => {})
      handle.worker.on('exit', () => (handle.exited = true))
      this.handles.push(handle)
    }
    for (const spare of this.handles.splice(size)) void spare.worker.terminate()
  }

  async close(): Promise<void> {
    await Promise.all(this.handles.splice(0).map((handle) => handle.worker.terminate()))
  }

  /** Stop the workers without waiting for them (a worker takes tens of milliseconds to wind down, and the report need not wait). */
  private release(): void {
    for (const {worker} of this.handles.splice(0)) {
      worker.unref()
      void worker.terminate()
    }
  }

  /**
   * Process items 0…count-1 on this thread (`here`) and on the workers (which
   * get `job` once), in whatever order the threads take them; `fromWorker`
   * turns a worker's posted result into the same kind of value. Returns the
   * results in item order and stops the workers.
   */
  async share<T>(count: number, job: object, here: (index: number) => Promise<T>, fromWorker: (index: number, result: unknown) => T): Promise<T[]> {
    return this.begin(count, job, fromWorker).finish(here)
  }

  /**
   * The first half of share: post the job, so the workers start on it while
   * this thread still prepares (or gives up: then close the pool).
   */
  begin<T>(count: number, job: object, fromWorker: (index: number, result: unknown) => T): {finish: (here: (index: number) => Promise<T>) => Promise<T[]>} {
    const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
    const results = new Map<number, T>()
    let check = (): void => {}
    const running = this.handles.filter((handle) => !handle.exited)
    for (const {worker} of running) {
      worker.on('message', ({index, result}: Posted) => {
        results.set(index, fromWorker(index, result))
        check()
      })
      worker.on('exit', () => check())
      worker.postMessage({counter, count, job})
    }
    const finish = async (here: (index: number) => Promise<T>): Promise<T[]> => {
      for (let index = Atomics.add(counter, 0, 1); index < count; index = Atomics.add(counter, 0, 1)) results.set(index, await here(index))
      // Wait for the items the workers took, unless every worker has stopped.
      await new Promise<void>((resolve) => {
        check = () => {
          if (results.size === count || running.every((handle) => handle.exited)) resolve()
        }
        check()
      })
      this.release()
      const ordered: T[] = []
      for (let index = 0; index < count; index++) ordered.push(results.has(index) ? (results.get(index) as T) : await here(index))
      return ordered
    }
    return {finish}
  }
}

/**
 * The worker side of LintPool.share: wait for the job, then take items off
 * the shared counter until none is left, posting each result. An error
 * thrown by `work` ends the worker (the main thread redoes its item).
 */
export function serveShare<Job>(work: (job: Job, index: number) => Promise<unknown>): void {
  const port = parentPort
  if (!port) throw new Error('serveShare runs in a worker thread')
  port.once('message', async ({counter, count, job}: {counter: Int32Array; count: number; job: Job}) => {
    for (let index = Atomics.add(counter, 0, 1); index < count; index = Atomics.add(counter, 0, 1)) {
      port.postMessage({index, result: await work(job, index)} satisfies Posted)
    }
  })
}

/**
 * Start the workers a command line asks for, before the linter is loaded, or
 * none (`--jobs` 1 or absent, other commands, stdin, or arguments the CLI will
 * refuse anyway). At most one thread per core is started ahead: `run` adds
 * or stops workers once it knows how many essays there are.
 */
export function startPoolFor(argv: readonly string[]): LintPool | undefined {
  if (argv[0] === 'cite') return undefined
  let values
  try {
    values = parseOptions(argv).values
  } catch {
    return undefined
  }
  if (values.help || values.version || values.stdin) return undefined
  const jobs = jobsOf(typeof values.jobs === 'string' ? values.jobs : undefined)
  if (jobs === undefined || jobs < 2) return undefined
  return new LintPool(Math.min(jobs, availableParallelism()) - 1)
}
