/**
 * Write a file atomically: write a temporary file beside it, flush it to disk,
 * then rename it over the target. An interrupted run (even SIGKILL) leaves the
 * old file whole; at worst a hidden `.name.*.tmp` file stays behind, which
 * histlint never lints (hidden, and not a lintable extension).
 */
import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** The temporary name for `target`: hidden, unique, and never a lintable extension. */
export function temporaryPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

/** Where to write: through a symbolic link to its target, so the link survives. */
function resolveTarget(filePath: string): string {
  try {
    return fs.realpathSync(filePath)
  } catch {
    return path.resolve(filePath)
  }
}

export function writeFileAtomic(filePath: string, data: string | Uint8Array): void {
  const target = resolveTarget(filePath)
  const temp = temporaryPathFor(target)
  let mode: number | undefined
  try {
    mode = fs.statSync(target).mode & 0o7777
  } catch {
    mode = undefined
  }
  let fd: number | undefined
  try {
    // `wx`: never follow or reuse an existing file at the temporary name.
    fd = fs.openSync(temp, 'wx', mode ?? 0o666)
    if (mode !== undefined) fs.fchmodSync(fd, mode)
    fs.writeFileSync(fd, data)
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fd = undefined
    fs.renameSync(temp, target)
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd)
    fs.rmSync(temp, {force: true})
    throw error
  }
}
