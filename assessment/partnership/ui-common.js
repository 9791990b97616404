// needs: lib/dom.js lib/jtai.js lib/scoring.js partnership/export.js
/* JTAI Ready partnership view: pieces the views share (a cell in words, agency names, the
 * "nothing loaded yet" message, the download buttons).
 * Needs dom.js, scoring.js, labels.js and partnership/export.js.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var X = root.JTAI.partnershipExport;
  var App = root.JTAI.app("partnership");
  var h = D.h;

  /** Class for an outcome by its rank (0 = the highest band): colour is only ever extra. */
  function bandClass(outcomeId) {
    return root.JTAI.scoring.bandClass(App.data, outcomeId);
  }

  /** A cell of the grid in words: "Strength 3.60 (overridden)", "Don't know only", "Not assessed". */
  function cellText(cell) {
    if (cell.state !== "rated") return X.STATE[cell.state];
    var score = X.scoreText(cell.score);
    return App.label("outcome", cell.outcome) + (score ? " " + score : "") + (cell.overridden ? " (overridden)" : "");
  }

  /** "Police" for a column key (the agency name, or the assessment's title). */
  function columnLabel(key) {
    var col = App.combined().columns.filter(function (c) { return c.key === key; })[0];
    return col ? col.label : key;
  }

  /** A list of column keys as names: "Police, Health services". */
  function columnNames(keys) {
    return keys.map(columnLabel).join(", ");
  }

  /** "EC1: Identifying and reducing risk". */
  function criterionName(id) {
    return id + ": " + App.label("criterion", id);
  }

  /** An agency's name for an assessment record, or "No agency given". */
  function agencyOf(record) {
    var agency = record.respondent && record.respondent.agency;
    return App.label("agency", agency) || "No agency given";
  }

  /** "4 March 2025", or "No date". */
  function dateText(iso) {
    return D.longDate(iso) || "No date";
  }

  /** What to do when nothing is loaded yet (views other than "load"). */
  function nothingLoaded(what) {
    return h("div", { class: "jtai-callout jtai-pv-empty" }, [
      h("p", {}, [h("strong", {}, ["No assessments are loaded yet. "]), what || ""]),
      h("p", {}, ["Go to ", h("button", { type: "button", class: "jtai-linkbtn", "data-goto": "load",
        on: { click: function () { App.show("load"); } } }, ["Load assessments"]),
      " and choose each agency\u2019s self-assessment export (a JSON file)."])
    ]);
  }

  /** The indicative notice, as the self-assessment words it. */
  function indicative() {
    return h("p", { class: "jtai-callout jtai-pv-indicative" }, [h("strong", {}, ["Indicative only. "]),
      App.data.assessment.notices.indicative]);
  }

  /** The download and print buttons. */
  function downloads() {
    return h("div", { class: "jtai-pv-downloads jtai-noprint", role: "group", "aria-label": "Download or print the combined view" }, [
      D.button("Download JSON", App.exportJSON, { attrs: { "data-action": "export-json" } }),
      D.button("Download grid (CSV)", App.exportCSV, { attrs: { "data-action": "export-csv" } }),
      D.button("Download actions (CSV)", App.exportActionsCSV, { attrs: { "data-action": "export-actions-csv" } }),
      D.button("Print the report", App.print, { attrs: { "data-action": "print" } })
    ]);
  }

  /** A section with a heading of the given level; the heading is linked by a fresh ID. */
  function section(level, title, attrs, children) {
    var id = D.uid("pv");
    return h("section", Object.assign({ "aria-labelledby": id }, attrs || {}),
      [h("h" + level, { id: id }, [title])].concat(children || []));
  }

  /** "1 criterion", "2 criteria". */
  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  App.ui = { button: D.button, table: D.table, bandClass: bandClass, cellText: cellText,
    columnLabel: columnLabel, columnNames: columnNames, criterionName: criterionName,
    agencyOf: agencyOf, dateText: dateText, nothingLoaded: nothingLoaded, indicative: indicative,
    downloads: downloads, section: section, plural: plural };
})(typeof self !== "undefined" ? self : this);
