// The only reader of the action's inputs. Every problem names the input, the value and the fix;
// the value is shown through quote(), so no input can flood the log or hide what it says there.

import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import { isGuid, parseWorkspaceId, resourceGroupNameProblem, sameText, workspaceId } from './azure/ids.js'
import { CLOUD_NAMES, resolveCloud, type CloudName } from './clouds.js'
import { hasInvisible, quote } from './quote.js'
import { RESTORE_STEPS, type Auth, type Mode, type RequireApprovedPlan, type RestoreStep, type Settings } from './settings.js'
import { pullRequestMoveMessage, untrustedTrigger, untrustedTriggerMessage, type TriggerEvent } from './trigger.js'

const MODES: readonly Mode[] = ['dry-run', 'move']
const AUTHS: readonly Auth[] = ['oidc', 'azure-cli']
const REQUIREMENTS: readonly RequireApprovedPlan[] = ['auto', 'true', 'false']
const TENANT_DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i
const MAX_TIMEOUT_MINUTES = 240
/** Inputs whose value a refusal never shows, not even in part. */
const SECRET_INPUTS = new Set(['github-token'])

export class InputError extends Error {
  constructor(input: string, problem: string) {
    super(`Input '${input}': ${problem}`)
    this.name = 'InputError'
  }
}

/** Reads one raw input; the runner passes each as INPUT_<NAME>. */
export type InputReader = (name: string) => string

/**
 * Trims surrounding whitespace (YAML block scalars end in a newline) but refuses whitespace
 * inside a value: a pasted ID with a line break in it is a mistake, not a different ID. Control,
 * bidi and zero-width characters are refused too: they only hide what a value really is.
 */
function value(read: InputReader, name: string, required: boolean): string {
  const raw = read(name).trim()
  if (required && raw === '') throw new InputError(name, 'is required and was not supplied')
  const shown = SECRET_INPUTS.has(name) ? 'the value' : quote(raw)
  if (/\s/.test(raw)) throw new InputError(name, `${shown} contains whitespace; give the value on one line`)
  if (hasInvisible(raw)) {
    throw new InputError(name, `${shown} contains a control, bidi or zero-width character; type the value again`)
  }
  return raw
}

function oneOf<T extends string>(read: InputReader, name: string, allowed: readonly T[]): T {
  const raw = value(read, name, false)
  const match = allowed.find(a => a.toLowerCase() === raw.toLowerCase())
  if (!match) throw new InputError(name, `${quote(raw)} is not one of: ${allowed.join(', ')}`)
  return match
}

// Like core.getBooleanInput (YAML 1.2 core schema booleans), but with the input's name in the error.
function flag(read: InputReader, name: string): boolean {
  const raw = value(read, name, false)
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(name, `${quote(raw)} is not a boolean; use true or false`)
}

function httpsEndpoint(read: InputReader, name: string): string | undefined {
  const raw = value(read, name, false)
  if (raw === '') return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InputError(name, `${quote(raw)} is not a URL; expected https://host[:port]`)
  }
  if (url.protocol !== 'https:') throw new InputError(name, `${quote(raw)} must use https, so tokens never travel in clear`)
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError(name, `${quote(raw)} must not carry credentials, a query or a fragment`)
  }
  return url.href.replace(/\/+$/, '')
}

function workspace(read: InputReader): Settings['source'] {
  const raw = value(read, 'workspace-id', true)
  if (raw.endsWith('/')) throw new InputError('workspace-id', `${quote(raw)} ends with '/'; remove the trailing slash`)
  try {
    const ref = parseWorkspaceId(raw)
    return { ...ref, id: workspaceId(ref) }
  } catch (error) {
    throw new InputError('workspace-id', (error as Error).message)
  }
}

/** Decimals are allowed: 0.5 waits thirty seconds, then reports the move running in Azure. */
function timeoutMinutes(read: InputReader): number {
  const raw = value(read, 'timeout-minutes', true)
  const minutes = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN
  if (!(minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES)) {
    throw new InputError(
      'timeout-minutes',
      `${quote(raw)} is not a number of minutes above 0 and at most ${MAX_TIMEOUT_MINUTES} (decimals allowed, as in 0.5)`
    )
  }
  return minutes
}

/** A comma- or newline-separated list; each entry checked like any value. */
function restoreSteps(read: InputReader): RestoreStep[] {
  const entries = read('restore')
    .split(/[,\n]/)
    .map(entry => entry.trim())
    .filter(Boolean)
  const steps = entries.map(entry => {
    if (hasInvisible(entry)) throw new InputError('restore', `${quote(entry)} contains a control, bidi or zero-width character`)
    const step = RESTORE_STEPS.find(s => sameText(s, entry))
    if (step) return step
    throw new InputError('restore', `${quote(entry)} is not one of: ${RESTORE_STEPS.join(', ')}`)
  })
  return RESTORE_STEPS.filter(step => steps.includes(step))
}

const SECRETS_SHAPE = 'a JSON object: {"<compute name>": {"username": "…", "password": "…"}} (or privateKeyData)'

