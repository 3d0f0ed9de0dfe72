#!/usr/bin/env node
// Builds rules/documents.json from ../shared/evidence/documents.json: the
// verified documents only (entries marked WEAK VERIFICATION are left out),
// with the fields histlint cites. Nothing is added that the evidence file
// does not hold.  Usage: node scripts/build-catalogue.mjs [path/to/documents.json]
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const input = process.argv[2] ?? path.join(root, '..', 'shared', 'evidence', 'documents.json')
const documents = JSON.parse(fs.readFileSync(input, 'utf8'))
const kept = documents
  .filter((d) => !/WEAK VERIFICATION/.test(d.notes ?? ''))
  .map((d) => ({
    id: d.id,
    date: d.date,
    title: d.title,
    from: d.from ?? null,
    to: d.to ?? null,
    archive: d.archive ?? null,
    published: d.published ?? null,
    url: d.url ?? null,
    excerpt: d.excerpt,
    shows: d.shows,
    contradicts: d.contradicts ?? [],
    complicates: d.complicates ?? [],
    supports: d.supports ?? []
  }))
fs.writeFileSync(path.join(root, 'rules', 'documents.json'), JSON.stringify(kept, null, 2) + '\n')
console.log(`rules/documents.json: ${kept.length} of ${documents.length} documents (left out: ${documents.filter((d) => !kept.some((k) => k.id === d.id)).map((d) => d.id).join(', ') || 'none'})`)
