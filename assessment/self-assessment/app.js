// needs: lib/dom.js lib/importexport.js lib/jtai.js lib/labels.js lib/scoring.js lib/storage.js
// needs: self-assessment/csv.js
/* JTAI Ready self-assessment: the page controller.
 *
 * Holds the open assessment, saves it on every change, switches between the four views (start,
 * criteria, results, report) and handles export and print. Needs, loaded before it: data.js,
 * scoring.js, explain.js, pii.js, labels.js, importexport.js, csv.js, storage.js, dom.js, ui-*.js.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var IO = root.JTAI.io;
  var App = root.JTAI.app("self-assessment");

  var VIEWS = [
    { id: "start", label: "Start" },
    { id: "criteria", label: "Criteria" },
    { id: "results", label: "Results" },
    { id: "report", label: "Report" }
  ];

  var els = {};
  var summaryCache = null;

  // ---------------------------------------------------------------------------------------
  // The open record

  /** The current record's results (worked out once per change). */
  App.summary = function () {
    if (!summaryCache) {
      summaryCache = root.JTAI.scoring.summarise(App.data, App.record, { today: D.today() });
    }
    return summaryCache;
  };

  /** The answer object for a criterion inside a record, created on first use. */
  App.answerFor = function (record, criterionId) {
    if (!record.answers[criterionId]) record.answers[criterionId] = IO.emptyAnswer();
    return record.answers[criterionId];
  };

  /**
   * Change the open record: mutate(record), then save and tell the views.
   * info: {criterion: id, what: "rating" | "evidence" | ...} for views that update in place.
   */
  App.change = function (mutate, info) {
    mutate(App.record);
    App.record.updated = new Date().toISOString();
    App.record.app_version = App.data.app_version;
    summaryCache = null;
    App.persist();
    var view = App.views[App.view];
    if (view && view.update) view.update(info || {});
    renderBar();
  };

  /**
   * Save the open record; say so when it cannot be saved. If another tab changed or deleted it
   * since this tab last read or wrote it, that is put together with this tab's changes first
   * (see JTAI.tabs): another tab's edit is never overwritten without a word.
   */
  App.persist = function () {
    if (App.tabs.check(App.record) === "deleted") {
      renderBar();
      return { ok: false, reason: "deleted" };
    }
    var result = App.store.save(App.record);
    App.saveFailed = !result.ok;
    if (result.ok) {
      App.tabs.wrote(App.record);
      App.savedAt = new Date();
      clearStorageAlert();
    } else {
      showStorageAlert(result.message);
    }
    return result;
  };

  /** Open a saved assessment (or a record in hand) and show a view. */
  App.open = function (record, view, options) {
    App.record = IO.normalise(record);
    summaryCache = null;
    App.criterionId = null;
    App.store.setCurrent(App.record.id);
    App.tabs.opened(App.record.id);
    App.savedAt = null;
    App.saveFailed = false;
    renderBar();
    App.show(view || App.view || "start", options);
  };

  /** Start a new assessment, save it and open it. */
  App.create = function () {
    var record = IO.newRecord(App.data, { title: "Self-assessment, " + D.longDate(D.today()) });
    record.respondent.date = D.today();
    var result = App.store.save(record);
    if (!result.ok) showStorageAlert(result.message);
    App.open(record, "start", { focus: false });
    D.focus(document.getElementById("jtai-resp-title"));
    D.announce("Started a new assessment: " + record.title);
    return record;
  };

  /** The saved assessments that can be opened, most recent first. */
  App.saved = function () {
    return App.store.list().filter(function (r) { return IO.problems(r, App.data).length === 0; });
  };

  /**
   * Saved assessments that cannot be opened as they are: [{id, text, record, problems}]. They are
   * never dropped: "Your assessments" shows them, with what is wrong, a repair and a download.
   */
  App.needingAttention = function () {
    return App.store.entries().map(function (e) {
      var problems = e.record === null ? [{ path: "$", message: "the saved text could not be read (it may have been cut short)" }]
        : IO.problems(e.record, App.data);
      return { id: e.id, text: e.text, record: e.record, problems: problems };
    }).filter(function (e) { return e.problems.length > 0; });
  };

  /** Save a copy of the open assessment to a file, and remember when. */
  App.saveCopy = function () {
    App.exportJSON();
  };

  // ---------------------------------------------------------------------------------------
  // Views

  App.show = function (id, options) {
    App.view = id;
    if (id === "criteria" && options && "criterion" in options) App.criterionId = options.criterion;
    rememberPlace();
    els.nav.querySelectorAll("button").forEach(function (b) {
      if (b.getAttribute("data-view") === id) b.setAttribute("aria-current", "page");
      else b.removeAttribute("aria-current");
    });
    D.clear(els.view);
    App.views[id].render(els.view, options || {});
    if (!options || options.focus !== false) {
      D.focus(els.view.querySelector("[data-focus]") || els.view.querySelector("h2"));
    }
  };

  // Where the person was: the view and criterion of the open assessment, so that the page reopens
  // there. Kept beside the assessments (not inside a record), so it never changes an export.
  var PLACE = root.JTAI.storage.scoped("jtai-ready:view:self-assessment-place");

  function rememberPlace() {
    if (!App.record) return;
    App.copies.write(PLACE, { id: App.record.id, view: App.view, criterion: App.criterionId || null });
  }

  /** {view, options} to reopen record at: where the person left off, or Start. */
  function placeFor(record) {
    var place = App.copies.read(PLACE);
    var known = VIEWS.map(function (v) { return v.id; });
    if (!place || place.id !== record.id || known.indexOf(place.view) < 0) return { view: "start", options: {} };
    var exists = App.data.criteria.some(function (c) { return c.id === place.criterion; });
    return { view: place.view, options: place.view === "criteria" ? { criterion: exists ? place.criterion : null } : {} };
  }

  function renderNav() {
    var list = D.h("ul", { class: "jtai-nav-list" }, VIEWS.map(function (v, i) {
      return D.h("li", {}, [D.h("button", { type: "button", class: "jtai-nav-btn", "data-view": v.id,
        on: { click: function () { App.show(v.id, v.id === "criteria" ? { criterion: null } : {}); } } },
      [D.h("span", { class: "jtai-nav-num", "aria-hidden": "true" }, [String(i + 1)]), v.label])]);
    }));
    return D.h("nav", { class: "jtai-nav jtai-noprint", "aria-label": "Self-assessment steps" }, [list]);
  }

  function renderBar() {
    if (!els.title || !App.record) return;
    var saved = !App.store.available
      ? "Not saved: this browser does not let this page save. Save a copy to a file to keep your work."
      : App.tabs.deleted() ? "Not saved: deleted in another tab (see the message above)."
        : App.saveFailed ? "Latest changes not saved: see the message above."
        : App.savedAt ? "Saved in this browser at " + D.time(App.savedAt) : "Saved in this browser";
    D.text(els.title, App.record.title || "Untitled assessment");
    D.text(els.saved, saved);
    if (els.net) els.net.refresh();
  }

  // ---------------------------------------------------------------------------------------
  // Storage problems

  function showStorageAlert(message) {
    if (els.alerts.getAttribute("data-showing") === message) return;
    els.alerts.setAttribute("data-showing", message);
    D.clear(els.storageNote).appendChild(D.h("div", { class: "jtai-alert jtai-alert-error" }, [
      D.h("p", {}, [D.h("strong", {}, ["Your latest changes are not saved. "]), message +
        " Your work is still on this page: download a copy now so you do not lose it."]),
      D.h("p", {}, [App.ui.button("Save a copy to a file", App.exportJSON, { className: "jtai-btn-primary" })])
    ]));
  }

  function clearStorageAlert() {
    if (!els.alerts.hasAttribute("data-showing")) return;
    els.alerts.removeAttribute("data-showing");
    D.clear(els.storageNote);
  }

  /** Put a message from the tab watcher above the page, where it stays until dismissed. */
  App.tabNotice = function (node) {
    els.tabNotes.appendChild(node);
    return node;
  };

  /** Draw the open view again (after another tab's changes were put together with this one's). */
  App.redraw = function () {
    summaryCache = null;
    renderBar();
    App.show(App.view, { focus: false });
  };

  App.replaceRecord = function (record) {
    App.record = IO.normalise(record);
    summaryCache = null;
    renderBar();
  };

  // ---------------------------------------------------------------------------------------
  // Export and print

  App.exportJSON = function () {
    var name = IO.fileName(App.record, "json", D.today());
    D.download(name, IO.exportJSON(App.record), "application/json");
    App.copies.noteCopy("self-assessment:" + App.record.id, new Date().toISOString());
    if (els.net) els.net.refresh();
    D.announce("Saved a copy to a file: " + name + ". To open it again, use \u201cOpen a copy saved to a file\u201d on Start.");
  };

  App.exportCSV = function () {
    var text = root.JTAI.assessmentCsv.toCSV(App.data, App.record, { today: D.today() });
    D.download(IO.fileName(App.record, "csv", D.today()), text, "text/csv;charset=utf-8");
    D.announce("Spreadsheet file ready: " + IO.fileName(App.record, "csv", D.today()));
  };

  /** Print or save as PDF from any view (set up in start(): see JTAI.dom.printing). */
  App.print = function () {
    els.printNow();
  };

  function renderToolbar() {
    var b = App.ui.button;
    return D.h("div", { class: "jtai-bar jtai-noprint" }, [
      D.h("p", { class: "jtai-current" }, ["Open: ", els.title = D.h("strong", { class: "jtai-current-title" }),
        " ", els.saved = D.h("span", { class: "jtai-saved" })]),
      els.net = D.safetyNet({ save: App.saveCopy, last: function () {
        return App.record ? App.copies.lastCopy("self-assessment:" + App.record.id) : "";
      } }),
      D.h("div", { class: "jtai-bar-actions", role: "group", "aria-label": "Other ways to keep your work" }, [
        b("Download for a spreadsheet (CSV)", App.exportCSV, { attrs: { "data-action": "export-csv" } }),
        b("Print or save as PDF", App.print, { attrs: { "data-action": "print" } })
      ])
    ]);
  }

  // ---------------------------------------------------------------------------------------
  // Start

  function firstRecord() {
    var current = App.store.currentId();
    var saved = App.saved();
    var match = saved.filter(function (r) { return r.id === current; })[0];
    return match || saved[0] || null;
  }

  App.start = function (mount) {
    App.data = root.JTAI.data.assessment;
    if (!App.data || !App.data.assessment) {
      D.clear(mount).appendChild(D.h("p", { class: "jtai-alert jtai-alert-error" },
        ["The self-assessment could not start: its data file (assets/assessment/data.js) did not load."]));
      return;
    }
    App.label = root.JTAI.labels.make(App.data);
    App.store = root.JTAI.storage.create();
    App.copies = root.JTAI.storage.values();
    App.tabs = App.watchTabs();
    els.root = mount;
    D.clear(mount);
    mount.classList.add("jtai-sa");
    mount.appendChild(D.h("p", { id: "jtai-live", class: "jtai-sr-only", role: "status", "aria-live": "polite" }));
    els.alerts = mount.appendChild(D.h("div", { class: "jtai-alerts jtai-noprint", role: "alert" }));
    els.tabNotes = els.alerts.appendChild(D.h("div", { class: "jtai-tab-notes" }));
    els.storageNote = els.alerts.appendChild(D.h("div", { class: "jtai-storage-note" }));
    mount.appendChild(renderToolbar());
    els.nav = mount.appendChild(renderNav());
    els.view = mount.appendChild(D.h("div", { class: "jtai-view", id: "jtai-view" }));
    els.print = mount.appendChild(D.h("div", { class: "jtai-print", id: "jtai-print" }));
    els.printNow = D.printing(els.root, els.print, function (area) {
      App.views.report.renderReport(area);
    }, function () { return App.view === "report"; });
    if (!App.store.available) showStorageAlert("This browser does not let this page save (storage is turned off or blocked).");
    App.view = "start";
    var record = firstRecord();
    if (!record) {
      record = IO.newRecord(App.data, { title: "Self-assessment, " + D.longDate(D.today()) });
      record.respondent.date = D.today();
      var saved = App.store.save(record);
      if (!saved.ok) showStorageAlert(saved.message);
    }
    var place = placeFor(record);
    App.open(record, place.view, Object.assign({ focus: false }, place.options));
  };
})(typeof self !== "undefined" ? self : this);
