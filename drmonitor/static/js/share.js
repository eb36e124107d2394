/* The copy-link share button: shown only where the clipboard can be written. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-copy-url]");
  if (!navigator.clipboard) return;
  Array.prototype.forEach.call(buttons, function (button) {
    var label = button.querySelector(".share__label") || button;
    var original = label.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-url")).then(function () {
        label.textContent = "Link copied";
        button.setAttribute("data-copied", "true");
        setTimeout(function () {
          label.textContent = original;
          button.removeAttribute("data-copied");
        }, 2500);
      }, function () {
        label.textContent = "Copy failed";
      });
    });
  });
})();
