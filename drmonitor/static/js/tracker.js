/* Keeps the "blocked for N days" counter right while the page stays open (past midnight in
   Pakistan). The server already rendered the same number; this only keeps it current. */
(function () {
  "use strict";
  var DAY = 86400000;

  function label(days) {
    if (days < 1) return "less than a day";
    if (days === 1) return "1 day";
    return days.toLocaleString("en-GB") + " days";
  }

  function update(counter) {
    var start = counter.getAttribute("data-start");
    var offset = parseInt(counter.getAttribute("data-tz-offset-minutes") || "0", 10);
    var parts = start.split("-").map(Number);
    var startDay = Date.UTC(parts[0], parts[1] - 1, parts[2]) / DAY;
    var today = Math.floor((Date.now() + offset * 60000) / DAY);
    var days = Math.max(today - startDay, 0);
    var target = counter.querySelector("[data-days]");
    var text = label(days);
    if (target && target.textContent !== text) target.textContent = text;
  }

  function run() {
    var counters = document.querySelectorAll("[data-day-counter]");
    if (!counters.length) return;
    counters.forEach(update);
    window.setInterval(function () { counters.forEach(update); }, 60000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
