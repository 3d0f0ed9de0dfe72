#!/usr/bin/env node
/**
 * `histlint-language-server --stdio`: the language server over stdin/stdout
 * (`--node-ipc` and `--socket=PORT` work too, as vscode-languageserver reads
 * them from the command line).
 */
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {version} from '../cli/version.js'
import {loadRuleSet} from '../rules/load.js'
import {startServer} from './server.js'

const usage = `Usage: histlint-language-server --stdio

The histlint language server: diagnostics, cited hovers and quick fixes for
Markdown and plain-text essays. Editors start it; see docs/editors.md.
`

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage)
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(version + '\n')
} else if (!args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
  process.stderr.write(`histlint-language-server: no transport given\n${usage}`)
  process.exitCode = 2
} else {
  const connection = createConnection(ProposedFeatures.all)
  // Rules are loaded once: a broken rule file is reported and the server exits, as the CLI does.
  let ruleSet
  try {
    ruleSet = loadRuleSet()
  } catch (error) {
    process.stderr.write(`histlint-language-server: ${(error as Error).message}\n`)
    process.exit(2)
  }
  startServer(connection, ruleSet)
}
