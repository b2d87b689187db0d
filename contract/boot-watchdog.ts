/**
 * An inline script in index.html, before the app's entry. Chromium aborts requests in flight
 * when the machine's network changes (ERR_NETWORK_CHANGED: an engine's bridge or a container's
 * veth coming or going is enough). When that hit the entry script, nothing of the app ran and
 * the window stayed blank for good; screens' chunks and the stylesheet already recover
 * (loadChunk.ts, ensureStyles.ts). This catches the entry's load error and reloads the page,
 * up to three times in 30 s, each a little later (0.5, 1, 1.5 s: a network change can last a
 * few seconds while containers start — one reload was not enough in CI); failing after that, it
 * says what to do instead of leaving a blank window.
 *
 * It is inline because it must not need a request of its own. Main's and index.html's CSP
 * allow exactly this text by its hash (BOOT_WATCHDOG_CSP); a unit test checks the hash.
 */
export const BOOT_WATCHDOG = [
  "addEventListener('error',function(e){",
  'var s=e.target;',
  'if(!(s instanceof HTMLScriptElement)||!s.src)return;',
  "var k='porthole.bootReloads',n=0,t=0;",
  "try{var v=String(sessionStorage.getItem(k)||'').split(':');n=Number(v[0])||0;t=Number(v[1])||0}catch(x){}",
  'if(!(t>0&&Date.now()-t<30000)){n=0;t=Date.now()}',
  'if(n<3){',
  "try{sessionStorage.setItem(k,(n+1)+':'+t)}catch(x){}",
  'setTimeout(function(){location.reload()},500*(n+1));return}',
  "var r=document.getElementById('root');",
  'if(!r)return;',
  "var a=document.createElement('p');",
  "a.setAttribute('role','alert');",
  "a.textContent='Porthole could not load its scripts. Reload the window to try again.';",
  'r.replaceChildren(a)',
  '},true)',
].join('');

/** The CSP source that allows BOOT_WATCHDOG inline, and nothing else inline. */
export const BOOT_WATCHDOG_CSP = "'sha256-YRaUNTEAr6uXGaLgxuqyw9gOspZO7FPz0FnkekKToTY='";
