import { parseSettings, type InputReader } from '../../src/inputs.js'

const SOURCE =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/ml-test-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test'
const VALID: Record<string, string> = {
  'workspace-id': SOURCE,
  'target-subscription-id': '22222222-2222-2222-2222-222222222222',
  'target-resource-group': 'ml-prod-rg',
  mode: 'dry-run',
  auth: 'oidc',
  'client-id': '33333333-3333-3333-3333-333333333333',
  'tenant-id': '44444444-4444-4444-4444-444444444444',
  audience: '',
  environment: 'AzureCloud',
  'resource-manager-endpoint': '',
  'authority-host': '',
  'timeout-minutes': '240',
  'create-target-resource-group': 'false',
  'register-providers': 'false',
  'include-associated-resources': 'false',
  'fail-on-warnings': 'false',
  'comment-on-pull-request': 'true',
  'github-token': '',
  'allow-untrusted-trigger': 'false',
  'allow-move-on-pull-request': 'false',
  validate: 'true',
  'require-approved-plan': 'auto',
  'approved-plan-digest': ''
}

function reader(overrides: Record<string, string>): InputReader {
  const inputs = { ...VALID, ...overrides }
  return name => inputs[name] ?? ''
}

describe('parseSettings', () => {
  it('reads restore as a comma- or newline-separated list, empty by default', () => {
    expect(parseSettings(reader({})).restore).toEqual([])
    expect(parseSettings(reader({ restore: 'Datastores,\n role-assignments\n' })).restore).toEqual([
      'role-assignments',
      'datastores'
    ])
    expect(parseSettings(reader({ restore: 'endpoints, computes' })).restore).toEqual(['computes', 'endpoints'])
    expect(parseSettings(reader({ 'restore-journal': '/var/journal.json' })).restoreJournal).toBe('/var/journal.json')
    expect(parseSettings(reader({})).restoreJournal).toMatch(/\/\.azureml-move\/ml-ws-test\.journal\.json$/)
  })

  it('reads valid inputs into settings', () => {
    const settings = parseSettings(reader({}))
    expect(settings.source).toEqual({
      subscriptionId: '11111111-1111-1111-1111-111111111111',
      resourceGroup: 'ml-test-rg',
      name: 'ml-ws-test',
      id: SOURCE
    })
    expect(settings.target.id).toBe(
      '/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/ml-prod-rg/providers/Microsoft.MachineLearningServices/workspaces/ml-ws-test'
    )
    expect(settings.mode).toBe('dry-run')
    expect(settings.audience).toBe('api://AzureADTokenExchange')
    expect(settings.cloud.scope).toBe('https://management.azure.com/.default')
    expect(settings.cloud.customAuthority).toBe(false)
    expect(settings.timeoutMinutes).toBe(240)
  })

  it('accepts ARM keywords in any case, as ARM does, and trims a trailing newline', () => {
    const id = SOURCE.replace('resourceGroups', 'RESOURCEGROUPS').replace(
      'Microsoft.MachineLearningServices',
      'microsoft.machinelearningservices'
    )
    expect(parseSettings(reader({ 'workspace-id': `${id}\n` })).source.name).toBe('ml-ws-test')
  })

  it('uses the cloud default audience and overridden endpoints as scope', () => {
    const gov = parseSettings(reader({ environment: 'AzureUSGovernment' }))
    expect(gov.audience).toBe('api://AzureADTokenExchangeUSGov')
    expect(gov.cloud.resourceManagerEndpoint).toBe('https://management.usgovcloudapi.net')
    const local = parseSettings(
      reader({ 'resource-manager-endpoint': 'https://127.0.0.1:8443/', 'authority-host': 'https://127.0.0.1:9443' })
    )
    expect(local.cloud.scope).toBe('https://127.0.0.1:8443/.default')
    expect(local.cloud.customAuthority).toBe(true)
  })

  it('takes timeout-minutes in decimals, down to seconds', () => {
    expect(parseSettings(reader({ 'timeout-minutes': '0.5' })).timeoutMinutes).toBe(0.5)
    expect(parseSettings(reader({ 'timeout-minutes': '90' })).timeoutMinutes).toBe(90)
  })

  it('needs no client or tenant with the Azure CLI session', () => {
    const settings = parseSettings(reader({ auth: 'azure-cli', 'client-id': '', 'tenant-id': '' }))
    expect(settings.auth).toBe('azure-cli')
    expect(settings.clientId).toBe('')
  })

  it('refuses a target equal to the source, compared case-insensitively', () => {
    expect(() =>
      parseSettings(
        reader({ 'target-subscription-id': '11111111-1111-1111-1111-111111111111', 'target-resource-group': 'ML-TEST-RG' })
      )
    ).toThrow(
      "Input 'target-resource-group': the target (11111111-1111-1111-1111-111111111111/ML-TEST-RG) is where the workspace already is"
    )
  })

  const ws = (tail: string) => `/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/ml-test-rg/providers/${tail}`
  // [input, value, text the message must contain]
  const malformed: Array<[string, string, string]> = [
    ['workspace-id', '', 'is required'],
    ['workspace-id', '   ', 'is required'],
    ['workspace-id', 'ml-ws-test', 'is not a workspace ID'],
    [
      'workspace-id',
      ws('Microsoft.Storage/storageAccounts/ml-ws-test'),
      "names a 'Microsoft.Storage/storageAccounts', not a workspace"
    ],
    ['workspace-id', ws('Microsoft.MachineLearningServices/registries/ml-ws-test'), 'not a workspace'],
    ['workspace-id', ws('Microsoft.MachineLearningServices/workspaces'), 'is not a workspace ID'],
    ['workspace-id', ws('Microsoft.MachineLearningServices/workspaces/ml-ws-test/computes/cpu'), 'is not a workspace ID'],
    ['workspace-id', `${SOURCE}/`, 'remove the trailing slash'],
    ['workspace-id', SOURCE.slice(1), 'is not a workspace ID'],
    ['workspace-id', `//${SOURCE.slice(1)}`, 'is not a workspace ID'],
    ['workspace-id', SOURCE.replace('/subscriptions/', '/subscription/'), 'is not a workspace ID'],
    ['workspace-id', SOURCE.replace('/providers/', '/provider/'), 'is not a workspace ID'],
    ['workspace-id', SOURCE.replace('11111111-1111-1111-1111-111111111111', 'not-a-guid'), "subscription 'not-a-guid'"],
    ['workspace-id', SOURCE.replace('11111111-1111-1111-1111-111111111111', '11111111111111111111111111111111'), 'is not a GUID'],
    ['workspace-id', SOURCE.replace('ml-test-rg', '..'), 'cannot end with a period'],
    ['workspace-id', SOURCE.replace('ml-test-rg', 'rg%2F..'), 'resource group'],
    ['workspace-id', SOURCE.replace('ml-test-rg', 'rg?x=1'), 'resource group'],
    ['workspace-id', SOURCE.replace('ml-ws-test', 'ml ws'), 'contains whitespace'],
    ['workspace-id', SOURCE.replace('ml-ws-test', 'ws#frag'), 'workspace name'],
    ['workspace-id', SOURCE.replace('ml-ws-test', 'ab'), 'workspace name'],
    ['workspace-id', SOURCE.replace('ml-ws-test', '-starts-with-hyphen'), 'workspace name'],
    ['workspace-id', SOURCE.replace('ml-ws-test', 'a'.repeat(34)), 'workspace name'],
    ['workspace-id', `${SOURCE}\n${SOURCE}`, 'contains whitespace'],
    ['workspace-id', `https://management.azure.com${SOURCE}`, 'is not a workspace ID'],
    ['workspace-id', SOURCE.replace('/providers/', '/../providers/'), 'is not a workspace ID'],
    ['target-subscription-id', '', 'is required'],
    ['target-subscription-id', 'prod', 'is not a subscription ID'],
    ['target-subscription-id', '{22222222-2222-2222-2222-222222222222}', 'is not a subscription ID'],
    ['target-subscription-id', '22222222-2222-2222-2222-22222222222g', 'is not a subscription ID'],
    ['target-subscription-id', '/subscriptions/22222222-2222-2222-2222-222222222222', 'is not a subscription ID'],
    ['target-resource-group', '', 'is required'],
    ['target-resource-group', 'a'.repeat(91), '1 to 90'],
    ['target-resource-group', 'rg.', 'cannot end with a period'],
    ['target-resource-group', 'rg/../other', 'is invalid'],
    ['target-resource-group', 'rg name', 'contains whitespace'],
    ['target-resource-group', 'rg<script>', 'is invalid'],
    ['target-resource-group', 'rg%20x', 'is invalid'],
    ['mode', 'apply', "'apply' is not one of: dry-run, move"],
    ['mode', '', 'is not one of: dry-run, move'],
    ['environment', 'AzureGermanCloud', 'is not one of: AzureCloud, AzureUSGovernment, AzureChinaCloud'],
    ['client-id', '', 'is required'],
    ['client-id', 'my-app', 'is not an application (client) ID'],
    ['tenant-id', 'not a tenant', 'contains whitespace'],
    ['tenant-id', '', 'is required'],
    ['auth', 'service-principal', "'service-principal' is not one of: oidc, azure-cli"],
    ['tenant-id', 'contoso', 'neither a tenant ID'],
    ['timeout-minutes', 'ten', "'ten' is not a number of minutes above 0 and at most 240"],
    ['timeout-minutes', '0', 'above 0 and at most 240'],
    ['timeout-minutes', '241', 'above 0 and at most 240'],
    ['timeout-minutes', '.5', 'above 0 and at most 240'],
    ['timeout-minutes', '1e3', 'above 0 and at most 240'],
    ['timeout-minutes', '-5', 'above 0 and at most 240'],
    ['resource-manager-endpoint', 'http://127.0.0.1:8443', 'must use https'],
    ['resource-manager-endpoint', 'management.azure.com', 'is not a URL'],
    ['resource-manager-endpoint', 'https://user:pass@arm.example', 'must not carry credentials'],
    ['authority-host', 'ftp://login.example', 'must use https'],
    ['authority-host', 'https://login.example/?x=1', 'query'],
    ['create-target-resource-group', 'yes', "'yes' is not a boolean"],
    ['register-providers', 'ture', "'ture' is not a boolean"],
    ['fail-on-warnings', '1', 'is not a boolean'],
    [
      'restore',
      'role-assignments, secrets',
      "'secrets' is not one of: computes, compute-instances, endpoints, role-assignments, private-endpoints, datastores"
    ],
    ['compute-secrets', '{"dsvm": "hunter2"}', "the entry for 'dsvm' must be an object of strings"],
    ['compute-secrets', 'hunter2', 'is not valid JSON']
  ]

  it.each(malformed)('refuses %s = %j, naming the input', (input, value, expected) => {
    expect(() => parseSettings(reader({ [input]: value }))).toThrow(`Input '${input}'`)
    expect(() => parseSettings(reader({ [input]: value }))).toThrow(expected)
  })

  /** The message parseSettings refuses these inputs with. */
  const refusal = (overrides: Record<string, string>): string => {
    try {
      parseSettings(reader(overrides))
    } catch (error) {
      return (error as Error).message
    }
    throw new Error('accepted')
  }

  it('quotes at most 200 characters of a huge value, with its length', () => {
    const huge = `${SOURCE}${'x'.repeat(100_000)}`
    const message = refusal({ 'workspace-id': huge })
    expect(message).toMatch(
      /^Input 'workspace-id': the workspace name '.{200}…' \(100010 characters\) in '.{200}…' \(100143 characters\) is invalid/
    )
    expect(message.length).toBeLessThan(1000)
  })

  it.each([
    [
      'audience',
      'api://AzureADTokenExchange\u202E',
      "'api://AzureADTokenExchange\\u202E' contains a control, bidi or zero-width character"
    ],
    ['target-resource-group', 'ml-prod\u200B-rg', "'ml-prod\\u200B-rg' contains a control, bidi or zero-width character"],
    ['mode', 'mo\u0000ve', "'mo\\u0000ve' contains a control"]
  ])('refuses %s with an invisible character, showing it escaped', (input, value, expected) => {
    const message = refusal({ [input]: value })
    expect(message).toContain(`Input '${input}': ${expected}`)
    expect(message).not.toContain([...value].find(char => !/[ -~]/.test(char)))
  })

  it('never shows the github-token, not even in part', () => {
    expect(refusal({ 'github-token': 'ghs_secret\u202Evalue' })).toBe(
      "Input 'github-token': the value contains a control, bidi or zero-width character; type the value again"
    )
    expect(refusal({ 'github-token': 'ghs_secret value' })).not.toContain('ghs_secret')
  })
})

