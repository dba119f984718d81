// Registers the service worker (offline shell and the queue of moments noted
// offline) and asks it to send the queue whenever the connection returns.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready).then((reg) => {
    const flush = () => reg.active && reg.active.postMessage("flush");
    flush();
    window.addEventListener("online", flush);
  }).catch(() => {});
}

// A chosen chip can be un-chosen with a second tap: its group goes back to
// "Not said", so an answer tapped by mistake is never saved. (Keyboards and
// pages without scripts choose "Not said" itself.)
document.addEventListener("pointerdown", (event) => {
  const chip = event.target instanceof Element && event.target.closest(".chip");
  const input = chip && chip.querySelector("input[type=radio]");
  if (input) input.dataset.wasChecked = input.checked && input.value ? "yes" : "";
});
document.addEventListener("pointercancel", (event) => {
  const chip = event.target instanceof Element && event.target.closest(".chip");
  const input = chip && chip.querySelector("input[type=radio]");
  if (input) input.dataset.wasChecked = "";
});
document.addEventListener("click", (event) => {
  const input = event.target instanceof HTMLInputElement && event.target;
  if (!input || input.type !== "radio" || !input.closest(".chip")) return;
  if (input.dataset.wasChecked === "yes" && input.form) {
    const notSaid = input.form.querySelector(`input[type=radio][name="${input.name}"][value=""]`);
    if (notSaid) notSaid.checked = true;
    else input.checked = false;
  }
  input.dataset.wasChecked = "";
});

// On a phone the menu scrolls sideways: bring the current page into view.
const currentEntry = document.querySelector('.site-header nav a[aria-current="page"]');
if (currentEntry) {
  const menu = currentEntry.closest("ul");
  if (menu && menu.scrollWidth > menu.clientWidth) {
    menu.scrollLeft = currentEntry.offsetLeft - (menu.clientWidth - currentEntry.offsetWidth) / 2;
  }
}

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
