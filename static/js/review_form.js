// Running weighted total of the review form: Σ(weight × score) / Σ(weight) over the scores given,
// shown in <output id="weighted-total">. The server computes the stored value the same way.
(function () {
  "use strict";
  function update() {
    var inputs = document.querySelectorAll("input.review-score");
    var output = document.getElementById("weighted-total");
    if (!output) { return; }
    var total = 0, weights = 0;
    inputs.forEach(function (input) {
      var weight = parseFloat(input.getAttribute("data-weight"));
      var value = parseInt(input.value, 10);
      var min = parseInt(input.getAttribute("min"), 10), max = parseInt(input.getAttribute("max"), 10);
      if (!isNaN(weight) && !isNaN(value) && value >= min && value <= max) {
        total += weight * value;
        weights += weight;
      }
    });
    output.textContent = weights > 0 ? (total / weights).toFixed(2) : "—";
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
