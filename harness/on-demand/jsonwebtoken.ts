// What the bundle gives @azure/msal-node for `jsonwebtoken`: MSAL signs with it only a client
// assertion made from a certificate, which the action never makes (its assertion is GitHub's ID
// token), yet importing it evaluates jsonwebtoken, jws, jwa and semver before the sign-in can go on.

/** jsonwebtoken's sign(), as MSAL calls it (the package has no types of its own). */
type Sign = (payload: object, key: unknown, options?: object) => string

export default {
  // esbuild turns a require() of a bundled package into a call of its module's wrapper, where an
  // import would evaluate it with the chunk: nothing of it runs until a certificate is signed with.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sign: ((...args) => (require('jsonwebtoken') as { sign: Sign }).sign(...args)) as Sign
}
