// Registers the service worker (offline shell and the queue of moments noted
// offline) and asks it to send the queue whenever the connection returns.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready).then((reg) => {
    const flush = () => reg.active && reg.active.postMessage("flush");
    flush();
    window.addEventListener("online", flush);
  }).catch(() => {});
}
