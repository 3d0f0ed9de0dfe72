/**
 * Every file histlint writes goes to a temporary file that is renamed over the
 * target (src/io/write.ts): killing the writer mid-write leaves the old file
 * whole, and whatever temporary file is left is never linted.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {expandPaths} from '../src/cli/files.js'
import {decodeEssay, readEssay} from '../src/io/read.js'
import {temporaryPathFor, writeFileAtomic} from '../src/io/write.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'histlint-write-'))
})
afterEach(() => fs.rmSync(dir, {recursive: true, force: true}))

const original = 'The winter of 1950 was long.\n'

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', () => {
    const file = path.join(dir, 'essay.md')
    fs.writeFileSync(file, original)
    writeFileAtomic(file, 'New text.\n')
    expect(fs.readFileSync(file, 'utf8')).toBe('New text.\n')
    expect(fs.readdirSync(dir)).toEqual(['essay.md'])
  })

  it('keeps the file mode and writes through a symbolic link, keeping the link', () => {
    const file = path.join(dir, 'essay.md')
    fs.writeFileSync(file, original)
    fs.chmodSync(file, 0o640)
    fs.symlinkSync('essay.md', path.join(dir, 'link.md'))
    writeFileAtomic(path.join(dir, 'link.md'), 'Through the link.\n')
    expect(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toBe('Through the link.\n')
    expect(fs.statSync(file).mode & 0o777).toBe(0o640)
  })

  it('on failure leaves the old file and removes its temporary file', () => {
    const file = path.join(dir, 'essay.md')
    fs.mkdirSync(file) // renaming a file over a folder fails
    expect(() => writeFileAtomic(file, 'x')).toThrow()
    expect(fs.statSync(file).isDirectory()).toBe(true)
    expect(fs.readdirSync(dir)).toEqual(['essay.md'])
  })

  it('a temporary name is hidden and never a lintable extension', () => {
    const temp = path.basename(temporaryPathFor(path.join(dir, 'essay.md')))
    expect(temp.startsWith('.')).toBe(true)
    expect(temp.endsWith('.tmp')).toBe(true)
  })

  it('a writer killed mid-write leaves the old file intact, and its leftover is never linted', async () => {
    const file = path.join(dir, 'essay.md')
    fs.writeFileSync(file, original)
    // A child that writes a payload far too large to finish before it is killed.
    const writer = pathToFileURL(path.join(root, 'dist/src/io/write.js')).href // built by npm test
    const script = `import {writeFileAtomic} from ${JSON.stringify(writer)}\nwriteFileAtomic(${JSON.stringify(file)}, Buffer.alloc(256 * 1024 * 1024, 120))\n`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: 'ignore'})
    try {
      // Wait until the temporary file exists and has started to fill, then kill.
      const deadline = Date.now() + 20_000
      let started = false
      while (!started && Date.now() < deadline) {
        started = fs.readdirSync(dir).some((name) => name.endsWith('.tmp') && fs.statSync(path.join(dir, name)).size > 0)
        if (!started) await new Promise((resolve) => setTimeout(resolve, 5))
      }
      expect(started, 'the child started writing its temporary file').toBe(true)
    } finally {
      child.kill('SIGKILL')
    }
    await new Promise((resolve) => child.once('exit', resolve))
    expect(fs.readFileSync(file, 'utf8')).toBe(original)
    const leftovers = fs.readdirSync(dir).filter((name) => name !== 'essay.md')
    expect(leftovers.every((name) => name.startsWith('.essay.md.') && name.endsWith('.tmp'))).toBe(true)
    // Linting the folder or a glob finds the essay only.
    expect(expandPaths([dir]).files.map((f) => path.basename(f))).toEqual(['essay.md'])
    expect(expandPaths([path.join(dir, '**/*')], dir).files.map((f) => path.basename(f))).toEqual(['essay.md'])
  })
})

describe('readEssay', () => {
  it('drops a leading BOM and keeps CR and CRLF line endings', () => {
    const decoded = decodeEssay(Buffer.from('\uFEFFA\r\nB\rC\n', 'utf8'))
    expect(decoded).toEqual({ok: true, value: 'A\r\nB\rC\n'})
  })

  it('refuses a folder given where a file is expected', () => {
    expect(readEssay(dir)).toEqual({ok: false, reason: 'is a directory, expected a file'})
  })

  it('refuses NUL bytes and invalid UTF-8 (lone surrogates cannot be valid UTF-8)', () => {
    expect(decodeEssay(Buffer.from('a\u0000b'))).toEqual({ok: false, reason: 'binary file (contains NUL bytes), not an essay'})
    expect(decodeEssay(Buffer.from([0xed, 0xa0, 0x80]))).toEqual({ok: false, reason: 'not valid UTF-8'})
  })

  it('an empty file is an empty essay', () => {
    fs.writeFileSync(path.join(dir, 'empty.md'), '')
    expect(readEssay(path.join(dir, 'empty.md'))).toEqual({ok: true, value: ''})
  })
})
