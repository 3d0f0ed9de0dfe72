/**
 * Timing helpers: medians and percentiles, alternating contenders after a
 * warm-up, and peak RSS of one contender measured in a child process (the
 * benchmark's own process holds all contenders, so its RSS says nothing).
 */
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Time each contender `rounds` times on `input`, after `warmup` untimed runs
 * each. Rounds alternate the contenders and rotate who goes first, so load
 * from other processes falls on all of them alike. Returns the CPU time (ms,
 * user + system of this process) of each run per contender: on a shared
 * machine, wall time mostly measures waiting for a core, CPU time the work.
 * `wall: true` returns wall-clock times instead.
 */
export async function timeAlternating(contenders, input, {warmup = 2, rounds = 5, wall = false} = {}) {
  const names = Object.keys(contenders)
  for (let i = 0; i < warmup; i++) for (const name of names) await contenders[name](input)
  const times = Object.fromEntries(names.map((n) => [n, []]))
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]
      const start = performance.now()
      const cpu = process.cpuUsage()
      await contenders[name](input)
      const used = process.cpuUsage(cpu)
      times[name].push(wall ? performance.now() - start : (used.user + used.system) / 1000)
    }
  }
  return times
}

const rssChild = fileURLToPath(new URL('./rss-child.mjs', import.meta.url))

/** Peak resident memory (MB) of a fresh process that loads `contender` and lints one essay of `words` words. */
export function peakRssMb(contender, words, extraArgs = []) {
  const out = execFileSync(process.execPath, [rssChild, contender, String(words), ...extraArgs], {encoding: 'utf8', maxBuffer: 1 << 20})
  return Number(out.trim()) / 1024
}
