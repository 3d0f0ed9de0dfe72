/**
 * When to lint: each change (re)starts a short timer per document; when it
 * fires, the newest text is linted, and the result is kept only if the
 * document still has that text (the same revision). A lint that sees a newer
 * revision stops at its next pause, so stale results are never published.
 *
 * The debounce adapts to what a lint of this document costs: after a cheap
 * lint (an edit that touched one paragraph, a few ms) the next one starts at
 * once, so diagnostics follow each keystroke; after an expensive one it
 * waits about as long as that lint took (at most `maxDebounceMs`), so fast
 * typing in a huge document does not queue work that would be thrown away.
 * One lint per document runs at a time; changes meanwhile start one more
 * when it ends.
 */
export const maxDebounceMs = 150
/** A lint cheaper than this runs on every change without delay. */
export const cheapLintMs = 50

export interface LintJob<Result> {
  /**
   * The current revision of a document, or undefined once it is closed: a
   * number that changes with every change of its text. (Not the client's
   * version: a client may repeat one, and then a lint of the old text would
   * pass for current.)
   */
  readonly currentRevision: (uri: string) => number | undefined
  /** Lint the current text; `isStale` turns true when the text changes. Undefined = abandoned. */
  readonly lint: (uri: string, isStale: () => boolean) => Promise<Result | undefined>
  /** Called with a fresh result, only while the document is still at the linted revision. */
  readonly publish: (uri: string, revision: number, result: Result) => void
  readonly onError: (uri: string, error: unknown) => void
}

export class LintScheduler<Result> {
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly costs = new Map<string, number>()
  private readonly running = new Set<string>()
  private readonly pending = new Set<string>()

  constructor(private readonly job: LintJob<Result>) {}

  /** A document was opened or changed (or settings changed): lint it soon. */
  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri))
    if (this.running.has(uri)) {
      this.pending.add(uri)
      return
    }
    const cost = this.costs.get(uri) ?? 0
    const delay = cost < cheapLintMs ? 0 : Math.min(maxDebounceMs, cost)
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri)
        void this.run(uri)
      }, delay)
    )
  }

  /** A document was closed: nothing more is linted or published for it. */
  cancel(uri: string): void {
    clearTimeout(this.timers.get(uri))
    this.timers.delete(uri)
    this.costs.delete(uri)
    this.pending.delete(uri)
  }

  private async run(uri: string): Promise<void> {
    const revision = this.job.currentRevision(uri)
    if (revision === undefined) return
    const isStale = (): boolean => this.job.currentRevision(uri) !== revision
    const started = performance.now()
    this.running.add(uri)
    try {
      const result = await this.job.lint(uri, isStale)
      if (result !== undefined && !isStale()) {
        this.costs.set(uri, performance.now() - started)
        this.job.publish(uri, revision, result)
      }
    } catch (error) {
      this.job.onError(uri, error)
    } finally {
      this.running.delete(uri)
      if (this.pending.delete(uri)) this.schedule(uri)
    }
  }
}
