// needs: lib/csv.js lib/labels.js lib/scoring.js self-assessment/explain.js
/* JTAI Ready self-assessment: CSV export for spreadsheets.
 *
 * One row per indicator, with the criterion's score, outcome, evidence and actions repeated on
 * each of its rows so that a spreadsheet can filter and sort. UTF-8 with a byte order mark and
 * CRLF line ends (Excel opens it cleanly), every cell quoted, UK dates (DD/MM/YYYY), and cells
 * that a spreadsheet would run as a formula (starting = + - @, tab or CR) prefixed with an
 * apostrophe. Scores and outcomes come from JTAI.scoring: nothing is worked out here.
 *
 * Loads as a classic script (JTAI.assessmentCsv, after scoring.js, labels.js, explain.js and
 * ../lib/csv.js) or with require()
 * in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../lib/scoring.js"), require("../lib/labels.js"),
      require("../lib/csv.js"), require("./explain.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.assessmentCsv = factory(J.scoring, J.labels, J.csv, J.explain);
  }
})(typeof self !== "undefined" ? self : this, function (Scoring, Labels, CsvFile, Explain) {
  "use strict";

  var BOM = CsvFile.BOM;
  var EOL = CsvFile.EOL;
  var ukDate = CsvFile.ukDate;
  var cell = CsvFile.cell;
  var row = CsvFile.row;

  function scoreText(score) {
    return score === null ? "" : score.toFixed(2);
  }

  function actionsText(actions, label) {
    return actions.map(function (act) {
      var parts = [label("agency", act.lead), act.due ? "due " + ukDate(act.due) : "", label("status", act.status)]
        .filter(Boolean);
      return act.what + (parts.length ? " (" + parts.join("; ") + ")" : "");
    }).join("\n");
  }

  function header(data) {
    var prompts = data.assessment.evidence_prompts.map(function (p) { return p.label; });
    return ["Assessment", "Partnership", "Answering for", "Role", "Date", "Focus area", "Criterion",
      "Criterion title", "Indicator", "Indicator text", "Rating", "Rating value", "Criterion score",
      "Suggested outcome", "Held back by a weak answer", "Outcome", "Overridden", "Override reason", "Strength without evidence",
      "Confidence"].concat(prompts, ["Annex A documents", "Actions"]);
  }

  function criterionCells(data, criterion, answer, result, label) {
    var names = Labels.documentLabels(criterion);
    var docs = (criterion.annex_a || []).filter(function (d) {
      return (answer.documents || []).indexOf(d.id) >= 0;
    }).map(function (d) { return names[d.id]; });
    var evidence = data.assessment.evidence_prompts.map(function (p) {
      return (answer.evidence || {})[p.id] || "";
    });
    return [scoreText(result.score), label("outcome", result.suggested), Explain.heldBack(data, result),
      label("outcome", result.outcome),
      result.overridden ? "Yes" : "", result.override_reason, result.strength_without_evidence ? "Yes" : "",
      label("confidence", result.confidence)].concat(evidence, [docs.join("; "),
      actionsText(answer.actions || [], label)]);
  }

  /** The whole CSV file as a string (starting with the byte order mark). */
  function toCSV(data, record, options) {
    var label = Labels.make(data);
    var summary = Scoring.summarise(data, record, options || {});
    var levels = {};
    data.assessment.scale.levels.forEach(function (l) { levels[l.id] = l.value; });
    var r = record.respondent || {};
    var who = [record.title, r.partnership, label("agency", r.agency), r.role, ukDate(r.date)];
    var lines = [row(header(data))];
    data.criteria.forEach(function (c) {
      var answer = (record.answers || {})[c.id] || {};
      var tail = criterionCells(data, c, answer, summary.byId[c.id], label);
      c.indicators.forEach(function (ind) {
        var rating = (answer.indicators || {})[ind.id] || "";
        lines.push(row(who.concat([label("focus", c.focus), c.id, c.title, ind.id, ind.text,
          label("rating", rating) || data.assessment.scale.unrated.label,
          Object.prototype.hasOwnProperty.call(levels, rating) ? levels[rating] : ""], tail)));
      });
    });
    return BOM + lines.join(EOL) + EOL;
  }

  return { toCSV: toCSV, ukDate: ukDate, cell: cell };
});
