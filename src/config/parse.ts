/**
 * Read and validate one config file. Every problem is a ConfigError naming
 * the file and the setting, so a typo never silently changes what is checked.
 */
import fs from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import type {SeveritySetting} from '../rules/types.js'
import {packageField} from './find.js'
import {ConfigError, type HistlintConfig} from './types.js'

export const severitySettings: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error']
const knownKeys = ['rules', 'packs', 'allowlist', 'citations', '$schema']

function readData(file: string): unknown {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(file, `cannot read config: ${(error as Error).message}`)
  }
  const base = path.basename(file)
  try {
    if (base === 'package.json') return (JSON.parse(text) as Record<string, unknown>)[packageField]
    if (/\.ya?ml$/.test(base)) return YAML.parse(text, {prettyErrors: false})
    return JSON.parse(text)
  } catch (error) {
    const kind = /\.ya?ml$/.test(base) ? 'YAML' : 'JSON'
    throw new ConfigError(file, `malformed config (invalid ${kind}): ${(error as Error).message.split('\n')[0]}`)
  }
}

function stringList(file: string, value: unknown, name: string): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim().length > 0))
    throw new ConfigError(file, `${name}: expected a list of non-empty strings, got ${JSON.stringify(value)}`)
  return value as string[]
}

/** Parse a config file into settings; rule ids are checked later, against the rule set the packs select. */
export function parseConfigFile(file: string): HistlintConfig {
  const data = readData(file)
  const where = path.basename(file) === 'package.json' ? `the "${packageField}" field` : 'the config'
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ConfigError(file, `malformed config: ${where} must be an object such as {"rules": {"stalin-sought-world-war": "warning"}}`)
  const object = data as Record<string, unknown>
  for (const key of Object.keys(object))
    if (!knownKeys.includes(key)) throw new ConfigError(file, `unknown setting "${key}" (known: rules, packs, allowlist, citations)`)
  const rulesData = object.rules ?? {}
  if (typeof rulesData !== 'object' || rulesData === null || Array.isArray(rulesData))
    throw new ConfigError(file, 'rules: expected an object of rule ids to "off" | "info" | "warning" | "error"')
  const rules: Record<string, SeveritySetting> = {}
  for (const [id, setting] of Object.entries(rulesData)) {
    if (!severitySettings.includes(setting as SeveritySetting))
      throw new ConfigError(file, `rules.${id}: expected "off" | "info" | "warning" | "error", got ${JSON.stringify(setting)}`)
    rules[id] = setting as SeveritySetting
  }
  if (object.citations !== undefined && typeof object.citations !== 'boolean') throw new ConfigError(file, `"citations" must be true or false, got ${JSON.stringify(object.citations)}`)
  return {
    rules,
    packs: stringList(file, object.packs, 'packs'),
    allowlist: stringList(file, object.allowlist, 'allowlist'),
    ...(object.citations === undefined ? {} : {citations: object.citations})
  }
}
