// needs: lib/dom.js lib/jtai.js lib/merge.js lib/storage.js lib/tabs.js partnership/board.js
// needs: partnership/export.js
/* JTAI Ready partnership view: the partnership's record for its board. A cover note, and the
 * agreed position and next step on each criterion (disagreements first), typed on the "Agreed
 * positions" view and shown in the other views, the report and the downloads.
 *
 * Unlike the loaded files, this record is saved in this browser as it is typed (localStorage,
 * one key per framework, through JTAI.storage's rules): saved text this page cannot read is kept
 * aside word for word and never read as empty; when the browser will not save, the page says so;
 * when another tab saves at the same time, the two are put together (JTAI.tabs) and nothing typed
 * is lost. Free text gets the child-details warning (JTAI.dom.checkPii). Needs dom.js, storage.js,
 * merge.js, tabs.js, pii.js, partnership/board.js and ui-common.js.
 */
(function (root) {
  "use strict";

  var J = root.JTAI;
  var D = J.dom;
  var B = J.partnershipBoard;
  var App = J.app("partnership");
  var h = D.h;
  var KEY = "jtai-ready:partnership-board:";
  var LABELS = { position: "Agreed position", next_step: "Next step", outcome: "Agreed outcome" };
  var HINTS = { position: "What the partnership agrees about this criterion.",
    next_step: "What will happen next, who leads it and by when." };
  var store = null;

  function key() {
    return KEY + App.data.framework.id;
  }

  // ---------------------------------------------------------------------------------------
  // Saving

  /** Save the record now: the words for the save line. Nothing is written over unreadable text. */
  App.saveBoard = function () {
    var said;
    if (App.boardHold) {
      said = "Not saved: the record saved in this browser could not be kept aside (see the message above).";
    } else if (App.boardTabs.check(App.board) === "deleted") {
      said = "Not saved: the record was cleared in another tab (see the message above).";
    } else {
      var saved = store.write(key(), App.board);
      if (saved.ok) App.boardTabs.wrote(App.board);
      said = !saved.ok ? saved.message + " Download the JSON file to keep it."
        : store.available ? "Saved in this browser at " + D.time() + "."
          : "This browser is not saving for this site, so this lasts only until you close the page. Download the JSON file to keep it.";
    }
    App.boardSaid = said;
    var line = document.querySelector(".jtai-pv-board-saved");
    if (line) D.text(line, said);
    return said;
  };

  /** Record one field ("cover_note", or a criterion's "position" or "next_step") and save. */
  App.changeBoard = function (id, field, value) {
    App.board = field === "cover_note" ? B.setNote(App.board, value, D.nowStamp())
      : B.setField(App.board, id, field, value, D.nowStamp());
    App.saveBoard();
  };

  /** A message above the views that stays until dismissed. */
  function notice(node) {
    App.notes().appendChild(node);
    return node;
  }

  function unreadableNotice(text, kept, fromOtherTab) {
    var name = "jtai-partnership-board-unreadable-" + D.today() + ".json";
    notice(D.notice("error", [h("p", {}, [h("strong", {}, [(fromOtherTab ? "Another tab saved the partnership\u2019s " +
      "record for its board in a form this page cannot read. " : "The partnership\u2019s record for its board saved in " +
      "this browser could not be read. ")]), kept.ok ? "Its text was kept aside, unchanged (as \u201c" + kept.key +
      "\u201d). Download it to keep it or to ask for help mending it." : "It could not be kept aside (" + kept.message +
      "), so nothing will be saved over it: download its text now."])],
    [{ label: "Download the saved text", attrs: { "data-action": "download-board-unreadable" }, run: function () {
      D.download(name, text, "application/json");
      D.announce("Download ready: " + name);
      return false;
    } }]));
  }

  function redraw() {
    if (App.view !== "positions") return;
    var at = document.activeElement && document.activeElement.id;
    App.show("positions", { focus: false });
    if (at && document.getElementById(at)) document.getElementById(at).focus();
  }

  function watchTabs() {
    return J.tabs.create({
      key: key,
      raw: store.text,
      value: function () { return App.board; },
      usable: B.usable,
      ignore: ["updated", "framework_id"],
      onMerged: function (merged, info) {
        App.board = B.normalise(merged, App.data.framework.id);
        redraw();
        // An entry's own time stamp is not something anyone typed: never a conflict to show.
        var conflicts = info.conflicts.filter(function (c) { return c.steps[c.steps.length - 1] !== "updated"; });
        if (!conflicts.length) {
          D.announce("The agreed positions were changed in another tab; those changes are shown here.");
          return;
        }
        var kept = store.keepAside(key(), JSON.stringify(info.mine), "this-tab");
        var steps = conflicts.map(function (c) { return c.steps; });
        notice(D.notice("error", [h("p", {}, [h("strong", {}, ["The agreed positions were changed in another tab at the " +
          "same time as here. "]), "Where both changed the same text, the other tab\u2019s is shown here: " +
          conflicts.map(function (c) { return c.steps.slice(1).join(" ").replace("_", " ") || "the cover note"; }).join("; ") + ". " +
          (kept.ok ? "This tab\u2019s version is kept in this browser too (as \u201c" + kept.key + "\u201d)." : "")])],
        [{ label: "Use mine", attrs: { "data-action": "board-use-mine" }, run: function () {
          App.board = B.normalise(J.merge.applyPaths(App.board, info.mine, steps), App.data.framework.id);
          App.saveBoard();
          redraw();
        } }]));
      },
      onDeleted: function () {
        notice(D.notice("error", ["The agreed positions were cleared from this browser in another tab. Changes here " +
          "are not being saved."], [{ label: "Keep them", attrs: { "data-action": "board-keep" },
          run: function () { App.boardTabs.keep(); App.saveBoard(); } }]));
      },
      onUnreadable: function (text) {
        unreadableNotice(text, store.keepAside(key(), text), true);
      }
    });
  }

  /** Read the saved record (or start one), and watch other tabs. Called from start(). */
  App.initBoard = function () {
    store = J.storage.values();
    var fw = App.data.framework.id;
    var text = store.text(key());
    var value = null;
    try {
      value = text === null ? null : JSON.parse(text);
    } catch {
      value = undefined;
    }
    App.board = B.normalise(value, fw);
    App.boardTabs = watchTabs();
    if (text !== null && !B.usable(value)) {
      var kept = store.keepAside(key(), text);
      App.boardHold = !kept.ok;
      unreadableNotice(text, kept, false);
    } else {
      App.boardTabs.opened();
    }
    App.boardSaid = store.available ? "" : "This browser is not saving for this site, so what you type here lasts " +
      "only until you close the page. Download the JSON file to keep it.";
  };

  // ---------------------------------------------------------------------------------------
  // The form

  function textArea(id, field, value, label, hint, rows) {
    var base = "jtai-pv-board-" + (id || "note") + "-" + field;
    var warning = h("p", { id: base + "-pii", class: "jtai-pii", role: "status" });
    var input = h("textarea", { id: base, class: "jtai-input", rows: rows, maxlength: field === "cover_note" ? B.MAX_NOTE : B.MAX_TEXT,
      autocomplete: "off", "data-criterion": id || null, "data-field": field, "aria-describedby": base + "-hint " + warning.id,
      value: value, on: { input: function () {
        App.changeBoard(id, field, input.value);
        D.checkPii(input, warning);
      } } });
    if (value) D.checkPii(input, warning, true);
    return h("div", { class: "jtai-field" }, [h("label", { for: base, class: "jtai-label" }, label),
      h("p", { id: base + "-hint", class: "jtai-hint" }, [hint]), input, warning]);
  }

  /** What the loaded assessments say about a criterion, in one line (or "" with nothing loaded). */
  function standing(row) {
    if (!row) return "";
    var X = J.partnershipExport;
    if (row.status === "disagree" || row.status === "differ") {
      var who = function (keys) { return keys.map(function (k) { return App.ui.columnLabel(k) + " (" + App.ui.cellText(row.cells[k]) + ")"; }).join(", "); };
      return X.statusLabel(row) + ". Highest: " + who(row.top) + ". Lowest: " + who(row.bottom) + ".";
    }
    return X.statusLabel(row) + ".";
  }

  /** The outcome's words ("Strength"), or "" for none. */
  function outcomeLabel(id) {
    var found = App.data.assessment.outcomes.filter(function (o) { return o.id === id; })[0];
    return found ? found.label : "";
  }

  /** The band the partnership agrees on, from the framework's outcomes (none until chosen). */
  function outcomeField(id, value, label) {
    var base = "jtai-pv-board-" + id + "-outcome";
    var options = [{ id: "", label: "Not agreed yet" }].concat(App.data.assessment.outcomes);
    var select = h("select", { id: base, class: "jtai-select", "data-criterion": id, "data-field": "outcome",
      "aria-describedby": base + "-hint", on: { change: function () { App.changeBoard(id, "outcome", select.value); } } },
    options.map(function (o) { return h("option", { value: o.id, selected: o.id === value }, [o.label]); }));
    return h("div", { class: "jtai-field" }, [h("label", { for: base, class: "jtai-label" }, label),
      h("p", { id: base + "-hint", class: "jtai-hint" }, ["The outcome band the partnership agrees on, whatever each agency chose."]), select]);
  }

  function criterionBlock(id, row) {
    var e = B.entry(App.board, id);
    var name = App.ui.criterionName(id);
    var sr = function (field) { return [LABELS[field], h("span", { class: "jtai-sr-only" }, [" on " + id])]; };
    return h("fieldset", { class: "jtai-fieldset jtai-pv-agreed-block", "data-criterion": id }, [
      h("legend", { class: "jtai-legend" }, [h("h4", {}, [name])]),
      row ? h("p", { class: "jtai-pv-agreement" }, [standing(row)]) : null,
      outcomeField(id, e.outcome, sr("outcome")),
      textArea(id, "position", e.position, sr("position"), HINTS.position, 3),
      textArea(id, "next_step", e.next_step, sr("next_step"), HINTS.next_step, 2)
    ]);
  }

  function coverNoteField() {
    return App.ui.section(3, "Cover note for the board", { class: "jtai-pv-cover-field" }, [
      textArea("", "cover_note", App.board.cover_note, ["Cover note"],
        "Printed first in the report: for example what the board is asked to do, and the date of the meeting.", 6)
    ]);
  }

  /** How many criteria a record (this round or an earlier one) has something for. */
  function countText(record) {
    var n = Object.keys(record.criteria).length;
    return n === 1 ? "1 criterion" : n + " criteria";
  }

  function startRound() {
    if (!B.hasAny(App.board)) {
      D.announce("Nothing is recorded in this round yet, so there is nothing to keep.");
      return;
    }
    if (!window.confirm("Start a new round? This round\u2019s cover note, agreed outcomes, positions and next steps are kept " +
      "as the last round (in this browser and in the JSON download), and the form starts empty.")) return;
    App.board = B.newRound(App.board, D.nowStamp());
    App.saveBoard();
    App.show("positions", { focus: false });
    var note = document.getElementById("jtai-pv-rounds-status");
    note.textContent = "A new round has started. The last round is kept below and in the JSON download.";
    D.focus(document.getElementById("jtai-pv-rounds-title"));
  }

  /** Earlier rounds (kept, and in the download) and the action that starts a new one. */
  function roundsSection() {
    var rounds = App.board.rounds || [];
    return h("section", { class: "jtai-pv-rounds", "aria-labelledby": "jtai-pv-rounds-title" }, [
      h("h3", { id: "jtai-pv-rounds-title", tabindex: "-1" }, ["Rounds"]),
      h("p", {}, ["When the board has met and you start preparing again, start a new round. This round is kept as it is, " +
        "in this browser and in the JSON download, and the form starts empty."]),
      rounds.length ? h("ul", { class: "jtai-pv-rounds-list", "data-rounds": "" }, rounds.map(function (r) {
        return h("li", { "data-closed": r.closed }, ["Round closed on " + D.longDate(r.closed.slice(0, 10)) + ": " +
          countText(r) + (r.cover_note ? ", and a cover note" : "") + "."]);
      })) : null,
      h("div", { class: "jtai-row" }, [App.ui.button("Start a new round", startRound, { attrs: { "data-action": "new-round" } })]),
      h("p", { id: "jtai-pv-rounds-status", role: "status" })
    ]);
  }

  function rowsById(combined) {
    var out = {};
    (combined ? combined.rows : []).forEach(function (r) { out[r.id] = r; });
    return out;
  }

  App.views.positions = {
    title: "Agreed positions and cover note",
    render: function (section, options) {
      var combined = App.set.length ? App.combined() : null;
      var rows = rowsById(combined);
      var ids = App.data.criteria.map(function (c) { return c.id; });
      var flagged = combined ? combined.flagged : [];
      var others = ids.filter(function (id) { return flagged.indexOf(id) < 0; });
      section.appendChild(h("p", {}, ["Record what the partnership agrees on each criterion, and what happens next. " +
        "Start with the disagreements. These go in the report, the grid (CSV) and the JSON download."]));
      section.appendChild(h("p", { class: "jtai-callout" }, [h("strong", {}, ["Saved in this browser as you type. "]),
        "Unlike the loaded files, this stays after you reload or close the page. Do not type children\u2019s details."]));
      section.appendChild(h("p", { class: "jtai-pv-board-saved" }, [App.boardSaid || ""]));
      if (combined) section.appendChild(App.ui.downloads());
      if (!combined) {
        section.appendChild(h("p", { class: "jtai-callout" }, ["No assessments are loaded, so this page cannot show where " +
          "agencies disagree. What you typed earlier is still here. ", h("button", { type: "button", class: "jtai-linkbtn",
          on: { click: function () { App.show("load"); } } }, ["Load assessments"]), " to see each criterion\u2019s ratings."]));
      }
      section.appendChild(coverNoteField());
      section.appendChild(roundsSection());
      if (flagged.length) {
        section.appendChild(App.ui.section(3, "Where agencies disagree", { class: "jtai-pv-agreed-flagged" },
          flagged.map(function (id) { return criterionBlock(id, rows[id]); })));
      }
      section.appendChild(App.ui.section(3, flagged.length ? "Every other criterion" : "Each criterion", { class: "jtai-pv-agreed-others" },
        others.map(function (id) { return criterionBlock(id, rows[id]); })));
      if (options.criterion) D.focus(document.getElementById("jtai-pv-board-" + options.criterion + "-position"));
    }
  };

  // ---------------------------------------------------------------------------------------
  // In the other views and the report

  /** The agreed position and next step on a criterion, as paragraphs (none when nothing recorded). */
  function agreedLines(id) {
    var e = B.entry(App.board, id);
    var line = function (field, value) {
      return value ? h("p", { class: "jtai-pv-agreed-line jtai-pre", "data-agreed": field }, [
        h("strong", {}, [{ outcome: "Partnership\u2019s agreed outcome", position: "Partnership\u2019s agreed position",
          next_step: "Next step" }[field] + ": "]), value]) : null;
    };
    return [line("outcome", outcomeLabel(e.outcome)), line("position", e.position), line("next_step", e.next_step)];
  }

  /** A button to the form for a criterion (screen only). */
  function recordButton(id) {
    var has = B.entry(App.board, id).position || B.entry(App.board, id).next_step || B.entry(App.board, id).outcome;
    return h("button", { type: "button", class: "jtai-linkbtn jtai-noprint", "data-record": id,
      on: { click: function () { App.show("positions", { criterion: id, focus: false }); } } },
    [(has ? "Change" : "Record") + " the partnership\u2019s position", h("span", { class: "jtai-sr-only" }, [" on " + id])]);
  }

  /** The cover note, first in the report (null when there is none). */
  function coverNote(level) {
    if (!App.board.cover_note) return null;
    return App.ui.section(level, "Cover note", { class: "jtai-pv-cover" }, [
      h("p", { class: "jtai-pre", "data-agreed": "cover-note" }, [App.board.cover_note])]);
  }

  /** Agreed positions on criteria not in `skip` (the disagreements show theirs in place). */
  function positions(combined, level, skip) {
    var ids = B.recorded(App.board, App.data.criteria.map(function (c) { return c.id; })).filter(function (id) {
      return skip.indexOf(id) < 0 && App.data.criteria.some(function (c) { return c.id === id; });
    });
    if (!ids.length) return null;
    var rows = rowsById(combined);
    return App.ui.section(level, "Agreed positions on other criteria", { class: "jtai-pv-positions" }, [
      App.ui.table("The partnership\u2019s agreed outcome, position and next step", ["Criterion", "Agreement", "Agreed outcome", "Agreed position", "Next step"],
        ids.map(function (id) {
          var e = B.entry(App.board, id);
          return h("tr", { "data-criterion": id }, [h("th", { scope: "row" }, [App.ui.criterionName(id)]),
            h("td", {}, [rows[id] ? J.partnershipExport.statusLabel(rows[id]) : ""]),
            h("td", { "data-agreed": "outcome" }, [outcomeLabel(e.outcome)]),
            h("td", { class: "jtai-pre", "data-agreed": "position" }, [e.position]),
            h("td", { class: "jtai-pre", "data-agreed": "next_step" }, [e.next_step])]);
        }), { className: "jtai-pv-positions-table" })
    ]);
  }

  App.parts.agreedLines = agreedLines;
  App.parts.recordButton = recordButton;
  App.parts.coverNote = coverNote;
  App.parts.positions = positions;
})(typeof self !== "undefined" ? self : this);
