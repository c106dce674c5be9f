// Filters over the emulator's request record: the requests that tests, the benchmark and the demo
// ask about, named once so every reader means the same requests.

import type { RecordedRequest } from './emulator-process.ts'

type Predicate = (request: RecordedRequest) => boolean

export interface Match {
  service?: RecordedRequest['service']
  method?: string
  /** Tested against the path without its query, case-insensitively when a string. */
  path?: RegExp | string
}

/** The requests that match every field given, in arrival order. */
export function matching(requests: readonly RecordedRequest[], { service, method, path }: Match): RecordedRequest[] {
  const pattern = typeof path === 'string' ? new RegExp(path, 'i') : path
  return requests.filter(
    r => (!service || r.service === service) && (!method || r.method === method) && (!pattern || pattern.test(r.path))
  )
}

const armPost =
  (operation: RegExp): Predicate =>
  r =>
    r.service === 'arm' && r.method === 'POST' && operation.test(r.path)

export const isValidation = armPost(/\/validateMoveResources$/i)
export const isMove = armPost(/\/moveResources$/i)
/** The start of a long-running operation: a validation or a move. */
export const isValidationOrMove = armPost(/\/(validateMoveResources|moveResources)$/i)
/** A poll of a validation's or a move's status. */
export const isPoll: Predicate = r => r.service === 'arm' && r.method === 'GET' && /\/operationresults\//i.test(r.path)
/** A request that changes something in Azure: anything but reads and the validation (which only asks). */
export const isWrite: Predicate = r => r.service === 'arm' && r.method !== 'GET' && r.method !== 'HEAD' && !isValidation(r)
/** A step of the OIDC sign-in: GitHub's ID token or Entra's token endpoint. */
export const isSignIn: Predicate = r => r.service === 'entra' || (r.service === 'github' && r.path.includes('/oidc/'))

export const validations = (requests: readonly RecordedRequest[]) => requests.filter(isValidation)
export const moves = (requests: readonly RecordedRequest[]) => requests.filter(isMove)
export const validationsAndMoves = (requests: readonly RecordedRequest[]) => requests.filter(isValidationOrMove)
export const writes = (requests: readonly RecordedRequest[]) => requests.filter(isWrite)

/** The operation a validation or move request names, `validateMoveResources` or `moveResources`. */
export const operationOf = (request: RecordedRequest) => request.path.split('/').pop()!

/** The resources of the first validation or move request, as sent. */
export function resourcesOf(requests: readonly RecordedRequest[], operation: Predicate): string[] | undefined {
  return (requests.find(operation)?.body as { resources: string[] } | undefined)?.resources
}

const ML_CHILD = /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\//i
const isMlWrite =
  (method: string, collection: RegExp): Predicate =>
  r =>
    r.service === 'arm' && r.method === method && ML_CHILD.test(r.path) && collection.test(r.path)

/** A compute create or attach (PUT …/computes/{name}). */
export const isComputeCreate = isMlWrite('PUT', /\/computes\/[^/]+$/i)
/** A compute delete or detach; its `query.underlyingResourceAction` says which. */
export const isComputeDelete = isMlWrite('DELETE', /\/computes\/[^/]+$/i)
/** An online or batch endpoint create or update (PUT …/onlineEndpoints/{name}, …/batchEndpoints/{name}). */
export const isEndpointWrite = isMlWrite('PUT', /\/(online|batch)Endpoints\/[^/]+$/i)
export const isEndpointDelete = isMlWrite('DELETE', /\/(online|batch)Endpoints\/[^/]+$/i)
/** An online or batch deployment create or update. */
export const isDeploymentWrite = isMlWrite('PUT', /\/(online|batch)Endpoints\/[^/]+\/deployments\/[^/]+$/i)
export const isDeploymentDelete = isMlWrite('DELETE', /\/(online|batch)Endpoints\/[^/]+\/deployments\/[^/]+$/i)
/** A read of secrets: a compute's or endpoint's listKeys. */
export const isListKeys: Predicate = r =>
  r.service === 'arm' && r.method === 'POST' && ML_CHILD.test(r.path) && /\/listKeys$/i.test(r.path)
/** A poll of an ML operation (Azure-AsyncOperation or Location). */
export const isMlPoll: Predicate = r =>
  r.service === 'arm' && r.method === 'GET' && /\/locations\/[^/]+\/(compute|mfe)Operation(s)?(Status|Results)\//i.test(r.path)

export const computeCreates = (requests: readonly RecordedRequest[]) => requests.filter(isComputeCreate)
export const computeDeletes = (requests: readonly RecordedRequest[]) => requests.filter(isComputeDelete)
export const endpointWrites = (requests: readonly RecordedRequest[]) => requests.filter(isEndpointWrite)
export const endpointDeletes = (requests: readonly RecordedRequest[]) => requests.filter(isEndpointDelete)
export const deploymentWrites = (requests: readonly RecordedRequest[]) => requests.filter(isDeploymentWrite)

/** The requests whose path ends with this resource id (case-insensitive), e.g. the creates of one compute. */
export const byResourceId = (requests: readonly RecordedRequest[], id: string) =>
  requests.filter(r => r.path.toLowerCase() === id.toLowerCase())
