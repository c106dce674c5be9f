// ncc minifies only the entry file, not the chunks it splits off: the bulk of the action is one,
// loaded once the entry has sent GitHub's ID token request. This minifies them as ncc would the
// entry (names kept), their source maps carried through to the original sources.
//
// Usage: node harness/minify-chunks.ts dist

import { build } from 'esbuild'
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const dist = resolve(process.argv[2] ?? 'dist')
const chunks = readdirSync(dist).filter(name => /^\d+\.index\.js$/.test(name))
await build({
  entryPoints: chunks.map(name => join(dist, name)),
  outdir: dist,
  allowOverwrite: true,
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  format: 'esm',
  platform: 'node',
  target: 'node24',
  logLevel: 'warning'
})