describe('untrusted triggers', () => {
  const move = reader({ mode: 'move' })
  it('refuses a move on pull_request_target', () => {
    expect(() => parseSettings(move, { eventName: 'pull_request_target', payload: {} })).toThrow(
      "Input 'mode': move refuses to run here: pull_request_target runs with the base repository's secrets"
    )
  })

  it("refuses a move on workflow_run from a fork's pull request, unless allowed", () => {
    const event = {
      eventName: 'workflow_run',
      payload: {
        workflow_run: {
          event: 'pull_request',
          head_repository: { full_name: 'mallory/ml' },
          repository: { full_name: 'contoso/ml' }
        }
      }
    }
    expect(() => parseSettings(move, event)).toThrow('triggered by a pull request from mallory/ml, a fork')
    expect(parseSettings(reader({ mode: 'move', 'allow-untrusted-trigger': 'true' }), event).mode).toBe('move')
  })

  it('lets a dry run and same-repository events through', () => {
    expect(parseSettings(reader({}), { eventName: 'pull_request_target', payload: {} }).mode).toBe('dry-run')
    const sameRepo = {
      event: 'pull_request',
      head_repository: { full_name: 'contoso/ml' },
      repository: { full_name: 'Contoso/ML' }
    }
    expect(parseSettings(move, { eventName: 'workflow_run', payload: { workflow_run: sameRepo } }).mode).toBe('move')
  })
})

