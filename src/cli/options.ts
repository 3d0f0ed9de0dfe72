/**
 * The CLI's options as one table: parseArgs' configuration and the help text
 * both come from it, so adding an option is adding one row.
 */
import {parseArgs} from 'node:util'

export interface OptionSpec {
  readonly name: string
  readonly short?: string
  readonly type: 'string' | 'boolean'
  readonly multiple?: boolean
  /** The argument's name in the help text (string options). */
  readonly arg?: string
  readonly help: string
}

export const formats = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const
export type Format = (typeof formats)[number]

export const optionTable: OptionSpec[] = [
  {name: 'format', short: 'f', type: 'string', arg: 'name', help: `output format: ${formats.join(', ')} (default stylish)`},
  {name: 'output', short: 'o', type: 'string', arg: 'file', help: 'write the report to this file (atomically) instead of stdout'},
  {name: 'quiet', short: 'q', type: 'boolean', help: 'report errors only (warnings still count for --max-warnings)'},
  {name: 'max-warnings', type: 'string', arg: 'n', help: 'exit 1 when there are more than n warnings'},
  {name: 'verbose', type: 'boolean', help: "print each message's full citations (stylish)"},
  {name: 'config', short: 'c', type: 'string', arg: 'file', help: 'use this config file for every essay (no search)'},
  {name: 'no-config', type: 'boolean', help: 'use no config file'},
  {name: 'ignore-path', type: 'string', arg: 'file', help: 'use this ignore file instead of .histlintignore'},
  {name: 'rules', type: 'string', multiple: true, arg: 'dir', help: 'also load the rule files in this folder (repeatable)'},
  {name: 'citations', type: 'boolean', help: 'also report supported claims that cite nothing ("citation needed")'},
  {name: 'jobs', short: 'j', type: 'string', arg: 'n|auto', help: 'lint on n threads (auto: one per core) from 8 essays up (default 1)'},
  {name: 'stdin', type: 'boolean', help: 'read one essay from standard input'},
  {name: 'stdin-filename', type: 'string', arg: 'path', help: 'the path of the essay read from stdin (for config, syntax, report)'},
  {name: 'baseline', type: 'string', arg: 'file', help: 'report only flags not recorded in this baseline'},
  {name: 'write-baseline', type: 'string', arg: 'file', help: 'record the current flags in this baseline file, exit 0'},
  {name: 'help', short: 'h', type: 'boolean', help: 'show this help'},
  {name: 'version', short: 'v', type: 'boolean', help: 'show the version'}
]

export type OptionValues = Record<string, string | boolean | string[] | undefined>

export function parseOptions(argv: readonly string[], table: readonly OptionSpec[] = optionTable): {values: OptionValues; positionals: string[]} {
  const options = Object.fromEntries(
    table.map((spec) => [spec.name, {type: spec.type, ...(spec.short ? {short: spec.short} : {}), ...(spec.multiple ? {multiple: true} : {})}])
  )
  const {values, positionals} = parseArgs({args: [...argv], allowPositionals: true, strict: true, options})
  return {values: values as OptionValues, positionals}
}

function helpLine(spec: OptionSpec): string {
  const flags = `${spec.short ? `-${spec.short}, ` : '    '}--${spec.name}${spec.arg ? ` <${spec.arg}>` : ''}`
  return `  ${flags.padEnd(28)}${spec.help}`
}

export function helpText(table: readonly OptionSpec[] = optionTable): string {
  return `Usage: histlint [options] [path…]
       histlint --stdin [--stdin-filename essay.md] < essay.md
       histlint cite DOCUMENT-ID… [--style chicago|mla|apa]

Flags each sentence of a history essay that asserts a claim about the Korean
War which the opened Soviet and Chinese archives contradict, and cites the
documents. Paths may be files, folders (.md, .markdown, .txt) or globs.
Settings come from the nearest .histlintrc, .histlintrc.json, .histlintrc.yaml,
.histlintrc.yml or package.json "histlint" field above each essay.

Options:
${table.map(helpLine).join('\n')}

Exit status: 0 nothing flagged at error level, 1 an error-level flag (or more
warnings than --max-warnings), 2 usage, config or input error.
`
}
