import { explainSignInFailure, readClaims } from '../../src/auth/explain.js'

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
})
