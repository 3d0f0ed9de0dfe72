/**
 * Config discovery, the way remark and alex do it (unified-engine's
 * cascade): from the essay's folder upward, the first folder holding a config
 * wins, and its settings apply whole (no merging with configs further up), so
 * a nested folder's config is the only one a reader of that folder must read.
 *
 * Why not unified-engine itself: its configuration is a list of unified
 * plugins with settings and it owns file discovery, reporting and the exit
 * status, while histlint's settings are data (severities, packs, allowlist)
 * and the CLI must control output formats, baselines and exit codes. The
 * cascade is the one piece we need, and it is a few lines.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Config file names, in the order they are tried within one folder. */
export const configNames = ['.histlintrc', '.histlintrc.json', '.histlintrc.yaml', '.histlintrc.yml', 'package.json'] as const

/** The field of package.json that holds histlint's settings. */
export const packageField = 'histlint'

const folderCache = new Map<string, string | null>()

function hasPackageField(file: string): boolean {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
    return typeof data === 'object' && data !== null && packageField in data
  } catch {
    // A broken package.json without our field is not ours to report.
    return false
  }
}

/** The config file of one folder, if it has one. */
function configIn(dir: string): string | null {
  for (const name of configNames) {
    const file = path.join(dir, name)
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue
    if (name === 'package.json' && !hasPackageField(file)) continue
    return file
  }
  return null
}

/** The config file that applies to a path: the nearest one in its folder or above; null if none. */
export function findConfigFile(filePath: string): string | null {
  let dir = path.dirname(path.resolve(filePath))
  const visited: string[] = []
  let found: string | null = null
  for (;;) {
    const cached = folderCache.get(dir)
    if (cached !== undefined) {
      found = cached
      break
    }
    visited.push(dir)
    found = configIn(dir)
    if (found) break
    const parent = path.dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  for (const folder of visited) folderCache.set(folder, found)
  return found
}

/** Forget what was found (for long-running hosts such as the language server, after a config changes). */
export function clearConfigCache(): void {
  folderCache.clear()
}
