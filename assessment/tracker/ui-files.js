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
    return /\.xlsx$/i.test(file.name) || (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
  }

  var STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

  /** When a workbook was last saved, from its content (docProps/core.xml), else the file's date. */
  function savedAt(props, file) {
    if (STAMP.test(props.modified)) return props.modified;
    return new Date(file.lastModified || Date.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** A workbook, read once: its rows as a tracker, with who sent it from its content. */
  async function readWorkbook(file, bytes) {
    var S = J.trackerSheet;
    var book = await J.xlsx.open(bytes);
    var rows = await book.rows(S.SHEET);
    var sentRows = await book.rows(S.SENT, true);
    var props = await book.props();
    var sender = S.senderOf(await book.rows(S.ABOUT, true), App.data, props.modifiedBy);
    var parsed = S.fromRows(rows, App.data, { at: savedAt(props, file), by: S.sourceTag(sender, rows), now: K.nowStamp(),
      sent: S.readSent(sentRows), sentRows: sentRows });
    if (parsed.ok) parsed.tracker.sender = sender;
    return parsed;
  }

  function unreadable(reason) {
    return { ok: false, message: "This file could not be read: " + reason + ". Nothing from it was imported.", details: [], more: 0 };
  }

  /**
   * One file, checked on its own: a Promise of {name, ok, tracker, warnings} or {name, ok: false,
   * message, details, more}. Whatever goes wrong reading it stays with it: the other files of
   * the same import are still read.
   */
  async function readFile(file) {
    if (file.size > MAX_FILE_BYTES) {
      return { name: file.name, ok: false, message: "This file is too big to be a tracker (the limit is " + (MAX_FILE_BYTES / 1048576) +
        " MB). Nothing from it was imported.", details: [], more: 0 };
    }
    var parsed;
    var workbook = false;
    try {
      var bytes = new Uint8Array(await file.arrayBuffer());
      workbook = isWorkbook(file, bytes);
      parsed = workbook ? await readWorkbook(file, bytes) : T.parseImport(new TextDecoder("utf-8").decode(bytes), App.data, { bytes: file.size });
    } catch (error) {
      parsed = error && error.xlsx
        ? { ok: false, message: "This file is not a JTAI Ready tracker workbook: " + error.message + ". Nothing from it was imported.", details: [], more: 0 }
        : unreadable(error && error.name === "NotReadableError" ? "the browser could not open it" : "it is damaged or not a tracker file");
    }
    return Object.assign({ name: file.name, workbook: workbook }, parsed);
  }

  /**
   * Who each good file says it comes from, for the summary and the answers to choose:
   * "Police, DI Smith (police.xlsx)", else the file's name; two files read the same get
   * "(file 2 of 3)" too, so two returns under one name stay two.
   */
  function nameSources(entries) {
    entries.forEach(function (e) {
      var s = e.ok && e.tracker.sender;
      var who = s ? [s.agency ? App.agencyName(s.agency) : "", s.person].filter(Boolean).join(", ") : "";
      e.source = who ? who + " (" + e.name + ")" : e.name;
    });
    entries.forEach(function (e, n) {
      if (entries.some(function (o, m) { return m !== n && o.source === e.source; })) e.source += " (file " + (n + 1) + " of " + entries.length + ")";
    });
  }

  function changeLine(change, before) {
    return el("li", { text: App.itemLabel(change.id) + " \u2013 " + App.fieldName(change.field) + ": " +
      App.valueText(change.field, T.itemOf(before, change.id)[change.field]) + " \u2192 " + App.valueText(change.field, change.value) });
  }

  /** One file's line in the summary, with the changes it brings listed under it, field by field. */
  function fileSummary(entry, planned) {
    if (!entry.ok) {
      return el("li", { "data-file": entry.name }, [el("strong", { text: entry.name + ": not imported. " }), entry.message,
        entry.details.length ? el("ul", {}, entry.details.concat(entry.more ? ["\u2026 and " + entry.more + " more."] : [])
          .map(function (d) { return el("li", { text: d }); })) : null]);
    }
    var r = entry.result;
    var scope = entry.tracker.scope ? " (items for " + App.agencyName(entry.tracker.scope.agency) + ")" : "";
    var words = [r.taken.length + (r.taken.length === 1 ? " change" : " changes") + (planned ? " to take" : " taken")];
    if (r.kept.length) words.push(r.kept.length + " older " + (r.kept.length === 1 ? "answer" : "answers") + " left out (changed here since)");
    if (r.conflicts.length) words.push(r.conflicts.length + " to choose (both changed)");
    var list = r.taken.slice(0, LISTED).map(function (t) { return changeLine(t, entry.before); });
    if (r.taken.length > LISTED) list.push(el("li", { text: "\u2026 and " + (r.taken.length - LISTED) + " more." }));
    return el("li", { "data-file": entry.name }, [el("strong", { text: entry.source + scope + ": " }), words.join(", ") + ".",
      list.length ? el("ul", {}, list) : null,
      entry.notes.length ? el("ul", {}, entry.notes.map(function (n) { return el("li", { text: n }); })) : null]);
  }

  /** Put every good file together with `tracker`, in the order chosen; the bad ones change nothing. */
  function combineAll(tracker, entries) {
    var conflicts = [];
    var scoped = entries.filter(function (e) { return e.ok && e.tracker.scope; });
    var opened = scoped.length === 1 ? T.opensFor(tracker, scoped[0].tracker) : ""; // one agency's file, not a batch of returns
    entries.forEach(function (entry) {
      if (!entry.ok) return;
      entry.before = tracker;
      entry.result = C.combine(tracker, entry.tracker, K.nowStamp());
      tracker = entry.result.tracker;
      entry.result.conflicts.forEach(function (c) { conflicts.push(Object.assign({ source: entry.source }, c)); });
      if (entry.tracker.conflicts && entry.tracker.origin && entry.tracker.origin === App.tracker.origin) {
        conflicts = conflicts.concat(entry.tracker.conflicts);
      }
      entry.notes = entry.warnings.slice();
    });
    if (opened && !tracker.scope) {
      tracker = JSON.parse(JSON.stringify(tracker));
      tracker.scope = { agency: opened };
      var sender = scoped[0].tracker.sender; // who sends them back, when the file says (the agency's own copy)
      if (sender && sender.agency === opened) tracker.sender = { agency: opened, person: sender.person };
    }
    return { tracker: tracker, conflicts: conflicts, opened: opened };
  }

  /** When the import opens one agency's items here: what the page will then offer. */
  function openedNote(combined, planned) {
    if (!combined.opened || App.tracker.scope) return [];
    return [el("p", { "data-opened": combined.opened, text: "These are the items for " + App.agencyName(combined.opened) + ". " +
      (planned ? "Once imported, this page offers" : "This page now offers") + " one way to send them back to the partnership, under “Send back to the partnership”." })];
  }

  /** A file for one agency: offer to show that agency's items (the filter is never changed for you). */
  function offerScope(entries) {
    var scoped = entries.filter(function (e) { return e.ok && e.tracker.scope; });
    if (scoped.length !== 1) return [];
    var agency = scoped[0].tracker.scope.agency;
    var button = el("button", { type: "button", class: "jtai-btn", "data-action": "show-scope", text: "Show only the items for " + App.agencyName(agency) });
    button.addEventListener("click", function () {
      App.$("tracker-filter-agency").value = agency;
      App.$("tracker-filter-agency").dispatchEvent(new Event("change", { bubbles: true }));
    });
    return [el("p", {}, [button])];
  }

  function detailsOf(entry) {
    return el("ul", {}, entry.details.concat(entry.more ? ["\u2026 and " + entry.more + " more."] : []).map(function (d) { return el("li", { text: d }); }));
  }

  function button(text, action, primary, run) {
    var b = el("button", { type: "button", class: "jtai-btn" + (primary ? " jtai-btn--primary" : ""), "data-action": action, text: text });
    b.addEventListener("click", run);
    return b;
  }

  /** Apply the import (recombined with the tracker as it is now), and offer to undo it. */
  function applyImport(entries) {
    var before = App.tracker;
    var combined = combineAll(App.tracker, entries);
    var good = entries.filter(function (e) { return e.ok; });
    var notes = [];
    good.forEach(function (e) { if (!e.workbook) notes = notes.concat(adoptDates(e.tracker)); });
    App.lastImport = { before: before };
    var taken = good.reduce(function (n, e) { return n + e.result.taken.length; }, 0);
    var title = "Imported " + good.length + " of " + entries.length + (entries.length === 1 ? " file" : " files") + ": " + taken +
      (taken === 1 ? " change" : " changes") + " taken" + (combined.conflicts.length ? ", " + combined.conflicts.length + " to choose below." : ".");
    var undo = button("Undo this import", "undo-import", false, undoImport);
    var opened = openedNote(combined, false);
    App.replace(App.addConflicts(combined.tracker, combined.conflicts));
    showImport("ok", title, [el("ul", {}, entries.map(function (e) { return fileSummary(e, false); }))]
      .concat(opened).concat(notes.map(function (n) { return el("p", { text: n }); }))
      .concat(offerScope(entries)).concat([el("div", { class: "jtai-buttons" }, [undo])]));
    App.say(title);
  }

  /** Put the tracker back as it was before the last import (offered until the next change). */
  function undoImport() {
    if (!App.lastImport) {
      App.say("There is no import to undo: the tracker has changed since.");
      return;
    }
    var before = App.lastImport.before;
    App.lastImport = null;
    App.replace(before);
    showImport("ok", "The last import was undone. The tracker is as it was before it.", []);
  }

  /** Read each file on its own, then show what the import would change; nothing changes until confirmed. */
  async function importFiles(files) {
    var entries = [];
    for (var i = 0; i < files.length; i += 1) entries.push(await readFile(files[i]));
    var good = entries.filter(function (e) { return e.ok; });
    if (!good.length) {
      var refused = entries.length === 1 ? entries[0].message.replace("Nothing from it was imported.", "Nothing was imported and your saved tracker has not changed.")
        : "None of the files could be imported. Nothing was imported and your saved tracker has not changed.";
      showImport("error", refused, entries.length === 1 ? [detailsOf(entries[0])] : [el("ul", {}, entries.map(function (e) { return fileSummary(e, true); }))]);
      return;
    }
    nameSources(entries);
    var combined = combineAll(App.tracker, entries);
    var taken = good.reduce(function (n, e) { return n + e.result.taken.length; }, 0);
    var title = "Check before importing: " + taken + (taken === 1 ? " change" : " changes") + " to take" +
      (combined.conflicts.length ? ", " + combined.conflicts.length + " to choose" : "") + " from " + good.length + " of " + entries.length +
      (entries.length === 1 ? " file" : " files") + ". Nothing has changed yet.";
    var cancel = button("Cancel", "cancel-import", false, function () {
      showImport("ok", "Import cancelled. Nothing was imported and your saved tracker has not changed.", []);
    });
    var go = button("Import these changes", "confirm-import", true, function () { applyImport(entries); });
    showImport("ok", title, [el("ul", {}, entries.map(function (e) { return fileSummary(e, true); }))].concat(openedNote(combined, true))
      .concat([el("div", { class: "jtai-buttons" }, [go, cancel])]));
  }

  function onFiles(event) {
    var files = Array.prototype.slice.call(event.target.files || []);
    if (!files.length) return;
    event.target.value = "";
    importFiles(files).catch(function (error) {
      showImport("error", "The files could not be imported (" + (error && error.message ? String(error.message).slice(0, 120) : "an error") +
        "). Nothing was imported and your saved tracker has not changed.", []);
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
    var sheets = J.trackerSheet.toSheets(App.data, App.tracker, rows, "Items for " + App.agencyName(agency) + ".", { agency: agency, person: "" });
    var name = T.fileName("xlsx", K.today(), agency);
    K.download(name, J.xlsxWrite.workbook(sheets), J.xlsxWrite.TYPE);
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
