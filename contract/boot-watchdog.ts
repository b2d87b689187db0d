/**
 * An inline script in index.html, before the app's entry. Chromium aborts requests in flight
 * when the machine's network changes (ERR_NETWORK_CHANGED: an engine's bridge or a container's
 * veth coming or going is enough). When that hit the entry script, nothing of the app ran and
 * the window stayed blank for good; screens' chunks and the stylesheet already recover
 * (loadChunk.ts, ensureStyles.ts). This catches the entry's load error and reloads the page
 * once (the same 30 s guard, and the same sessionStorage key, as loadChunk's reload); failing
 * again, it says what to do instead of leaving a blank window.
 *
 * It is inline because it must not need a request of its own. Main's and index.html's CSP
 * allow exactly this text by its hash (BOOT_WATCHDOG_CSP); a unit test checks the hash.
 */
export const BOOT_WATCHDOG = [
  "addEventListener('error',function(e){",
  'var s=e.target;',
  'if(!(s instanceof HTMLScriptElement)||!s.src)return;',
  "var k='porthole.chunkReloadAt',t=0;",
  'try{t=Number(sessionStorage.getItem(k))}catch(x){}',
  'if(!(t>0&&Date.now()-t<30000)){',
  'try{sessionStorage.setItem(k,String(Date.now()))}catch(x){}',
  'location.reload();return}',
  "var r=document.getElementById('root');",
  'if(!r)return;',
  "var a=document.createElement('p');",
  "a.setAttribute('role','alert');",
  "a.textContent='Porthole could not load its scripts. Reload the window to try again.';",
  'r.replaceChildren(a)',
  '},true)',
].join('');

/** The CSP source that allows BOOT_WATCHDOG inline, and nothing else inline. */
export const BOOT_WATCHDOG_CSP = "'sha256-gSlj4KmggeD0+kL+KXIcKGwSBMLhejv3gNYhrhw5khc='";
