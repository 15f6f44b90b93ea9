/*
 * "Copy page for an AI assistant": copies the page's Markdown twin to the clipboard.
 *
 * The twin's address is the page's <link type="text/markdown">; the words come from the
 * button's data-* attributes (data/labels/<code>.po, in the page's language). The twin is
 * fetched only when the button is pressed, from the same site. Where the browser lets a
 * page hand the clipboard a pending text (ClipboardItem), the copy starts within the
 * click, as Safari requires; otherwise the text is written once it has arrived.
 */
(function () {
  "use strict";

  function twinUrl() {
    var link = document.querySelector('link[rel~="alternate"][type="text/markdown"]');
    return link ? new URL(link.getAttribute("href"), document.baseURI).href : null;
  }

  function fetchTwin(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    });
  }

  function copy(url) {
    var text = fetchTwin(url);
    var clipboard = navigator.clipboard;
    if (!clipboard) return Promise.reject(new Error("no clipboard"));
    if (window.ClipboardItem && clipboard.write) {
      var item = new ClipboardItem({
        "text/plain": text.then(function (markdown) {
          return new Blob([markdown], { type: "text/plain" });
        })
      });
      return clipboard.write([item]).catch(function () {
        return text.then(function (markdown) { return clipboard.writeText(markdown); });
      });
    }
    return text.then(function (markdown) { return clipboard.writeText(markdown); });
  }

  function setUp(button) {
    var status = button.parentNode.querySelector(".hc-page-actions__status");
    button.addEventListener("click", function () {
      var url = twinUrl();
      button.disabled = true;
      status.textContent = "";
      var done = url ? copy(url) : Promise.reject(new Error("no twin"));
      done.then(
        function () { status.textContent = button.getAttribute("data-copy-done"); },
        function () {
          status.textContent = button.getAttribute("data-copy-failed").replace("{url}", url || "");
        }
      ).then(function () { button.disabled = false; button.focus(); });
    });
  }

  function start() {
    var buttons = document.querySelectorAll("[data-copy-markdown]");
    for (var i = 0; i < buttons.length; i++) setUp(buttons[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