describe('mode: move on pull_request', () => {
  const pullRequest = { eventName: 'pull_request', payload: {} }

  it('is refused, saying why and how the promotion flow moves', () => {
    expect(() => parseSettings(reader({ mode: 'move' }), pullRequest)).toThrow(
      "Input 'mode': move refuses to run on pull_request: anyone who can push a branch could move the workspace before any review."
    )
    expect(() => parseSettings(reader({ mode: 'move' }), pullRequest)).toThrow('examples/promotion.yml')
  })

  it('runs with allow-move-on-pull-request: true, and a dry run always does', () => {
    expect(parseSettings(reader({ mode: 'move', 'allow-move-on-pull-request': 'true' }), pullRequest).mode).toBe('move')
    expect(parseSettings(reader({}), pullRequest).mode).toBe('dry-run')
  })
})

describe('the approved plan', () => {
  it('reads require-approved-plan, validate and a digest (any case, kept lower-case)', () => {
    const digest = 'AB'.repeat(32)
    const settings = parseSettings(reader({ 'require-approved-plan': 'TRUE', validate: 'false', 'approved-plan-digest': digest }))
    expect(settings).toMatchObject({ requireApprovedPlan: 'true', validate: false, approvedPlanDigest: digest.toLowerCase() })
  })

  it('refuses a digest that is not a full sha256', () => {
    expect(() => parseSettings(reader({ 'approved-plan-digest': 'abcdef123456' }))).toThrow(
      "Input 'approved-plan-digest': 'abcdef123456' is not a plan digest"
    )
    expect(() => parseSettings(reader({ 'require-approved-plan': 'yes' }))).toThrow("'yes' is not one of: auto, true, false")
  })
})
