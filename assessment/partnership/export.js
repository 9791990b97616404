// needs: lib/csv.js lib/labels.js partnership/board.js partnership/loader.js
/* JTAI Ready partnership view: the words for agreement, and the combined view as files (JSON and
 * CSV). Pure functions, no DOM.
 *
 * The JSON file (format "jtai-ready-partnership", see partnership-export.schema.json) carries the
 * combined view for other tools, the partnership's own record for its board (`board`: the cover
 * note, and the agreed position and next step on each criterion; format version 2) and, under
 * `assessments`, every assessment it was made from, so the page can read it back. The CSV files
 * are for spreadsheets: one row per criterion and agency (with the agreed position and next step),
 * and one row per action. Both use the shared CSV writer (JTAI.csv).
 *
 * Loads as a classic script (JTAI.partnershipExport; needs JTAI.labels, JTAI.csv,
 * JTAI.partnershipLoad and JTAI.partnershipBoard first) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../lib/labels.js"), require("../lib/csv.js"),
      require("./loader.js"), require("./board.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.partnershipExport = factory(J.labels, J.csv, J.partnershipLoad, J.partnershipBoard);
  }
})(typeof self !== "undefined" ? self : this, function (Labels, Csv, Load, Board) {
  "use strict";

  /** What each agreement status means, in words (used on screen, in print and in the CSV). */
  var STATUS = {
    disagree: "Agencies disagree",
    differ: "Agencies differ by one band",
    agree: "Agencies agree",
    single: "Rated by one agency only",
    none: "Not rated by any agency"
  };

  var STATE = { rated: "Rated", "dont-know": "Don\u2019t know only", "not-assessed": "Not assessed" };

  function statusLabel(row) {
    if (row.status === "differ" && row.gap > 1) return "Agencies differ by " + row.gap + " bands";
    if (row.status === "disagree") return STATUS.disagree + " (" + row.gap + " bands apart)";
    return STATUS[row.status];
  }

  function columnFacts(c) {
    return { key: c.key, id: c.id, title: c.title, agency: c.agency, label: c.label, date: c.date,
      updated: c.updated, overall_score: c.overall.score,
      criteria_rated: c.coverage.criteria_scored, criteria_total: c.coverage.criteria_total };
  }

  function cellFacts(cell) {
    return { state: cell.state, score: cell.score, suggested: cell.suggested, outcome: cell.outcome,
      overridden: cell.overridden, override_reason: cell.override_reason };
  }

  function rowFacts(row) {
    var cells = {};
    Object.keys(row.cells).forEach(function (k) { cells[k] = cellFacts(row.cells[k]); });
    return { id: row.id, status: row.status, gap: row.gap, spread: row.spread, cells: cells };
  }

  function actionFacts(group) {
    return group.actions.map(function (a) {
      return { lead: a.lead, criterion: a.criterion, from: a.column, what: a.what, due: a.due,
        status: a.status, done: a.done, overdue: a.overdue };
    });
  }

  function criterionIds(data) {
    return data.criteria.map(function (c) { return c.id; });
  }

  /**
   * The JSON export. combined: JTAI.partnership.combine's result; set: the loaded entries
   * ([{record, source}]); created: an ISO timestamp; board: the partnership's record (board.js),
   * empty when not given.
   */
  function toJSON(data, combined, set, created, board) {
    var file = {
      format: Load.FORMAT, format_version: Load.FORMAT_VERSION,
      framework_id: data.framework.id, framework_version: data.framework.version,
      app_version: data.app_version, created: created,
      disagreement_gap: combined.disagreement_gap,
      columns: combined.columns.map(columnFacts),
      flagged: combined.flagged.slice(),
      criteria: combined.rows.map(rowFacts),
      actions: [].concat.apply([], combined.actions.map(actionFacts)),
      board: Board.toExport(board || Board.empty(data.framework.id), criterionIds(data)),
      assessments: set.map(function (e) { return e.record; })
    };
    return JSON.stringify(file, null, 2) + "\n";
  }

  function scoreText(score) {
    return score === null || score === undefined ? "" : score.toFixed(2);
  }

  /** One row per criterion and agency, with the partnership's agreed position and next step. */
  function gridCSV(data, combined, board) {
    var label = Labels.make(data);
    var agreed = board || Board.empty(data.framework.id);
    var header = ["Criterion", "Criterion title", "Agreement", "Bands apart", "Agency",
      "Assessment", "Assessment date", "Answered", "Score", "Suggested outcome", "Outcome",
      "Overridden", "Reason for override", "Indicators rated", "Don't know", "Not assessed",
      "Lowest score", "Median score", "Highest score", "Partnership's agreed position", "Next step",
      "Partnership's agreed outcome"];
    var rows = [];
    combined.rows.forEach(function (row) {
      var s = row.spread || {};
      var e = Board.entry(agreed, row.id);
      combined.columns.forEach(function (col) {
        var cell = row.cells[col.key];
        rows.push([row.id, label("criterion", row.id), statusLabel(row), row.status === "none" || row.status === "single" ? "" : row.gap,
          col.label, col.title, Csv.ukDate(col.date), STATE[cell.state], scoreText(cell.score),
          label("outcome", cell.suggested), label("outcome", cell.outcome), cell.overridden ? "Yes" : "No",
          cell.override_reason, cell.rated, cell.dont_know, cell.unrated,
          scoreText(s.low), scoreText(s.median), scoreText(s.high), e.position, e.next_step, label("outcome", e.outcome)]);
      });
    });
    return Csv.file(header, rows);
  }

  /** One row per action, grouped by lead agency, soonest due first. */
  function actionsCSV(data, combined) {
    var label = Labels.make(data);
    var from = {};
    combined.columns.forEach(function (c) { from[c.key] = c.label; });
    var header = ["Lead agency", "Due", "Status", "Overdue", "Criterion", "Criterion title",
      "Action", "Recorded by"];
    var rows = [];
    combined.actions.forEach(function (g) {
      g.actions.forEach(function (a) {
        rows.push([g.label || "No lead given", Csv.ukDate(a.due), label("status", a.status),
          a.overdue ? "Yes" : "No", a.criterion, label("criterion", a.criterion), a.what, from[a.column]]);
      });
    });
    return Csv.file(header, rows);
  }

  return { STATUS: STATUS, STATE: STATE, statusLabel: statusLabel, toJSON: toJSON,
    gridCSV: gridCSV, actionsCSV: actionsCSV, scoreText: scoreText };
});
