/**
 * The command line: `histlint [options] [path…]`. Returns the exit status
 * instead of exiting, so tests can drive it in-process.
 *
 * Exit status: 0 nothing flagged at error level; 1 an error-level flag, or
 * more warnings than --max-warnings; 2 usage error, config error, unreadable
 * input or an invalid rule file.
 */
import path from 'node:path'
import type {VFile} from 'vfile'
import {ConfigError, loadConfigFor, type LoadConfigOptions, type ResolvedConfig} from '../config/index.js'
import {decodeEssay, readEssay, type ReadResult} from '../io/read.js'
import {writeFileAtomic} from '../io/write.js'
import {reportContext} from '../reporters/context.js'
import {RuleFileError} from '../rules/load.js'
import type {RuleSet} from '../rules/types.js'
import {applyBaseline, createBaseline, readBaseline, writeBaseline} from './baseline.js'
import {runCite} from './cite.js'
import {expandPaths} from './files.js'
import {loadIgnoreFilter} from './ignore.js'
import {lintEssay, rebuilt, type EssayJob, type LintedEssay, type PostedEssay} from './lint-essay.js'
import {formats, helpText, parseOptions, type Format, type OptionValues} from './options.js'
import {jobsOf, LintPool, minEssaysForParallel} from './parallel.js'
import {formatReport} from './report.js'
import {version} from './version.js'

export interface Io {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly cwd: string
  readonly color?: boolean
  /** Standard input, read whole (for `--stdin`). */
  readonly readStdin?: () => Promise<Uint8Array>
  /** Worker threads already started for `--jobs` (bin.ts starts them before loading the linter); run() starts them itself otherwise. */
  readonly pool?: LintPool
}

export {formats}
export const help = helpText()

/** A usage, config or input problem: reported on stderr, exit 2. */
class UsageError extends Error {}

interface Settings {
  readonly format: Format
  readonly quiet: boolean
  readonly verbose: boolean
  readonly maxWarnings: number | undefined
  readonly output: string | undefined
  readonly config: LoadConfigOptions
  readonly stdin: boolean
  readonly stdinFilename: string | undefined
  readonly baseline: string | undefined
  readonly writeBaseline: string | undefined
  /** Threads to lint on (`--jobs`), before capping by the number of essays. */
  readonly jobs: number
}

const str = (value: OptionValues[string]): string | undefined => (typeof value === 'string' ? value : undefined)

