// The shapes of Machine Learning computes per computeType (Compute_Get_* examples at 2025-12-01):
// the defaults a scenario entry starts from, the fields the service sets on a create, and what
// GET hides (secrets only listKeys returns). No routes here: builders.ts and ml-computes.ts share it.

import { stableGuid } from '../http.ts'

/** The part of a stored resource these shapes read (builders.ts's ArmResource, without importing it back). */
interface ComputeResource {
  id: string
  location?: string
  properties?: Record<string, unknown>
}

/** Types that attach a resource that exists elsewhere (their resourceId), as opposed to ones ML creates. */
export const ATTACHED_TYPES = [
  'Kubernetes',
  'AKS',
  'SynapseSpark',
  'Databricks',
  'VirtualMachine',
  'HDInsight',
  'DataFactory',
  'DataLakeAnalytics'
]
export const COMPUTE_TYPES = ['AmlCompute', 'ComputeInstance', ...ATTACHED_TYPES]

export function canonicalType(computeType: unknown): string | undefined {
  return COMPUTE_TYPES.find(t => t.toLowerCase() === String(computeType).toLowerCase())
}

export function isAttachedType(computeType: unknown): boolean {
  return ATTACHED_TYPES.some(t => t.toLowerCase() === String(computeType).toLowerCase())
}

/** ML's timestamps: seven fractional digits and an explicit +00:00. */
export function mlTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000+00:00')
}

function ip(seed: string): string {
  const h = stableGuid(seed).replace(/-/g, '')
  return `10.0.${parseInt(h.slice(0, 2), 16)}.${(parseInt(h.slice(2, 4), 16) % 250) + 4}`
}

/** What a compute instance serves once it runs: its applications and the addresses to reach it. */
export function instanceEndpoints(name: string, location: string, seed: string): Record<string, unknown> {
  const host = `https://${name}.${location}.instances.azureml.ms`
  return {
    applications: [
      { displayName: 'Jupyter', endpointUri: `${host}/tree/` },
      { displayName: 'Jupyter Lab', endpointUri: `${host}/lab` },
      { displayName: 'VS Code', endpointUri: `vscode://vscode-remote/azureml/${name}` }
    ],
    connectivityEndpoints: { publicIpAddress: null, privateIpAddress: ip(seed) }
  }
}

/** The inner `properties.properties` a scenario entry of this type starts from. */
export function innerDefaults(computeType: string, name: string, location: string, id: string): Record<string, unknown> | null {
  switch (computeType.toLowerCase()) {
    case 'amlcompute':
      return {
        vmSize: 'STANDARD_DS3_V2',
        vmPriority: 'Dedicated',
        scaleSettings: { maxNodeCount: 4, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: 'PT120S' },
        currentNodeCount: 0,
        targetNodeCount: 0,
        allocationState: 'Steady'
      }
    case 'computeinstance':
      return {
        vmSize: 'STANDARD_DS3_V2',
        applicationSharingPolicy: 'Shared',
        computeInstanceAuthorizationType: 'personal',
        sshSettings: { sshPublicAccess: 'Disabled', adminUserName: 'azureuser', sshPort: 4001 },
        ...instanceEndpoints(name, location, id),
        osImageMetadata: { currentImageVersion: '25.01.10', latestImageVersion: '25.01.10', isLatestOsImageVersion: true },
        errors: null,
        state: 'Running'
      }
    case 'kubernetes':
      return {
        relayConnectionString: null,
        serviceBusConnectionString: null,
        extensionPrincipalId: null,
        extensionInstanceReleaseTrain: 'stable',
        vcName: null,
        namespace: 'default',
        defaultInstanceType: 'defaultinstancetype'
      }
    case 'aks':
      return null
    default:
      return {}
  }
}

function withSchedulesProvisioned(inner: Record<string, unknown>, seed: string): Record<string, unknown> {
  const schedules = inner.schedules as { computeStartStop?: Array<Record<string, unknown>> } | undefined
  if (!schedules?.computeStartStop) return inner
  const computeStartStop = schedules.computeStartStop.map((schedule, i) => ({
    ...schedule,
    id: stableGuid(`${seed}#schedule${i}`),
    provisioningStatus: 'Completed'
  }))
  return { ...inner, schedules: { ...schedules, computeStartStop } }
}

/**
 * The inner properties a create answers with: what the request sent, kept field by field, plus
 * what the service sets. `seed` makes the generated addresses and ids new for each create.
 */
