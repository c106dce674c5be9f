// The action's entry point, as the runner starts it. It holds only the inputs' check and the
// sign-in's first requests (GitHub's ID token, and Entra's OpenID configuration where MSAL would ask
// for it), so that they leave while the rest of the bundle, a chunk of its own, loads. The inputs are read once, here; bad ones start nothing: run() refuses them.

import { requestIdTokenEarly } from './auth/early-id-token.js'
import { getSettings } from './inputs.js'
import type { Settings } from './settings.js'

let inputs: Settings | Error
try {
  inputs = getSettings()
} catch (error) {
  inputs = error instanceof Error ? error : new Error(String(error))
}
if (!(inputs instanceof Error) && inputs.auth === 'oidc') {
  await requestIdTokenEarly(inputs)
  // The credential's chunk (MSAL, @azure/identity) loads first: the sign-in starts, and once its
  // token request is sent the rest (the ARM SDKs, GitHub's client) loads while Entra answers.
  const { startSignInEarly } = await import('./auth/credential.js')
  await startSignInEarly(inputs)
}
const { run } = await import('./main.js')
await run(inputs)
