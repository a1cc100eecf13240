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
