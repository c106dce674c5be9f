import { explainIdTokenFailure, explainSignInFailure, readClaims } from '../../src/auth/explain.js'

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`

describe('sign-in explanations', () => {
  it('reads only the non-secret claims of the ID token', () => {
    const claims = readClaims(
      jwt({
        iss: 'https://token.actions.githubusercontent.com',
        sub: 'repo:o/r:pull_request',
        aud: 'api://AzureADTokenExchange',
        jti: 'x'
      })
    )
    expect(claims).toEqual({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:o/r:pull_request',
      aud: 'api://AzureADTokenExchange',
      job_workflow_ref: undefined
    })
    expect(readClaims('not a jwt')).toEqual({})
  })

  it('explains a subject mismatch with the subject to configure', () => {
    const lines = explainSignInFailure(
      'AADSTS700213: No matching federated identity record found for presented assertion subject',
      {
        iss: 'https://token.actions.githubusercontent.com',
        sub: 'repo:contoso/ml:environment:production',
        aud: 'api://AzureADTokenExchange'
      }
    )
    expect(lines).toContain(
      "AADSTS700213: no federated credential has the token's subject: add one whose subject is exactly the one below (Entra compares it case-sensitively)"
    )
    expect(lines).toContain(
      'Federated credential to configure: issuer https://token.actions.githubusercontent.com, subject repo:contoso/ml:environment:production, audience api://AzureADTokenExchange'
    )
    expect(lines.join('\n')).toMatch(/bound to a GitHub environment/)
  })

  it.each(['70021', '700211', '700212', '7002138', '700024'])('has a one-line meaning for AADSTS%s', code => {
    const lines = explainSignInFailure(`AADSTS${code}: refused`, undefined)
    expect(lines[1]).toMatch(new RegExp(`^AADSTS${code}: [a-zA-Z]`))
    expect(lines[1]).not.toMatch(/login\.microsoftonline\.com\/error/)
  })

  it('names Entra and its last answer when it fails without refusing', () => {
    const lines = explainSignInFailure(
      'endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details',
      undefined,
      'HTTP 503 from https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration'
    )
    expect(lines[0]).toBe(
      'Microsoft Entra ID did not answer the sign-in (HTTP 503 from https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration): endpoints_resolution_error: See https://aka.ms/msal.js.errors#endpoints_resolution_error for details'
    )
    expect(lines[1]).toMatch(/azure\.status\.microsoft/)
  })
})

describe("GitHub's token endpoint failing", () => {
  // @actions/core's getIDToken error, as it words it.
  const failure = (status: number) =>
    `Error message: Failed to get ID Token. \n \n        Error Code : ${status}\n \n        Error Message: Service Unavailable`

  it('names GitHub, the status and the outage page, and says Entra was not asked', () => {
    expect(explainIdTokenFailure(failure(503), 3)).toEqual([
      "GitHub's OIDC token endpoint gave no ID token (HTTP 503) after 3 attempts: Service Unavailable",
      'GitHub may be having an outage: check https://www.githubstatus.com, then re-run the job.',
      'Microsoft Entra ID was not asked: the sign-in needs the ID token first.'
    ])
  })

  it("says a 4xx is GitHub refusing the job's request", () => {
    expect(explainIdTokenFailure(failure(403), 3)[1]).toMatch(/^GitHub refused the job's request/)
  })

  it('keeps the first line of an error without a status (a network error)', () => {
    expect(explainIdTokenFailure('Error message: connect ECONNREFUSED 127.0.0.1:443\nmore', 3)[0]).toBe(
      "GitHub's OIDC token endpoint gave no ID token after 3 attempts: Error message: connect ECONNREFUSED 127.0.0.1:443"
    )
  })
})
