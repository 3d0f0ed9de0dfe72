/**
 * Generators for the fuzz tests: Markdown and plain text built from random
 * nestings of lists, blockquotes, emphasis, links, footnotes, tables, HTML and
 * code, over text mixing every kind of Unicode a pasted essay can hold.
 *
 * CI runs a fixed seed and a bounded number of runs; set FUZZ_RUNS (and
 * optionally FUZZ_SEED) for a longer local run, e.g. `FUZZ_RUNS=5000 npx vitest run tests/fuzz-`.
 */
import fc from 'fast-check'

export const fuzzParameters = {
  seed: Number(process.env.FUZZ_SEED ?? 20261127),
  numRuns: Number(process.env.FUZZ_RUNS ?? 60),
  // Print the seed and path of any counterexample, so it can be replayed.
  verbose: 1 as const
}

/** Per-test timeout that grows with FUZZ_RUNS, so long local runs do not time out. */
export const fuzzTimeout = {timeout: 30_000 + fuzzParameters.numRuns * 500}

/** Words that can be part of a claim, so the matcher and the scope analysis get exercised. */
const claimWords = ['Stalin', 'ordered', 'Kim', 'Il', 'Sung', 'to', 'invade', 'the', 'South', 'attacked', 'first', 'not', 'never', 'if', 'claimed', 'that', 'Moscow', 'Soviet', 'war', "didn't", 'Il-sung', 'Gen.', 'U.S.']
/** Words no rule is about. */
export const neutralWords = ['river', 'winter', 'archive', 'letter', 'students', 'read', 'quietly', 'a', 'long', 'map', 'of', 'harbour', 'rain', 'library', 'notes', 'in', '1950', 'pages']

/** Unicode a student can paste: combining marks, joined emoji, right-to-left text, zero-width and control characters, lone surrogates, NUL. */
const oddText = [
  'e\u0301', 'Ha\u0308n', '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}', '\u{1F1F0}\u{1F1F7}', '\u{1F44D}\u{1F3FD}',
  '\u05E9\u05DC\u05D5\u05DD', '\u0645\u0631\u062D\u0628\u0627', '\u202Eevil\u202C', '\u200B', '\u200C', '\u200D', '\uFEFF',
  '\uD800', '\uDC00', '\u0000', '\u0007', '\u00A0', '\u2028', '\u3000', '\uFFFD', '\uFFFF', '한국', '朝鲜战争', 'Ｓｔａｌｉｎ',
  '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB', '\u2014', '\u2026'
]

const punctuation = ['.', ',', ';', ':', '?', '!', '"', "'", '(', ')', '[', ']', '*', '_', '`', '<', '>', '&', '#', '|', '\\', '~', '-', '...']

const word = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...claimWords, ...neutralWords)},
  {weight: 2, arbitrary: fc.constantFrom(...oddText)},
  {weight: 1, arbitrary: fc.constantFrom(...punctuation)},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 4})}
)

/** A run of words and oddities, on one line. */
export const phrase = fc.array(word, {minLength: 1, maxLength: 12}).map((words) => words.join(' ').replace(/[\r\n]/g, ' '))

/** Neutral prose in well-formed Markdown: nothing in it can swallow or flag a following paragraph. */
export const neutralBlock = fc
  .tuple(
    fc.constantFrom('paragraph', 'heading', 'list', 'quote', 'fence', 'table'),
    fc.array(fc.oneof({weight: 4, arbitrary: fc.constantFrom(...neutralWords)}, {weight: 1, arbitrary: fc.constantFrom(...oddText.filter((t) => !/[\u0000\u2028]/.test(t)))}), {minLength: 1, maxLength: 10})
  )
  .map(([kind, words]) => {
    const text = words.join(' ')
    switch (kind) {
      case 'heading':
        return `## ${text}`
      case 'list':
        return `- ${text}\n- ${text}.`
      case 'quote':
        return `> ${text}.`
      case 'fence':
        return '```\n' + text + '\n```'
      case 'table':
        return `| ${text} | b |\n| --- | --- |\n| c | d |`
      default:
        return `${text}.`
    }
  })

