// needs: lib/dom.js lib/jtai.js
/* JTAI Ready partnership view: the grid's header row stays in view as the page scrolls.
 *
 * The grid scrolls sideways in its own box, and a box that scrolls cannot also let its header
 * stick to the page. So a copy of the header row (hidden from assistive technology: the real
 * header is still in the table) sits just above the box, stuck under the site's header. It shows
 * only while the real header row is out of sight and some of the grid is still in the window;
 * it follows the box sideways, and its cells take the real cells' widths. The first column
 * sticks at the left of the box (partnership.css) in both. Needs dom.js.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("partnership");
  var h = D.h;
  var listening = false;

  /** Where the site's own header ends (the copy sticks just under it). */
  function stickLine() {
    var bar = document.querySelector(".md-header");
    if (!bar) return 0;
    var style = root.getComputedStyle(bar);
    return style.position === "sticky" || style.position === "fixed" ? Math.max(0, bar.getBoundingClientRect().bottom) : 0;
  }

  /** The copy's cells take the real cells' widths (worked out again when the table's width changes). */
  function matchWidths(copy, table) {
    var width = table.getBoundingClientRect().width;
    if (copy.getAttribute("data-width") === String(width)) return;
    copy.setAttribute("data-width", String(width));
    var cells = table.tHead.rows[0].cells;
    var twins = copy.querySelector("tr").cells;
    copy.querySelector("table").style.width = width + "px";
    Array.prototype.forEach.call(cells, function (cell, i) {
      var w = cell.getBoundingClientRect().width + "px";
      twins[i].style.width = w;
      twins[i].style.minWidth = w;
      twins[i].style.maxWidth = w;
    });
  }

  function update(copy) {
    var box = copy.nextElementSibling;
    var table = box && box.querySelector("table");
    if (!table || !table.tHead || !box.getClientRects().length) return;
    var line = stickLine();
    var head = table.tHead.getBoundingClientRect();
    var rect = box.getBoundingClientRect();
    var stuck = head.top < line && rect.bottom > line + head.height;
    copy.style.top = line + "px";
    copy.classList.toggle("is-stuck", stuck);
    if (!stuck) return;
    matchWidths(copy, table);
    copy.firstChild.scrollLeft = box.scrollLeft;
  }

  function updateAll() {
    document.querySelectorAll(".jtai-pv-stickyhead").forEach(update);
  }

  function listen() {
    if (listening) return;
    listening = true;
    var queued = false;
    var soon = function () {
      if (queued) return;
      queued = true;
      root.requestAnimationFrame(function () { queued = false; updateAll(); });
    };
    root.addEventListener("scroll", soon, { passive: true });
    root.addEventListener("resize", function () {
      document.querySelectorAll(".jtai-pv-stickyhead").forEach(function (c) { c.removeAttribute("data-width"); });
      soon();
    });
  }

  /**
   * The copy of a table's header row, to go just before the table's scroll box (`wrap`, from
   * JTAI.dom.table). Returns the copy; keeps it up to date as the page and the box scroll.
   */
  function stickyHead(wrap) {
    var row = wrap.querySelector("thead tr").cloneNode(true);
    Array.prototype.forEach.call(row.querySelectorAll("[id], [data-column]"), function (el) {
      el.removeAttribute("id");
      el.removeAttribute("data-column");
    });
    var copy = h("div", { class: "jtai-pv-stickyhead", "aria-hidden": "true" }, [
      h("div", { class: "jtai-pv-stickyhead-inner" }, [
        h("table", { class: "jtai-table jtai-pv-grid-head" }, [h("thead", {}, [row])])])]);
    wrap.addEventListener("scroll", function () { update(copy); }, { passive: true });
    listen();
    root.requestAnimationFrame(function () { update(copy); });
    return copy;
  }

  App.parts.stickyHead = stickyHead;
})(typeof self !== "undefined" ? self : this);
