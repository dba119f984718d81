// Closer's service worker: the app shell offline, and moments noted while
// the server cannot be reached kept on this device until it can.
//
// Only the shell is cached: styles, scripts, the icon, the offline page and
// "Need help now" (crisis lines work offline). Pages with your records are
// never cached, so nothing private is written to the browser's cache.
// A moment noted on the quick-log form while offline is kept in IndexedDB
// (on this device only) and sent to the server, in order, as soon as it
// answers again; it leaves the queue only once the server has saved it.

// The server names the cache after the shell's contents (routes/offline.py).
const SHELL = "closer-shell-dev";
const ASSETS = [
  "/static/css/closer.css",
  "/static/vendor/htmx/htmx.min.js",
  "/static/js/app.js",
  "/static/favicon.svg",
  "/static/vendor/inter/inter-latin-wght-normal.woff2",
  "/offline",
  "/help",
];
const QUEUE_DB = "closer-offline";
const QUEUE = "moments";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(SHELL).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function openQueue() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(QUEUE_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(QUEUE, { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function inQueue(mode, work) {
  return openQueue().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction(QUEUE, mode);
    const result = work(tx.objectStore(QUEUE));
    tx.oncomplete = () => resolve(result.result);
    tx.onerror = () => reject(tx.error);
  }));
}

const enqueue = (body) => inQueue("readwrite", (store) => store.add({ body, queuedAt: Date.now() }));
const queuedKeys = () => inQueue("readonly", (store) => store.getAllKeys());
const queued = (key) => inQueue("readonly", (store) => store.get(key));
const dequeue = (key) => inQueue("readwrite", (store) => store.delete(key));

let flushing = null;

// Send every queued moment, oldest first; stop at the first that the server
// does not save (unreachable, or locked): it stays, and so do the rest.
function flush() {
  if (flushing) return flushing;
  flushing = (async () => {
    let sent = 0;
    for (const key of await queuedKeys()) {
      const item = await queued(key);
      let response;
      try {
        response = await fetch("/moments", {
          method: "POST",
          body: item.body,
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          credentials: "same-origin",
          redirect: "follow",
        });
      } catch (error) {
        break;
      }
      if (!response.ok || !new URL(response.url).pathname.startsWith("/moments/")) break;
      await dequeue(key);
      sent += 1;
    }
    return sent;
  })().finally(() => { flushing = null; });
  return flushing;
}

function savedHere() {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kept on this device · Closer</title><link rel="stylesheet" href="/static/css/closer.css"></head>
<body><main id="main" class="offline-saved"><h1>Kept on this device</h1>
<p class="lead">Closer cannot reach its server right now, so your moment is kept here, on this device.
It will be saved as soon as the server answers again. Nothing you wrote is lost.</p>
<p><a href="/offline">Note another moment</a> · <a href="/help">Need help now</a></p></main></body></html>`;
  return new Response(page, { status: 202, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Every moment sent through here carries a client key: if the server saved
// it but the answer was lost, sending it again returns the same moment.
function withKey(body) {
  const form = new URLSearchParams(body);
  if (!form.get("client_key")) form.set("client_key", self.crypto.randomUUID());
  return form.toString();
}

async function postOrKeep(request) {
  const body = withKey(await request.text());
  try {
    const response = await fetch("/moments", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      credentials: "same-origin",
      redirect: "manual", // the browser follows the server's redirect itself
    });
    flush();
    return response;
  } catch (error) {
    await enqueue(body);
    return savedHere();
  }
}

async function pageOrShell(request) {
  const path = new URL(request.url).pathname;
  try {
    const response = await fetch(request);
    if (path === "/help" && response.ok) {
      const copy = response.clone();
      caches.open(SHELL).then((cache) => cache.put("/help", copy));
    }
    flush();
    return response;
  } catch (error) {
    const cached = await caches.match(path === "/help" ? "/help" : "/offline");
    return cached || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/moments") {
    event.respondWith(postOrKeep(request));
  } else if (request.method === "GET" && request.mode === "navigate") {
    event.respondWith(pageOrShell(request));
  } else if (request.method === "GET" && url.pathname.startsWith("/static/")) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});

self.addEventListener("message", (event) => {
  if (event.data === "flush") event.waitUntil(flush());
});

self.addEventListener("sync", (event) => {
  if (event.tag === "closer-queue") event.waitUntil(flush());
});
