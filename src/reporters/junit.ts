/**
 * `--format junit`: JUnit XML for CI systems that show test reports: one
 * test case per essay, one failure per flag.
 */
import type {VFile} from 'vfile'
import {reportPath, type ReportContext} from './context.js'
import {toJsonMessage} from './json.js'

/** Escape text for XML content and attribute values; drop characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

function where(json: ReturnType<typeof toJsonMessage>): string {
  if (json.line === null) return ''
  const start = `${json.line}:${json.column ?? 1}`
  return json.endLine !== null ? `${start}-${json.endLine}:${json.endColumn ?? 1}` : start
}

export function reportJunit(files: readonly VFile[], context: ReportContext): string {
  const failed = files.filter((file) => file.messages.length > 0).length
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="histlint" tests="${files.length}" failures="${failed}">`,
    `  <testsuite name="histlint" tests="${files.length}" failures="${failed}" errors="0">`
  ]
  for (const file of files) {
    const name = escapeXml(reportPath(file, context.cwd))
    if (file.messages.length === 0) {
      lines.push(`    <testcase classname="histlint" name="${name}"/>`)
      continue
    }
    lines.push(`    <testcase classname="histlint" name="${name}">`)
    for (const message of file.messages) {
      const json = toJsonMessage(message)
      const body = [`${where(json)} ${json.severity} ${json.message}`, ...(json.url ? [`Evidence: ${json.url}`] : [])].join('\n')
      lines.push(`      <failure type="${escapeXml(json.ruleId ?? 'histlint')}" message="${escapeXml(`${where(json)} ${json.message}`)}">${escapeXml(body)}</failure>`)
    }
    lines.push('    </testcase>')
  }
  lines.push('  </testsuite>', '</testsuites>')
  return lines.join('\n') + '\n'
}
