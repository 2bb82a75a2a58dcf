// The idle-timeout warning: a modal dialog some time before the server signs the person out
// (accounts/middleware.py), with "Stay signed in" (counts as activity) and "Sign out now".
// Another tab's activity also extends the session, so the page asks the server before warning.
(function () {
  "use strict";
  var dialog = document.getElementById("session-timeout");
  if (!dialog || typeof dialog.showModal !== "function") return;
  var warnBefore = parseInt(dialog.dataset.warnBefore, 10) * 1000;
  var statusUrl = dialog.dataset.statusUrl;
  var loginUrl = dialog.dataset.loginUrl;
  var left = dialog.querySelector(".session-timeout-left");
  var extendForm = document.getElementById("session-extend-form");
  var deadline = Date.now() + parseInt(dialog.dataset.secondsLeft, 10) * 1000;
  var timer = null;
  var ticker = null;

  function format(ms) {
    var seconds = Math.max(0, Math.round(ms / 1000));
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    return minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function signedOut(reason) {
    // A page holding unsaved input sends its form instead, so that the server keeps the input over
    // the sign-in (static/js/unsaved_changes.js, accounts/kept_input.py).
    var keep = new CustomEvent("session:signed-out", { cancelable: true, detail: { reason: reason || "idle" } });
    if (!document.dispatchEvent(keep)) return;
    var next = window.location.pathname + window.location.search;
    window.location.assign(loginUrl + "?expired=" + (reason || "idle") + "&next=" + encodeURIComponent(next));
  }

  function schedule() {
    clearTimeout(timer);
    var untilWarning = deadline - Date.now() - warnBefore;
    timer = setTimeout(check, Math.max(0, untilWarning));
  }

  function check() {
    fetch(statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (!status.signed_in) { signedOut(status.reason); return; }
        deadline = Date.now() + status.seconds_left * 1000;
        if (deadline - Date.now() > warnBefore + 1000) { close(); schedule(); return; }
        if (deadline <= Date.now()) { signedOut(); return; }
        warn();
      })
      .catch(function () { schedule(); });
  }

  function warn() {
    left.textContent = format(deadline - Date.now());
    if (!dialog.open) dialog.showModal();
    extendForm.querySelector("button").focus();
    clearInterval(ticker);
    ticker = setInterval(function () {
      var remaining = deadline - Date.now();
      left.textContent = format(remaining);
      if (remaining <= 0) { clearInterval(ticker); check(); }
    }, 1000);
  }

  function close() {
    clearInterval(ticker);
    if (dialog.open) dialog.close();
  }

  extendForm.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(extendForm.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      body: new FormData(extendForm),
    })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (!status.signed_in) { signedOut(status.reason); return; }
        deadline = Date.now() + status.seconds_left * 1000;
        close();
        schedule();
      })
      .catch(function () { extendForm.submit(); });
  });
  // Escape answers "I am here": it keeps the session instead of hiding the warning silently.
  dialog.addEventListener("cancel", function (event) { event.preventDefault(); extendForm.requestSubmit(); });

  schedule();
})();
