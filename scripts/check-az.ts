// npm run check:az — the real Azure CLI, used as a new user would, against the emulator: it
// registers the emulator as a cloud, signs in with a GitHub ID token from the emulator as a
// federated credential, then walks the seed procedure and the reads a careful person does. Each
// command must exit as it would against Azure, with the key output; any divergence fails the run.
// The action itself runs once too, signed in through that az session (auth: azure-cli).
//
// Offline: az trusts the emulator through a CA bundle (the system's plus the emulator's CA), and
// the one request MSAL sends to the public cloud (instance discovery on login.microsoftonline.com,
// for an authority it does not know) goes through a local proxy to the emulator's Entra. Any other
// outbound host is refused and listed: the commands must succeed without it.

import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { request } from 'node:https'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Emulator } from '../harness/emulator-process.ts'
import type { EmulatorInfo } from '../harness/emulator-process.ts'
import { runAction } from '../harness/runner.ts'

const DISCOVERY_HOST = 'login.microsoftonline.com:443'
/** What the action's @azure/arm-machinelearning 2.1.1 sends for the workspace's child collections. */
const ML_VERSION = '2022-10-01'
const ML_COLLECTIONS = [
  'computes',
  'jobs',
  'datastores',
  'data',
  'environments',
  'models',
  'onlineEndpoints',
  'batchEndpoints',
  'privateEndpointConnections'
]

interface Result {
  code: number
  stdout: string
  stderr: string
  ms: number
}

interface Step {
  args: string[]
  /** Runs something other than az, named by `label`. */
  run?: () => Promise<Result>
  label?: string
  /** The exit code Azure's answer gives. */
  exit: number
  /** What else must hold, given the parsed JSON output (undefined when there is none); a message when it does not. */
  check?: Check
}

type Check = (json: unknown, result: Result) => string | undefined

