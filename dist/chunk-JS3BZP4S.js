import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import{b as e,d as r}from"./chunk-MEWOPIKQ.js";var p=r((s,i)=>{i.exports=e("node:https")});var q=r((t,o)=>{o.exports=e("node:fs")});export{p as a,q as b};
//# sourceMappingURL=chunk-JS3BZP4S.js.map
