// Each Azure cloud has its own authority, ARM endpoint, token scope and OIDC audience.

export const CLOUD_NAMES = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'] as const
export type CloudName = (typeof CLOUD_NAMES)[number]

export interface Cloud {
  name: CloudName
  authorityHost: string
  resourceManagerEndpoint: string
  /** The token scope ARM accepts in this cloud. */
  scope: string
  /** The audience Entra expects in GitHub's ID token for this cloud (Azure/login#452). */
  audience: string
  /** True when authority-host overrides the cloud's: MSAL must not ask Microsoft about it. */
  customAuthority: boolean
}

const CLOUDS: Record<CloudName, Omit<Cloud, 'customAuthority'>> = {
  AzureCloud: {
    name: 'AzureCloud',
    authorityHost: 'https://login.microsoftonline.com',
    resourceManagerEndpoint: 'https://management.azure.com',
    scope: 'https://management.azure.com/.default',
    audience: 'api://AzureADTokenExchange'
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    authorityHost: 'https://login.microsoftonline.us',
    resourceManagerEndpoint: 'https://management.usgovcloudapi.net',
    scope: 'https://management.core.usgovcloudapi.net/.default',
    audience: 'api://AzureADTokenExchangeUSGov'
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    authorityHost: 'https://login.chinacloudapi.cn',
    resourceManagerEndpoint: 'https://management.chinacloudapi.cn',
    scope: 'https://management.core.chinacloudapi.cn/.default',
    audience: 'api://AzureADTokenExchangeChina'
  }
}

export interface CloudOverrides {
  resourceManagerEndpoint?: string
  authorityHost?: string
}

/** The cloud's endpoints, with the overrides applied; an overridden ARM endpoint is also its own scope. */
export function resolveCloud(name: CloudName, overrides: CloudOverrides): Cloud {
  const base = CLOUDS[name]
  const arm = overrides.resourceManagerEndpoint
  return {
    ...base,
    authorityHost: overrides.authorityHost ?? base.authorityHost,
    resourceManagerEndpoint: arm ?? base.resourceManagerEndpoint,
    scope: arm ? `${arm}/.default` : base.scope,
    customAuthority: overrides.authorityHost !== undefined
  }
}
