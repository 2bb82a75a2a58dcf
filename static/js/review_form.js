// Running weighted total of the review form: Σ(weight × score) / Σ(weight) over the valid scores
// given, rounded half-up to two decimals without trailing zeros (3.5 shows "3.5"), as the server
// computes and shows it (reviews.aggregation.weighted_score, display_score). A score that is not a
// whole number on the criterion's scale is not counted, and the form says which ones.
(function () {
  "use strict";
  function hundredths(text) {
    // "2.00" -> 200, exactly (no floating point in the sums).
    var match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text).trim());
    if (!match) { return NaN; }
    return parseInt(match[1], 10) * 100 + parseInt(((match[2] || "") + "00").slice(0, 2), 10);
  }
  function display(numerator, denominator) {
    // numerator / denominator, half-up to 2 decimals, as a string without trailing zeros.
    var cents = Math.floor((numerator * 200 + denominator) / (2 * denominator));
    var text = Math.floor(cents / 100) + "." + String(cents % 100).padStart(2, "0");
    return text.replace(/0+$/, "").replace(/\.$/, "");
  }
  function update() {
    var inputs = document.querySelectorAll("input.review-score");
    var output = document.getElementById("weighted-total");
    var excluded = document.getElementById("weighted-total-excluded");
    if (!output) { return; }
    var total = 0, weights = 0, invalid = [];
    inputs.forEach(function (input) {
      var raw = input.value.trim();
      if (raw === "") { return; }
      var weight = hundredths(input.getAttribute("data-weight"));
      var min = parseInt(input.getAttribute("min"), 10), max = parseInt(input.getAttribute("max"), 10);
      var value = /^\d+$/.test(raw) ? parseInt(raw, 10) : NaN;
      if (isNaN(weight) || isNaN(value) || value < min || value > max) {
        var label = document.querySelector('label[for="' + input.id + '"]');
        invalid.push((label ? label.textContent.trim() : input.name) + " (" + raw + ")");
        return;
      }
      total += weight * value;
      weights += weight;
    });
    output.textContent = weights > 0 ? display(total, weights) : "—";
    if (excluded) {
      excluded.hidden = invalid.length === 0;
      excluded.textContent = invalid.length ? excluded.getAttribute("data-message") + " " + invalid.join(", ") : "";
    }
  }
  document.addEventListener("input", function (event) {
    if (event.target.classList && event.target.classList.contains("review-score")) { update(); }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