export function createdInner(
  computeType: string,
  sent: Record<string, unknown>,
  name: string,
  location: string,
  seed: string
): Record<string, unknown> | null {
  switch (computeType.toLowerCase()) {
    case 'amlcompute': {
      const scale = (sent.scaleSettings ?? { maxNodeCount: 4, minNodeCount: 0, nodeIdleTimeBeforeScaleDown: 'PT120S' }) as {
        minNodeCount?: number
      }
      return {
        osType: 'Linux',
        vmPriority: 'Dedicated',
        virtualMachineImage: null,
        isolatedNetwork: false,
        remoteLoginPortPublicAccess: 'NotSpecified',
        enableNodePublicIp: true,
        ...sent,
        scaleSettings: scale,
        allocationState: 'Steady',
        allocationStateTransitionTime: new Date().toISOString(),
        errors: null,
        currentNodeCount: 0,
        targetNodeCount: scale.minNodeCount ?? 0,
        nodeStateCounts: {
          preparingNodeCount: 0,
          runningNodeCount: 0,
          idleNodeCount: 0,
          unusableNodeCount: 0,
          leavingNodeCount: 0,
          preemptedNodeCount: 0
        }
      }
    }
    case 'computeinstance': {
      const ssh = { sshPublicAccess: 'Disabled', adminUserName: 'azureuser', sshPort: 4001, ...(sent.sshSettings as object) }
      return withSchedulesProvisioned(
        {
          applicationSharingPolicy: 'Shared',
          computeInstanceAuthorizationType: 'personal',
          ...sent,
          sshSettings: ssh,
          ...instanceEndpoints(name, location, seed),
          osImageMetadata: { currentImageVersion: '25.01.10', latestImageVersion: '25.01.10', isLatestOsImageVersion: true },
          errors: null,
          lastOperation: {
            operationName: 'Create',
            operationTime: new Date().toISOString(),
            operationStatus: 'InProgress',
            operationTrigger: 'User'
          },
          state: 'Creating'
        },
        seed
      )
    }
    case 'kubernetes':
      return { ...innerDefaults('Kubernetes', name, location, seed), ...sent }
    default:
      return Object.keys(sent).length ? { ...sent } : computeType.toLowerCase() === 'aks' ? null : {}
  }
}

type Account = { username?: string; password?: string | null; publicKeyData?: string | null; privateKeyData?: string | null }

/** As GET answers: an attached VM's or HDInsight's account without its password or private key, Databricks without its token. */
export function computeView<T extends ComputeResource>(resource: T): T {
  const inner = (resource.properties?.properties ?? undefined) as Record<string, unknown> | undefined
  if (!inner) return resource
  const account = inner.administratorAccount as Account | undefined
  if (!account && !('databricksAccessToken' in inner)) return resource
  const rest = { ...inner }
  delete rest.databricksAccessToken
  const visible = account ? { ...rest, administratorAccount: { ...account, password: null, privateKeyData: null } } : rest
  return { ...resource, properties: { ...resource.properties, properties: visible } }
}

/** Compute_ListKeys: the secrets of an attached compute, by type (ComputeSecrets' discriminator). */
export function computeSecrets(resource: ComputeResource): Record<string, unknown> | undefined {
  const type = canonicalType(resource.properties?.computeType)
  const inner = (resource.properties?.properties ?? {}) as Record<string, unknown>
  switch (type) {
    case 'AKS':
    case 'Kubernetes': {
      const resourceId = resource.properties?.resourceId
      const cluster = typeof resourceId === 'string' ? resourceId : resource.id
      const config = (user: string) =>
        `apiVersion: v1\nkind: Config\nclusters:\n- name: ${cluster.split('/').pop()}\n  cluster:\n    server: https://${cluster.split('/').pop()}-dns.hcp.${resource.location}.azmk8s.io:443\nusers:\n- name: ${user}\n  user:\n    token: ${stableGuid(`${cluster}#${user}`).replace(/-/g, '')}\n`
      return {
        computeType: type,
        userKubeConfig: config('clusterUser'),
        adminKubeConfig: config('clusterAdmin'),
        imagePullSecretName: null
      }
    }
    case 'VirtualMachine':
    case 'HDInsight':
      return { computeType: type, administratorAccount: inner.administratorAccount ?? null }
    case 'Databricks':
      return { computeType: type, databricksAccessToken: inner.databricksAccessToken ?? null }
    default:
      return undefined
  }
}
