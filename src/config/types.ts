/** The shapes of histlint's configuration, shared by the CLI and the language server. */
import type {HistlintOptions} from '../plugin.js'
import type {RuleSet, SeveritySetting} from '../rules/types.js'

/** What a config file may say (`.histlintrc*` or the `histlint` field of package.json). */
export interface HistlintConfig {
  /** Per-rule severity: "off" | "info" | "warning" | "error". */
  readonly rules: Readonly<Record<string, SeveritySetting>>
  /** Extra rule packs: folders (relative to the config file) or npm package names. */
  readonly packs: readonly string[]
  /** Phrases: a sentence containing one of them is never flagged. */
  readonly allowlist: readonly string[]
  /** Report supported claims without a citation ("citation needed"), as `--citations` does. */
  readonly citations?: boolean
}

/** The settings that apply to one essay, with the rule set they select. */
export interface ResolvedConfig {
  /** The config file the settings came from; null when none applies (defaults). */
  readonly configFile: string | null
  readonly ruleSet: RuleSet
  readonly severities: Readonly<Record<string, SeveritySetting>>
  readonly allowlist: readonly string[]
  /** Absolute folders of the rule packs in use (config packs, then extra packs). */
  readonly packs: readonly string[]
  /** The plugin options to lint with; one stable object per config, so processors are reused. */
  readonly lintOptions: HistlintOptions
}

export interface LoadConfigOptions {
  /** Use this config file for every essay instead of searching (the CLI's `--config`). */
  readonly configPath?: string
  /** Use no config file at all (the CLI's `--no-config`). */
  readonly noConfig?: boolean
  /** Extra rule-pack folders (absolute), added after the config's packs (the CLI's `--rules`). */
  readonly packs?: readonly string[]
  /** Further plugin options for every essay (such as `citations`), merged into `lintOptions`. */
  readonly plugin?: Omit<HistlintOptions, 'ruleSet' | 'severities'>
}

/** A config file that cannot be used; the message names the file and what is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    reason: string
  ) {
    super(`${file}: ${reason}`)
    this.name = 'ConfigError'
  }
}
