/* "Add to playlist" in one click, without reloading the page.

   Without JavaScript the control under an article is a plain form that opens
   /playlists/add/?page=ID, where the reader picks a playlist. With it, for a signed-in reader
   (the page says so with <body data-signed-in>, which a cached page never carries), the control
   asks that address for the reader's playlists as JSON (never cached, with a CSRF token) and
   becomes a choice of playlist and one "Add" button posting to the same address. The result
   is announced in the control's live region. */
(function () {
  "use strict";
  if (!document.body.hasAttribute("data-signed-in") || !window.fetch) return;

  var NEW = "";

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function announce(status, text, link) {
    status.textContent = text + " ";
    if (link) status.appendChild(element("a", { href: link.url }, "Open “" + link.title + "”"));
  }

  function choices(address, page) {
    return fetch(address + "?page=" + encodeURIComponent(page), {
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) throw new Error("not signed in, or not a page that can be added");
      return response.json();
    });
  }

  function build(control, data, chosen) {
    var status = control.querySelector(".playlist-add__status");
    var old = control.querySelector(".playlist-add__form");
    var id = "playlist-choice-" + data.page.id;
    var form = element("form", { "class": "playlist-add__form", method: "post", action: data.action });
    form.appendChild(element("input", { type: "hidden", name: "page", value: data.page.id }));

    var select = element("select", { id: id, name: "playlist" });
    data.playlists.forEach(function (playlist) {
      var label = playlist.title + (playlist.contains ? " (already in it)" : "");
      select.appendChild(element("option", { value: playlist.id }, label));
    });
    select.appendChild(element("option", { value: NEW }, "A new playlist…"));
    if (chosen) select.value = String(chosen);
    form.appendChild(element("label", { "for": id }, "Playlist"));
    form.appendChild(select);

    var nameId = "playlist-new-" + data.page.id;
    var name = element("span", { "class": "playlist-add__new" });
    name.appendChild(element("label", { "for": nameId }, "Name"));
    name.appendChild(element("input", { id: nameId, name: "new_title", maxlength: "120", value: "My playlist" }));
    form.appendChild(name);
    function showName() {
      var isNew = select.value === NEW;
      name.hidden = !isNew;
      name.querySelector("input").disabled = !isNew;
    }
    select.addEventListener("change", showName);
    showName();

    var button = element("button", { type: "submit", "class": "playlist-add__button" }, "Add to playlist");
    form.appendChild(button);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      status.textContent = "Adding…";
      fetch(data.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json", "X-CSRFToken": data.csrf_token },
        credentials: "same-origin"
      }).then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      }).then(function (result) {
        if (!result.ok) {
          announce(status, result.answer.message || "That did not work; try again.");
          button.disabled = false;
          return;
        }
        var playlist = result.answer.playlist;
        // Fetch the choices again: a new playlist joins the list, "already in it" is marked.
        return choices(data.action, data.page.id).then(function (fresh) {
          build(control, fresh, playlist.id);
          announce(status, result.answer.message, playlist);
        });
      }).catch(function () {
        announce(status, "That did not work; check your connection and try again.");
        button.disabled = false;
      });
    });
    old.replaceWith(form);
  }

  document.querySelectorAll("[data-playlist-add]").forEach(function (control) {
    var form = control.querySelector(".playlist-add__form");
    choices(form.action, form.elements.page.value).then(function (data) {
      build(control, data);
    }).catch(function () { /* keep the plain form */ });
  });
})();
