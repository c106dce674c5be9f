// The real Azure CLI against the emulator, offline, for npm run check:az and the benchmark: az
// trusts the emulator through a CA bundle (the system's plus the emulator's CA), and the one
// request MSAL sends to the public cloud (instance discovery on login.microsoftonline.com, for an
// authority it does not know) goes through a local proxy to the emulator's Entra. Any other
// outbound host is refused and listed: the commands must succeed without it.

import { execFileSync, spawn } from 'node:child_process'
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { request } from 'node:https'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import type { EmulatorInfo } from './emulator-process.ts'

const DISCOVERY_HOST = 'login.microsoftonline.com:443'
/** What the action sends for the workspace's child collections (src/azure/ml-rest.ts's ML_API_VERSION). */
export const ML_VERSION = '2025-12-01'
export const ML_COLLECTIONS = [
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

export interface AzResult {
  code: number
  stdout: string
  stderr: string
  ms: number
}

/** Whether an executable `az` is on the PATH. */
export function azOnPath(): boolean {
  return (process.env.PATH ?? '').split(delimiter).some(dir => {
    try {
      accessSync(join(dir, 'az'), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

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
export function githubIdToken(info: EmulatorInfo): Promise<string> {
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

/** az with its own configuration directory, pointed at the emulator; close() removes both. */
export interface AzSession {
  /** The variables that point az at the emulator (the rest of the environment is the caller's). */
  env: NodeJS.ProcessEnv
  /** Outbound hosts the proxy refused. */
  refused: string[]
  run(args: string[]): Promise<AzResult>
  close(): void
}

export async function azSession(info: EmulatorInfo): Promise<AzSession> {
  const refused: string[] = []
  const proxy = await startProxy(info.entra, refused)
  const dir = mkdtempSync(join(tmpdir(), 'az-'))
  const env: NodeJS.ProcessEnv = {
    AZURE_CONFIG_DIR: dir,
    REQUESTS_CA_BUNDLE: caBundle(dir, info.caFile),
    HTTPS_PROXY: proxy.url,
    HTTP_PROXY: proxy.url,
    NO_PROXY: '127.0.0.1,localhost',
    AZURE_CORE_COLLECT_TELEMETRY: 'no',
    AZURE_CORE_SURVEY_MESSAGE: 'no',
    AZURE_CORE_NO_COLOR: 'yes',
    AZURE_CORE_OUTPUT: 'json'
  }
  const fullEnv = { ...process.env, ...env }
  return {
    env,
    refused,
    run: args => az(args, fullEnv),
    close() {
      proxy.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

function az(args: string[], env: NodeJS.ProcessEnv): Promise<AzResult> {
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

/** The scenario's names: the workspace, where it moves, both groups and subscriptions, ARM, the client and tenant. */
export function names(info: EmulatorInfo, inputs: Record<string, string>): Record<string, string> {
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

/** az's arguments: the fixed words as one string, then the values. */
export const words = (text: string, ...values: string[]) => [...text.split(' '), ...values]

/**
 * The commands of the seed procedure, as a careful person runs it: the emulator as a cloud, a
 * federated sign-in, the preflight reads, then ARM's validation of the move.
 */
export function seedCommands(info: EmulatorInfo, inputs: Record<string, string>, idToken: string) {
  const { workspace, source, sourceGroup, target, targetGroup } = names(info, inputs)
  const sourceGroupName = sourceGroup.split('/').pop()!
  const rest = (path: string) => words('rest --method get --url', path)
  return {
    registerCloud: words('cloud register --name AzureEmulator --endpoint-resource-manager', info.arm),
    setCloud: words('cloud set --name AzureEmulator'),
    login: words('login --service-principal --username', inputs['client-id'], '--tenant', inputs['tenant-id']).concat(
      '--federated-token',
      idToken
    ),
    selectSource: words('account set --subscription', source),
    groupShow: words('group show --name', sourceGroupName),
    resourceShow: words('resource show --ids', workspace),
    providerShow: words('provider show --namespace Microsoft.MachineLearningServices --subscription', target),
    lockList: words('lock list --resource-group', sourceGroupName),
    // az 2.45's `role assignment list` fills principal names from Microsoft Graph, whose endpoint a
    // cloud registered from /metadata/endpoints lacks: it fails before any request, against Azure too.
    roleAssignments: rest(`${workspace}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`),
    mlCollections: ML_COLLECTIONS.map(collection => rest(`${workspace}/${collection}?api-version=${ML_VERSION}`)),
    validate: (group = targetGroup) =>
      words('resource invoke-action --action validateMoveResources --ids', sourceGroup, '--request-body').concat(
        JSON.stringify({ resources: [workspace], targetResourceGroup: group })
      )
  }
}

/** The timed part of the seed procedure: sign in, the preflight reads, validation (the cloud registered before). */
export function seedProcedure(commands: ReturnType<typeof seedCommands>): string[][] {
  const { login, selectSource, groupShow, resourceShow, providerShow, lockList, roleAssignments, mlCollections, validate } =
    commands
  return [login, selectSource, groupShow, resourceShow, providerShow, lockList, roleAssignments, ...mlCollections, validate()]
}
