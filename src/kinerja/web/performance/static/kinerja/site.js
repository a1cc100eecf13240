// Behaviour every page shares, without inline script (the Content-Security-Policy allows none).
// Anything that removes data asks first: a button with data-confirm submits only after "OK".
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});
// Choosing a language applies it at once (the OK button remains for keyboards and no-script).
document.addEventListener("change", (event) => {
  if (event.target.matches("select[data-submit-on-change]")) event.target.form.submit();
});
// A report download that takes over a second shows that it is being prepared, and how long so far.
// The file is fetched, then saved under the name the server gives; an error is said, not swallowed.
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a[data-download]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || !window.fetch || !window.URL) return;
  event.preventDefault();
  if (link.getAttribute("aria-busy") === "true") return;
  const status = document.getElementById("download-status");
  const started = Date.now();
  link.setAttribute("aria-busy", "true");
  const tick = window.setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    if (status && seconds >= 1) {
      status.hidden = false;
      status.textContent = `${status.dataset.preparing} ${link.textContent.trim()}… ${seconds} ${status.dataset.seconds}`;
    }
  }, 250);
  try {
    const response = await fetch(link.href, { credentials: "same-origin" });
    if (!response.ok) throw new Error(String(response.status));
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = disposition.match(/filename="([^"]+)"/);
    const save = document.createElement("a");
    save.href = URL.createObjectURL(blob);
    save.download = match ? match[1] : "";
    document.body.appendChild(save);
    save.click();
    save.remove();
    window.setTimeout(() => URL.revokeObjectURL(save.href), 10000);
    if (status) { status.hidden = false; status.textContent = status.dataset.done; }
  } catch (error) {
    if (status) { status.hidden = false; status.textContent = `${status.dataset.failed} (${error.message})`; }
  } finally {
    window.clearInterval(tick);
    link.removeAttribute("aria-busy");
  }
});