/** A JSON object of objects of strings, from a GitHub secret: the secrets an attach needs that no API returns. */
function computeSecrets(read: InputReader): Settings['computeSecrets'] {
  const raw = read('compute-secrets').trim()
  if (!raw) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    // The value itself is never quoted: it holds secrets.
    throw new InputError('compute-secrets', `is not valid JSON; expected ${SECRETS_SHAPE}`)
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  if (!isObject(parsed)) throw new InputError('compute-secrets', `must be ${SECRETS_SHAPE}`)
  for (const [name, secrets] of Object.entries(parsed)) {
    if (!isObject(secrets) || !Object.values(secrets).every(v => typeof v === 'string')) {
      throw new InputError('compute-secrets', `the entry for ${quote(name)} must be an object of strings, as in ${SECRETS_SHAPE}`)
    }
  }
  return parsed as Settings['computeSecrets']
}

/** Relative paths are taken from the job's workspace, where a later step (cache, upload-artifact) finds the file. */
function journalPath(read: InputReader, workspaceName: string): string {
  const raw = value(read, 'restore-journal', false) || join('.azureml-move', `${workspaceName}.journal.json`)
  return isAbsolute(raw) ? raw : resolve(process.env.GITHUB_WORKSPACE || process.cwd(), raw)
}

function digest(read: InputReader): string {
  const raw = value(read, 'approved-plan-digest', false).toLowerCase()
  if (raw && !/^[0-9a-f]{64}$/.test(raw)) {
    throw new InputError(
      'approved-plan-digest',
      `${quote(raw)} is not a plan digest: the 64 hex characters of a dry run's plan-digest output`
    )
  }
  return raw
}

/** Turns raw inputs into settings; pure, so every refusal is unit-tested without a runner. */
export function parseSettings(read: InputReader, event?: TriggerEvent): Settings {
  const source = workspace(read)
  const targetSubscriptionId = value(read, 'target-subscription-id', true)
  if (!isGuid(targetSubscriptionId)) {
    throw new InputError('target-subscription-id', `${quote(targetSubscriptionId)} is not a subscription ID (a GUID)`)
  }
  const targetResourceGroup = value(read, 'target-resource-group', true)
  const groupProblem = resourceGroupNameProblem(targetResourceGroup)
  if (groupProblem) throw new InputError('target-resource-group', `${quote(targetResourceGroup)} is invalid: ${groupProblem}`)
  const targetRef = { subscriptionId: targetSubscriptionId, resourceGroup: targetResourceGroup, name: source.name }
  const target = { ...targetRef, id: workspaceId(targetRef) }
  if (sameText(source.id, target.id)) {
    throw new InputError(
      'target-resource-group',
      `the target (${targetSubscriptionId}/${targetResourceGroup}) is where the workspace already is; name another subscription or resource group`
    )
  }

  const auth = oneOf(read, 'auth', AUTHS)
  const oidc = auth === 'oidc'
  const clientId = value(read, 'client-id', oidc)
  if (clientId && !isGuid(clientId))
    throw new InputError('client-id', `${quote(clientId)} is not an application (client) ID (a GUID)`)
  const tenantId = value(read, 'tenant-id', oidc)
  if (tenantId && !isGuid(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
    throw new InputError(
      'tenant-id',
      `${quote(tenantId)} is neither a tenant ID (a GUID) nor a domain such as contoso.onmicrosoft.com`
    )
  }

  const cloudName: CloudName = oneOf(read, 'environment', CLOUD_NAMES)
  const cloud = resolveCloud(cloudName, {
    resourceManagerEndpoint: httpsEndpoint(read, 'resource-manager-endpoint'),
    authorityHost: httpsEndpoint(read, 'authority-host')
  })

  const mode = oneOf(read, 'mode', MODES)
  const untrusted = mode === 'move' && event ? untrustedTrigger(event) : undefined
  if (untrusted && !flag(read, 'allow-untrusted-trigger')) throw new Error(untrustedTriggerMessage(untrusted))
  if (mode === 'move' && event?.eventName === 'pull_request' && !flag(read, 'allow-move-on-pull-request')) {
    throw new Error(pullRequestMoveMessage())
  }

  return {
    source,
    target,
    mode,
    auth,
    clientId,
    tenantId,
    audience: value(read, 'audience', false) || cloud.audience,
    cloud,
    timeoutMinutes: timeoutMinutes(read),
    createTargetResourceGroup: flag(read, 'create-target-resource-group'),
    registerProviders: flag(read, 'register-providers'),
    includeAssociatedResources: flag(read, 'include-associated-resources'),
    failOnWarnings: flag(read, 'fail-on-warnings'),
    commentOnPullRequest: flag(read, 'comment-on-pull-request'),
    githubToken: value(read, 'github-token', false),
    restore: restoreSteps(read),
    computeSecrets: computeSecrets(read),
    restoreJournal: journalPath(read, source.name),
    validate: flag(read, 'validate'),
    requireApprovedPlan: oneOf(read, 'require-approved-plan', REQUIREMENTS),
    approvedPlanDigest: digest(read)
  }
}

/**
 * The runner's inputs (INPUT_<NAME>, as @actions/core reads them) and event (as github.context reads
 * it), without @actions/core or @actions/github: the entry checks them before those load.
 */
export function getSettings(): Settings {
  const input: InputReader = name => process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
  const eventPath = process.env.GITHUB_EVENT_PATH
  const payload =
    eventPath && existsSync(eventPath) ? (JSON.parse(readFileSync(eventPath, 'utf8')) as TriggerEvent['payload']) : {}
  return parseSettings(input, { eventName: process.env.GITHUB_EVENT_NAME ?? '', payload })
}
