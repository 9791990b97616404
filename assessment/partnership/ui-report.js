// needs: lib/dom.js lib/jtai.js
/* JTAI Ready partnership view: the report for the strategic partnership board, on screen and in
 * print. Title, the cover note (first, when there is one), the date made, the indicative notice,
 * the assessments it was made from, then the summary, the disagreements (each with the agreed
 * position), the agreed positions on other criteria, the grid, coverage, actions by lead agency
 * and, when "Include each agency's evidence" is ticked, each agency's evidence. The print
 * stylesheet shows only this; app.js renders it into the print area when someone prints from
 * another view.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("partnership");
  var h = D.h;

  function sources(combined) {
    var rows = combined.columns.map(function (col) {
      return h("tr", { "data-column": col.key }, [
        h("th", { scope: "row" }, [col.label]),
        h("td", {}, [col.title]),
        h("td", {}, [App.ui.dateText(col.date)]),
        h("td", {}, [col.coverage.criteria_scored + " of " + col.coverage.criteria_total])
      ]);
    });
    return App.ui.section(3, "Assessments included", { class: "jtai-pv-sources" }, [
      App.ui.table("The newest assessment from each agency", ["Agency", "Assessment", "Date", "Criteria with a score"], rows),
      combined.earlier.length ? h("p", {}, ["Earlier assessments loaded but not in the grid: " +
        combined.earlier.length + "."]) : null
    ]);
  }

  var PRINT_COLUMNS = 6;

  /**
   * A grid too wide for a printed page, split into tables of a few agencies each, then one of the
   * spread and agreement. Shown only in print; the full grid is shown on screen.
   */
  function printGrids(combined) {
    var g = App.parts.gridPieces;
    var chunks = [];
    for (var i = 0; i < combined.columns.length; i += PRINT_COLUMNS) chunks.push(combined.columns.slice(i, i + PRINT_COLUMNS));
    var total = chunks.length + 1;
    var rowHead = function (row) { return h("th", { scope: "row" }, [App.ui.criterionName(row.id)]); };
    var tables = chunks.map(function (chunk, n) {
      return App.ui.table("Outcome and score by agency, part " + (n + 1) + " of " + total,
        ["Criterion"].concat(chunk.map(function (c) { return g.columnHead(c, true); })),
        combined.rows.map(function (row) {
          return h("tr", {}, [rowHead(row)].concat(chunk.map(function (c) { return g.gridCell(row, c, true); })));
        }), { className: "jtai-pv-grid-part" });
    });
    tables.push(App.ui.table("Spread and agreement, part " + total + " of " + total,
      ["Criterion", "Lowest", "Median", "Highest", "Agreement"], combined.rows.map(function (row) {
        return h("tr", {}, [rowHead(row)].concat(g.spreadCells(row, true), [g.agreementCell(row, true)]));
      }), { className: "jtai-pv-grid-part" }));
    return h("div", { class: "jtai-pv-print-only" }, tables);
  }

  function gridForReport(combined) {
    var node = App.parts.grid(combined, 3);
    if (combined.columns.length > PRINT_COLUMNS) {
      node.classList.add("jtai-pv-split");
      node.appendChild(printGrids(combined));
    }
    return node;
  }

  /** The report into a container, with its sections starting at h3 (the title is the caller's). */
  function renderReport(container) {
    if (!App.set.length) {
      container.appendChild(App.ui.nothingLoaded("Load them to make a report for the partnership board."));
      return;
    }
    var combined = App.combined();
    var partnership = App.set.map(function (e) { return e.record.respondent.partnership; }).filter(Boolean)[0];
    var cover = App.parts.coverNote(3);
    if (cover) container.appendChild(cover);
    container.appendChild(h("p", { class: "jtai-pv-made" }, [(partnership ? partnership + ". " : "") +
      "Made on " + D.longDate(D.today()) + " from " + App.ui.plural(App.set.length, "loaded assessment", "loaded assessments") +
      ". Framework: " + App.data.framework.title + " (guidance of " + D.longDate(App.data.framework.version) + ")."]));
    container.appendChild(App.ui.indicative());
    [sources, App.parts.summary, App.parts.flags, positions, gridForReport, App.parts.coverage].forEach(function (part) {
      var node = part(combined, 3);
      if (node) container.appendChild(node);
    });
    container.appendChild(App.ui.section(3, "Actions by lead agency", { class: "jtai-pv-report-actions" },
      [App.parts.actions(combined, 4)]));
    if (App.includeEvidence) container.appendChild(App.parts.evidence(combined, 3));
  }

  /** Agreed positions on criteria that are not disagreements (those show theirs in place). */
  function positions(combined, level) {
    return App.parts.positions(combined, level, combined.flagged);
  }

  /** "Include each agency's evidence": the report is drawn again with or without it. */
  function evidenceChoice() {
    var id = "jtai-pv-include-evidence";
    var box = h("input", { type: "checkbox", id: id, checked: !!App.includeEvidence, "data-action": "include-evidence",
      "aria-describedby": id + "-hint", on: { change: function () {
        App.includeEvidence = box.checked;
        App.show("report", { focus: false });
        D.focus(document.getElementById(id));
        D.announce(box.checked ? "Each agency\u2019s evidence is now in the report." : "Each agency\u2019s evidence is no longer in the report.");
      } } });
    return h("div", { class: "jtai-check jtai-pv-include" }, [box, h("label", { for: id }, ["Include each agency\u2019s evidence"]),
      h("p", { id: id + "-hint", class: "jtai-hint" }, ["Adds what each agency recorded for each criterion at the end of the " +
        "report. It makes the report longer."])]);
  }

  App.views.report = {
    title: "Report for the partnership board",
    render: function (section) {
      if (App.set.length) {
        section.appendChild(h("div", { class: "jtai-row jtai-noprint" }, [
          h("p", {}, ["This is the report as it prints. Use \u201cPrint the report\u201d, then choose your printer or " +
            "\u201cSave as PDF\u201d. Landscape pages fit the grid best. To add a cover note or the partnership\u2019s " +
            "agreed positions, go to ", h("button", { type: "button", class: "jtai-linkbtn", on: { click: function () {
              App.show("positions"); } } }, ["Agreed positions"]), "."]),
          evidenceChoice(),
          App.ui.downloads()]));
      }
      renderReport(section);
    },
    /** For printing from another view: the report with its own title. */
    renderReport: function (container) {
      container.appendChild(h("h2", {}, ["Report for the partnership board"]));
      renderReport(container);
    }
  };
})(typeof self !== "undefined" ? self : this);
