/**
 * Helpers for the linear-time tests: time one input at size N and at 10 N in
 * the same run and compare, never against an absolute budget (the machine is
 * shared, so only ratios mean anything).
 */
import {performance} from 'node:perf_hooks'

/** Growth allowed for a tenfold input: linear is 10, quadratic 100. The slack absorbs noise and GC. */
export const maxRatioForTenfold = 20

/** Milliseconds per call, repeating short calls until at least `minimumMs` have passed (so tiny times are measurable). */
export async function msPerCall(action: () => unknown, minimumMs = 40): Promise<number> {
  let calls = 0
  const start = performance.now()
  let elapsed = 0
  do {
    await action()
    calls++
    elapsed = performance.now() - start
  } while (elapsed < minimumMs)
  return elapsed / calls
}

export interface Growth {
  readonly small: number
  readonly large: number
  readonly ratio: number
}

/**
 * Time `run(make(n))` and `run(make(10 n))`. A warm-up call first, so the JIT
 * and caches are not charged to the small size; the best of three runs at each
 * size (at 10 n only when one run is under three seconds: a garbage collection
 * that lands in one short run is not growth).
 */
export async function growth(make: (n: number) => string, n: number, run: (input: string) => unknown): Promise<Growth> {
  const smallInput = make(n)
  const largeInput = make(n * 10)
  await run(smallInput)
  const small = Math.min(await msPerCall(() => run(smallInput)), await msPerCall(() => run(smallInput)), await msPerCall(() => run(smallInput)))
  let large = await msPerCall(() => run(largeInput))
  if (large < 3000) large = Math.min(large, await msPerCall(() => run(largeInput)), await msPerCall(() => run(largeInput)))
  const result = {small, large, ratio: large / small}
  // Printed so the figures in docs/reliability.md can be re-measured with `npx vitest run tests/robust-`.
  console.log(`N=${n}: ${small.toFixed(1)} ms, 10N: ${large.toFixed(1)} ms, ratio ${result.ratio.toFixed(1)}`)
  return result
}
