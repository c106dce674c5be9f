// npm run build's bundler: src/index.ts and everything it loads, as ES modules in dist/, with esbuild.
// The entry is a few KB; each `import()` of src (the credential, the rest of the action, the artifact
// client) is a chunk of its own, and code two of them share is a chunk both import, loaded once.
//
// Resolved as webpack (and so ncc, which bundled the action before) resolves for Node: a package's
// `module` build before its `main`, so its ES modules are tree-shaken. Minified with every function
// and class keeping its name (ncc's minifier kept them too: `constructor.name` is read at run time).
// Left out, as imports that would fail if they ran: the two packages that only an `import()` on a
// path the action never takes would load — `apache-arrow` (@azure/storage-blob's Arrow-format
// listing; the artifact client lists no blobs) and `open` (@azure/identity's interactive browser
// sign-in).
//
// Usage: node harness/bundle.ts dist

import { build, type Plugin } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const dist = resolve(process.argv[2] ?? 'dist')

/**
 * esbuild follows a package's own source maps back to its sources, and some name files the package
 * does not ship (@octokit's `../src/…`): the maps are to name the bundled files, which
 * harness/third-party-licenses.ts reads to find each package.
 */
const bundledFilesInMaps: Plugin = {
  name: 'bundled-files-in-maps',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, ({ path }) => ({
      contents: readFileSync(path, 'utf8').replace(/^\/\/[#@] sourceMappingURL=.*$/gm, ''),
      loader: 'js'
    }))
  }
}

/**
 * Packages evaluated on first use rather than on import: what the bundle gives their importers
 * instead (./on-demand/*.ts), each saying why. They are on the sign-in's path, and a run that never
 * calls them never pays for them.
 */
const ON_DEMAND: Record<string, string> = {
  undici: './on-demand/undici.ts',
  jsonwebtoken: './on-demand/jsonwebtoken.ts'
}
const onDemand: Plugin = {
  name: 'on-demand',
  setup(build) {
    for (const [name, file] of Object.entries(ON_DEMAND)) {
      const shim = fileURLToPath(new URL(file, import.meta.url))
      // The shim's own import is the package itself.
      build.onResolve({ filter: new RegExp(`^${name}$`) }, ({ importer }) => (importer === shim ? undefined : { path: shim }))
    }
  }
}

/**
 * Node's own modules are required, not imported: an ES module's import of one builds its ES facade,
 * which reads every export, and `node:http`'s include getters that load Node's built-in undici (an
 * import of `node:http` takes 60–80 ms, a require 8–10 ms).
 */
const builtinsRequired: Plugin = {
  name: 'builtins-required',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, ({ path, kind, namespace }) =>
      kind === 'import-statement' && namespace === 'file' && isBuiltin(path) ? { path, namespace: 'builtin' } : undefined
    )
    build.onLoad({ filter: /./, namespace: 'builtin' }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)})`,
      loader: 'js'
    }))
  }
}

rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })
await build({
  absWorkingDir: ROOT,
  entryPoints: { index: 'src/index.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  mainFields: ['module', 'main'],
  external: ['apache-arrow', 'open'],
  minify: true,
  keepNames: true,
  charset: 'utf8',
  // The licences are in dist/licenses.txt, whole (harness/third-party-licenses.ts).
  legalComments: 'none',
  sourcemap: 'linked',
  // Stack traces (NODE_OPTIONS=--enable-source-maps) need only the mappings and the file names.
  sourcesContent: false,
  chunkNames: '[name]-[hash]',
  // The CommonJS packages call require() for Node's modules, which an ES module does not have.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
  },
  plugins: [bundledFilesInMaps, onDemand, builtinsRequired],
  logLevel: 'warning'
})
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`)
