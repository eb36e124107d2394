/* The header's live search: matches appear under the box as the reader types.

   Without this script the box is a plain GET form to /search/. With it, the input becomes an
   ARIA combobox: after a short pause the script asks /search/live/?q= for up to six matches and
   shows them in a listbox with "View All Result" (to the results page) as its last option, or
   "No Result". Arrow keys move through the options, Enter opens one, Escape closes the list;
   a polite live region tells screen-reader users how many matches there are. */
(function () {
  "use strict";

  var DELAY_MS = 180;
  var MIN_CHARS = 2;

  function init(form) {
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector(".live-search");
    var status = form.querySelector("[aria-live]");
    var endpoint = form.getAttribute("data-live-url");
    if (!input || !panel || !endpoint || !window.fetch) return;

    var listId = panel.id + "-list";
    var timer = null;
    var controller = null;
    var answers = {}; // query -> response, so going back a letter costs nothing
    var options = [];
    var active = -1;
    var shownQuery = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function normalise(text) {
      return text.replace(/\s+/g, " ").trim();
    }

    function allUrl(query) {
      return form.getAttribute("action") + "?q=" + encodeURIComponent(query);
    }

    function el(tag, className, text) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    }

    function close() {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      options.forEach(function (option, i) {
        var on = i === index;
        option.classList.toggle("is-active", on);
        option.setAttribute("aria-selected", on ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function option(index, href, className) {
      var item = el("li", className);
      item.id = panel.id + "-option-" + index;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      var link = el("a");
      link.href = href;
      link.tabIndex = -1;
      item.appendChild(link);
      return item;
    }

    function render(data) {
      shownQuery = data.query;
      panel.textContent = "";
      var list = el("ul", "live-search__list");
      list.id = listId;
      list.setAttribute("role", "listbox");
      list.setAttribute("aria-label", "Search results");
      options = [];

      data.results.forEach(function (result, index) {
        var item = option(index, result.url, "live-search__option");
        var link = item.firstChild;
        if (result.thumbnail) {
          var img = el("img");
          img.src = result.thumbnail;
          img.alt = "";
          img.width = 96;
          img.height = 64;
          link.appendChild(img);
        } else {
          link.className = "no-thumb";
        }
        var text = el("span");
        text.appendChild(el("span", "live-search__title", result.title));
        if (result.date) {
          var time = el("time", "live-search__date", result.date_display);
          time.setAttribute("datetime", result.date);
          text.appendChild(time);
        }
        link.appendChild(text);
        list.appendChild(item);
        options.push(item);
      });

      if (!data.results.length) {
        panel.appendChild(el("p", "live-search__empty", "No Result"));
      }
      var all = option(options.length, data.all_url || allUrl(data.query), "live-search__all");
      all.firstChild.textContent = "View All Result";
      list.appendChild(all);
      options.push(all);
      panel.appendChild(list);

      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
      setActive(-1);
      var count = data.results.length;
      status.textContent = count
        ? count + (count === 1 ? " result" : " results") + " shown. Use the arrow keys to choose."
        : "No Result";
    }

    function lookUp(query) {
      if (answers[query]) {
        render(answers[query]);
        return;
      }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var url = endpoint + "?q=" + encodeURIComponent(query);
      fetch(url, {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          if (!response.ok) throw new Error("live search answered " + response.status);
          return response.json();
        })
        .then(function (data) {
          answers[query] = data;
          // Only the answer to what is in the box now is shown.
          if (normalise(input.value) === query) render(data);
        })
        .catch(function (error) {
          if (error.name !== "AbortError") close();
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = normalise(input.value);
      if (query.length < MIN_CHARS) {
        if (controller) controller.abort();
        close();
        status.textContent = "";
        return;
      }
      timer = window.setTimeout(function () {
        lookUp(query);
      }, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !panel.hidden && options.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!open) {
          if (shownQuery !== null && shownQuery === normalise(input.value)) {
            panel.hidden = false;
            input.setAttribute("aria-expanded", "true");
          } else {
            return;
          }
        }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= options.length) next = 0;
        if (next < 0) next = options.length - 1;
        setActive(next);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          window.location.href = options[active].firstChild.href;
        }
      } else if (event.key === "Escape") {
        if (!panel.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    input.addEventListener("focus", function () {
      if (panel.hidden && shownQuery !== null && shownQuery === normalise(input.value)) {
        panel.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    });

    // Close when focus or a click goes elsewhere on the page.
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) close();
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) close();
    });
    // Keep focus in the box while a pointer presses an option, so the click lands.
    panel.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-live-url]"), init);
})();
