import { requiredProviders, providersRule } from '../../src/rules/providers.js'
import { TARGET_SUB, context, inventory, workspace } from './fixture.js'

const OTHER_TENANT = '88888888-8888-8888-8888-888888888888'

const BASE = [
  'Microsoft.MachineLearningServices',
  'Microsoft.Storage',
  'Microsoft.ContainerRegistry',
  'Microsoft.KeyVault',
  'Microsoft.Insights'
]

describe('requiredProviders', () => {
  it('asks for the five base providers', () => {
    expect(requiredProviders(inventory())).toEqual(BASE)
  })

  it('adds Notebooks, ContainerService and the customer-managed-key providers when the workspace needs them', () => {
    const inv = inventory({
      workspace: workspace({ notebookResourceId: 'nb-id', encryptionStatus: 'Enabled' }),
      computes: [{ name: 'k8s', computeType: 'Kubernetes', attached: true }]
    })
    expect(requiredProviders(inv)).toEqual([
      ...BASE,
      'Microsoft.Notebooks',
      'Microsoft.ContainerService',
      'Microsoft.DocumentDB',
      'Microsoft.Search'
    ])
  })
})

describe('providers', () => {
  const unregistered = inventory({
    workspace: workspace({ notebookResourceId: 'nb-id' }),
    targetProviders: [
      { namespace: 'microsoft.machinelearningservices', registrationState: 'Registered' },
      { namespace: 'Microsoft.Storage', registrationState: 'Registered' },
      { namespace: 'Microsoft.ContainerRegistry', registrationState: 'NotRegistered' },
      { namespace: 'Microsoft.KeyVault', registrationState: 'Registered' },
      { namespace: 'Microsoft.Insights', registrationState: 'Registering' }
    ]
  })

  it('blocks each provider that is not Registered, with its state and the command that registers it', () => {
    expect(providersRule(unregistered, context())).toEqual([
      {
        rule: 'providers',
        severity: 'blocker',
        title: `3 resource providers in the target subscription ${TARGET_SUB} are not registered`,
        items: [
          'Microsoft.ContainerRegistry (NotRegistered)',
          'Microsoft.Insights (Registering)',
          'Microsoft.Notebooks (not listed)'
        ],
        fix: 'Register them in the target subscription, or set register-providers: true.',
        // One command per line, each pasted as it is.
        commands: [
          `az provider register --namespace Microsoft.ContainerRegistry --subscription ${TARGET_SUB}`,
          `az provider register --namespace Microsoft.Insights --subscription ${TARGET_SUB}`,
          `az provider register --namespace Microsoft.Notebooks --subscription ${TARGET_SUB}`
        ]
      }
    ])
  })

  it('reports them as info when the action registers providers', () => {
    const items = [
      'Microsoft.ContainerRegistry (NotRegistered)',
      'Microsoft.Insights (Registering)',
      'Microsoft.Notebooks (not listed)'
    ]
    expect(providersRule(unregistered, context({ registerProviders: true }))).toEqual([
      {
        rule: 'providers',
        severity: 'info',
        title: `3 resource providers in the target subscription ${TARGET_SUB} would be registered`,
        items
      }
    ])
    expect(providersRule(unregistered, context({ registerProviders: true, mode: 'move' }))[0].title).toBe(
      `3 resource providers in the target subscription ${TARGET_SUB} will be registered`
    )
  })

  it('passes when every required provider is Registered', () => {
    expect(providersRule(inventory(), context())).toEqual([])
  })

  it('leaves an unreadable target subscription to the tenant rule', () => {
    expect(providersRule(inventory({ targetSubscription: undefined, targetProviders: [] }), context())).toEqual([])
  })

  it('leaves a target subscription in another tenant, whose providers ARM does not show, to the tenant rule', () => {
    const inv = inventory({ targetSubscription: { subscriptionId: TARGET_SUB, tenantId: OTHER_TENANT }, targetProviders: [] })
    expect(providersRule(inv, context())).toEqual([])
  })
})

describe('a provider the identity could not read', () => {
  it('is not called unregistered: the read-failed warning reports it', () => {
    const unread = inventory({
      targetProviders: inventory().targetProviders.map(p =>
        p.namespace === 'Microsoft.Storage' ? { namespace: p.namespace, registrationState: 'Unknown' } : p
      ),
      readFailures: [{ what: 'provider Microsoft.Storage', code: 'AuthorizationFailed', message: 'denied' }]
    })
    expect(providersRule(unread, context())).toEqual([])
  })
})
