import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{c as a,d as b,e as c,f as d}from"./chunk-W5UFXAMS.js";import"./chunk-WNYHTR6K.js";import"./chunk-7W3P3LA7.js";import"./chunk-JS3BZP4S.js";import"./chunk-MEWOPIKQ.js";export{a as SignInError,b as startSignIn,c as startSignInEarly,d as takeEarlySignIn};
//# sourceMappingURL=credential-BPSB5ASG.js.map
