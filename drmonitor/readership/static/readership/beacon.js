/* Count this page's read once, without a cookie: the script's data-url says where. */
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-url");
  if (url && navigator.sendBeacon) navigator.sendBeacon(url);
})();
