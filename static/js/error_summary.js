// The error summary (templates/includes/error_summary.html): focus moves to it when the page loads,
// so that screen readers announce it and keyboard users start there; each link moves the focus to
// its input and scrolls its label (or the legend of its group) into view, as GOV.UK's does.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) {
      return;
    }
    var input = document.getElementById(link.getAttribute("href").slice(1));
    if (!input) {
      return;
    }
    event.preventDefault();
    var fieldset = input.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    var label = document.querySelector("label[for='" + input.id + "']");
    var heading = (legend && legend.getClientRects().length ? legend : null) || label || input;
    heading.scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
