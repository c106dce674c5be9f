// npm run check:az — the real Azure CLI, used as a new user would, against the emulator: it
// registers the emulator as a cloud, signs in with a GitHub ID token from the emulator as a
// federated credential, then walks the seed procedure and the reads a careful person does. Each
// command must exit as it would against Azure, with the key output; any divergence fails the run.
// The action itself runs once too, signed in through that az session (auth: azure-cli). Offline:
// harness/az-session.ts says how.

import { azSession, githubIdToken, ML_COLLECTIONS, names, seedCommands, words, type AzResult } from '../harness/az-session.ts'
import { Emulator } from '../harness/emulator-process.ts'
import { runAction } from '../harness/runner.ts'

type Result = AzResult

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

/** The ML writes the quiesce makes, at the api-version it makes them with, as az rest sends them. */
function mlWrites(arm: string, workspace: string): Step[] {
  const url = (path: string, query = '') => `${arm}${workspace}/${path}?api-version=2025-12-01${query}`
  const rest = (method: string, path: string, query = '', body?: object) => [
    'rest',
    '--method',
    method,
    '--url',
    url(path, query),
    ...(body ? ['--body', JSON.stringify(body)] : [])
  ]
  const cluster = { location: 'eastus', properties: { computeType: 'AmlCompute', properties: { vmSize: 'STANDARD_DS3_V2' } } }
  const keys = { primaryKey: 'az-check-primary', secondaryKey: 'az-check-secondary' }
  const endpoint = { location: 'eastus', properties: { authMode: 'Key', keys } }
  return [
    { args: rest('put', 'computes/az-check', '', cluster), exit: 0, check: field('name', 'az-check') },
    { args: rest('get', 'computes/az-check'), exit: 0, check: field('name', 'az-check') },
    { args: rest('delete', 'computes/az-check'), exit: 1, check: refusal('underlyingResourceAction') },
    { args: rest('delete', 'computes/az-check', '&underlyingResourceAction=Delete'), exit: 0 },
    { args: rest('put', 'onlineEndpoints/az-check', '', endpoint), exit: 0, check: field('name', 'az-check') },
    { args: rest('post', 'onlineEndpoints/az-check/listKeys'), exit: 0, check: field('primaryKey', keys.primaryKey) },
    { args: rest('delete', 'onlineEndpoints/az-check'), exit: 0 }
  ]
}

function steps(emulator: Emulator, inputs: Record<string, string>, idToken: string, azEnv: NodeJS.ProcessEnv): Step[] {
  const { info } = emulator
  const { workspace, moved, source, sourceGroup, target, targetGroup } = names(info, inputs)
  const sourceGroupName = sourceGroup.split('/').pop()!
  const targetGroupName = targetGroup.split('/').pop()!
  const az = seedCommands(info, inputs, idToken)
  const move = words(
    'resource move --destination-subscription-id',
    target,
    '--destination-group',
    targetGroupName,
    '--ids',
    workspace
  )
  return [
    { args: az.registerCloud, exit: 0 },
    { args: az.setCloud, exit: 0 },
    { args: az.login, exit: 0, check: count(2) },
    { args: az.selectSource, exit: 0 },
    { args: words('account show'), exit: 0, check: all(field('id', source), field('tenantId', inputs['tenant-id'])) },
    { args: words('account list'), exit: 0, check: count(2) },
    { args: az.groupShow, exit: 0, check: field('location', 'eastus') },
    { args: words('group list'), exit: 0, check: listing(sourceGroup) },
    { args: words('group exists --name', sourceGroupName), exit: 0, check: json => (json === true ? undefined : 'not true') },
    { args: words('group exists --name no-such-rg'), exit: 0, check: json => (json === false ? undefined : 'not false') },
    { args: words('resource list --resource-group', sourceGroupName), exit: 0, check: listing(workspace) },
    { args: az.resourceShow, exit: 0, check: field('id', workspace) },
    { args: az.providerShow, exit: 0, check: field('registrationState', 'Registered') },
    { args: az.lockList, exit: 0, check: count(0) },
    { args: az.roleAssignments, exit: 0, check: count(3) },
    ...ML_COLLECTIONS.map((collection, i) => ({ args: az.mlCollections[i], exit: 0, check: page(collection) })),
    ...mlWrites(info.arm, workspace),
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
    { args: az.validate(), exit: 0 },
    {
      args: az.validate(`/subscriptions/${target}/resourceGroups/no-such-rg`),
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
  const az = await azSession(emulator.info)
  try {
    const inputs = await emulator.scenarioInputs()
    const rows: string[][] = []
    let failures = 0
    const idToken = await githubIdToken(emulator.info)
    const legend = names(emulator.info, inputs)
    for (const step of steps(emulator, inputs, idToken, az.env)) {
      const result = await (step.run?.() ?? az.run(step.args))
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
    if (az.refused.length) console.log(`\nRefused outbound (az needed none of them): ${[...new Set(az.refused)].join(', ')}`)
    console.log(`\n${rows.length - failures} of ${rows.length} as against Azure; ${failures} divergence(s); ${total} s in all.`)
    return failures ? 1 : 0
  } finally {
    az.close()
    await emulator.stop()
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
