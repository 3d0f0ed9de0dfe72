/**
 * Expand the CLI's path arguments: files as given, folders recursively
 * (`.md`, `.markdown`, `.txt`), and globs. Problems are collected, not thrown,
 * so one bad path never stops the others from being linted.
 */
import fs from 'node:fs'
import path from 'node:path'
import {globSync, isDynamicPattern} from 'tinyglobby'
import {describeFsError} from '../io/read.js'

export const lintableExtensions = ['.md', '.markdown', '.txt']
const skippedFolders = new Set(['node_modules', '.git'])

export interface Expansion {
  readonly files: string[]
  readonly problems: {path: string; reason: string}[]
}

/**
 * Collect the lintable files under `dir`. Symbolic links are followed (a linked
 * essay is still an essay) but each real folder is walked once, so a link loop
 * ends; a folder or link that cannot be read becomes a problem, not a crash.
 */
function walk(dir: string, out: string[], problems: Expansion['problems'], seen: Set<string>, cwd: string): void {
  let real: string
  let entries: fs.Dirent[]
  try {
    real = fs.realpathSync(dir)
    if (seen.has(real)) return
    seen.add(real)
    entries = fs.readdirSync(dir, {withFileTypes: true})
  } catch (error) {
    problems.push({path: path.relative(cwd, dir) || dir, reason: describeFsError(error)})
    return
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || skippedFolders.has(entry.name)) continue
    const full = path.join(dir, entry.name)
    let isDirectory = entry.isDirectory()
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full)
        isDirectory = target.isDirectory()
        isFile = target.isFile()
      } catch (error) {
        // A dangling link or a loop: report it only where it looks like an essay.
        if (lintableExtensions.includes(path.extname(entry.name).toLowerCase())) problems.push({path: path.relative(cwd, full), reason: describeFsError(error)})
        continue
      }
    }
    if (isDirectory) walk(full, out, problems, seen, cwd)
    else if (isFile && lintableExtensions.includes(path.extname(entry.name).toLowerCase())) out.push(full)
  }
}

export function expandPaths(args: readonly string[], cwd = process.cwd()): Expansion {
  const files: string[] = []
  const problems: Expansion['problems'] = []
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const found = globSync(arg, {cwd, onlyFiles: true, ignore: ['**/node_modules/**']}).sort()
      if (found.length === 0) problems.push({path: arg, reason: 'no files match this pattern'})
      for (const f of found) files.push(path.relative(cwd, path.resolve(cwd, f)) || f)
      continue
    }
    let stat: fs.Stats
    try {
      stat = fs.statSync(path.resolve(cwd, arg))
    } catch (error) {
      problems.push({path: arg, reason: describeFsError(error)})
      continue
    }
    if (stat.isDirectory()) {
      const found: string[] = []
      walk(path.resolve(cwd, arg), found, problems, new Set(), cwd)
      for (const f of found) files.push(path.relative(cwd, f))
    } else files.push(arg)
  }
  return {files: [...new Set(files)], problems}
}
