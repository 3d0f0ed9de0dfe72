/**
 * The command line: `histlint [options] [path…]`. Returns the exit status
 * instead of exiting, so tests can drive it in-process.
 *
 * Exit status: 0 nothing flagged, 1 something flagged at error level,
 * 2 usage error, unreadable input or an invalid rule file.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {UnlintableInputError} from '../pipeline/guard.js'
import {lintFile} from '../pipeline/processor.js'
import {loadRuleSet, RuleFileError} from '../rules/load.js'
import {reportJson} from '../reporters/json.js'
import {reportStylish} from '../reporters/stylish.js'
import {readEssay} from '../io/read.js'
import {expandPaths} from './files.js'
import {version} from './version.js'

export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly cwd: string
  readonly color?: boolean
}

export const formats = ['stylish', 'json'] as const
type Format = (typeof formats)[number]

export const help = `Usage: histlint [options] [path…]

Flags each sentence of a history essay that asserts a claim about the Korean
War which the opened Soviet and Chinese archives contradict, and cites the
documents. Paths may be files, folders (.md, .markdown, .txt) or globs.

Options:
  -f, --format <name>   stylish (default) or json
  -q, --quiet           report errors only
      --verbose         print each message's full citations
      --rules <dir>     also load the rule files in this folder (repeatable)
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 nothing flagged, 1 something flagged, 2 usage or input error.
`

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: {type: 'string', short: 'f', default: 'stylish'},
        quiet: {type: 'boolean', short: 'q', default: false},
        verbose: {type: 'boolean', default: false},
        rules: {type: 'string', multiple: true, default: []},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false}
      }
    })
  } catch (error) {
    io.stderr(`histlint: ${(error as Error).message}\nTry 'histlint --help'.\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(help)
    return 0
  }
  if (values.version) {
    io.stdout(version + '\n')
    return 0
  }
  const format = values.format as Format
  if (!formats.includes(format)) {
    io.stderr(`histlint: unknown format "${values.format}" (expected ${formats.join(', ')})\n`)
    return 2
  }
  if (positionals.length === 0) {
    io.stderr(`histlint: no paths given\nTry 'histlint --help'.\n`)
    return 2
  }

  let ruleSet
  try {
    ruleSet = loadRuleSet({packs: (values.rules ?? []).map((dir) => path.resolve(io.cwd, dir))})
  } catch (error) {
    if (error instanceof RuleFileError) {
      io.stderr(`histlint: invalid rule file ${error.message}\n`)
      return 2
    }
    throw error
  }

  const {files: paths, problems} = expandPaths(positionals, io.cwd)
  let inputError = problems.length > 0
  for (const problem of problems) io.stderr(`histlint: ${problem.path}: ${problem.reason}\n`)

  const options = {ruleSet}
  const files: VFile[] = []
  for (const filePath of paths) {
    const read = readEssay(path.resolve(io.cwd, filePath))
    if (!read.ok) {
      io.stderr(`histlint: ${filePath}: ${read.reason}\n`)
      inputError = true
      continue
    }
    const file = new VFile({path: filePath, value: read.value, cwd: io.cwd})
    // One file that cannot be linted (too deeply nested, or a bug) must not stop the others.
    try {
      await lintFile(file, options)
    } catch (error) {
      const reason = error instanceof UnlintableInputError ? error.reason : `internal error while linting: ${(error as Error).message}`
      io.stderr(`histlint: ${filePath}: ${reason}\n`)
      inputError = true
      continue
    }
    if (values.quiet) file.messages = file.messages.filter((m) => m.fatal === true)
    files.push(file)
  }

  if (format === 'json') io.stdout(reportJson(files))
  else io.stdout(reportStylish(files, {quiet: values.quiet, verbose: values.verbose, color: io.color}))

  if (inputError) return 2
  return files.some((file) => file.messages.some((m) => m.fatal === true)) ? 1 : 0
}
