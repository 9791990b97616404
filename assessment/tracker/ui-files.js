// needs: lib/dates.js lib/dom.js lib/jtai.js lib/plan-store.js tracker/combine.js tracker/sheet.js
// needs: tracker/tracker.js tracker/xlsx-write.js tracker/xlsx.js
/* JTAI Ready Annex A readiness tracker: export (JSON, CSV, one agency's items), import and
 * clearing the tracker.
 *
 * Import takes several files at once: JSON from this page or the Excel workbook (read by tracker/xlsx.js
 * with no library). Each file is checked on its own (a bad one is refused with its
 * reason and changes nothing) and the good ones are put together with the saved tracker in turn,
 * field by field (tracker/combine.js). A summary says what came from which file; answers that
 * clash are listed to choose from (ui-conflicts.js).
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var Store = J.planStore;
  var D = J.dates;
  var T = J.tracker;
  var C = J.trackerCombine;
  var el = K.h;
  var FIELD_NAMES = { status: "Status", owner: "Owner", location: "Where the document lives", reviewed: "Last reviewed", notes: "Notes" };
  var LISTED = 20;
  var MAX_FILE_BYTES = 10 * 1024 * 1024;

  App.fieldName = function (field) {
    return FIELD_NAMES[field];
  };

  App.itemLabel = function (id) {
    var item = App.data.annex_a.filter(function (i) { return i.id === id; })[0];
    return item ? item.label : id;
  };

  App.agencyName = function (id) {
    var a = App.data.agencies.filter(function (x) { return x.id === id; })[0];
    return a ? a.name : id;
  };

  /** A field's value as a person reads it. */
  App.valueText = function (field, value) {
    if (field === "status") return T.statusLabel(App.data, value);
    if (field === "reviewed") return value ? D.longDate(value) : "(empty)";
    return value === "" ? "(empty)" : value;
  };

  function showImport(kind, title, body) {
    var box = K.clear(App.$("tracker-import-result"));
    box.className = "admonition " + (kind === "ok" ? "success" : "failure") + " jtai-import-result";
    box.appendChild(el("p", { class: "admonition-title", text: title }));
    body.forEach(function (node) { box.appendChild(node); });
    box.hidden = false;
    box.focus();
  }

  /** What the file's date means for this browser's date, as notes for the import result. */
  function adoptDates(tracker) {
    var dates = App.dates;
    if (tracker.dates.date && !dates.date) {
      App.dates = { mode: tracker.dates.mode || "notification", date: tracker.dates.date, actual_publication: "" };
      Store.saveDates(App.dates);
      return ["The date in the file (" + D.longDate(tracker.dates.date) + ") is now used for the deadlines."];
    }
    if (tracker.dates.date && tracker.dates.date !== dates.date) {
      return ["The file was made with the date " + D.longDate(tracker.dates.date) + "; this browser keeps its own date, " +
        D.longDate(dates.date) + "."];
    }
    return [];
  }

  function isWorkbook(file, bytes) {
    return /\.xlsx$/i.test(file.name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  }

  /** One file, checked: a Promise of {name, ok, tracker, warnings} or {name, ok: false, message, details, more}. */
  async function readFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      return { name: file.name, ok: false, message: "This file is too big to be a tracker (the limit is " + (MAX_FILE_BYTES / 1048576) +
        " MB). Nothing was imported and your saved tracker has not changed.", details: [], more: 0 };
    }
    var bytes = new Uint8Array(await file.arrayBuffer());
    var parsed;
    if (isWorkbook(file, bytes)) {
      try {
        var rows = await J.xlsx.sheetRows(bytes, J.trackerSheet.SHEET);
        var sent = J.trackerSheet.readSent(await J.xlsx.sheetRows(bytes, J.trackerSheet.SENT, true));
        parsed = J.trackerSheet.fromRows(rows, App.data, { at: new Date(file.lastModified || Date.now()).toISOString(),
          by: J.trackerSheet.fileTag(file.name), now: K.nowStamp(), sent: sent });
      } catch (error) {
        if (!error.xlsx) throw error;
        parsed = { ok: false, message: "This file is not a JTAI Ready tracker workbook: " + error.message +
          ". Nothing was imported and your saved tracker has not changed.", details: [], more: 0 };
      }
    } else {
      parsed = T.parseImport(new TextDecoder("utf-8").decode(bytes), App.data, { bytes: file.size });
    }
    return Object.assign({ name: file.name, workbook: isWorkbook(file, bytes) }, parsed);
  }

  function changeLine(change) {
    return el("li", { text: App.itemLabel(change.id) + " \u2013 " + App.fieldName(change.field) + ": " +
      App.valueText(change.field, change.value) });
  }

  /** One file's line in the summary, with the changes it brought listed under it. */
  function fileSummary(entry) {
    if (!entry.ok) {
      return el("li", {}, [el("strong", { text: entry.name + ": not imported. " }), entry.message,
        entry.details.length ? el("ul", {}, entry.details.concat(entry.more ? ["\u2026 and " + entry.more + " more."] : [])
          .map(function (d) { return el("li", { text: d }); })) : null]);
    }
    var r = entry.result;
    var scope = entry.tracker.scope ? " (items for " + App.agencyName(entry.tracker.scope.agency) + ")" : "";
    var words = [r.taken.length + (r.taken.length === 1 ? " change" : " changes") + " taken"];
    if (r.kept.length) words.push(r.kept.length + " older " + (r.kept.length === 1 ? "answer" : "answers") + " left out (changed here since)");
    if (r.conflicts.length) words.push(r.conflicts.length + " to choose (both changed)");
    var list = r.taken.slice(0, LISTED).map(changeLine);
    if (r.taken.length > LISTED) list.push(el("li", { text: "\u2026 and " + (r.taken.length - LISTED) + " more." }));
    return el("li", { "data-file": entry.name }, [el("strong", { text: entry.name + scope + ": " }), words.join(", ") + ".",
      list.length ? el("ul", {}, list) : null,
      entry.notes.length ? el("ul", {}, entry.notes.map(function (n) { return el("li", { text: n }); })) : null]);
  }

  /** Put every good file together with the saved tracker, in the order chosen; the bad ones change nothing. */
  function combineAll(entries) {
    var tracker = App.tracker;
    var conflicts = [];
    var from = {};
    entries.forEach(function (entry) {
      if (!entry.ok) return;
      entry.result = C.combine(tracker, entry.tracker, K.nowStamp());
      tracker = entry.result.tracker;
      entry.result.taken.forEach(function (t) { from[t.id + " " + t.field] = entry.name; });
      entry.result.conflicts.forEach(function (c) {
        conflicts.push(Object.assign({ file: entry.name, mineFrom: from[c.id + " " + c.field] || "" }, c));
      });
      entry.notes = entry.warnings.concat(entry.workbook ? [] : adoptDates(entry.tracker));
    });
    return { tracker: tracker, conflicts: conflicts };
  }

  /** A file for one agency, opened in a fresh browser: show that agency's items. */
  function showScope(entries) {
    var scoped = entries.filter(function (e) { return e.ok && e.tracker.scope; });
    var filter = App.$("tracker-filter-agency");
    if (scoped.length !== 1 || entries.length !== 1 || filter.value) return [];
    filter.value = scoped[0].tracker.scope.agency;
    return [el("p", { text: "Showing the items for " + App.agencyName(filter.value) + ", as in the file. Choose \u201cShow all items\u201d to see every item." })];
  }

  async function importFiles(files) {
    var entries = [];
    for (var i = 0; i < files.length; i += 1) entries.push(await readFile(files[i]));
    var good = entries.filter(function (e) { return e.ok; });
    var combined = combineAll(entries);
    if (good.length) {
      App.replace(combined.tracker);
      App.showConflicts(combined.conflicts);
    }
    var taken = good.reduce(function (n, e) { return n + e.result.taken.length; }, 0);
    var title = good.length
      ? "Imported " + good.length + " of " + entries.length + (entries.length === 1 ? " file" : " files") + ": " + taken +
        (taken === 1 ? " change" : " changes") + " taken" + (combined.conflicts.length ? ", " + combined.conflicts.length + " to choose below." : ".")
      : (entries.length === 1 ? entries[0].message : "None of the files could be imported. Nothing was imported and your saved tracker has not changed.");
    var list = entries.length === 1 && !good.length
      ? [el("ul", {}, entries[0].details.concat(entries[0].more ? ["\u2026 and " + entries[0].more + " more."] : []).map(function (d) { return el("li", { text: d }); }))]
      : [el("ul", {}, entries.map(fileSummary))];
    showImport(good.length ? "ok" : "error", title, list.concat(good.length ? showScope(entries) : []));
    if (good.length) App.refresh();
  }

  function onFiles(event) {
    var files = Array.prototype.slice.call(event.target.files || []);
    if (!files.length) return;
    event.target.value = "";
    importFiles(files).catch(function () {
      showImport("error", "These files could not be read. Nothing was imported and your saved tracker has not changed.", []);
    });
  }

  /** Export the tracker as JSON (the "save a copy to a file" safety net too), and remember when. */
  App.saveCopy = function () {
    var copy = T.setDates(App.tracker, App.dates, App.tracker.updated);
    K.download(T.fileName("json", K.today()), T.exportJSON(copy), "application/json");
    Store.noteCopy("tracker");
    if (App.net) App.net.refresh();
    App.say("Tracker exported as JSON.");
  };

  function sendToAgency() {
    var agency = App.$("tracker-send-agency").value;
    var copy = T.forAgency(T.setDates(App.tracker, App.dates, App.tracker.updated), App.data, agency);
    var name = T.fileName("json", K.today(), agency);
    K.download(name, T.exportJSON(copy), "application/json");
    App.say("Exported the " + T.agencyItems(App.data, agency).length + " items for " + App.agencyName(agency) + " as " + name + ".");
  }

  /** The same items as an Excel workbook that comes back through the import. */
  function sendWorkbook() {
    var agency = App.$("tracker-send-agency").value;
    var mine = {};
    T.agencyItems(App.data, agency).forEach(function (i) { mine[i.id] = true; });
    var rows = App.rows().filter(function (r) { return mine[r.id]; });
    var sheets = J.trackerSheet.toSheets(App.data, App.tracker, rows, "Items for " + App.agencyName(agency) + ".");
    var name = T.fileName("xlsx", K.today(), agency);
    K.download(name, J.xlsxWrite.workbook(sheets), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    App.say("Exported the " + rows.length + " items for " + App.agencyName(agency) + " as " + name + ".");
  }

  function initSend() {
    var select = App.$("tracker-send-agency");
    App.data.agencies.forEach(function (a) {
      var count = T.agencyItems(App.data, a.id).length;
      if (count) select.appendChild(el("option", { value: a.id, text: a.name + " (" + count + " items)" }));
    });
    App.$("tracker-send").addEventListener("click", sendToAgency);
    App.$("tracker-send-xlsx").addEventListener("click", sendWorkbook);
  }

  App.initFiles = function () {
    App.$("tracker-export-json").addEventListener("click", App.saveCopy);
    App.$("tracker-export-csv").addEventListener("click", function () {
      K.download(T.fileName("csv", K.today()), T.toCSV(App.rows()), "text/csv;charset=utf-8");
      App.say("Tracker exported as CSV.");
    });
    initSend();
    App.$("tracker-import").addEventListener("change", onFiles);
    App.$("tracker-reset").addEventListener("click", function () {
      if (!window.confirm("Clear every status, owner, location, date and note in this tracker? Export it first if you want a copy.")) return;
      App.replace(T.newTracker(App.data, K.nowStamp(), App.tracker.origin));
      App.say("Tracker cleared.");
    });
  };
})(self.JTAI);
