/**
 * Expand the CLI's path arguments: files as given, folders recursively
 * (`.md`, `.markdown`, `.txt`), and globs. Problems are collected, not thrown,
 * so one bad path never stops the others from being linted.
 */
import fs from 'node:fs'
import path from 'node:path'
import {globSync, isDynamicPattern} from 'tinyglobby'

export const lintableExtensions = ['.md', '.markdown', '.txt']
const skippedFolders = new Set(['node_modules', '.git'])

export interface Expansion {
  readonly files: string[]
  readonly problems: {path: string; reason: string}[]
}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || skippedFolders.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else if (entry.isFile() && lintableExtensions.includes(path.extname(entry.name).toLowerCase())) out.push(full)
  }
}

export function expandPaths(args: readonly string[], cwd = process.cwd()): Expansion {
  const files: string[] = []
  const problems: Expansion['problems'] = []
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = globSync(arg, {cwd, onlyFiles: true, ignore: ['**/node_modules/**']}).sort()
      if (found.length === 0) problems.push({path: arg, reason: 'no files match this pattern'})
      files.push(...found.map((f) => path.relative(cwd, path.resolve(cwd, f)) || f))
      continue
    }
    let stat: fs.Stats
    try {
      stat = fs.statSync(path.resolve(cwd, arg))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      problems.push({path: arg, reason: code === 'ENOENT' ? 'no such file or directory' : (error as Error).message})
      continue
    }
    if (stat.isDirectory()) {
      const found: string[] = []
      walk(path.resolve(cwd, arg), found)
      files.push(...found.map((f) => path.relative(cwd, f)))
    } else files.push(arg)
  }
  return {files: [...new Set(files)], problems}
}
