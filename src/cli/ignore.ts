/**
 * `.histlintignore` (gitignore syntax, read with the `ignore` package): the
 * nearest one in the working directory or above, or the file given with
 * `--ignore-path`. Patterns are relative to the ignore file's folder.
 */
import fs from 'node:fs'
import path from 'node:path'
import ignore from 'ignore'

export const ignoreName = '.histlintignore'

export interface IgnoreFilter {
  /** The ignore file in use; null when there is none. */
  readonly file: string | null
  readonly ignores: (filePath: string) => boolean
}

function findIgnoreFile(cwd: string): string | null {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, ignoreName)
    if (fs.existsSync(file)) return file
    if (path.dirname(dir) === dir) return null
  }
}

/** Load the ignore filter; throws with a clear message when `--ignore-path` cannot be read. */
export function loadIgnoreFilter(cwd: string, ignorePath?: string): IgnoreFilter {
  const file = ignorePath ? path.resolve(cwd, ignorePath) : findIgnoreFile(cwd)
  if (!file) return {file: null, ignores: () => false}
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new Error(`${ignorePath ?? file}: cannot read ignore file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
  }
  const matcher = ignore().add(text)
  const base = path.dirname(file)
  return {
    file,
    ignores(filePath) {
      const relative = path.relative(base, path.resolve(cwd, filePath))
      // Files outside the ignore file's folder are not governed by it.
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false
      return matcher.ignores(relative.split(path.sep).join('/'))
    }
  }
}
