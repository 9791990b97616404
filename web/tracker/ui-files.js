/* JTAI Ready Annex A readiness tracker: export (JSON, CSV), import (a bad file changes nothing)
 * and clearing the tracker.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var Store = J.planStore;
  var D = J.dates;
  var T = J.tracker;
  var el = K.h;

  function showImport(kind, title, lines) {
    var box = K.clear(App.$("tracker-import-result"));
    box.className = "admonition " + (kind === "ok" ? "success" : "failure") + " jtai-import-result";
    box.appendChild(el("p", { class: "admonition-title", text: title }));
    if (lines.length) box.appendChild(el("ul", {}, lines.map(function (l) { return el("li", { text: l }); })));
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

  function imported(file, text) {
    var parsed = T.parseImport(text, App.data, { bytes: file.size });
    return parsed.ok ? accept(file, parsed) : refuse(parsed);
  }

  function refuse(parsed) {
    var more = parsed.more ? ["… and " + parsed.more + " more."] : [];
    return showImport("error", parsed.message, parsed.details.concat(more));
  }

  function accept(file, parsed) {
    var hasWork = Object.keys(App.tracker.items).length > 0;
    if (hasWork && !window.confirm("Replace the tracker saved in this browser with the one in " + file.name + "?")) {
      return showImport("error", "Import cancelled. Your saved tracker has not changed.", []);
    }
    var notes = parsed.warnings.concat(adoptDates(parsed.tracker));
    App.replace(parsed.tracker);
    return showImport("ok", "Imported " + Object.keys(App.tracker.items).length + " items from " + file.name + ".", notes);
  }

  function onFile(event) {
    var file = event.target.files && event.target.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      event.target.value = "";
      imported(file, String(reader.result));
    };
    reader.onerror = function () {
      showImport("error", "This file could not be read. Nothing was imported and your saved tracker has not changed.", []);
    };
    reader.readAsText(file);
  }

  /** Export the tracker as JSON (the "save a copy to a file" safety net too), and remember when. */
  App.saveCopy = function () {
    var copy = T.setDates(App.tracker, App.dates, App.tracker.updated);
    K.download(T.fileName("json", K.today()), T.exportJSON(copy), "application/json");
    Store.noteCopy("tracker");
    if (App.net) App.net.refresh();
    App.say("Tracker exported as JSON.");
  };

  App.initFiles = function () {
    App.$("tracker-export-json").addEventListener("click", App.saveCopy);
    App.$("tracker-export-csv").addEventListener("click", function () {
      K.download(T.fileName("csv", K.today()), T.toCSV(App.rows()), "text/csv;charset=utf-8");
      App.say("Tracker exported as CSV.");
    });
    App.$("tracker-import").addEventListener("change", onFile);
    App.$("tracker-reset").addEventListener("click", function () {
      if (!window.confirm("Clear every status, owner, location, date and note in this tracker? Export it first if you want a copy.")) return;
      App.replace(T.newTracker(App.data, K.nowStamp()));
      App.say("Tracker cleared.");
    });
  };
})(self.JTAI);
