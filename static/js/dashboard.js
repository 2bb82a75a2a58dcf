/* Draws the dashboard's charts: each <div data-figure="ID"> gets the plotly figure whose JSON is in
   <script type="application/json" id="ID"> (no inline script, so the strict CSP holds).

   The tables carry every number and come first; plotly.js (the largest file of the site) is fetched
   only when a chart comes within half a screen of view, and each chart is drawn as it approaches, so a
   phone's first load stays light and its main thread free. Printing draws every chart first. */
(function () {
  "use strict";

  var script = document.currentScript;
  var source = script && script.getAttribute("data-plotly");
  var loading = null;
  var pending = [];

  function loadPlotly() {
    if (window.Plotly) {
      return Promise.resolve(window.Plotly);
    }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = source;
        element.async = true;
        element.onload = function () {
          resolve(window.Plotly);
        };
        element.onerror = reject;
        document.head.appendChild(element);
      });
    }
    return loading;
  }

  function draw(element) {
    if (element.hasAttribute("data-drawing")) {
      return Promise.resolve();
    }
    element.setAttribute("data-drawing", "true");
    var json = document.getElementById(element.getAttribute("data-figure"));
    if (!json) {
      return Promise.resolve();
    }
    return loadPlotly().then(function (Plotly) {
      var figure = JSON.parse(json.textContent);
      return Plotly.newPlot(element, figure.data, figure.layout, figure.config).then(function () {
        element.setAttribute("data-rendered", "true");
      });
    });
  }

  function drawAll() {
    return Promise.all(pending.map(draw));
  }

  function init() {
    pending = Array.prototype.slice.call(document.querySelectorAll("[data-figure]"));
    if (!pending.length || !source) {
      return;
    }
    window.addEventListener("beforeprint", drawAll);
    if (!("IntersectionObserver" in window)) {
      drawAll();
      return;
    }
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (entry.isIntersecting) {
            observer.unobserve(entry.target);
            draw(entry.target);
          }
        });
      },
      { rootMargin: "0px 0px 50% 0px" }
    );
    pending.forEach(function (element) {
      observer.observe(element);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
