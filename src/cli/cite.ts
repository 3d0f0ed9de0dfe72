/**
 * `histlint cite DOCUMENT-ID… [--style chicago|mla|apa]`: print the full
 * reference of catalogue documents, in the style that histlint's footnotes
 * use, so a student can cite the document a message names.
 *
 * Exit status: 0 printed, 2 usage error, unknown document or invalid rules.
 */
import {parseArgs} from 'node:util'
import {bibliographyStyles, defaultStyle, formatReference, isBibliographyStyle} from '../evidence/bibliography.js'
import {loadRuleSet, RuleFileError} from '../rules/load.js'
import type {EvidenceDocument} from '../rules/types.js'
import type {Io} from './run.js'

export const citeHelp = `Usage: histlint cite [options] DOCUMENT-ID…

Prints the full reference of each document of histlint's catalogue (the ids
that histlint's messages name), for a footnote or a bibliography.

Options:
  -s, --style <name>   chicago (notes, default), mla or apa
  -l, --list           list the catalogue: id, date and title
  -h, --help           show this help
`

/** Ids that share the longest prefix with an unknown id: a hint for typos. */
function closeIds(id: string, documents: ReadonlyMap<string, EvidenceDocument>): string[] {
  const shared = (other: string) => {
    let n = 0
    while (n < id.length && n < other.length && id[n] === other[n]) n++
    return n
  }
  const best = Math.max(0, ...[...documents.keys()].map(shared))
  if (best < 4) return []
  return [...documents.keys()].filter((other) => shared(other) === best).slice(0, 5)
}

export function runCite(argv: readonly string[], io: Io): number {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        style: {type: 'string', short: 's', default: defaultStyle},
        list: {type: 'boolean', short: 'l', default: false},
        help: {type: 'boolean', short: 'h', default: false}
      }
    })
  } catch (error) {
    io.stderr(`histlint cite: ${(error as Error).message}\nTry 'histlint cite --help'.\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    io.stdout(citeHelp)
    return 0
  }
  const style = values.style ?? defaultStyle
  if (!isBibliographyStyle(style)) {
    io.stderr(`histlint cite: unknown style "${style}" (expected ${bibliographyStyles.join(', ')})\n`)
    return 2
  }
  let documents: ReadonlyMap<string, EvidenceDocument>
  try {
    documents = loadRuleSet().documents
  } catch (error) {
    if (error instanceof RuleFileError) {
      io.stderr(`histlint cite: invalid rule file ${error.message}\n`)
      return 2
    }
    throw error
  }
  if (values.list) {
    for (const doc of documents.values()) io.stdout(`${doc.id}  ${doc.date}  ${doc.title}\n`)
    return 0
  }
  if (positionals.length === 0) {
    io.stderr(`histlint cite: no document id given\nTry 'histlint cite --list' for the catalogue.\n`)
    return 2
  }
  let status = 0
  for (const id of positionals) {
    const doc = documents.get(id)
    if (!doc) {
      const close = closeIds(id, documents)
      io.stderr(`histlint cite: unknown document "${id}"${close.length > 0 ? ` (did you mean ${close.join(', ')}?)` : ''}\n`)
      status = 2
      continue
    }
    io.stdout(formatReference(doc, style) + '\n')
  }
  return status
}
