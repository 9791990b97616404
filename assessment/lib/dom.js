// needs: nothing
// uses when called: lib/pii.js
/* JTAI Ready in the browser: the DOM kit every app uses (JTAI.dom).
 *
 * Building elements, tables, focus, the live region, downloads, printing, field errors, the
 * child-details warning, and today's date and time. Every piece of text goes in with textContent
 * (through h() or text()), never innerHTML, so nothing a user typed or imported can run as markup.
 */
(function (root) {
  "use strict";

  var counter = 0;

  /** A new ID, unique on the page. */
  function uid(prefix) {
    counter += 1;
    return "jtai-" + (prefix || "id") + "-" + counter;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else {
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    }
  }

  var PROPERTIES = { value: true, checked: true, disabled: true, selected: true, hidden: true };

  /**
   * h("button", {type: "button", class: "x", on: {click: fn}}, ["Label"]).
   * Attributes go through setAttribute; value/checked/disabled/selected/hidden are set as
   * properties; `text` sets textContent; `on` adds listeners.
   */
  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var v = attrs[name];
      if (v === null || v === undefined || v === false && !PROPERTIES[name]) return;
      if (name === "on") {
        Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); });
      } else if (name === "text") {
        node.textContent = v;
      } else if (PROPERTIES[name]) {
        node[name] = v;
      } else {
        node.setAttribute(name, v === true ? "" : String(v));
      }
    });
    append(node, children);
    return node;
  }

  /** A plain button. opts: {className, attrs}. */
  function button(label, onClick, opts) {
    opts = opts || {};
    return h("button", Object.assign({ type: "button", class: "jtai-btn" + (opts.className ? " " + opts.className : ""),
      on: { click: onClick } }, opts.attrs || {}), [label]);
  }

  /**
   * A table with a caption, inside a focusable region that scrolls sideways on its own, so the
   * page never does. head: strings, or [content, attrs] for a header cell with attributes.
   * opts: {className, wrapClass, label (the region's name; the caption by default), attrs}.
   */
  function table(caption, head, rows, opts) {
    opts = opts || {};
    var headCell = function (c) {
      return h("th", Object.assign({ scope: "col" }, Array.isArray(c) ? c[1] : {}), [Array.isArray(c) ? c[0] : c]);
    };
    return h("div", { class: opts.wrapClass || "jtai-table-wrap", role: "region", tabindex: "0",
      "aria-label": opts.label || caption }, [
      h("table", Object.assign({ class: "jtai-table" + (opts.className ? " " + opts.className : "") }, opts.attrs || {}), [
        h("caption", {}, [caption]),
        h("thead", {}, [h("tr", {}, head.map(headCell))]),
        h("tbody", {}, rows)
      ])
    ]);
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** Replace a node's content with text. */
  function text(node, value) {
    node.textContent = value;
    return node;
  }

  /**
   * A table in a focusable, labelled scroll region that narrow screens show as stacked cards.
   * headers: column names; rows: [{attrs, cells}] where each cell is {text} or {node} (and
   * `header: true` for a row header). Explicit table roles keep the table's meaning for screen
   * readers when the cells are stacked, and each cell carries its column name for that view.
   */
  function stackedTable(id, caption, headers, rows, className) {
    var body = h("tbody", { role: "rowgroup" }, rows.map(function (row) {
      return h("tr", Object.assign({ role: "row" }, row.attrs || {}), row.cells.map(function (cell, i) {
        var attrs = Object.assign({ "data-label": headers[i] }, cell.attrs || {});
        if (cell.header) Object.assign(attrs, { scope: "row", role: "rowheader" });
        else attrs.role = "cell";
        return h(cell.header ? "th" : "td", attrs, cell.node ? [cell.node] : [cell.text || ""]);
      }));
    }));
    var tableNode = h("table", { class: "jtai-plan-table " + (className || ""), role: "table", "aria-labelledby": id }, [
      h("caption", { id: id, text: caption }),
      h("thead", { role: "rowgroup" }, [h("tr", { role: "row" }, headers.map(function (name) {
        return h("th", { scope: "col", role: "columnheader", text: name });
      }))]),
      body
    ]);
    return h("div", { class: "jtai-table-wrap", role: "region", "aria-labelledby": id, tabindex: "0" }, [tableNode]);
  }

  var liveTimers = [];

  /**
   * Say something through a polite live region: `region`, or the page's #jtai-live. Cleared
   * first, so saying the same thing twice is read twice.
   */
  function announce(message, region) {
    region = region || document.getElementById("jtai-live");
    if (!region) return;
    liveTimers.forEach(function (t) { if (t.region === region) clearTimeout(t.id); });
    region.textContent = "";
    liveTimers = [{ region: region, id: setTimeout(function () { region.textContent = message; }, 60) }];
  }

  /** Show or hide a field's error message ("Error: …"), mark the field and describe it by both. */
  function fieldError(input, errorEl, hintId, message) {
    errorEl.textContent = message ? "Error: " + message : "";
    errorEl.hidden = !message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    input.setAttribute("aria-describedby", message ? hintId + " " + errorEl.id : hintId);
  }

  /** How long typing must pause before the child-details check runs. */
  var PII_DELAY_MS = 300;
  var piiTimers = {};

  /**
   * Check a field's text for what looks like a child's details (JTAI.pii) and show or clear the
   * warning element under it: at once when `now` (text already there as the page opens), else
   * once typing pauses. It warns; it never blocks.
   */
  function checkPii(input, warning, now) {
    var pii = root.JTAI.pii;
    var show = function () {
      var message = pii.message(pii.check(input.value));
      if (warning.textContent !== message) warning.textContent = message;
    };
    clearTimeout(piiTimers[warning.id]);
    if (now) show();
    else piiTimers[warning.id] = setTimeout(show, PII_DELAY_MS);
  }

  /** Move focus to a heading or region (made focusable for the purpose). */
  function focus(node) {
    if (!node) return;
    if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
    node.focus({ preventScroll: false });
  }

  /** Offer text as a file to save. */
  function download(name, content, type) {
    var blob = new Blob([content], { type: type });
    var url = URL.createObjectURL(blob);
    var a = h("a", { href: url, download: name, hidden: true });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      URL.revokeObjectURL(url);
      a.remove();
    }, 1000);
  }

  /**
   * Printing from any view: before the browser prints, fill `area` with render(area) and mark
   * `rootNode` "jtai-printing" (the CSS then prints only the area); afterwards, undo both. Skipped
   * while isReport() is true, as that view is already the report. Returns print(), which does the
   * same and opens the browser's print dialogue.
   */
  function printing(rootNode, area, render, isReport) {
    function before() {
      if (isReport()) return;
      clear(area);
      render(area);
      rootNode.classList.add("jtai-printing");
    }
    function after() {
      rootNode.classList.remove("jtai-printing");
      clear(area);
    }
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return function () {
      before();
      window.print();
    };
  }

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  /** Today's date on this device, YYYY-MM-DD. */
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  /** "2025-03-04" -> "4 March 2025" (GOV.UK style); "" stays "". */
  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : "";
  }

  /** An ISO timestamp as local date and time, "4 March 2025 at 16:40". */
  function dateTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) return "";
    return d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear() + " at " +
      pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  /** A Date (now by default) as local "HH:MM". */
  function time(d) {
    d = d || new Date();
    return pad(d.getHours()) + ":" + pad(d.getMinutes());
  }

  /** Now as an ISO timestamp to the second, "2025-03-04T16:40:05Z". */
  function nowStamp() {
    return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  function score(value) {
    return value === null || value === undefined ? "–" : value.toFixed(2);
  }


  /** How long ago a copy was saved to a file: "never", "today", "yesterday" or "N days ago". */
  function sinceText(stamp, todayIso) {
    if (!stamp) return "never";
    var day = function (iso) { return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))); };
    var d = new Date(stamp);
    if (isNaN(d.getTime())) return "never";
    var local = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
    var days = Math.round((day(todayIso) - day(local)) / 86400000);
    if (days <= 0) return "today";
    return days === 1 ? "yesterday" : days + " days ago";
  }

  /**
   * The safety net: "You last saved a copy to a file N days ago." and a one-click "Save a copy to
   * a file" button. opts: {last: () => stamp or "", save: () => void (downloads and records)}.
   * Returns the paragraph; its refresh() redraws the words.
   */
  function safetyNet(opts) {
    var words = h("span", { class: "jtai-copy-when", "data-copy-when": "" });
    var node = h("p", { class: "jtai-safety-net jtai-noprint" }, [words, " ",
      button("Save a copy to a file", function () {
        opts.save();
        node.refresh();
      }, { className: "jtai-btn-small", attrs: { "data-action": "save-copy" } })]);
    node.refresh = function () {
      var when = sinceText(opts.last(), today());
      text(words, when === "never" ? "You have never saved a copy of this to a file." :
        "You last saved a copy to a file " + when + ".");
    };
    node.refresh();
    return node;
  }

  /**
   * A message that stays until the person dismisses it: kind "error" | "ok" | "info"; body: nodes
   * or text; actions: [{label, run, attrs}] (each closes the message unless run returns false).
   */
  function notice(kind, body, actions) {
    var box = h("div", { class: "jtai-alert jtai-alert-" + kind + " jtai-notice", "data-notice": "" });
    var close = function () { box.remove(); };
    (Array.isArray(body) ? body : [body]).forEach(function (part) {
      box.appendChild(typeof part === "string" ? h("p", {}, [part]) : part);
    });
    box.appendChild(h("p", { class: "jtai-notice-actions" }, (actions || []).map(function (a) {
      return button(a.label, function () { if (a.run() !== false) close(); }, { attrs: a.attrs || {} });
    }).concat([button("Dismiss", close, { className: "jtai-btn-small", attrs: { "data-action": "dismiss" } })])));
    return box;
  }

  root.JTAI.dom = { h: h, button: button, table: table, stackedTable: stackedTable, clear: clear, text: text, uid: uid,
    announce: announce, focus: focus, fieldError: fieldError, checkPii: checkPii, download: download, printing: printing,
    today: today, longDate: longDate, dateTime: dateTime, time: time, nowStamp: nowStamp, score: score,
    sinceText: sinceText, safetyNet: safetyNet, notice: notice };
})(typeof self !== "undefined" ? self : this);
