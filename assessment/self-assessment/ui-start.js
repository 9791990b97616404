// needs: lib/dom.js lib/importexport.js lib/jtai.js lib/record-changes.js lib/scoring.js
/* JTAI Ready self-assessment: the start view. What this is for, the saved assessments (open,
 * rename, duplicate, delete, import), and who is answering.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var IO = root.JTAI.io;
  var App = root.JTAI.app("self-assessment");
  var h = D.h;

  function intro() {
    var n = App.data.assessment.notices;
    return h("section", { class: "jtai-intro", "aria-labelledby": "jtai-intro-title" }, [
      h("h2", { id: "jtai-intro-title", "data-focus": "" }, ["About this self-assessment"]),
      h("p", {}, [n.purpose]),
      h("p", {}, [n.indicative]),
      h("div", { class: "jtai-callout jtai-callout-privacy" }, [
        h("p", {}, [h("strong", {}, ["Private to you. "]), n.privacy]),
        h("p", {}, [h("strong", {}, ["No details of children. "]), n.no_child_details])
      ])
    ]);
  }

  function progressText(record) {
    var s = root.JTAI.scoring.summarise(App.data, record, {});
    return s.coverage.indicators_rated + s.coverage.indicators_dont_know + " of " +
      s.coverage.indicators_total + " statements answered";
  }

  // ---------------------------------------------------------------------------------------
  // Saved assessments

  /** Show the list again and put focus back on a button (or on the list's heading). */
  function refreshList(id, action) {
    App.show("start", { focus: false });
    var target = document.querySelector(".jtai-saved-item[data-id=\"" + id + "\"] [data-action=\"" + action + "\"]");
    D.focus(target || document.getElementById("jtai-saved-title"));
  }

  function saveOther(record, done) {
    var result = App.store.save(record);
    if (!result.ok) {
      D.announce(result.message);
      return App.ask({ title: "Not saved", body: [result.message + " Export your work to keep it."], choices: [], cancel: "Close" });
    }
    done();
  }

  function rename(record) {
    App.ask({ title: "Rename this assessment", input: { label: "New name", value: record.title },
      choices: [{ id: "rename", label: "Rename", primary: true }] }).then(function (r) {
      if (r.choice !== "rename" || !r.value) return;
      if (record.id === App.record.id) {
        App.change(function (rec) { rec.title = r.value; }, { what: "title" });
        refreshList(record.id, "rename");
      } else {
        record.title = r.value;
        record.updated = new Date().toISOString();
        saveOther(record, function () { refreshList(record.id, "rename"); });
      }
      D.announce("Renamed to " + r.value);
    });
  }

  function duplicate(record) {
    var copy = JSON.parse(JSON.stringify(record.id === App.record.id ? App.record : record));
    var now = new Date().toISOString();
    copy.id = IO.randomId("sa-");
    copy.title = ("Copy of " + copy.title).slice(0, 200);
    copy.created = now;
    copy.updated = now;
    saveOther(copy, function () {
      refreshList(record.id, "duplicate");
      D.announce("Saved a copy called " + copy.title);
    });
  }

  function remove(record) {
    App.ask({ title: "Delete \u201c" + record.title + "\u201d?",
      body: ["This removes it from this browser and cannot be undone. Save a copy to a file first if you may need it again."],
      choices: [{ id: "delete", label: "Delete it", primary: true }] }).then(function (r) {
      if (r.choice !== "delete") return;
      App.store.remove(record.id);
      D.announce("Deleted " + record.title);
      if (record.id !== App.record.id) return refreshList(record.id, "delete");
      var next = App.saved()[0];
      if (next) App.open(next, "start", { focus: false });
      else App.create();
      D.focus(document.getElementById("jtai-saved-title"));
    });
  }

  function savedRow(record) {
    var isOpen = record.id === App.record.id;
    var b = App.ui.button;
    var name = h("span", { class: "jtai-saved-name" }, [record.title || "Untitled assessment"]);
    return h("li", { class: "jtai-saved-item" + (isOpen ? " jtai-saved-open" : ""), "data-id": record.id }, [
      h("p", { class: "jtai-saved-title" }, [name, isOpen ? h("span", { class: "jtai-tag" }, ["Open now"]) : null]),
      h("p", { class: "jtai-saved-meta" }, [
        [App.label("agency", record.respondent.agency), "Last changed " + D.dateTime(record.updated),
          progressText(record)].filter(Boolean).join(" · ")]),
      h("div", { class: "jtai-saved-actions", role: "group", "aria-label": "Actions for " + record.title }, [
        isOpen ? null : b("Open", function () { App.open(App.store.load(record.id) || record, "criteria"); },
          { attrs: { "data-action": "open" } }),
        b("Rename", function () { rename(record); }, { attrs: { "data-action": "rename" } }),
        b("Duplicate", function () { duplicate(record); }, { attrs: { "data-action": "duplicate" } }),
        b("Delete", function () { remove(record); }, { className: "jtai-btn-danger", attrs: { "data-action": "delete" } })
      ])
    ]);
  }

  // ---------------------------------------------------------------------------------------
  // Saved assessments that need attention: never dropped, never changed without asking

  function rawFileName(entry) {
    return "jtai-saved-assessment-" + entry.id.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 60) + "-" + D.today() + ".json";
  }

  function entryTitle(entry) {
    var r = entry.record;
    return r && typeof r === "object" && typeof r.title === "string" && r.title ? r.title : "An assessment that cannot be read";
  }

  function showRepairResult(title, changes) {
    App.show("start", { focus: false });
    var box = D.notice("ok", [h("p", {}, [h("strong", {}, ["Repaired “" + title + "”. "]),
      changes.length ? "What was changed:" : "Nothing needed changing."]),
    changes.length ? h("ul", { "data-repairs": "" }, changes.map(function (c) { return h("li", {}, [c]); })) : null]);
    box.setAttribute("role", "status");
    var list = document.getElementById("jtai-saved-title");
    list.parentNode.insertBefore(box, list.nextSibling);
    D.focus(box);
  }

  function repairEntry(entry) {
    var fixed = IO.repair(entry.record, App.data, new Date().toISOString(), entry.id);
    if (!fixed.ok) return;
    var saved = App.store.save(fixed.record);
    if (!saved.ok) {
      return App.ask({ title: "Not repaired", body: [saved.message + " Download it as it is to keep it."], choices: [], cancel: "Close" });
    }
    if (fixed.record.id !== entry.id) App.store.remove(entry.id); // its key was not a valid ID: saved under a new one
    showRepairResult(fixed.record.title, fixed.changes);
    return undefined;
  }

  function attentionRow(entry) {
    var b = App.ui.button;
    var title = entryTitle(entry);
    var fixable = entry.record !== null && IO.repair(entry.record, App.data).ok;
    return h("li", { class: "jtai-saved-item jtai-saved-attention", "data-id": entry.id }, [
      h("p", { class: "jtai-saved-title" }, [h("span", { class: "jtai-saved-name" }, [title]),
        h("span", { class: "jtai-tag jtai-tag-attention" }, ["Needs attention"])]),
      h("p", {}, [entry.record === null ? "This saved assessment cannot be opened: its saved text is damaged. " +
        "Download the text to keep it; it may be possible to mend it by hand."
        : "This saved assessment cannot be opened as it is. What is wrong:"]),
      entry.record === null ? null : h("ul", { class: "jtai-import-details" }, entry.problems.slice(0, 8).map(function (p) {
        return h("li", {}, [p.path + ": " + p.message]);
      }).concat(entry.problems.length > 8 ? [h("li", {}, ["And " + (entry.problems.length - 8) + " more."])] : [])),
      h("div", { class: "jtai-saved-actions", role: "group", "aria-label": "Actions for " + title }, [
        fixable ? b("Repair it", function () { repairEntry(entry); }, { className: "jtai-btn-primary", attrs: { "data-action": "repair" } }) : null,
        b(entry.record === null ? "Download the saved text" : "Download it as it is", function () {
          D.download(rawFileName(entry), entry.text, "application/json");
          D.announce("Download ready: " + rawFileName(entry));
        }, { attrs: { "data-action": "download-raw" } }),
        b("Delete", function () { remove({ id: entry.id, title: title }); }, { className: "jtai-btn-danger", attrs: { "data-action": "delete" } })
      ])
    ]);
  }

  function attentionList() {
    var entries = App.needingAttention();
    if (!entries.length) return null;
    return h("div", { class: "jtai-attention", "data-attention": "" }, [
      h("h3", {}, ["Needs attention"]),
      h("p", {}, [entries.length === 1 ? "One saved assessment cannot be opened as it is. Nothing has been removed: " +
        "repair it (only the parts that are wrong are changed, and you are told which) or download it."
        : entries.length + " saved assessments cannot be opened as they are. Nothing has been removed: " +
        "repair each (only the parts that are wrong are changed, and you are told which) or download it."]),
      h("ul", { class: "jtai-saved-list" }, entries.map(attentionRow))
    ]);
  }

  /** Draw "Your assessments" again (another tab changed the list). */
  App.refreshStart = function () {
    var old = document.querySelector("#jtai-view section.jtai-saved");
    if (old) old.parentNode.replaceChild(savedList(), old);
  };

  function savedList() {
    var saved = App.saved();
    if (!saved.some(function (r) { return r.id === App.record.id; })) saved.unshift(App.record);
    return h("section", { class: "jtai-saved", "aria-labelledby": "jtai-saved-title" }, [
      h("h2", { id: "jtai-saved-title" }, ["Your assessments"]),
      h("p", {}, ["Kept in this browser on this device. You can keep several side by side, for example one per agency."]),
      h("ul", { class: "jtai-saved-list" }, saved.map(savedRow)),
      attentionList(),
      h("div", { class: "jtai-row" }, [App.ui.button("Start a new assessment", App.create,
        { className: "jtai-btn-primary", attrs: { "data-action": "new" } })]),
      importer()
    ]);
  }

  // ---------------------------------------------------------------------------------------
  // Import

  function showImportResult(node, result) {
    D.clear(node);
    var ok = result.ok;
    node.className = "jtai-import-status jtai-alert " + (ok ? "jtai-alert-ok" : "jtai-alert-error");
    node.appendChild(h("p", {}, [h("strong", {}, [ok ? "Imported. " : "Import failed. "]), result.message]));
    if (result.details && result.details.length) {
      node.appendChild(h("ul", { class: "jtai-import-details" }, result.details.map(function (d) { return h("li", {}, [d]); })));
      if (result.more) node.appendChild(h("p", {}, ["And " + result.more + " more."]));
    }
    (result.warnings || []).forEach(function (w) { node.appendChild(h("p", { class: "jtai-import-warning" }, [w])); });
  }

  /**
   * Save an imported record and open it; remember what was there before, so the import can be
   * undone. `before` is the saved copy it replaced, or null.
   */
  function saveImported(record, node, message, warnings, before) {
    var openBefore = App.record.id;
    var saved = App.store.save(record);
    if (!saved.ok) {
      return showImportResult(node, { ok: false, message: saved.message +
        " The file was read but could not be saved. Nothing was imported and your saved work has not changed." });
    }
    App.open(record, "start", { focus: false });
    App.lastImport = { id: record.id, title: record.title, before: before, openBefore: openBefore, text: App.store.raw(record.id) };
    var fresh = document.querySelector(".jtai-import-status");
    showImportResult(fresh, { ok: true, message: "\u201c" + record.title + "\u201d " + message, warnings: warnings });
    fresh.appendChild(h("div", { class: "jtai-row" }, [App.ui.button("Undo this import", undoImport, { attrs: { "data-action": "undo-import" } })]));
    D.focus(fresh);
  }

  /** Put back what was saved before the last import, unless the imported assessment has changed since. */
  function undoImport() {
    var last = App.lastImport;
    App.lastImport = null;
    if (!last) return;
    if (App.store.raw(last.id) !== last.text) {
      App.show("start", { focus: false });
      var node = document.querySelector(".jtai-import-status");
      showImportResult(node, { ok: false, message: "\u201c" + last.title + "\u201d has changed since it was imported, so the import " +
        "was not undone: undoing it now would lose that work." });
      return D.focus(node);
    }
    if (last.before) App.store.save(last.before);
    else App.store.remove(last.id);
    var back = App.store.load(last.openBefore) || App.saved()[0];
    if (back) App.open(back, "start", { focus: false });
    else App.create();
    var done = document.querySelector(".jtai-import-status");
    showImportResult(done, { ok: true, message: last.before ? "The import was undone: the saved copy of \u201c" + last.before.title +
      "\u201d is back as it was." : "The import was undone: \u201c" + last.title + "\u201d was removed again." });
    D.focus(done);
    return undefined;
  }

  function cancelled(node) {
    showImportResult(node, { ok: false, message: "You cancelled the import. Nothing was imported and your saved work has not changed." });
    D.focus(node);
  }

  /** A new assessment: what it brings, field by field, imported only when confirmed. */
  function confirmNew(record, node, warnings) {
    var lines = root.JTAI.recordChanges.changes(null, record, App.data);
    App.ask({ title: "Import \u201c" + record.title + "\u201d?",
      body: ["It is added beside your saved work; nothing saved here changes. " + (lines.length ? "What it holds:" : "It holds no answers yet.")],
      list: lines, choices: [{ id: "import", label: "Import it", primary: true }] }).then(function (r) {
      if (r.choice === "import") return saveImported(record, node, "was imported and is now open.", warnings, null);
      return cancelled(node);
    });
  }

  function confirmReplace(record, existing, node, warnings) {
    var lines = root.JTAI.recordChanges.changes(existing, record, App.data);
    App.ask({ title: "Replace the saved copy?",
      body: ["This file is the same assessment as one already saved here: \u201c" + existing.title +
        "\u201d, last changed " + D.dateTime(existing.updated) + ".",
      "Replace it with the file, or keep both by importing the file as a copy. " +
        (lines.length ? "What replacing it would change:" : "The file's answers are the same as the saved copy's.")],
      list: lines,
      choices: [{ id: "replace", label: "Replace the saved copy", primary: true },
        { id: "copy", label: "Import as a copy" }] }).then(function (r) {
      if (r.choice === "replace") return saveImported(record, node, "replaced the saved copy and is now open.", warnings, existing);
      if (r.choice === "copy") {
        record.id = IO.randomId("sa-");
        record.title = (record.title + " (imported copy)").slice(0, 200);
        return saveImported(record, node, "was imported as a copy and is now open.", warnings, null);
      }
      return cancelled(node);
    });
  }

  function readFile(file, node) {
    if (file.size > IO.MAX_BYTES) {
      showImportResult(node, IO.parseImport("", App.data, { bytes: file.size }));
      return D.focus(node);
    }
    var reader = new FileReader();
    reader.onerror = function () {
      showImportResult(node, { ok: false, message: "The file could not be read. Nothing was imported and your saved work has not changed." });
    };
    reader.onload = function () {
      var result = IO.parseImport(String(reader.result), App.data, { bytes: file.size });
      if (!result.ok) {
        showImportResult(node, result);
        return D.focus(node);
      }
      var existing = App.store.load(result.record.id);
      if (existing) return confirmReplace(result.record, existing, node, result.warnings);
      confirmNew(result.record, node, result.warnings);
    };
    reader.readAsText(file);
  }

  function importer() {
    var id = D.uid("import");
    var status = h("div", { class: "jtai-import-status", role: "status" });
    var input = h("input", { type: "file", id: id, class: "jtai-file", accept: ".json,application/json",
      "aria-describedby": id + "-hint", "data-action": "import" });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (file) readFile(file, status);
      input.value = "";
    });
    return h("div", { class: "jtai-import" }, [
      h("h3", {}, ["Open a copy saved to a file"]),
      h("p", { id: id + "-hint", class: "jtai-hint" }, ["A file made with \u201cSave a copy to a file\u201d (its name ends in .json). " +
        "You see what it holds before it is imported; it is added beside your saved work, and nothing is replaced without asking."]),
      h("label", { for: id, class: "jtai-label" }, ["Choose the saved file"]),
      input, status
    ]);
  }

  // ---------------------------------------------------------------------------------------
  // Who is answering

  function respondent() {
    var r = App.record.respondent;
    var set = function (key) {
      return function (value) { App.change(function (rec) { rec.respondent[key] = value; }, { what: "respondent" }); };
    };
    var agencies = App.data.agencies.map(function (a) { return { id: a.id, label: a.name }; })
      .concat([{ id: App.data.assessment.jointly.id, label: App.data.assessment.jointly.label }]);
    var ui = App.ui;
    return h("section", { class: "jtai-respondent", "aria-labelledby": "jtai-resp-title" }, [
      h("h2", { id: "jtai-resp-title" }, ["Who is answering"]),
      h("p", {}, [App.data.assessment.notices.no_names]),
      h("fieldset", { class: "jtai-fieldset" }, [
        h("legend", { class: "jtai-legend" }, ["About this assessment"]),
        ui.textField({ label: "Name of this assessment", value: App.record.title, max: 200,
          hint: "For example \u201cPolice, spring 2025\u201d.", onInput: function (v) {
            App.change(function (rec) { rec.title = v; }, { what: "title" });
          } }),
        ui.textField({ label: "Partnership", value: r.partnership, max: 200,
          hint: "The name of your local safeguarding children partnership.", onInput: set("partnership") }),
        ui.selectField({ label: "Answering for", value: r.agency, options: agencies, onChange: set("agency") }),
        ui.textField({ label: "Your role", value: r.role, max: 200, hint: "Your job title, not your name.",
          onInput: set("role") }),
        ui.dateField({ label: "Date of this assessment", name: "the date of this assessment", value: r.date,
          onInput: set("date") })
      ]),
      h("div", { class: "jtai-row" }, [App.ui.button("Continue to the criteria", function () {
        App.show("criteria", { criterion: null });
      }, { className: "jtai-btn-primary", attrs: { "data-action": "continue" } })])
    ]);
  }

  App.views.start = {
    render: function (container) {
      container.appendChild(intro());
      container.appendChild(respondent());
      container.appendChild(savedList());
    },
    update: function (info) {
      if (info.what !== "title") return;
      var item = document.querySelector(".jtai-saved-open .jtai-saved-name");
      if (item) D.text(item, App.record.title || "Untitled assessment");
    }
  };
})(typeof self !== "undefined" ? self : this);