function settingsOf(values: OptionValues, positionals: readonly string[], cwd: string): Settings {
  const format = str(values.format) ?? 'stylish'
  if (!formats.includes(format as Format)) throw new UsageError(`unknown format "${format}" (expected ${formats.join(', ')})`)
  const maxText = str(values['max-warnings'])
  if (maxText !== undefined && !/^\d+$/.test(maxText)) throw new UsageError(`--max-warnings expects a whole number, got "${maxText}"`)
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together')
  const stdin = values.stdin === true
  if (stdin && positionals.length > 0) throw new UsageError('--stdin reads one essay from standard input; give no paths with it')
  if (!stdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename needs --stdin')
  if (!stdin && positionals.length === 0) throw new UsageError('no paths given')
  if (values.baseline !== undefined && values['write-baseline'] !== undefined) throw new UsageError('--baseline and --write-baseline cannot be used together')
  const jobs = jobsOf(str(values.jobs))
  if (jobs === undefined) throw new UsageError(`--jobs expects a whole number from 1 or "auto", got "${str(values.jobs)}"`)
  const packs = (Array.isArray(values.rules) ? values.rules : []).map((dir) => path.resolve(cwd, dir))
  const configPath = str(values.config)
  return {
    format: format as Format,
    quiet: values.quiet === true,
    verbose: values.verbose === true,
    maxWarnings: maxText === undefined ? undefined : Number(maxText),
    output: str(values.output),
    config: {
      configPath: configPath === undefined ? undefined : path.resolve(cwd, configPath),
      noConfig: values['no-config'] === true,
      packs,
      ...(values.citations === true ? {plugin: {citations: true}} : {})
    },
    stdin,
    stdinFilename: str(values['stdin-filename']),
    baseline: str(values.baseline),
    writeBaseline: str(values['write-baseline']),
    jobs
  }
}

/** An essay to lint: its path as reported and its text (or why it could not be read). */
interface Input {
  readonly path: string | undefined
  readonly read: ReadResult
}

async function inputsOf(settings: Settings, positionals: readonly string[], io: Io, ignorePath: string | undefined): Promise<{inputs: Input[]; problems: string[]}> {
  if (settings.stdin) {
    if (!io.readStdin) throw new UsageError('standard input is not available')
    return {inputs: [{path: settings.stdinFilename, read: decodeEssay(await io.readStdin())}], problems: []}
  }
  let filter
  try {
    filter = loadIgnoreFilter(io.cwd, ignorePath)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const {files, problems} = expandPaths(positionals, io.cwd)
  const explicit = new Set(positionals.map((p) => path.resolve(io.cwd, p)))
  const inputs: Input[] = []
  const notices: string[] = problems.map((problem) => `${problem.path}: ${problem.reason}`)
  for (const file of files) {
    if (filter.ignores(file)) {
      // Folders and globs skip ignored files silently; a file named on the command line gets a word.
      if (explicit.has(path.resolve(io.cwd, file))) io.stderr(`histlint: ${file}: ignored by ${path.relative(io.cwd, filter.file ?? '') || filter.file}\n`)
      continue
    }
    inputs.push({path: file, read: readEssay(path.resolve(io.cwd, file))})
  }
  return {inputs, problems: notices}
}

type ReadableInput = Input & {readonly path: string; readonly read: {readonly ok: true; readonly value: string}}

/**
 * Lint the readable inputs on `settings.jobs` threads (see src/cli/parallel.ts)
 * when there are enough of them to pay for a worker's start-up; undefined
 * otherwise, or when an essay's config fails to load (lintInputs then lints
 * one by one and reports that failure exactly as it always has).
 */
async function lintInParallel(inputs: readonly Input[], settings: Settings, io: Io): Promise<Map<Input, LintedEssay> | undefined> {
  const essays = inputs.filter((input): input is ReadableInput => input.read.ok && input.path !== undefined)
  const threads = Math.min(settings.jobs, essays.length)
  if (threads < 2 || essays.length < minEssaysForParallel) {
    await io.pool?.close()
    return undefined
  }
  const pool = io.pool ?? new LintPool()
  pool.resize(threads - 1)
  const job: EssayJob = {essays: essays.map((essay) => ({path: essay.path, text: essay.read.value})), cwd: io.cwd, config: settings.config}
  // The workers start (and load their rules) while this thread loads the configs.
  const sharing = pool.begin(job.essays.length, job, (index, posted) => rebuilt(posted as PostedEssay, essays[index]!.path, essays[index]!.read.value, io.cwd))
  let configs: ResolvedConfig[]
  try {
    configs = essays.map((essay) => loadConfigFor(path.resolve(io.cwd, essay.path), settings.config))
  } catch {
    await pool.close()
    return undefined
  }
  const linted = await sharing.finish((index) => lintEssay(essays[index]!.path, essays[index]!.read.value, io.cwd, configs[index]!))
  return new Map(essays.map((essay, index) => [essay, linted[index]!]))
}

async function lintInputs(inputs: readonly Input[], settings: Settings, io: Io): Promise<{files: VFile[]; ruleSets: Set<RuleSet>; inputError: boolean}> {
  const lintedInParallel = await lintInParallel(inputs, settings, io)
  const files: VFile[] = []
  const ruleSets = new Set<RuleSet>()
  let inputError = false
  for (const input of inputs) {
    if (!input.read.ok) {
      io.stderr(`histlint: ${input.path ?? '<stdin>'}: ${input.read.reason}\n`)
      inputError = true
      continue
    }
    // The config of stdin is found from the name it is given, else from the working directory.
    const config: ResolvedConfig = loadConfigFor(path.resolve(io.cwd, input.path ?? 'stdin.md'), settings.config)
    ruleSets.add(config.ruleSet)
    const linted = lintedInParallel?.get(input) ?? (await lintEssay(input.path, input.read.value, io.cwd, config))
    if ('unlintable' in linted) {
      // Too deeply nested to lint safely: one line, and the other files are still linted.
      io.stderr(`histlint: ${input.path ?? '<stdin>'}: ${linted.unlintable}\n`)
      inputError = true
      continue
    }
    files.push(linted.file)
  }
  return {files, ruleSets, inputError}
}

const count = (files: readonly VFile[], fatal: boolean | undefined): number =>
  files.reduce((sum, file) => sum + file.messages.filter((m) => m.fatal === fatal).length, 0)

export async function run(argv: readonly string[], io: Io): Promise<number> {
  // Subcommand: the bibliography (src/cli/cite.ts).
  if (argv[0] === 'cite') return runCite(argv.slice(1), io)
  try {
    const {values, positionals} = parseOptionsOrThrow(argv)
    if (values.help) {
      io.stdout(help)
      return 0
    }
    if (values.version) {
      io.stdout(version + '\n')
      return 0
    }
    const settings = settingsOf(values, positionals, io.cwd)
    const baseline = settings.baseline ? readBaselineOrThrow(path.resolve(io.cwd, settings.baseline), settings.baseline) : undefined
    const {inputs, problems} = await inputsOf(settings, positionals, io, str(values['ignore-path']))
    for (const problem of problems) io.stderr(`histlint: ${problem}\n`)
    const {files, ruleSets, inputError} = await lintInputs(inputs, settings, io)

    if (baseline) applyBaseline(files, baseline, io.cwd)
    if (settings.writeBaseline) {
      const recorded = createBaseline(files, io.cwd)
      writeBaseline(path.resolve(io.cwd, settings.writeBaseline), recorded)
      io.stderr(`histlint: recorded ${recorded.flags.length} flag${recorded.flags.length === 1 ? '' : 's'} in ${settings.writeBaseline}\n`)
    }
    const errors = count(files, true)
    const warnings = count(files, false)
    if (settings.quiet) for (const file of files) file.messages = file.messages.filter((m) => m.fatal === true)

    const context = reportContext(io.cwd, ruleSets.size > 0 ? ruleSets : [loadConfigFor(path.join(io.cwd, 'stdin.md'), settings.config).ruleSet])
    const report = formatReport(settings.format, files, context, {quiet: settings.quiet, verbose: settings.verbose, color: io.color && !settings.output})
    if (settings.output) writeFileAtomic(path.resolve(io.cwd, settings.output), report)
    else io.stdout(report)

    if (inputError || problems.length > 0) return 2
    if (settings.writeBaseline) return 0
    if (errors > 0) return 1
    if (settings.maxWarnings !== undefined && warnings > settings.maxWarnings) {
      io.stderr(`histlint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${settings.maxWarnings}\n`)
      return 1
    }
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`histlint: ${error.message}\nTry 'histlint --help'.\n`)
      return 2
    }
    if (error instanceof ConfigError) {
      io.stderr(`histlint: invalid config ${error.message}\n`)
      return 2
    }
    if (error instanceof RuleFileError) {
      io.stderr(`histlint: invalid rule file ${error.message}\n`)
      return 2
    }
    if ((error as NodeJS.ErrnoException).syscall) {
      io.stderr(`histlint: ${(error as Error).message}\n`)
      return 2
    }
    throw error
  }
}

function parseOptionsOrThrow(argv: readonly string[]): ReturnType<typeof parseOptions> {
  try {
    return parseOptions(argv)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

function readBaselineOrThrow(file: string, name: string): ReturnType<typeof readBaseline> {
  try {
    return readBaseline(file, name)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}
