/**
 * A flag's fingerprint: a hash of its rule id, its sentence (normalised) and
 * which occurrence of that rule and sentence it is in the file. No line
 * numbers, so the fingerprint survives edits elsewhere in the essay; used for
 * SARIF partialFingerprints, GitLab fingerprints and the baseline.
 */
import {createHash} from 'node:crypto'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {normaliseText} from '../config/controls.js'

/** The key under which SARIF results carry the fingerprint. */
export const fingerprintKey = 'histlint/sentence/v1'

/** The fingerprint of every message of a file, in message order. */
export function fingerprintsOf(file: VFile): Map<VFileMessage, string> {
  const seen = new Map<string, number>()
  const result = new Map<VFileMessage, string>()
  for (const message of file.messages) {
    const text = normaliseText(message.actual ?? message.reason)
    const key = `${message.ruleId ?? ''}\n${text}`
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    result.set(message, createHash('sha256').update(`${key}\n${occurrence}`).digest('hex').slice(0, 32))
  }
  return result
}
