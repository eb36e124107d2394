// Follows a background import: asks for its progress every two seconds and moves the bar;
// when the run has ended, reloads the page to show its report.
(function () {
  var box = document.querySelector("[data-import-progress]");
  if (!box || (box.dataset.state !== "queued" && box.dataset.state !== "running")) return;
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-progress-text]");
  function poll() {
    fetch(box.dataset.importProgress, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (run) {
        bar.max = run.total || 1;
        bar.value = run.done;
        text.textContent = run.done + " of " + run.total + " items (" + run.state + ")";
        if (run.state === "done" || run.state === "failed") window.location.reload();
        else window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
