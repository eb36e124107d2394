// An episode's chapters and transcript times seek its player. Without JavaScript each is a
// plain link to the recording at that moment (a media fragment, #t=SECONDS), which the browser
// opens there. A video on another site is loaded only when the reader asks for it.
(function () {
  "use strict";
  var player = document.getElementById("episode-player");

  function seek(seconds) {
    player.currentTime = seconds;
    var playing = player.play();
    if (playing && playing.catch) playing.catch(function () {});
  }

  if (player) {
    document.addEventListener("click", function (event) {
      var link = event.target.closest("[data-seek]");
      if (!link) return;
      event.preventDefault();
      var seconds = Number(link.getAttribute("data-seek"));
      seek(seconds);
      history.replaceState(null, "", "#t=" + seconds);
    });
    // A link to a moment of this page (…/episode/#t=250) starts the player there.
    var moment = /^#t=(\d+(?:\.\d+)?)$/.exec(window.location.hash);
    if (moment) {
      var start = function () { player.currentTime = Number(moment[1]); };
      if (player.readyState >= 1) start();
      else player.addEventListener("loadedmetadata", start, { once: true });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-embed-url]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = button.getAttribute("data-embed-url") + "?autoplay=1";
      frame.title = button.getAttribute("data-embed-title");
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.className = "player__frame";
      var box = button.closest("[data-click-to-load]");
      box.replaceChildren(frame);
      frame.focus();
    });
  });
})();
