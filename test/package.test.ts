/**
 * The package as a user gets it: `npm pack`, `npm install -g --prefix DIR`
 * of the tarball, then the installed `DIR/bin/mtlint` on stdin.
 *
 * The install takes dependencies from the npm cache (`--prefer-offline`).
 * `npm ci` fills the cache with the locked tarballs but not with the package
 * metadata a fresh install resolves version ranges against, so the first run
 * on a machine asks the registry for that metadata. Without a registry the
 * install part skips with one line, except under CI=true, where it fails.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {projectRoot} from './helpers/cli.js'
import {inCi} from './helpers/needs.js'

const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {version: string}).version
const scratch = mkdtempSync(join(tmpdir(), 'mtlint-pack-'))
const prefix = join(scratch, 'prefix')
/** Network failures npm reports as codes; anything else is a real failure. */
const offline = /\b(ENOTCACHED|EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH)\b/

function npm(args: string[], cwd = projectRoot) {
  // The package's own scripts stay out of it: `npm test` has just built dist/.
  return spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {cwd, encoding: 'utf8', timeout: 240_000})
}

let tarball = ''
let packed: string[] = []

beforeAll(() => {
  const run = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch])
  expect(run.status, run.stderr).toBe(0)
  const [info] = JSON.parse(run.stdout) as Array<{filename: string; files: Array<{path: string}>}>
  tarball = join(scratch, info!.filename)
  packed = info!.files.map((file) => file.path)
}, 60_000)

describe('npm pack', () => {
  it('ships the launcher, the build, the schemas and data, LICENSE and README', () => {
    expect(tarball.endsWith(`mtlint-${version}.tgz`)).toBe(true)
    for (const path of ['LICENSE', 'README.md', 'package.json', 'bin/mtlint.js', 'dist/src/cli/main.js', 'dist/rules/index.js', 'schemas/config.schema.json', 'rules/data/calques.json']) {
      expect(packed, path).toContain(path)
    }
  })

  it('ships no sources, tests, measurement code, source maps or stale build output', () => {
    expect(packed.filter((path) => /^(src|test|measure|dist\/measure|dist\/test|corpus|reports)\//.test(path) || path.endsWith('.map') || path.endsWith('.ts'))).toEqual([])
    // Each compiled file has its source: a file left in dist/ by a deleted or moved source is caught here.
    // The CLI bundle (tools/bundle-cli.mjs) is the one build output without a source of its own.
    const bundled = (path: string) => /^dist\/src\/cli\/mtlint\.bundle[-.]/.test(path)
    const orphans = packed.filter((path) => path.startsWith('dist/') && path.endsWith('.js') && !bundled(path) && !existsSync(join(projectRoot, path.slice('dist/'.length).replace(/\.js$/, '.ts'))))
    expect(orphans, 'stale build output: rm -rf dist && npm run build').toEqual([])
  })
})

describe('npm install -g --prefix DIR ./mtlint-*.tgz', () => {
  it('installs a working `mtlint` that lints stdin', (context) => {
    const install = npm(['install', '--global', '--prefix', prefix, '--prefer-offline', tarball], scratch)
    if (install.status !== 0 && !inCi && offline.test(install.stderr)) {
      console.warn(`test/package.test.ts install skipped: npm could not reach the registry for package metadata (${offline.exec(install.stderr)![1]})`)
      context.skip()
    }

    expect(install.status, install.stderr).toBe(0)
    const bin = join(prefix, 'bin', 'mtlint')
    const run = (args: string[], input: string) => spawnSync(bin, args, {cwd: scratch, input, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})

    expect(run(['--version'], '').stdout.trim()).toBe(version)
    const dirty = run(['lint', '--format', 'json', '-'], 'They met on Friday. Friday.\n')
    expect(dirty.status, dirty.stderr).toBe(1)
    const report = JSON.parse(dirty.stdout) as {files: Array<{findings: Array<{ruleId: string; actual: string}>}>}
    expect(report.files[0]!.findings.map((finding) => [finding.ruleId, finding.actual])).toContainEqual(['repeated-word', 'Friday. Friday.'])
    const clean = run(['lint', '-'], 'The council approved the budget on Tuesday after a long debate.\n')
    expect(clean.status, clean.stdout + clean.stderr).toBe(0)
  }, 300_000)
})
