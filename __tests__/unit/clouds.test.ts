import { CLOUD_NAMES, resolveCloud } from '../../src/clouds.js'

describe('clouds', () => {
  it.each([
    [
      'AzureCloud',
      'login.microsoftonline.com',
      'management.azure.com',
      'https://management.azure.com/.default',
      'api://AzureADTokenExchange'
    ],
    [
      'AzureUSGovernment',
      'login.microsoftonline.us',
      'management.usgovcloudapi.net',
      'https://management.core.usgovcloudapi.net/.default',
      'api://AzureADTokenExchangeUSGov'
    ],
    [
      'AzureChinaCloud',
      'login.chinacloudapi.cn',
      'management.chinacloudapi.cn',
      'https://management.core.chinacloudapi.cn/.default',
      'api://AzureADTokenExchangeChina'
    ]
  ] as const)('%s signs in at %s and manages at %s', (name, authority, arm, scope, audience) => {
    const cloud = resolveCloud(name, {})
    expect(new URL(cloud.authorityHost).host).toBe(authority)
    expect(new URL(cloud.resourceManagerEndpoint).host).toBe(arm)
    expect(cloud.scope).toBe(scope)
    expect(cloud.audience).toBe(audience)
    expect(cloud.customAuthority).toBe(false)
  })

  it('covers every cloud the environment input accepts', () => {
    expect([...CLOUD_NAMES]).toEqual(['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'])
  })

  it('with overrides, uses only the given hosts, and the ARM endpoint as the scope', () => {
    const cloud = resolveCloud('AzureUSGovernment', {
      resourceManagerEndpoint: 'https://management.local.azurestack.external',
      authorityHost: 'https://adfs.local.azurestack.external'
    })
    expect(cloud.resourceManagerEndpoint).toBe('https://management.local.azurestack.external')
    expect(cloud.authorityHost).toBe('https://adfs.local.azurestack.external')
    expect(cloud.scope).toBe('https://management.local.azurestack.external/.default')
    expect(cloud.customAuthority).toBe(true)
  })
})
