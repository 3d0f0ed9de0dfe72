/**
 * Write a file atomically: write a temporary file beside it, then rename it
 * over the target. An interrupted run leaves the old file whole.
 */
import fs from 'node:fs'
import path from 'node:path'

export function writeFileAtomic(filePath: string, data: string): void {
  const dir = path.dirname(path.resolve(filePath))
  const temp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${Date.now()}.tmp`)
  try {
    fs.writeFileSync(temp, data)
    fs.renameSync(temp, filePath)
  } catch (error) {
    fs.rmSync(temp, {force: true})
    throw error
  }
}
