/** The package version, read from package.json so it is never out of step. */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

function findVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = path.join(dir, 'package.json')
    if (fs.existsSync(file)) {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {name?: string; version?: string}
      if (data.name === 'histlint' && data.version) return data.version
    }
    const parent = path.dirname(dir)
    if (parent === dir) return '0.0.0'
    dir = parent
  }
}

export const version = findVersion()