/** An HTTP proxy that tunnels instance discovery to the emulator's Entra and refuses (and notes) every other host. */
async function startProxy(entra: string, refused: string[]): Promise<{ url: string; close: () => void }> {
  const target = new URL(entra)
  const proxy = createServer((req, res) => {
    refused.push(String(req.url))
    res.writeHead(403).end()
  })
  proxy.on('connect', (req, client, head) => {
    if (req.url !== DISCOVERY_HOST) {
      refused.push(String(req.url))
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = connect(Number(target.port), target.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, close: () => proxy.close() }
}

/** A GitHub ID token from the emulator's OIDC endpoint, as a workflow step with id-token: write gets one. */
function githubIdToken(info: EmulatorInfo): Promise<string> {
  const url = new URL(info.idTokenRequestUrl)
  url.searchParams.set('audience', 'api://AzureADTokenExchange')
  const headers = { authorization: `Bearer ${info.idTokenRequestToken}` }
  return new Promise((resolve, reject) => {
    request(url, { headers, ca: readFileSync(info.caFile) }, res => {
      let text = ''
      res.on('data', chunk => (text += chunk))
      res.on('end', () => resolve((JSON.parse(text) as { value: string }).value))
    })
      .on('error', reject)
      .end()
  })
}

/** The public roots az would trust anyway (certifi's bundle; Debian's certifi points at the system's) plus the emulator's CA. */
function caBundle(dir: string, caFile: string): string {
  let roots = ''
  try {
    roots = readFileSync(execFileSync('python3', ['-m', 'certifi'], { encoding: 'utf8' }).trim(), 'utf8')
  } catch {
    const system = '/etc/ssl/certs/ca-certificates.crt'
    if (existsSync(system)) roots = readFileSync(system, 'utf8')
  }
  const bundle = join(dir, 'ca-bundle.pem')
  writeFileSync(bundle, roots + readFileSync(caFile, 'utf8'))
  return bundle
}

function az(args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
  const started = performance.now()
  return new Promise(resolve => {
    const child = spawn('az', args, { env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const done = (code: number) => resolve({ code, stdout, stderr, ms: performance.now() - started })
    child.on('error', error => {
      stderr += error.message
      done(127)
    })
    child.on('close', code => done(code ?? -1))
  })
}

const same = (a: unknown, b: string) => String(a).toLowerCase() === b.toLowerCase()
const ids = (json: unknown) => (json as Array<{ id: string }>).map(item => item.id.toLowerCase())

/** A check that a field of the output has a value. */
function field(name: string, want: string): Check {
  return json => {
    const value = (json as Record<string, unknown> | undefined)?.[name]
    return same(value, want) ? undefined : `${name} is '${String(value)}', not '${want}'`
  }
}

/** A list (or an ARM page's value) of so many items. */
function count(want: number): Check {
  return json => {
    const items = (Array.isArray(json) ? json : (json as { value: unknown[] }).value).length
    return items === want ? undefined : `${items} items, not ${want}`
  }
}

function all(...checks: Check[]): Check {
  return (json, result) => checks.map(check => check(json, result)).find(Boolean)
}

function listing(id: string): Check {
  return json => (ids(json).includes(id.toLowerCase()) ? undefined : `${id} is not listed`)
}

/** The error az prints says this (az's poller prints ARM's message without its code). */
function refusal(text: string): Check {
  return (_json, result) =>
    result.stderr.includes(text) ? undefined : `the error does not say '${text}': ${result.stderr.trim()}`
}

function page(name: string): Check {
  return json => (Array.isArray((json as { value?: unknown }).value) ? undefined : `${name}: no value array`)
}

/** The scenario's names, which the table shows as <name>. */
function names(info: EmulatorInfo, inputs: Record<string, string>): Record<string, string> {
  const workspace = inputs['workspace-id']
  const [, , source, , sourceGroupName] = workspace.split('/')
  const target = inputs['target-subscription-id']
  const sourceGroup = `/subscriptions/${source}/resourceGroups/${sourceGroupName}`
  const targetGroup = `/subscriptions/${target}/resourceGroups/${inputs['target-resource-group']}`
  return {
    workspace,
    moved: workspace.replace(sourceGroup, targetGroup),
    sourceGroup,
    targetGroup,
    source,
    target,
    arm: info.arm,
    client: inputs['client-id'],
    tenant: inputs['tenant-id']
  }
}

/**
 * The action itself (dist/index.js, a dry run) with auth: azure-cli, signed in through this az
 * session: what the emulator's stand-in az does in the e2e tests, here with the real one.
 */
async function actionThroughAz(emulator: Emulator, azEnv: NodeJS.ProcessEnv): Promise<Result> {
  const started = performance.now()
  const run = await runAction(emulator, {
    inputs: { auth: 'azure-cli', 'client-id': '', 'comment-on-pull-request': 'false' },
    env: { ...azEnv, ACTIONS_ID_TOKEN_REQUEST_URL: undefined }
  })
  return { code: run.exitCode, stdout: JSON.stringify(run.outputs), stderr: run.stdout, ms: performance.now() - started }
}

/** az's arguments: the fixed words as one string, then the values. */
const words = (text: string, ...values: string[]) => [...text.split(' '), ...values]

function steps(emulator: Emulator, inputs: Record<string, string>, idToken: string, azEnv: NodeJS.ProcessEnv): Step[] {
  const { info } = emulator
  const { workspace, moved, source, sourceGroup, target, targetGroup } = names(info, inputs)
  const sourceGroupName = sourceGroup.split('/').pop()!
  const targetGroupName = targetGroup.split('/').pop()!
  const validate = (group: string) =>
    words('resource invoke-action --action validateMoveResources --ids', sourceGroup, '--request-body').concat(
      JSON.stringify({ resources: [workspace], targetResourceGroup: group })
    )
  const move = words(
    'resource move --destination-subscription-id',
    target,
    '--destination-group',
    targetGroupName,
    '--ids',
    workspace
  )
  const rest = (path: string) => words('rest --method get --url', path)
  return [
    { args: words('cloud register --name AzureEmulator --endpoint-resource-manager', info.arm), exit: 0 },
    { args: words('cloud set --name AzureEmulator'), exit: 0 },
    {
      args: words('login --service-principal --username', inputs['client-id'], '--tenant', inputs['tenant-id']).concat(
        '--federated-token',
        idToken
      ),
      exit: 0,
      check: count(2)
    },
    { args: words('account set --subscription', source), exit: 0 },
    { args: words('account show'), exit: 0, check: all(field('id', source), field('tenantId', inputs['tenant-id'])) },
    { args: words('account list'), exit: 0, check: count(2) },
    { args: words('group show --name', sourceGroupName), exit: 0, check: field('location', 'eastus') },
    { args: words('group list'), exit: 0, check: listing(sourceGroup) },
    { args: words('group exists --name', sourceGroupName), exit: 0, check: json => (json === true ? undefined : 'not true') },
    { args: words('group exists --name no-such-rg'), exit: 0, check: json => (json === false ? undefined : 'not false') },
    { args: words('resource list --resource-group', sourceGroupName), exit: 0, check: listing(workspace) },
    { args: words('resource show --ids', workspace), exit: 0, check: field('id', workspace) },
    {
      args: words('provider show --namespace Microsoft.MachineLearningServices --subscription', target),
      exit: 0,
      check: field('registrationState', 'Registered')
    },
    { args: words('lock list --resource-group', sourceGroupName), exit: 0, check: count(0) },
    // az 2.45's `role assignment list` fills principal names from Microsoft Graph, whose endpoint a
    // cloud registered from /metadata/endpoints lacks: it fails before any request, against Azure too.
    {
      args: rest(`${workspace}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`),
      exit: 0,
      check: count(3)
    },
    ...ML_COLLECTIONS.map(collection => ({
      args: rest(`${workspace}/${collection}?api-version=${ML_VERSION}`),
      exit: 0,
      check: page(collection)
    })),
    // What the action's auth: azure-cli asks az for (@azure/identity's AzureCliCredential).
    {
      args: words('account get-access-token --resource', info.arm),
      exit: 0,
      check: json => ((json as { accessToken?: string }).accessToken ? undefined : 'no accessToken')
    },
    {
      args: [],
      label: 'the action (dist/index.js), auth: azure-cli, dry run',
      run: () => actionThroughAz(emulator, azEnv),
      exit: 0,
      check: field('result', 'ready')
    },
    { args: validate(targetGroup), exit: 0 },
    {
      args: validate(`/subscriptions/${target}/resourceGroups/no-such-rg`),
      exit: 1,
      check: refusal("Resource group 'no-such-rg' could not be found.")
    },
    { args: move, exit: 0 },
    { args: words('resource show --ids', moved), exit: 0, check: field('id', moved) },
    { args: words('resource show --ids', workspace), exit: 3, check: refusal('ResourceNotFound') },
    // The same move again: the workspace is no longer in the source group (see emulator/README.md, Unsure).
    { args: move, exit: 3, check: refusal('ResourceNotFound') }
  ]
}

function parse(stdout: string): unknown {
  try {
    return stdout.trim() ? JSON.parse(stdout) : undefined
  } catch {
    return stdout.trim()
  }
}

async function main(): Promise<number> {
  const started = performance.now()
  const emulator = await Emulator.start('movable')
  const refused: string[] = []
  const proxy = await startProxy(emulator.info.entra, refused)
  const dir = mkdtempSync(join(tmpdir(), 'check-az-'))
  try {
    const azEnv: NodeJS.ProcessEnv = {
      AZURE_CONFIG_DIR: dir,
      REQUESTS_CA_BUNDLE: caBundle(dir, emulator.info.caFile),
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1,localhost',
      AZURE_CORE_COLLECT_TELEMETRY: 'no',
      AZURE_CORE_SURVEY_MESSAGE: 'no',
      AZURE_CORE_NO_COLOR: 'yes',
      AZURE_CORE_OUTPUT: 'json'
    }
    const env = { ...process.env, ...azEnv }
    const inputs = await emulator.scenarioInputs()
    const rows: string[][] = []
    let failures = 0
    const idToken = await githubIdToken(emulator.info)
    const legend = names(emulator.info, inputs)
    for (const step of steps(emulator, inputs, idToken, azEnv)) {
      const result = await (step.run?.() ?? az(step.args, env))
      const problem =
        result.code !== step.exit
          ? `exit ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`
          : step.check?.(parse(result.stdout), result)
      if (problem) failures++
      rows.push([
        step.label ?? shown(`az ${step.args.join(' ')}`, { ...legend, 'GitHub ID token': idToken }),
        `${result.code} (${step.exit})`,
        `${(result.ms / 1000).toFixed(1)} s`,
        problem ? `DIVERGES: ${problem}` : 'ok'
      ])
    }
    printTable(rows)
    console.log(
      `\n${Object.entries(legend)
        .map(([name, value]) => `<${name}> = ${value}`)
        .join('\n')}`
    )
    const total = ((performance.now() - started) / 1000).toFixed(1)
    // az's own first-run version check asks azure.microsoft.com; it copes with the refusal.
    if (refused.length) console.log(`\nRefused outbound (az needed none of them): ${[...new Set(refused)].join(', ')}`)
    console.log(`\n${rows.length - failures} of ${rows.length} as against Azure; ${failures} divergence(s); ${total} s in all.`)
    return failures ? 1 : 0
  } finally {
    proxy.close()
    await emulator.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A command with the scenario's ids (longest first, so a group does not eat the workspace within it) as <name>. */
function shown(command: string, legend: Record<string, string>): string {
  return Object.entries(legend)
    .sort(([, a], [, b]) => b.length - a.length)
    .reduce((text, [name, value]) => text.replaceAll(value, `<${name}>`), command)
}

function printTable(rows: string[][]): void {
  const header = ['command', 'exit (Azure)', 'time', 'result']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(row => Math.min(row[i].length, 110))))
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  console.log([line(header), line(widths.map(w => '-'.repeat(w))), ...rows.map(line)].join('\n'))
}

process.exitCode = await main()
