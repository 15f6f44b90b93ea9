/*
 * A table wider than the page scrolls inside its own box (Material wraps it in
 * .md-typeset__scrollwrap). A reader without a mouse can scroll that box only if it can take
 * the focus, so a box that scrolls is made focusable and named after its table's section;
 * one that fits, at the reader's width, is left out of the tab order.
 */
(function () {
  "use strict";

  function sectionName(box) {
    var heading = null;
    for (var node = box; node && !heading; node = node.parentElement) {
      for (var sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
        if (/^H[1-6]$/.test(sibling.tagName)) { heading = sibling; break; }
      }
    }
    return heading ? heading.textContent.trim() : document.title;
  }

  function mark() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", sectionName(box));
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }

  var pending = 0;
  function later() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(mark);
  }

  if (document.readyState === "complete") mark();
  else window.addEventListener("load", mark);
  window.addEventListener("resize", later);
  document.addEventListener("hc:table-added", later);
})();
