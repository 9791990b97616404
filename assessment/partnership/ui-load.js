// needs: lib/dom.js lib/jtai.js lib/record-changes.js partnership/aggregate.js partnership/board.js partnership/loader.js
/* JTAI Ready partnership view: loading assessments. Files (chosen or dropped, many at once) and
 * assessments saved in this browser go through JTAI.partnershipLoad, which checks each on its own:
 * one bad file never stops the others, and each file's result says what was added, what was
 * skipped and why. Loaded assessments stay on this page only: nothing here is ever saved.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var Load = root.JTAI.partnershipLoad;
  var Board = root.JTAI.partnershipBoard;
  var App = root.JTAI.app("partnership");
  var h = D.h;

  // ---------------------------------------------------------------------------------------
  // Reading files

  function unreadable(name) {
    return { name: name, ok: false, code: "unreadable", details: [], more: 0, added: [], entries: [], skipped: [], warnings: [],
      message: "This file could not be read. It may have been moved or deleted, or another program may be using it." };
  }

  function fileText(file) {
    if (typeof file.text === "function") return file.text();
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result)); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsText(file);
    });
  }

  /** One file to {file: {name, text, bytes}} or {error: result}. Very big files are not read. */
  function readOne(file) {
    if (file.size > Load.MAX_PARTNERSHIP_BYTES) {
      return Promise.resolve({ file: { name: file.name, text: "", bytes: file.size } });
    }
    return fileText(file).then(function (text) {
      return { file: { name: file.name, text: text, bytes: file.size } };
    }, function () {
      return { error: unreadable(file.name) };
    });
  }

  /**
   * What loading these files would do, worked out without changing anything: the assessments
   * and the board's record as they would be, and each file's result (r.brought: what it would
   * bring of the board's record). Worked out again when confirmed, from the page as it is then.
   */
  function plan(read) {
    var good = read.filter(function (r) { return !r.error; }).map(function (r) { return r.file; });
    var out = Load.readFiles(App.data, App.set, good);
    var i = 0;
    var board = App.board;
    var results = read.map(function (r) { return r.error || out.results[i++]; });
    results.forEach(function (r) {
      if (!r.board) return;
      r.brought = Board.combine(board, r.board);
      if (r.brought.taken.length) board = r.brought.board;
    });
    return { set: out.set, board: board, results: results };
  }

  /** Read files (a FileList or array) and show what loading them would do; nothing changes until confirmed. */
  function loadFiles(files) {
    var list = Array.prototype.slice.call(files || []);
    if (!list.length) return Promise.resolve();
    showBusy(list.length);
    return Promise.all(list.map(readOne)).then(function (read) {
      App.pending = { read: read, plan: plan(read) };
      App.show("load", { focus: false });
      var title = document.getElementById("jtai-pv-preview-title");
      D.focus(title);
      D.announce(title.textContent);
    });
  }

  /** "Load these": load the files as the page is now, and offer "Undo this load". */
  function confirmLoad() {
    var read = App.pending && App.pending.read;
    App.pending = null;
    if (!read) return;
    var before = { set: App.set.slice(), board: App.board };
    var next = plan(read);
    if (next.board !== App.board) {
      App.board = next.board;
      App.saveBoard();
    }
    finish(next.set, next.results, before);
  }

  /** "Cancel": the page, what is loaded and the last load's "Undo" stay as they were. */
  function cancelLoad() {
    App.pending = { cancelled: true };
    App.show("load", { focus: false });
    App.pending = null;
    var note = document.querySelector(".jtai-pv-preview");
    D.focus(note);
    D.announce(note.textContent);
  }

  function addSaved(section) {
    var ids = Array.prototype.map.call(section.querySelectorAll("input[data-saved-id]:checked"), function (c) {
      return c.getAttribute("data-saved-id");
    });
    if (!ids.length) {
      App.lastLoad = { message: "Nothing was added: tick at least one saved assessment first." };
      return refresh();
    }
    var records = App.store.list().filter(function (r) { return ids.indexOf(r.id) >= 0; });
    var before = { set: App.set.slice(), board: App.board };
    var out = Load.readSaved(App.data, App.set, records);
    finish(out.set, out.results, before);
  }

  /** before: the loaded assessments and the board's record as they were, for "Undo this load". */
  function finish(set, results, before) {
    App.replaceSet(set);
    App.lastLoad = { results: results, before: before };
    refresh();
  }

  /** Put the loaded assessments and the board's record back as they were before the last load. */
  function undoLoad() {
    var before = App.lastLoad && App.lastLoad.before;
    if (!before) return;
    App.replaceSet(before.set);
    if (App.board !== before.board) {
      App.board = before.board;
      App.saveBoard();
    }
    App.lastLoad = { message: "The last load was undone: the assessments loaded and the agreed positions are as they were before it.",
      undone: true };
    refresh();
  }

  /** Whether the last load changed anything (assessments added, or the board's record). */
  function changedAnything(last) {
    return last.results.some(function (r) { return r.ok && (r.added.length || (r.brought && r.brought.taken.length)); }) ||
      App.board !== last.before.board;
  }

  /** Draw the view again and move focus to what happened, which is also announced. */
  function refresh() {
    App.show("load", { focus: false });
    var status = document.querySelector(".jtai-pv-load-status");
    D.focus(status);
    D.announce(status.innerText || status.textContent);
  }

  /** Say that the assessments loaded earlier in this tab are back (after Back or a reload). */
  App.ui.restored = function (message) {
    App.lastLoad = { message: message + " Reloading the page or closing the tab clears them.", restored: true };
    App.show("load", { focus: false });
    D.announce(message);
  };

  function showBusy(n) {
    var status = document.querySelector(".jtai-pv-load-status");
    if (!status) return;
    D.clear(status).appendChild(h("p", {}, ["Reading " + App.ui.plural(n, "file", "files") + "\u2026"]));
    D.announce(status.textContent);
  }

  // ---------------------------------------------------------------------------------------
  // What happened

  var KINDS = {
    "is-added": "Added", "is-partly": "Partly added", "is-skipped": "Nothing new added", "is-refused": "Not loaded"
  };

  function kindOf(result) {
    if (!result.ok) return "is-refused";
    if (!result.added.length) return "is-skipped";
    return result.skipped.length ? "is-partly" : "is-added";
  }

  function quoted(list) {
    return list.map(function (t) { return "\u201c" + t + "\u201d"; }).join(", ");
  }

  function resultItem(result) {
    var kind = kindOf(result);
    var parts = [h("p", { class: "jtai-pv-file-line" }, [h("strong", {}, [result.name + ": "]),
      h("span", { class: "jtai-pv-tag" }, [KINDS[kind]]), ". ",
      result.added.length ? App.ui.plural(result.added.length, "assessment", "assessments") + " added: " +
        quoted(result.added) + "." : "", result.ok ? "" : result.message])];
    if (!result.ok && result.details.length) {
      parts.push(h("ul", { class: "jtai-pv-details" }, result.details.map(function (d) { return h("li", {}, [d]); })));
      if (result.more) parts.push(h("p", {}, ["And " + App.ui.plural(result.more, "more problem", "more problems") + "."]));
    }
    if (result.skipped.length) {
      parts.push(h("p", {}, ["Skipped " + result.skipped.length + ":"]));
      parts.push(h("ul", { class: "jtai-pv-skipped" }, result.skipped.slice(0, 8).map(function (s) {
        return h("li", {}, ["\u201c" + s.title + "\u201d: " + s.reason]);
      })));
      if (result.skipped.length > 8) parts.push(h("p", {}, ["And " + (result.skipped.length - 8) + " more skipped."]));
    }
    result.warnings.forEach(function (w) { parts.push(h("p", { class: "jtai-pv-warning" }, ["Note: " + w])); });
    if (result.brought) parts.push.apply(parts, broughtBoard(result));
    return h("li", { class: kind, "data-file": result.name }, parts);
  }

  var BOARD_FIELDS = { position: "agreed position", next_step: "next step", outcome: "agreed outcome" };

  function fieldName(d) {
    if (d.field === "cover_note") return "the cover note";
    if (d.field === "round") return "the round closed on " + D.longDate(d.closed.slice(0, 10));
    return App.ui.criterionName(d.id) + ": " + BOARD_FIELDS[d.field];
  }

  /** What a partnership file brought of the board's record, and where it differs from this browser's. */
  function broughtBoard(result) {
    var b = result.brought;
    var out = [h("p", { "data-board": "taken" }, [b.taken.length ? "Agreed positions and cover note: " +
      b.taken.map(fieldName).join(", ") + " added from this file." : "Agreed positions and cover note: nothing new in this file."])];
    if (!b.differ.length || b.used) {
      if (b.used) out.push(h("p", { "data-board": "used" }, ["This file\u2019s text is now used for " + b.differ.map(fieldName).join(", ") + "."]));
      return out;
    }
    out.push(h("p", { class: "jtai-pv-warning", "data-board": "differ" }, ["This file has different text for " +
      b.differ.map(fieldName).join(", ") + ". The text already in this browser is kept."]));
    out.push(App.ui.button("Use this file\u2019s text instead", function () {
      App.board = root.JTAI.partnershipBoard.useFile(App.board, b.differ, D.nowStamp());
      App.saveBoard();
      b.used = true;
      refresh();
    }, { className: "jtai-btn-small", attrs: { "data-action": "board-use-file" } }));
    return out;
  }

  function summaryLine(results) {
    var count = {};
    results.forEach(function (r) { count[kindOf(r)] = (count[kindOf(r)] || 0) + 1; });
    var bits = Object.keys(KINDS).filter(function (k) { return count[k]; }).map(function (k) {
      return KINDS[k].toLowerCase() + ": " + count[k];
    });
    return App.ui.plural(results.length, "file", "files") + " read (" + bits.join("; ") + ").";
  }

  function statusNode() {
    var node = h("div", { class: "jtai-pv-load-status", tabindex: "-1" });
    var last = App.lastLoad;
    if (!last) return node;
    if (last.message) {
      node.classList.add("jtai-alert", last.restored || last.undone ? "jtai-alert-ok" : "jtai-alert-error");
      if (last.restored) node.setAttribute("data-restored", "");
      node.appendChild(h("p", {}, [last.message]));
      return node;
    }
    var refused = last.results.some(function (r) { return !r.ok; });
    node.classList.add("jtai-alert", refused ? "jtai-alert-error" : "jtai-alert-ok");
    node.appendChild(h("h3", {}, ["What happened"]));
    node.appendChild(h("p", {}, [summaryLine(last.results)]));
    node.appendChild(h("ul", { class: "jtai-pv-results" }, last.results.map(resultItem)));
    if (last.before && changedAnything(last)) {
      node.appendChild(h("div", { class: "jtai-row" }, [App.ui.button("Undo this load", undoLoad, { attrs: { "data-action": "undo-load" } })]));
    }
    return node;
  }

  // ---------------------------------------------------------------------------------------
  // What loading would do (before anything changes)

  var MAX_LINES = 8;

  function recordLine(record) {
    return "\u201c" + (record.title || "Untitled assessment") + "\u201d: " + App.ui.agencyOf(record) + ", " +
      App.ui.dateText(root.JTAI.partnership.dateOf(record));
  }

  function listOf(lines, className) {
    var shown = lines.slice(0, MAX_LINES).map(function (l) { return h("li", {}, [l]); });
    if (lines.length > MAX_LINES) shown.push(h("li", {}, ["And " + (lines.length - MAX_LINES) + " more."]));
    return h("ul", { class: className }, shown);
  }

  /** Is `record` one of the grid's columns ({id, updated, key})? */
  function among(record, columns) {
    return columns.some(function (c) { return c.id === record.id && c.updated === record.updated; });
  }

  /** The loaded record whose grid column `record` would take (the same agency's older save); null when none. */
  function displaced(record, columnsBefore, columnsAfter) {
    var after = columnsAfter.filter(function (c) { return c.id === record.id && c.updated === record.updated; })[0];
    var gone = after && columnsBefore.filter(function (c) { return c.key === after.key && !among(c, columnsAfter); })[0];
    var entry = gone && App.set.filter(function (e) { return among(e.record, [gone]); })[0];
    return entry ? entry.record : null;
  }

  /** One added assessment: which it is, and which older save of it (or of its agency) it replaces in the grid. */
  function addedItem(entry, was, now) {
    var record = entry.record;
    var older = displaced(record, was, now);
    var parts = [h("p", {}, [h("strong", {}, ["Adds "]), recordLine(record), among(record, now) ? ", in the grid."
      : ", for \u201cOver time\u201d (a newer one from its agency is in the grid)."])];
    if (older) {
      parts.push(h("p", { "data-replaces": "" }, ["Replaces in the grid " + recordLine(older) +
        " (it stays loaded, for \u201cOver time\u201d)."]));
      if (older.id === record.id) {
        var lines = root.JTAI.recordChanges.changes(older, record, App.data);
        parts.push(h("p", {}, [lines.length ? "What this save changes from the older one:" : "Its answers are the same as the older save\u2019s."]));
        if (lines.length) parts.push(listOf(lines, "jtai-pv-changes"));
      }
    }
    return h("li", { "data-adds": Load.identity(record) }, parts);
  }

  function boardLines(result) {
    var b = result.brought;
    var out = [h("p", { "data-board": "taken" }, [b.taken.length ? "It would add to the agreed positions and cover note: " +
      b.taken.map(fieldName).join(", ") + "." : "Agreed positions and cover note: nothing new in this file."])];
    if (b.differ.length) {
      out.push(h("p", { class: "jtai-pv-warning", "data-board": "differ" }, ["It has different text for " +
        b.differ.map(fieldName).join(", ") + ". The text already in this browser is kept; after loading you can choose the file\u2019s text."]));
    }
    return out;
  }

  function previewItem(result, was, now) {
    var kind = kindOf(result);
    var head = h("p", { class: "jtai-pv-file-line" }, [h("strong", {}, [result.name + ": "]),
      h("span", { class: "jtai-pv-tag" }, [result.ok ? (result.added.length ? "Would add " +
        App.ui.plural(result.added.length, "assessment", "assessments") : "Nothing new to add") : "Would not be loaded"]),
      ". ", result.ok ? "" : result.message]);
    var parts = [head];
    if (!result.ok && result.details.length) parts.push(listOf(result.details, "jtai-pv-details"));
    var mine = result.entries || [];
    if (mine.length) parts.push(h("ul", { class: "jtai-pv-adds" }, mine.map(function (e) { return addedItem(e, was, now); })));
    if (result.skipped.length) {
      parts.push(h("p", {}, ["Would skip " + result.skipped.length + ":"]));
      parts.push(listOf(result.skipped.map(function (s) { return "\u201c" + s.title + "\u201d: " + s.reason; }), "jtai-pv-skipped"));
    }
    result.warnings.forEach(function (w) { parts.push(h("p", { class: "jtai-pv-warning" }, ["Note: " + w])); });
    if (result.brought) parts.push.apply(parts, boardLines(result));
    return h("li", { class: kind, "data-file": result.name }, parts);
  }

  /** The preview of a load, with "Load these" and "Cancel"; or the note that it was cancelled. */
  function previewNode() {
    var pending = App.pending;
    var node = h("div", { class: "jtai-pv-preview jtai-alert", tabindex: "-1" });
    if (!pending) return null;
    if (pending.cancelled) {
      node.appendChild(h("p", {}, ["Loading cancelled. Nothing was loaded and nothing saved in this browser has changed."]));
      return node;
    }
    var p = pending.plan;
    var adds = p.results.reduce(function (n, r) { return n + r.added.length; }, 0);
    var was = App.combined().columns;
    var now = root.JTAI.partnership.combine(App.data, p.set.map(function (e) { return e.record; }), { today: D.today() }).columns;
    var boardChange = p.board !== App.board;
    node.appendChild(h("h3", { id: "jtai-pv-preview-title", tabindex: "-1" }, ["Check before loading: " +
      App.ui.plural(adds, "assessment", "assessments") + (boardChange ? " and agreed positions" : "") +
      " to add from " + App.ui.plural(p.results.length, "file", "files") + ". Nothing has changed yet."]));
    node.appendChild(h("ul", { class: "jtai-pv-results" }, p.results.map(function (r) { return previewItem(r, was, now); })));
    var go = App.ui.button("Load these", confirmLoad, { className: "jtai-btn-primary", attrs: { "data-action": "confirm-load" } });
    var cancel = App.ui.button("Cancel", cancelLoad, { className: "jtai-btn-quiet", attrs: { "data-action": "cancel-load" } });
    node.appendChild(h("div", { class: "jtai-row" }, [go, cancel]));
    return node;
  }

  // ---------------------------------------------------------------------------------------
  // Choosing files

  function dropZone() {
    var id = D.uid("files");
    var input = h("input", { type: "file", id: id, class: "jtai-file", multiple: true, accept: ".json,application/json",
      "data-action": "load-files", "aria-describedby": id + "-hint" });
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files || []);
      input.value = "";
      loadFiles(files);
    });
    var zone = h("div", { class: "jtai-pv-drop" }, [
      h("p", { class: "jtai-pv-drop-title", "aria-hidden": "true" }, ["Drag and drop files here, or"]),
      h("label", { for: id, class: "jtai-label" }, ["Choose files"]),
      h("p", { id: id + "-hint", class: "jtai-hint" }, ["Self-assessment exports (JSON files). You can choose " +
        "several at once, or drop them on this box. A partnership file downloaded from this page works too."]),
      input
    ]);
    var depth = 0;
    var off = function () { depth = 0; zone.classList.remove("is-dragover"); };
    zone.addEventListener("dragenter", function (e) { e.preventDefault(); depth += 1; zone.classList.add("is-dragover"); });
    zone.addEventListener("dragover", function (e) {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      zone.classList.add("is-dragover");
    });
    zone.addEventListener("dragleave", function () { depth -= 1; if (depth <= 0) off(); });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      off();
      var files = e.dataTransfer && e.dataTransfer.files;
      if (files && files.length) loadFiles(files);
    });
    return App.ui.section(3, "From files", { class: "jtai-pv-files" }, [zone]);
  }

  // ---------------------------------------------------------------------------------------
  // Saved in this browser

  function savedLabel(record) {
    var r = record.respondent || {};
    return [record.title || "Untitled assessment", App.label("agency", r.agency) || "no agency given",
      r.date ? D.longDate(r.date) : "no date given"].join(", ");
  }

  function savedList() {
    var saved = App.store.list();
    var loaded = App.set.map(function (e) { return Load.identity(e.record); });
    if (!saved.length) {
      return h("p", {}, ["No self-assessments are saved in this browser. Assessments made with the " +
        "self-assessment on this device would be listed here."]);
    }
    var items = saved.map(function (record) {
      var id = D.uid("saved");
      var already = loaded.indexOf(Load.identity(record)) >= 0;
      return h("div", { class: "jtai-check" }, [
        h("input", { type: "checkbox", id: id, "data-saved-id": record.id }),
        h("label", { for: id }, [savedLabel(record), already ? " (already loaded)" : ""])
      ]);
    });
    return h("fieldset", { class: "jtai-fieldset" }, [
      h("legend", { class: "jtai-legend" }, ["Choose saved assessments to add"])].concat(items));
  }

  function savedPicker() {
    var node = App.ui.section(3, "Saved in this browser", { class: "jtai-pv-saved" }, [
      h("p", {}, ["Self-assessments made on this device with this browser. Adding them here does not change them."]),
      savedList()
    ]);
    if (App.store.list().length) {
      node.appendChild(App.ui.button("Add selected", function () { addSaved(node); }, { attrs: { "data-action": "add-saved" } }));
    }
    return node;
  }

  // ---------------------------------------------------------------------------------------
  // What is loaded

  function removeEntry(entry) {
    var index = App.set.indexOf(entry);
    App.replaceSet(App.set.filter(function (e) { return e !== entry; }));
    App.show("load", { focus: false });
    var buttons = document.querySelectorAll(".jtai-pv-loaded [data-action=remove]");
    D.focus(buttons[Math.min(index, buttons.length - 1)] || document.getElementById("jtai-pv-loaded-title"));
    D.announce("Removed \u201c" + entry.record.title + "\u201d.");
  }

  function clearAll() {
    if (!root.confirm("Remove all " + App.set.length + " loaded assessments from this page? The files themselves are not changed.")) return;
    App.replaceSet([]);
    App.lastLoad = null;
    App.show("load", { focus: false });
    D.focus(document.getElementById("jtai-pv-loaded-title"));
    D.announce("Removed all loaded assessments.");
  }

  function loadedRow(entry) {
    var r = entry.record;
    var date = root.JTAI.partnership.dateOf(r);
    return h("tr", { "data-assessment": Load.identity(r) }, [
      h("th", { scope: "row" }, [App.ui.agencyOf(r)]),
      h("td", {}, [r.title || "Untitled assessment"]),
      h("td", {}, [App.ui.dateText(date)]),
      h("td", {}, [entry.source]),
      h("td", { "data-use": App.inGrid(r) ? "grid" : "earlier" }, [App.inGrid(r) ? "In the grid" : "Earlier: used in Over time"]),
      h("td", {}, [h("button", { type: "button", class: "jtai-btn jtai-btn-small jtai-btn-quiet", "data-action": "remove",
        on: { click: function () { removeEntry(entry); } } }, ["Remove", h("span", { class: "jtai-sr-only" },
        [" \u201c" + (r.title || "Untitled assessment") + "\u201d, " + App.ui.agencyOf(r) + ", " + App.ui.dateText(date)])])])
    ]);
  }

  function loadedTable() {
    var title = h("h3", { id: "jtai-pv-loaded-title", tabindex: "-1" }, ["Loaded assessments"]);
    if (!App.set.length) return h("section", { "aria-labelledby": "jtai-pv-loaded-title" }, [title, h("p", {}, ["None yet."])]);
    var rows = App.set.map(loadedRow);
    return h("section", { "aria-labelledby": "jtai-pv-loaded-title" }, [title,
      h("p", {}, ["The newest assessment from each agency goes in the grid. Earlier ones from the same agency are kept for \u201cOver time\u201d."]),
      App.ui.table("Loaded assessments (" + App.set.length + ")", ["Agency", "Assessment", "Date", "Source", "Used for", "Remove"],
        rows, { className: "jtai-pv-loaded" }),
      App.ui.button("Remove all", clearAll, { className: "jtai-btn-danger", attrs: { "data-action": "clear-all" } })
    ]);
  }

  App.views.load = {
    render: function (section) {
      section.appendChild(h("p", {}, ["Load each agency\u2019s self-assessment export. You can load many at once and add more later."]));
      section.appendChild(h("p", { class: "jtai-callout" }, [h("strong", {}, ["Stays on this page. "]),
        "The files are read in this browser and nothing is sent anywhere. This page does not save them: " +
        "if you close or reload it, load them again."]));
      section.appendChild(dropZone());
      var preview = previewNode();
      if (preview) section.appendChild(preview);
      section.appendChild(savedPicker());
      section.appendChild(statusNode());
      section.appendChild(loadedTable());
    }
  };

  App.loadFiles = loadFiles;
})(typeof self !== "undefined" ? self : this);
