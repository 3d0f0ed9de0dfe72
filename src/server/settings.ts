/**
 * Workspace settings, as an editor sends them under the `histlint` section:
 * `{"rules": {"stalin-sought-world-war": "off"}}`. Whatever arrives is
 * checked here; values that make no sense are reported, not obeyed.
 */
import type {RuleSet, SeveritySetting} from '../rules/types.js'

export interface ServerSettings {
  /** Per-rule severity overrides; `off` turns a rule off. */
  readonly rules: Readonly<Record<string, SeveritySetting>>
}

export const defaultSettings: ServerSettings = {rules: {}}

const severitySettings: readonly string[] = ['off', 'info', 'warning', 'error']

export interface ParsedSettings {
  readonly settings: ServerSettings
  /** One line per setting that was ignored, for the server's log. */
  readonly problems: readonly string[]
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Read the `histlint` settings section. Accepts the section itself or an
 * object holding it (`{histlint: {...}}`), as clients differ in what they send.
 */
export function parseSettings(raw: unknown, ruleSet: RuleSet): ParsedSettings {
  const section = isObject(raw) && isObject(raw.histlint) ? raw.histlint : raw
  const problems: string[] = []
  const rules: Record<string, SeveritySetting> = {}
  if (!isObject(section)) return {settings: defaultSettings, problems}
  if (section.rules !== undefined && !isObject(section.rules)) problems.push('histlint.rules: expected an object of rule ids to "off", "info", "warning" or "error"')
  const known = new Set(ruleSet.rules.map((rule) => rule.id))
  for (const [id, value] of Object.entries(isObject(section.rules) ? section.rules : {})) {
    if (!known.has(id)) problems.push(`histlint.rules.${id}: no such rule`)
    else if (typeof value !== 'string' || !severitySettings.includes(value)) problems.push(`histlint.rules.${id}: expected "off", "info", "warning" or "error", got ${JSON.stringify(value)}`)
    else rules[id] = value as SeveritySetting
  }
  return {settings: {rules}, problems}
}
