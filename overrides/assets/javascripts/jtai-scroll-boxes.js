/* JTAI Ready: a table too wide for the screen scrolls inside its own box (the theme's
   .md-typeset__scrollwrap), never the whole page. At 400% zoom (320 CSS pixels wide) such a box
   must be reachable and named, so that a keyboard user can scroll it with the arrow keys and a
   screen reader says what it holds (WCAG 1.4.10 Reflow, 2.1.1 Keyboard; issue 24).

   Each box that scrolls sideways becomes a focusable region named after its table: the table's
   caption, or else the heading above it. A code block (which the theme already makes
   focusable) that scrolls sideways is named as code under that heading. A box that fits is left alone, so that it adds no stop
   to the Tab order. Runs after the theme has wrapped its tables (document$), and again whenever
   the window changes size. Loaded on every page by overrides/main.html. */
(function () {
  "use strict";

  function headingBefore(node) {
    for (var el = node; el && el !== document.body; el = el.parentElement) {
      for (var prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
        if (/^H[1-6]$/.test(prev.tagName)) return prev.textContent.replace(/¶/g, "").trim();
      }
    }
    return "";
  }

  function name(box) {
    if (box.tagName === "CODE") {
      var under = headingBefore(box.parentElement);
      return "Code" + (under ? " under " + under : "") + " (scrolls sideways)";
    }
    var table = box.querySelector("table");
    var caption = table && table.caption ? table.caption.textContent.trim() : "";
    var title = caption || headingBefore(box);
    return "Table" + (title ? ": " + title : "") + " (scrolls sideways)";
  }

  function update() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code");
    Array.prototype.forEach.call(boxes, function (box) {
      var code = box.tagName === "CODE";  // the theme keeps its code blocks focusable
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name(box));
      } else {
        if (!code) box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  var pending = 0;
  function later() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(later);
  } else {
    later();
  }
  window.addEventListener("resize", later);
})();
