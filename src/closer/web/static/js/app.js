// Registers the service worker (offline shell and the queue of moments noted
// offline) and asks it to send the queue whenever the connection returns.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready).then((reg) => {
    const flush = () => reg.active && reg.active.postMessage("flush");
    flush();
    window.addEventListener("online", flush);
  }).catch(() => {});
}

// A chosen chip can be un-chosen with a second tap, so an optional answer
// tapped by mistake never has to be saved. (Without scripts, the edit page
// changes it later.)
document.addEventListener("pointerdown", (event) => {
  const chip = event.target instanceof Element && event.target.closest(".chip");
  const input = chip && chip.querySelector("input[type=radio]");
  if (input) input.dataset.wasChecked = input.checked ? "yes" : "";
});
document.addEventListener("click", (event) => {
  const input = event.target instanceof HTMLInputElement && event.target;
  if (!input || input.type !== "radio" || !input.closest(".chip")) return;
  if (input.dataset.wasChecked === "yes") input.checked = false;
  input.dataset.wasChecked = "";
});

// Tell the server this browser's time zone (a cookie read only by Closer),
// so times show as the person lives them unless Settings names another.
try {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && /^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone) && !document.cookie.split("; ").includes("closer_tz=" + zone)) {
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = "closer_tz=" + zone + "; path=/; max-age=31536000; samesite=lax" + secure;
  }
} catch (error) {
  // No zone from this browser: UTC, or the zone chosen in Settings.
}
