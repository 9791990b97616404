// needs: lib/dom.js lib/jtai.js lib/labels.js lib/storage.js partnership/aggregate.js
// needs: partnership/export.js partnership/loader.js
/* JTAI Ready partnership view: the page controller.
 *
 * Holds the loaded assessments (App.set: [{record, source}]: kept in sessionStorage for this
 * tab only, so following a link and pressing Back brings them back; opening or reloading the page
 * starts empty, and the browser forgets them when the tab closes),
 * works out the combined view when they change, switches between the six views (load, agencies,
 * evidence, time, agreed positions, report) and handles downloads and print. The partnership's
 * record for its board (cover note, agreed positions: ui-board.js) is the one thing it saves in
 * this browser. Needs, loaded before it: data.js, scoring.js, labels.js, pii.js, importexport.js,
 * storage.js, dom.js, lib/csv.js, merge.js, tabs.js, partnership/aggregate.js, board.js, loader.js,
 * export.js and the partnership ui-*.js files.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var X = root.JTAI.partnershipExport;
  var App = root.JTAI.app("partnership");
  var h = D.h;

  var VIEWS = [
    { id: "load", label: "Load assessments" },
    { id: "agencies", label: "Agencies compared" },
    { id: "evidence", label: "Evidence and actions" },
    { id: "time", label: "Over time" },
    { id: "positions", label: "Agreed positions" },
    { id: "report", label: "Report" }
  ];

  var els = {};
  var cache = { set: null, length: -1, today: "", value: null };

  App.set = App.set || [];

  // ---------------------------------------------------------------------------------------
  // The loaded assessments

  /** The combined view of the loaded assessments (worked out again only when they change). */
  App.combined = function () {
    var today = D.today();
    if (cache.set !== App.set || cache.length !== App.set.length || cache.today !== today) {
      var records = App.set.map(function (e) { return e.record; });
      cache = { set: App.set, length: App.set.length, today: today,
        value: root.JTAI.partnership.combine(App.data, records, { today: today }) };
    }
    return cache.value;
  };

  var SESSION_KEY = root.JTAI.storage.scoped("jtai-ready:partnership-session");

  function session() {
    try {
      return root.sessionStorage;
    } catch {
      return null;
    }
  }

  /** Keep the loaded assessments for this tab; false when the browser will not. */
  function keepForSession(set) {
    var s = session();
    try {
      if (!s) return false;
      if (set.length) s.setItem(SESSION_KEY, JSON.stringify(set));
      else s.removeItem(SESSION_KEY);
      return true;
    } catch {
      return false;
    }
  }

  /** True when this page was reached with the browser's Back or Forward button. */
  function cameBack() {
    var p = root.performance;
    var nav = p && typeof p.getEntriesByType === "function" ? p.getEntriesByType("navigation")[0] : null;
    if (nav) return nav.type === "back_forward";
    return !!(p && p.navigation) && p.navigation.type === 2;
  }

  /**
   * The assessments loaded earlier in this tab, checked again, and a message saying so. Only after
   * Back or Forward: opening or reloading the page starts empty, as it always has.
   */
  function restoreSession() {
    var s = session();
    var text = null;
    try {
      text = s ? s.getItem(SESSION_KEY) : null;
      if (s && !cameBack()) s.removeItem(SESSION_KEY);
    } catch {
      text = null;
    }
    if (!text || !cameBack()) return "";
    var kept = null;
    try {
      kept = JSON.parse(text);
    } catch {
      kept = null;
    }
    var out = root.JTAI.partnershipLoad.restore(App.data, kept);
    App.set = out.set;
    return out.set.length ? "Restored " + App.ui.plural(out.set.length, "assessment", "assessments") +
      " you loaded earlier in this tab." + (out.skipped ? " " + App.ui.plural(out.skipped, "entry", "entries") +
        " could not be restored: load those files again." : "")
      : "The assessments loaded earlier in this tab could not be restored: load the files again.";
  }

  /** Replace the loaded assessments. */
  App.replaceSet = function (set) {
    App.set = set;
    App.sessionKept = keepForSession(set);
    renderBar();
  };

  /** Is this entry one of the grid's columns (the latest from its agency)? */
  App.inGrid = function (record) {
    return App.combined().columns.some(function (c) { return c.id === record.id && c.updated === record.updated; });
  };

  // ---------------------------------------------------------------------------------------
  // Views

  App.show = function (id, options) {
    options = options || {};
    var view = App.views[id];
    if (!view) return;
    App.view = id;
    els.nav.querySelectorAll("button").forEach(function (b) {
      if (b.getAttribute("data-view") === id) b.setAttribute("aria-current", "page");
      else b.removeAttribute("aria-current");
    });
    var headingId = "jtai-pv-title-" + id;
    var section = h("section", { class: "jtai-pv-view", "data-view": id, "aria-labelledby": headingId }, [
      h("h2", { id: headingId, tabindex: "-1" }, [view.title])
    ]);
    D.clear(els.view).appendChild(section);
    view.render(section, options);
    if (options.focus !== false) D.focus(section.querySelector("h2"));
  };

  function renderNav() {
    var list = h("ul", { class: "jtai-nav-list" }, VIEWS.map(function (v, i) {
      return h("li", {}, [h("button", { type: "button", class: "jtai-nav-btn jtai-pv-nav-btn", "data-view": v.id,
        on: { click: function () { App.show(v.id); } } },
      [h("span", { class: "jtai-nav-num", "aria-hidden": "true" }, [String(i + 1)]), v.label])]);
    }));
    return h("nav", { class: "jtai-nav jtai-noprint", "aria-label": "Partnership view sections" }, [list]);
  }

  function renderBar() {
    if (!els.bar) return;
    var n = App.set.length;
    var text = n === 0 ? "No assessments loaded yet."
      : App.ui.plural(n, "assessment", "assessments") + " loaded; " +
        App.ui.plural(App.combined().columns.length, "column", "columns") + " in the grid.";
    D.text(els.bar, text + (App.sessionKept === false
      ? " This browser will not keep them for this tab: if you leave or reload the page, load them again."
      : " If you follow a link, Back brings them back; reloading or closing the tab clears them. They are not saved in this browser."));
  }

  // ---------------------------------------------------------------------------------------
  // Downloads and print

  function fileName(stem, ext) {
    return stem + "-" + D.today() + "." + ext;
  }

  function offer(name, content, type) {
    D.download(name, content, type);
    D.announce("Download ready: " + name);
  }

  App.exportJSON = function () {
    if (!App.set.length) return;
    offer(fileName("jtai-partnership", "json"),
      X.toJSON(App.data, App.combined(), App.set, new Date().toISOString(), App.board), "application/json");
  };

  App.exportCSV = function () {
    if (!App.set.length) return;
    offer(fileName("jtai-partnership-grid", "csv"), X.gridCSV(App.data, App.combined(), App.board), "text/csv;charset=utf-8");
  };

  App.exportActionsCSV = function () {
    if (!App.set.length) return;
    offer(fileName("jtai-partnership-actions", "csv"), X.actionsCSV(App.data, App.combined()), "text/csv;charset=utf-8");
  };

  /** Where messages that stay until dismissed go (above the views). */
  App.notes = function () {
    return els.notes;
  };

  /** Print the report from any view (set up in start(): see JTAI.dom.printing). */
  App.print = function () {
    els.printNow();
  };

  // ---------------------------------------------------------------------------------------
  // Drag and drop anywhere else on the page must not open the file in place of the page.

  function hasFiles(e) {
    var types = e.dataTransfer && e.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, "Files") >= 0;
  }

  function guardDrops() {
    ["dragover", "drop"].forEach(function (type) {
      root.addEventListener(type, function (e) {
        if (!hasFiles(e) || (e.target.closest && e.target.closest(".jtai-pv-drop"))) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "none";
      });
    });
  }

  // ---------------------------------------------------------------------------------------
  // Start

  App.start = function (mount) {
    App.data = root.JTAI.data.assessment;
    if (!App.data || !App.data.assessment || !App.data.assessment.partnership) {
      D.clear(mount).appendChild(h("p", { class: "jtai-alert jtai-alert-error" },
        ["The partnership view could not start: its data file (assets/assessment/data.js) did not load."]));
      return;
    }
    App.label = root.JTAI.labels.make(App.data);
    App.store = root.JTAI.storage.create();
    els.root = mount;
    D.clear(mount);
    mount.appendChild(h("p", { id: "jtai-live", class: "jtai-sr-only", role: "status", "aria-live": "polite" }));
    els.notes = mount.appendChild(h("div", { class: "jtai-pv-notes jtai-noprint", role: "alert" }));
    App.initBoard();
    els.bar = h("p", { class: "jtai-current" });
    mount.appendChild(h("div", { class: "jtai-bar jtai-pv-bar jtai-noprint" }, [els.bar]));
    els.nav = mount.appendChild(renderNav());
    els.view = mount.appendChild(h("div", { class: "jtai-view jtai-pv-main" }));
    els.print = mount.appendChild(h("div", { class: "jtai-print jtai-pv-print" }));
    els.printNow = D.printing(els.root, els.print, function (area) {
      App.views.report.renderReport(area, 3);
    }, function () { return App.view === "report"; });
    guardDrops();
    VIEWS.forEach(function (v) { if (App.views[v.id]) App.views[v.id].title = App.views[v.id].title || v.label; });
    var restored = restoreSession();
    renderBar();
    App.show("load", { focus: false });
    if (restored) App.ui.restored(restored);
    root.addEventListener("pageshow", function (e) {
      if (e.persisted && App.set.length) {
        App.ui.restored("Your " + App.ui.plural(App.set.length, "loaded assessment is", "loaded assessments are") + " still here.");
      }
    });
    mount.setAttribute("data-ready", "true");
  };
})(typeof self !== "undefined" ? self : this);