/** Inline Markdown, nested to a bounded depth. */
const inline: fc.Arbitrary<string> = fc.letrec<{inline: string}>((tie) => ({
  inline: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    phrase,
    tie('inline').map((t) => `*${t}*`),
    tie('inline').map((t) => `**${t}**`),
    tie('inline').map((t) => `_${t}_`),
    tie('inline').map((t) => `~~${t}~~`),
    phrase.map((t) => `\`${t}\``),
    tie('inline').map((t) => `[${t}](https://example.org/page "title")`),
    tie('inline').map((t) => `[${t}][ref]`),
    phrase.map((t) => `![${t}](image.png)`),
    fc.constantFrom('[^1]', '[^note]', '<https://example.org>', 'https://example.org/a', '<span>', '</span>', '<br>', '&amp;', '&#0;', '\\*', '  \n'),
    tie('inline').map((t) => `<em>${t}</em>`),
    fc.tuple(tie('inline'), tie('inline')).map(([a, b]) => `${a} ${b}`),
    // Unbalanced markup: openers without closers.
    tie('inline').map((t) => `*[(\u201C${t}`)
  )
})).inline

/** Block Markdown, nested to a bounded depth. */
const block: fc.Arbitrary<string> = fc.letrec<{block: string}>((tie) => ({
  block: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    inline,
    inline.map((t) => `# ${t}`),
    fc.tuple(fc.integer({min: 1, max: 7}), inline).map(([level, t]) => `${'#'.repeat(level)} ${t}`),
    tie('block').map((b) => prefixLines(b, '> ')),
    tie('block').map((b) => prefixLines(b, '- ', '  ')),
    tie('block').map((b) => prefixLines(b, '1. ', '   ')),
    tie('block').map((b) => prefixLines(b, '* [ ] ', '      ')),
    fc.tuple(fc.constantFrom('```', '~~~', '```js'), phrase).map(([fence, t]) => `${fence}\n${t}\n${fence.slice(0, 3)}`),
    phrase.map((t) => '```\n' + t), // an unclosed fence
    phrase.map((t) => `    ${t}`),
    fc.tuple(inline, inline).map(([a, b]) => `| ${a} | ${b} |\n| --- | :-: |\n| ${b} | ${a} |`),
    inline.map((t) => `<div>\n${t}\n</div>`),
    inline.map((t) => `<!-- ${t} -->`),
    inline.map((t) => `[^1]: ${t}`),
    inline.map((t) => `[ref]: https://example.org "${t}"`),
    fc.constantFrom('---', '***', '<details>', '</details>'),
    fc.tuple(inline, inline).map(([a, b]) => `${a}\n${'='.repeat(3)}\n${b}`),
    fc.array(tie('block'), {minLength: 1, maxLength: 3}).map((blocks) => blocks.join('\n\n'))
  )
})).block

function prefixLines(text: string, first: string, rest = first): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first : rest) + line)
    .join('\n')
}

/** Line endings a file can have; one per document, or mixed. */
const lineEnding = fc.constantFrom('\n', '\r\n', '\r', 'mixed')

function withLineEndings(text: string, ending: string): string {
  if (ending === 'mixed') {
    let i = 0
    return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3] as string)
  }
  return text.replace(/\n/g, ending)
}

/** A whole document: blocks, optional front matter and BOM, any line endings. */
export const markdownDocument = fc
  .tuple(
    fc.boolean(),
    fc.boolean(),
    fc.array(block, {minLength: 0, maxLength: 6}),
    fc.constantFrom('\n\n', '\n', '\n\n\n'),
    lineEnding
  )
  .map(([bom, frontMatter, blocks, separator, ending]) => {
    const body = (frontMatter ? '---\ntitle: An essay\n---\n\n' : '') + blocks.join(separator)
    return (bom ? '\uFEFF' : '') + withLineEndings(body, ending)
  })
