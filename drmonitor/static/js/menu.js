/* The main menu, enhanced: a menu button on small screens and disclosure buttons for the
   dropdowns, with aria-expanded kept true to what is shown. Without this script the CSS opens
   dropdowns on hover and :focus-within, and small screens show the whole menu. */
(function () {
  "use strict";

  var nav = document.querySelector(".main-nav");
  if (!nav) return;
  var menu = nav.querySelector("#main-menu");
  var menuButton = nav.querySelector(".menu-button");
  var toggles = Array.prototype.slice.call(nav.querySelectorAll(".submenu-toggle"));
  var desktop = window.matchMedia("(min-width: 60em)");

  function setOpen(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.parentElement.classList.toggle("is-open", open);
  }

  function closeAll(except) {
    toggles.forEach(function (toggle) {
      if (toggle !== except) setOpen(toggle, false);
    });
  }

  toggles.forEach(function (toggle) {
    var item = toggle.parentElement;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      if (desktop.matches) closeAll(toggle);
      setOpen(toggle, open);
    });
    item.addEventListener("mouseenter", function () {
      if (desktop.matches) { closeAll(toggle); setOpen(toggle, true); }
    });
    item.addEventListener("mouseleave", function () {
      if (desktop.matches) setOpen(toggle, false);
    });
    item.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(toggle, false);
        toggle.focus();
        event.stopPropagation();
      }
    });
    item.addEventListener("focusout", function (event) {
      if (desktop.matches && !item.contains(event.relatedTarget)) setOpen(toggle, false);
    });
  });

  if (menuButton && menu) {
    menuButton.hidden = false;
    menuButton.addEventListener("click", function () {
      var open = menuButton.getAttribute("aria-expanded") !== "true";
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !desktop.matches &&
          menuButton.getAttribute("aria-expanded") === "true") {
        menuButton.setAttribute("aria-expanded", "false");
        nav.classList.remove("is-open");
        menuButton.focus();
      }
    });
  }

  document.addEventListener("click", function (event) {
    if (desktop.matches && !nav.contains(event.target)) closeAll(null);
  });
  desktop.addEventListener("change", function () { closeAll(null); });
})();
