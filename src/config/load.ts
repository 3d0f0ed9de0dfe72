/**
 * `loadConfigFor(file)`: the settings and rule set that apply to one essay.
 * Used by the CLI for every file and by the language server for every open
 * document; results are cached per config file, so a course of a hundred
 * essays reads each config once.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {loadRuleSet, RuleFileError} from '../rules/load.js'
import {findConfigFile} from './find.js'
import {parseConfigFile} from './parse.js'
import {ConfigError, type HistlintConfig, type LoadConfigOptions, type ResolvedConfig} from './types.js'

const emptyConfig: HistlintConfig = {rules: {}, packs: [], allowlist: []}
const resolvedCache = new Map<string, ResolvedConfig>()

/**
 * Where a pack lives: a folder relative to the config file, or an npm
 * package (resolved from the config file's folder) whose rule files sit in
 * its `rules/` folder or at its root.
 */
export function resolvePack(pack: string, configFile: string): string {
  const base = path.dirname(configFile)
  if (pack.startsWith('.') || path.isAbsolute(pack)) return path.resolve(base, pack)
  let manifest: string
  try {
    manifest = createRequire(path.join(base, 'noop.js')).resolve(`${pack}/package.json`)
  } catch {
    throw new ConfigError(configFile, `packs: cannot find the rule pack "${pack}" (a folder must start with ./ or ../; a package must be installed)`)
  }
  const root = path.dirname(manifest)
  const rulesFolder = path.join(root, 'rules')
  return fs.existsSync(rulesFolder) ? rulesFolder : root
}

function resolve(configFile: string | null, config: HistlintConfig, extraPacks: readonly string[], plugin: LoadConfigOptions['plugin']): ResolvedConfig {
  const packs = [...(configFile ? config.packs.map((pack) => resolvePack(pack, configFile)) : []), ...extraPacks]
  let ruleSet
  try {
    ruleSet = loadRuleSet({packs})
  } catch (error) {
    if (error instanceof RuleFileError && configFile) throw new ConfigError(configFile, `packs: invalid rule pack: ${error.message}`)
    throw error
  }
  const known = new Set(ruleSet.rules.map((rule) => rule.id))
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) throw new ConfigError(configFile ?? '(settings)', `rules: unknown rule id "${id}" (known: ${[...known].sort().join(', ')})`)
  }
  const severities = {...config.rules}
  return {configFile, ruleSet, severities, allowlist: config.allowlist, packs, lintOptions: {...(config.citations === undefined ? {} : {citations: config.citations}), ...plugin, ruleSet, severities}}
}

/**
 * The settings for one essay: the nearest config above it (or the one given
 * with `configPath`, or none with `noConfig`), its rule packs loaded and its
 * rule ids checked. Throws ConfigError (or RuleFileError for a broken extra
 * pack) with the file named.
 */
export function loadConfigFor(filePath: string, options: LoadConfigOptions = {}): ResolvedConfig {
  const configFile = options.noConfig ? null : options.configPath ? path.resolve(options.configPath) : findConfigFile(filePath)
  const extraPacks = options.packs ?? []
  const key = JSON.stringify([configFile, extraPacks, options.plugin ?? {}])
  const cached = resolvedCache.get(key)
  if (cached) return cached
  if (options.configPath && !fs.existsSync(options.configPath)) throw new ConfigError(options.configPath, 'no such config file')
  const resolved = resolve(configFile, configFile ? parseConfigFile(configFile) : emptyConfig, extraPacks, options.plugin)
  resolvedCache.set(key, resolved)
  return resolved
}

/** Forget loaded configs (for long-running hosts, after a config file changes). */
export function clearResolvedConfigs(): void {
  resolvedCache.clear()
}
