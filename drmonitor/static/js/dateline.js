/* The date in the header, written by the reader's browser: cached pages carry no date, so they
   never show yesterday's. Pakistan time, in the site's own style: "Wednesday, 2 December 2026".
   Pakistan keeps UTC+05:00 all year (no daylight saving since 2009), so the date is plain
   arithmetic: Intl with a time zone would load the browser's zone data, the page's longest
   task on a slow phone. */
(function () {
  "use strict";

  var slot = document.querySelector("time[data-today]");
  if (!slot) return;
  var days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var months = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var karachi = new Date(Date.now() + 5 * 60 * 60 * 1000);  // read with the UTC getters
  var year = karachi.getUTCFullYear(), month = karachi.getUTCMonth(), day = karachi.getUTCDate();
  var two = function (n) { return (n < 10 ? "0" : "") + n; };
  slot.textContent = days[karachi.getUTCDay()] + ", " + day + " " + months[month] + " " + year;
  slot.setAttribute("datetime", year + "-" + two(month + 1) + "-" + two(day));
})();
