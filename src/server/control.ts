/**
 * Inline control comments, applied to a document's merged findings so the
 * server's own "ignore" and "disable" quick fixes take effect:
 * `<!-- histlint disable RULE… -->` and `<!-- histlint enable RULE… -->` from
 * there on, `<!-- histlint ignore RULE… -->` for the next block; no rule id
 * means every rule (the unified-message-control convention).
 *
 * The CLI applies the same comments with remark-message-control over the
 * whole mdast (src/config/controls.ts). The server keeps this block-level
 * reading because it already has the document split into blocks, and a full
 * Markdown parse on every keystroke would cost more than the lint itself.
 */
import type {Block} from './blocks.js'
import type {Finding} from './lint.js'

interface Control {
  readonly verb: 'disable' | 'enable' | 'ignore'
  /** Empty: every rule. */
  readonly rules: readonly string[]
}

const comment = /^ {0,3}<!--\s*histlint\s+(disable|enable|ignore)\b([^]*?)-->\s*$/

function controlOf(block: Block): Control | undefined {
  const match = comment.exec(block.text)
  if (!match) return undefined
  return {verb: match[1] as Control['verb'], rules: (match[2] ?? '').split(/[\s,]+/).filter((id) => id.length > 0)}
}

/** The rules turned off at a point of the document, as control comments go by. */
class RuleSwitch {
  private allOff = false
  private readonly off = new Set<string>()
  private readonly on = new Set<string>()

  isOff(rule: string): boolean {
    return this.allOff ? !this.on.has(rule) : this.off.has(rule)
  }

  apply(control: Control): void {
    if (control.verb === 'ignore') return
    const disable = control.verb === 'disable'
    if (control.rules.length === 0) {
      this.allOff = disable
      this.off.clear()
      this.on.clear()
      return
    }
    for (const rule of control.rules) {
      ;(disable ? this.off : this.on).add(rule)
      ;(disable ? this.on : this.off).delete(rule)
    }
  }
}

/** Drop the findings that control comments turn off. Findings and blocks are in document order. */
export function applyBlockControls(blocks: readonly Block[], findings: readonly Finding[]): Finding[] {
  if (!blocks.some((block) => block.text.includes('histlint'))) return [...findings]
  const switches = new RuleSwitch()
  const kept: Finding[] = []
  let next = 0
  let ignoreNext: readonly string[] | undefined
  const keep = (finding: Finding, ignoring: readonly string[] | undefined): void => {
    if (switches.isOff(finding.ruleId)) return
    if (ignoring && (ignoring.length === 0 || ignoring.includes(finding.ruleId))) return
    kept.push(finding)
  }
  for (const block of blocks) {
    const end = block.offset + block.text.length
    const ignoring = ignoreNext
    ignoreNext = undefined
    for (; next < findings.length && (findings[next] as Finding).start <= end; next++) keep(findings[next] as Finding, ignoring)
    const control = controlOf(block)
    if (control?.verb === 'ignore') ignoreNext = control.rules
    else if (control) switches.apply(control)
  }
  for (; next < findings.length; next++) keep(findings[next] as Finding, undefined)
  return kept
}
