/**
 * Read an essay from disk, refusing what is not one: a missing path, a
 * folder, a symbolic-link loop, a binary file, invalid UTF-8, or a file over
 * the size limit. Each refusal is one reason line; nothing throws.
 */
import fs from 'node:fs'

/** The largest essay histlint reads (bytes). Larger inputs get a clear message, not an out-of-memory crash. */
export const maxInputBytes = 8 * 1024 * 1024

export type ReadResult = {readonly ok: true; readonly value: string} | {readonly ok: false; readonly reason: string}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/** Decode bytes as an essay: UTF-8, no NUL bytes, a leading BOM dropped. */
export function decodeEssay(bytes: Uint8Array): ReadResult {
  if (bytes.length > maxInputBytes) return tooLarge(bytes.length)
  if (bytes.includes(0)) return {ok: false, reason: 'binary file (contains NUL bytes), not an essay'}
  try {
    return {ok: true, value: utf8.decode(bytes)}
  } catch {
    return {ok: false, reason: 'not valid UTF-8'}
  }
}

const reasons: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory, expected a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links (a link loop?)',
  ENAMETOOLONG: 'path is too long'
}

/** A file-system error as one plain reason, without Node's code and path prefix. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  return reasons[code] ?? (error as Error).message
}

function tooLarge(size: number): ReadResult {
  return {ok: false, reason: `file is larger than the ${maxInputBytes / 1024 / 1024} MiB limit (${size} bytes)`}
}

export function readEssay(filePath: string): ReadResult {
  let bytes: Buffer
  try {
    const stat = fs.statSync(filePath)
    if (stat.isDirectory()) return {ok: false, reason: reasons.EISDIR as string}
    if (!stat.isFile()) return {ok: false, reason: 'not a regular file (a device, socket or pipe)'}
    if (stat.size > maxInputBytes) return tooLarge(stat.size)
    bytes = fs.readFileSync(filePath)
  } catch (error) {
    return {ok: false, reason: describeFsError(error)}
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxInputBytes) return tooLarge(bytes.length)
  return decodeEssay(bytes)
}
