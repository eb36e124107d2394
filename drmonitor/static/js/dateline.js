/* The date in the header, written by the reader's browser: cached pages carry no date, so they
   never show yesterday's. Pakistan time, in the site's own style: "Wednesday, 2 December 2026". */
(function () {
  "use strict";

  var slot = document.querySelector("time[data-today]");
  if (!slot || !window.Intl) return;
  var zone = "Asia/Karachi";
  var now = new Date();
  var part = function (options) {
    return new Intl.DateTimeFormat("en-GB", Object.assign({ timeZone: zone }, options)).format(now);
  };
  slot.textContent =
    part({ weekday: "long" }) + ", " + part({ day: "numeric" }) + " " +
    part({ month: "long" }) + " " + part({ year: "numeric" });
  slot.setAttribute("datetime", new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(now));
})();
