import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{a,b,c,d}from"./chunk-VKQJAJRF.js";import"./chunk-PNSXZUTK.js";import"./chunk-HVBI5MZK.js";import"./chunk-MEWOPIKQ.js";export{a as SignInError,b as startSignIn,c as startSignInEarly,d as takeEarlySignIn};
//# sourceMappingURL=credential-LK7RV2FN.js.map
