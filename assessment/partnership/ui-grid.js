// needs: lib/dom.js lib/jtai.js partnership/export.js
/* JTAI Ready partnership view: agencies compared. A summary, the criteria where agencies disagree
 * (widest gap first, each with the partnership's agreed position when one is recorded), the grid
 * (criteria down, agencies across, with the spread and agreement in words; its header row and
 * first column stay in view as it scrolls; on a phone, the same read criterion by criterion) and
 * coverage. The report (ui-report.js) uses the same parts through App.parts.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var X = root.JTAI.partnershipExport;
  var App = root.JTAI.app("partnership");
  var h = D.h;

  /** "Police (Strength 3.60), Health services (Strength 3.50)". */
  function whoSaid(row, keys) {
    return keys.map(function (k) { return App.ui.columnLabel(k) + " (" + App.ui.cellText(row.cells[k]) + ")"; }).join(", ");
  }

  function rowById(combined, id) {
    return combined.rows.filter(function (r) { return r.id === id; })[0];
  }

  // ---------------------------------------------------------------------------------------
  // Summary

  function summary(combined, level) {
    var t = combined.totals;
    var crit = function (k) { return App.ui.plural(k, "criterion", "criteria"); };
    var items = [
      ["disagree", X.STATUS.disagree + ": " + crit(t.disagree)],
      ["differ", differWords() + ": " + crit(t.differ)],
      ["agree", X.STATUS.agree + ": " + crit(t.agree)],
      ["single", X.STATUS.single + ": " + crit(t.single)],
      ["none", X.STATUS.none + ": " + crit(t.none)]
    ];
    return App.ui.section(level, "Summary", { class: "jtai-pv-summary" }, [
      h("p", { "data-count": "agencies" }, [whoIsIn(combined) + ". Of the " + combined.rows.length + " criteria:"]),
      h("ul", {}, items.map(function (x) { return h("li", { "data-count": x[0] }, [x[1]]); })),
      h("p", {}, ["Agencies disagree when their outcomes are " + combined.disagreement_gap +
        " or more bands apart. " + ratedByAll(t.rated_by_all)])
    ]);
  }

  /** "4 criteria were rated by every agency." */
  function ratedByAll(n) {
    if (!n) return "No criterion was rated by every agency.";
    return App.ui.plural(n, "criterion was", "criteria were") + " rated by every agency.";
  }

  /** "5 agencies in the grid, 2 assessments with no agency given, and 1 earlier assessment kept for Over time". */
  function whoIsIn(combined) {
    var agencies = combined.columns.filter(function (c) { return c.agency; }).length;
    var others = combined.columns.length - agencies;
    var parts = [App.ui.plural(agencies, "agency", "agencies") + " in the grid"];
    if (others) parts.push(App.ui.plural(others, "assessment", "assessments") + " with no agency given");
    if (combined.earlier.length) {
      parts.push(App.ui.plural(combined.earlier.length, "earlier assessment", "earlier assessments") +
        " kept for \u201cOver time\u201d");
    }
    return parts.length > 1 ? parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1] : parts[0];
  }

  /** What "differ" means for this data's gap: "Agencies differ by one band" when the gap is 2. */
  function differWords() {
    var gap = App.data.assessment.partnership.disagreement_gap;
    return gap === 2 ? X.STATUS.differ : "Agencies differ by less than " + gap + " bands";
  }

  // ---------------------------------------------------------------------------------------
  // Where agencies disagree

  function flagItem(row) {
    return h("li", { "data-criterion": row.id }, [
      h("strong", {}, [App.ui.criterionName(row.id)]), " \u2013 " + App.ui.plural(row.gap, "band", "bands") + " apart.",
      h("br"), "Highest: " + whoSaid(row, row.top) + ".",
      h("br"), "Lowest: " + whoSaid(row, row.bottom) + "."
    ].concat(App.parts.agreedLines(row.id), [App.parts.recordButton(row.id)]));
  }

  function differItem(row) {
    return h("li", { "data-criterion": row.id }, [h("strong", {}, [App.ui.criterionName(row.id)]),
      ". Higher: " + whoSaid(row, row.top) + ". Lower: " + whoSaid(row, row.bottom) + "."]);
  }

  function flags(combined, level) {
    var differ = combined.rows.filter(function (r) { return r.status === "differ"; });
    var flagged = combined.flagged.map(function (id) { return rowById(combined, id); });
    return App.ui.section(level, "Where agencies disagree", { class: "jtai-pv-flags" }, [
      flagged.length ? h("p", {}, ["Widest gap first. These are the criteria to talk about first."]) : null,
      flagged.length ? h("ol", { class: "jtai-pv-disagree" }, flagged.map(flagItem))
        : h("p", { class: "jtai-pv-disagree" }, ["No criteria: no two agencies are " + combined.disagreement_gap +
          " or more bands apart."]),
      h("h" + (level + 1), {}, ["Where " + differWords().charAt(0).toLowerCase() + differWords().slice(1)]),
      differ.length ? h("ul", { class: "jtai-pv-differ" }, differ.map(differItem))
        : h("p", { class: "jtai-pv-differ" }, ["No criteria."])
    ]);
  }

  // ---------------------------------------------------------------------------------------
  // The grid

  // `plain` leaves out the data attributes: for the print-only copy in the report.

  function columnHead(col, plain) {
    return [[h("span", { class: "jtai-pv-col-name" }, [col.label]), h("span", { class: "jtai-pv-col-date" },
      [App.ui.dateText(col.date)])], plain ? {} : { "data-column": col.key }];
  }

  function gridCell(row, col, plain) {
    var cell = row.cells[col.key];
    var cls = "jtai-pv-cell is-" + cell.state + (cell.state === "rated" ? " " + App.ui.bandClass(cell.outcome) : "");
    return h("td", plain ? { class: cls } : { class: cls, "data-column": col.key, "data-state": cell.state,
      "data-outcome": cell.outcome || "" }, [App.ui.cellText(cell)]);
  }

  function spreadCells(row, plain) {
    var s = row.spread;
    var td = function (k, content) { return h("td", plain ? {} : { "data-spread": k }, content); };
    if (!s) return ["low", "median", "high"].map(function (k) { return td(k, ["No score"]); });
    return [
      td("low", [X.scoreText(s.low), h("span", { class: "jtai-pv-who" }, [App.ui.columnNames(s.low_columns)])]),
      td("median", [X.scoreText(s.median)]),
      td("high", [X.scoreText(s.high), h("span", { class: "jtai-pv-who" }, [App.ui.columnNames(s.high_columns)])])
    ];
  }

  function agreementCell(row, plain) {
    return h("td", plain ? {} : { "data-agreement": row.status }, [X.statusLabel(row)]);
  }

  function gridRow(row, columns) {
    return h("tr", { "data-criterion": row.id, class: "is-" + row.status },
      [h("th", { scope: "row" }, [App.ui.criterionName(row.id)])]
        .concat(columns.map(function (col) { return gridCell(row, col); }), spreadCells(row), [agreementCell(row)]));
  }

  function maxScore() {
    return Math.max.apply(null, App.data.assessment.scale.levels.map(function (l) { return l.value; }));
  }

  function grid(combined, level) {
    var head = [["Criterion", { class: "jtai-pv-corner" }]].concat(combined.columns.map(function (c) { return columnHead(c); }),
      ["Lowest", "Median", "Highest", "Agreement"]);
    var caption = "Outcome and score by agency";
    var table = App.ui.table(caption, head, combined.rows.map(function (r) { return gridRow(r, combined.columns); }), {
      className: "jtai-pv-grid", wrapClass: "jtai-pv-scroll",
      label: "Grid of outcomes by criterion and agency (scrolls sideways)" });
    return App.ui.section(level, "Each criterion, agency by agency", { class: "jtai-pv-grid-section" }, [
      h("p", {}, ["Each cell gives the agency\u2019s outcome and score (indicative; scores are out of " + maxScore() + "). \u201cOverridden\u201d means the agency chose " +
        "a different outcome from the one its score suggests. The last four columns give the lowest, middle (median) " +
        "and highest score, which agencies gave them, and whether agencies agree. A thick bar beside a criterion " +
        "marks a disagreement."]),
      App.parts.stickyHead(table),
      table,
      byCriterion(combined)
    ]);
  }

  // ---------------------------------------------------------------------------------------
  // The grid on a phone: each criterion a block listing each agency's rating (the stylesheet
  // shows this in place of the grid on narrow screens, and never prints it).

  function spreadWords(row) {
    var s = row.spread;
    if (!s) return "No scores.";
    return "Lowest " + X.scoreText(s.low) + " (" + App.ui.columnNames(s.low_columns) + "), median " +
      X.scoreText(s.median) + ", highest " + X.scoreText(s.high) + " (" + App.ui.columnNames(s.high_columns) + ").";
  }

  function card(row, columns) {
    var items = [];
    columns.forEach(function (col) {
      var cell = row.cells[col.key];
      items.push(h("dt", {}, [col.label]), h("dd", { class: "jtai-pv-cell is-" + cell.state +
        (cell.state === "rated" ? " " + App.ui.bandClass(cell.outcome) : ""), "data-column": col.key }, [App.ui.cellText(cell)]));
    });
    return h("li", { class: "jtai-pv-card is-" + row.status, "data-criterion": row.id }, [
      h("p", { class: "jtai-pv-card-title" }, [h("strong", {}, [App.ui.criterionName(row.id)])]),
      h("p", { class: "jtai-pv-card-agreement", "data-agreement": row.status }, [X.statusLabel(row) + ". " + spreadWords(row)]),
      h("dl", { class: "jtai-pv-card-list" }, items)
    ]);
  }

  function byCriterion(combined) {
    return h("div", { class: "jtai-pv-by-criterion" }, [
      h("p", { class: "jtai-hint" }, ["Each criterion in turn, with every agency\u2019s outcome and score."]),
      h("ul", { class: "jtai-pv-cards", "aria-label": "Outcome and score by agency, criterion by criterion" },
        combined.rows.map(function (r) { return card(r, combined.columns); }))
    ]);
  }

  // ---------------------------------------------------------------------------------------
  // Coverage

  function coverage(combined, level) {
    var total = combined.rows.length;
    var rows = combined.columns.map(function (col) {
      var n = { rated: 0, "dont-know": 0, "not-assessed": 0 };
      combined.rows.forEach(function (r) { n[r.cells[col.key].state] += 1; });
      return h("tr", { "data-column": col.key }, [
        h("th", { scope: "row" }, [col.label + " (" + App.ui.dateText(col.date) + ")"]),
        h("td", { "data-count": "rated" }, [n.rated + " of " + total]),
        h("td", { "data-count": "dont-know" }, [n["dont-know"] + " of " + total]),
        h("td", { "data-count": "not-assessed" }, [n["not-assessed"] + " of " + total])
      ]);
    });
    return App.ui.section(level, "Coverage", { class: "jtai-pv-coverage-section" }, [
      App.ui.table("Criteria each agency has rated", ["Agency", "Rated", X.STATE["dont-know"], X.STATE["not-assessed"]], rows,
        { className: "jtai-pv-coverage" })
    ]);
  }

  App.parts.summary = summary;
  App.parts.flags = flags;
  App.parts.grid = grid;
  App.parts.gridPieces = { columnHead: columnHead, gridCell: gridCell, spreadCells: spreadCells,
    agreementCell: agreementCell };
  App.parts.coverage = coverage;

  App.views.agencies = {
    render: function (section) {
      if (!App.set.length) {
        section.appendChild(App.ui.nothingLoaded("Load them to compare agencies criterion by criterion."));
        return;
      }
      var combined = App.combined();
      section.appendChild(App.ui.indicative());
      section.appendChild(App.ui.downloads());
      [summary, flags, grid, coverage].forEach(function (part) { section.appendChild(part(combined, 3)); });
    }
  };
})(typeof self !== "undefined" ? self : this);
