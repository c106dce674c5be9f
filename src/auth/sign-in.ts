// Sign-in: the credential (GitHub's ID token as the client assertion, or the Azure CLI's session),
// proven by a first ARM token; it ends in the Azure session every read and write takes.

import { openSession, type AzureSession } from '../azure/session.js'
import type { Settings } from '../settings.js'
import { startSignIn, takeEarlySignIn } from './credential.js'

export { SignInError } from './credential.js'

/** Signs in and proves it by getting an ARM token; a refusal names the service and is explained, not just relayed. */
export async function signIn(settings: Settings): Promise<AzureSession> {
  // Started as the process started, when the entry could (see credential.ts).
  const { credential, proof } = takeEarlySignIn(settings) ?? startSignIn(settings)
  await proof
  return openSession(credential, settings)
}
