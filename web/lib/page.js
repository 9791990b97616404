/* JTAI Ready planner and tracker: what both pages share in the browser.
 *
 * Building elements (text always set as text, never as HTML), saving in localStorage (with a
 * stand-in when the browser will not save), the dates both pages share, downloads, the live
 * region, and reading a date a person typed. Then it starts whichever page it is on.
 * Needs, loaded before it: data.js, dates.js, csv.js, plan.js, ics.js, tracker.js; and after it
 * planner-page.js or tracker-page.js, which register themselves in JTAIPlannerApp.pages.
 */
(function (root) {
  "use strict";

  var App = root.JTAI.page = {};
  var DATES_KEY = "jtai-ready:planner-dates";
  var memory = {};

  /** el("p", {class: "x", text: "Hello"}, [children]): attributes as given, text as text. */
  App.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k === "hidden") node.hidden = true;
      else node.setAttribute(k, v === true ? "" : String(v));
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === "") return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  };

  App.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  };

  /**
   * A table in a focusable, labelled scroll region. headers: column names; rows: [{attrs, cells}]
   * where each cell is {text} or {node} (and `header: true` for a row header). Explicit table
   * roles keep the table's meaning for screen readers when narrow screens stack its cells, and
   * each cell carries its column name for that view.
   */
  App.table = function (id, caption, headers, rows, className) {
    var body = App.el("tbody", { role: "rowgroup" });
    rows.forEach(function (row) {
      body.appendChild(App.el("tr", Object.assign({ role: "row" }, row.attrs || {}), row.cells.map(function (cell, i) {
        var attrs = Object.assign({ "data-label": headers[i] }, cell.attrs || {});
        if (cell.header) Object.assign(attrs, { scope: "row", role: "rowheader" });
        else attrs.role = "cell";
        var node = App.el(cell.header ? "th" : "td", attrs, cell.node ? [cell.node] : []);
        if (!cell.node) node.textContent = cell.text || "";
        return node;
      })));
    });
    var table = App.el("table", { class: "jtai-plan-table " + (className || ""), role: "table", "aria-labelledby": id }, [
      App.el("caption", { id: id, text: caption }),
      App.el("thead", { role: "rowgroup" }, [App.el("tr", { role: "row" }, headers.map(function (h) {
        return App.el("th", { scope: "col", role: "columnheader", text: h });
      }))]),
      body
    ]);
    return App.el("div", { class: "jtai-table-wrap", role: "region", "aria-labelledby": id, tabindex: "0" }, [table]);
  };

  // ---------------------------------------------------------------------------------------
  // Storage

  function backend() {
    try {
      var s = root.localStorage;
      s.setItem("jtai-ready:probe", "1");
      s.removeItem("jtai-ready:probe");
      return s;
    } catch (e) {
      return null;
    }
  }

  App.canSave = function () {
    return backend() !== null;
  };

  /** The saved value for key, or null (a damaged value reads as null). */
  App.load = function (key) {
    var s = backend();
    var text = s ? s.getItem(key) : (Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null);
    if (text === null) return null;
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  };

  /** Save a value: {ok: true} or {ok: false, message}. */
  App.save = function (key, value) {
    var text = JSON.stringify(value);
    var s = backend();
    if (!s) {
      memory[key] = text;
      return { ok: false, message: "This browser is not saving for this site, so your work lasts only until you close the page. Export it to keep it." };
    }
    try {
      s.setItem(key, text);
      return { ok: true };
    } catch (e) {
      memory[key] = text;
      return { ok: false, message: "This browser could not save (" + (e && e.name || "error") + "). Export your work to keep it." };
    }
  };

  App.remove = function (key) {
    var s = backend();
    delete memory[key];
    if (s) s.removeItem(key);
  };

  /** The dates both pages share: {mode: "notification" | "fieldwork", date, actual_publication}. */
  App.loadDates = function () {
    var d = App.load(DATES_KEY);
    var D = root.JTAI.dates;
    if (!d || typeof d !== "object") return { mode: "notification", date: "", actual_publication: "" };
    return {
      mode: d.mode === "fieldwork" ? "fieldwork" : "notification",
      date: D.isDate(d.date) ? d.date : "",
      actual_publication: D.isDate(d.actual_publication) ? d.actual_publication : ""
    };
  };

  App.saveDates = function (dates) {
    return App.save(DATES_KEY, { mode: dates.mode, date: dates.date || "",
      actual_publication: dates.actual_publication || "" });
  };

  /** The planner input for JTAI.dates from the shared dates, or null when no date is set. */
  App.inputFor = function (dates) {
    if (!dates.date) return null;
    var input = dates.mode === "fieldwork" ? { fieldwork_start: dates.date } : { notification: dates.date };
    if (dates.actual_publication) input.actual_publication = dates.actual_publication;
    return input;
  };

  // ---------------------------------------------------------------------------------------
  // Time, dates typed by people, downloads, announcements

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  App.today = function () {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  };

  App.nowTime = function () {
    var d = new Date();
    return pad(d.getHours()) + ":" + pad(d.getMinutes());
  };

  App.nowStamp = function () {
    return new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  };

  /** "2024-05-20", "20/05/2024" or "20-5-2024" as ISO, "" when empty, null when not a date. */
  App.readDate = function (text) {
    var t = String(text || "").trim();
    if (!t) return "";
    var D = root.JTAI.dates;
    if (D.isDate(t)) return t;
    var m = /^(\d{1,2})[\/.\- ](\d{1,2})[\/.\- ](\d{4})$/.exec(t);
    if (!m) return null;
    var iso = m[3] + "-" + pad(Number(m[2])) + "-" + pad(Number(m[1]));
    return D.isDate(iso) ? iso : null;
  };

  /** Offer text (or bytes) as a file download, without any request to a server. */
  App.download = function (name, content, type) {
    var blob = new Blob([content], { type: type });
    var url = URL.createObjectURL(blob);
    var link = App.el("a", { href: url, download: name, class: "jtai-hidden-link" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () {
      URL.revokeObjectURL(url);
      link.remove();
    }, 1000);
  };

  /** Say something in a polite live region (cleared first so a repeat is read again). */
  App.announce = function (region, text) {
    if (!region) return;
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  };

  /** Show or hide a field's error message and mark the field. */
  App.fieldError = function (input, errorEl, hintId, message) {
    errorEl.textContent = message ? "Error: " + message : "";
    errorEl.hidden = !message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    input.setAttribute("aria-describedby", message ? hintId + " " + errorEl.id : hintId);
  };

})(typeof self !== "undefined" ? self : this);
