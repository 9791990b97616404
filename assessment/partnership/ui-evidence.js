// needs: lib/dom.js lib/jtai.js lib/labels.js partnership/export.js
/* JTAI Ready partnership view: evidence and actions. For each criterion, what every agency said
 * (outcome, override reason, evidence, Annex A documents, confidence, actions) side by side; then
 * every action in one list, grouped by lead agency, soonest due first. The report uses
 * App.parts.actions too.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("partnership");
  var h = D.h;

  function allActions(combined) {
    return [].concat.apply([], combined.actions.map(function (g) { return g.actions; }));
  }

  /** Did this column say anything at all about this criterion? */
  function saidAnything(row, key, actions) {
    var cell = row.cells[key];
    var e = row.entries[key];
    return cell.state !== "not-assessed" || !!(e.evidence.know || e.evidence.how || e.evidence.doing) ||
      e.documents.length > 0 || !!e.confidence || actions.length > 0;
  }

  function pair(term, value, attrs) {
    return [h("dt", {}, [term]), h("dd", Object.assign({ class: "jtai-pre" }, attrs || {}), [value])];
  }

  function actionLine(a) {
    return h("li", { "data-action-id": a.id }, [(a.what || "(not described)") + " \u2013 lead: " +
      (App.label("agency", a.lead) || "not given") + "; due: " + App.ui.dateText(a.due) +
      (a.overdue ? " (overdue)" : "") + "; " + (App.label("status", a.status) || "no status") + "."]);
  }

  function columnBlock(row, col, actions, level) {
    var cell = row.cells[col.key];
    var e = row.entries[col.key];
    var criterion = App.data.criteria.filter(function (c) { return c.id === row.id; })[0];
    var docNames = root.JTAI.labels.documentLabels(criterion);
    var items = [pair("Outcome", App.ui.cellText(cell) + (cell.overridden ? "; suggested by the score: " +
      (App.label("outcome", cell.suggested) || "none") : ""), { "data-field": "outcome" })];
    if (cell.overridden) items.push(pair("Reason for the override", cell.override_reason, { "data-field": "override-reason" }));
    App.data.assessment.evidence_prompts.forEach(function (p) {
      if (e.evidence[p.id]) items.push(pair(p.label, e.evidence[p.id], { "data-field": "evidence-" + p.id }));
    });
    if (!(e.evidence.know || e.evidence.how || e.evidence.doing)) items.push(pair("Evidence", "None recorded."));
    if (e.documents.length) {
      items.push(pair("Annex A documents", e.documents.map(function (d) { return docNames[d] || d; }).join("; "),
        { "data-field": "documents" }));
    }
    if (e.confidence) {
      items.push(pair(App.data.assessment.confidence.question, App.label("confidence", e.confidence), { "data-field": "confidence" }));
    }
    return h("div", { class: "jtai-pv-said", "data-column": col.key }, [
      h("h" + level, {}, [col.label + " (" + App.ui.dateText(col.date) + ")"]),
      h("dl", { class: "jtai-pv-said-list" }, items),
      actions.length ? h("p", { class: "jtai-pv-said-label" }, ["Actions:"]) : null,
      actions.length ? h("ul", { class: "jtai-pv-said-actions" }, actions.map(actionLine)) : null
    ]);
  }

  function criterionSection(row, combined, actions, level) {
    var blocks = combined.columns.map(function (col) {
      var mine = actions.filter(function (a) { return a.column === col.key && a.criterion === row.id; });
      return saidAnything(row, col.key, mine) ? columnBlock(row, col, mine, level + 1) : null;
    }).filter(Boolean);
    if (!blocks.length) return null;
    var node = App.ui.section(level, App.ui.criterionName(row.id), { class: "jtai-pv-criterion", "data-criterion": row.id }, [
      h("p", { class: "jtai-pv-agreement" }, [root.JTAI.partnershipExport.statusLabel(row) + "."])
    ].concat(blocks));
    return node;
  }

  function evidenceSections(combined, level) {
    var actions = allActions(combined);
    var empty = [];
    var sections = combined.rows.map(function (row) {
      var node = criterionSection(row, combined, actions, level);
      if (!node) empty.push(row.id);
      return node;
    }).filter(Boolean);
    return { sections: sections, empty: empty };
  }

  // ---------------------------------------------------------------------------------------
  // Actions by lead agency

  function actionRow(a) {
    return h("tr", { "data-action-id": a.id, "data-criterion": a.criterion, class: a.overdue ? "jtai-overdue" : null }, [
      h("td", { "data-field": "due" }, [App.ui.dateText(a.due)]),
      h("td", { class: "jtai-pre", "data-field": "what" }, [a.what || "(not described)"]),
      h("td", { "data-field": "criterion" }, [App.ui.criterionName(a.criterion)]),
      h("td", { "data-field": "status" }, [App.label("status", a.status) || "Not given"]),
      h("td", { "data-field": "overdue" }, [a.overdue ? "Yes, overdue" : "No"]),
      h("td", { "data-field": "from" }, [App.ui.columnLabel(a.column)])
    ]);
  }

  /** Every action, one section per lead agency with a heading of the given level. */
  function actions(combined, level) {
    var groups = combined.actions.map(function (g) {
      var name = g.label || g.lead || "No lead agency given";
      return App.ui.section(level, name, { class: "jtai-pv-lead", "data-lead": g.lead || "none" }, [
        App.ui.table("Actions led by " + (g.label || g.lead || "no agency given") + ", soonest due first",
          ["Due", "Action", "Criterion", "Status", "Overdue", "Recorded by"], g.actions.map(actionRow))
      ]);
    });
    return h("div", { class: "jtai-pv-actions" }, groups.length ? groups
      : [h("p", {}, ["No actions recorded in the loaded assessments."])]);
  }

  /** Each agency's evidence, criterion by criterion, as a section for the report (optional there). */
  function evidence(combined, level) {
    var found = evidenceSections(combined, level + 1);
    return App.ui.section(level, "Each agency\u2019s evidence", { class: "jtai-pv-report-evidence" }, [
      h("p", {}, ["What each agency recorded, from the newest assessment of each agency. Criteria with nothing " +
        "recorded are left out" + (found.empty.length ? ": " + found.empty.join(", ") : "") + "."])
    ].concat(found.sections));
  }

  App.parts.actions = actions;
  App.parts.evidence = evidence;

  App.views.evidence = {
    render: function (section) {
      if (!App.set.length) {
        section.appendChild(App.ui.nothingLoaded("Load them to see every agency\u2019s evidence and actions together."));
        return;
      }
      var combined = App.combined();
      var found = evidenceSections(combined, 3);
      var critId = D.uid("pv");
      var actId = D.uid("pv");
      section.appendChild(h("p", {}, ["What each agency recorded, criterion by criterion, from the newest assessment " +
        "of each agency. Then every action in one list, by lead agency."]));
      section.appendChild(h("ul", { class: "jtai-pv-jump" }, [
        h("li", {}, [h("a", { href: "#" + critId }, ["Evidence for each criterion"])]),
        h("li", {}, [h("a", { href: "#" + actId }, ["Actions by lead agency"])])
      ]));
      section.appendChild(h("h2", { id: critId, tabindex: "-1" }, ["Evidence for each criterion"]));
      found.sections.forEach(function (s) { section.appendChild(s); });
      if (found.empty.length) {
        section.appendChild(h("p", { class: "jtai-pv-nothing" }, ["Nothing recorded by any agency for " +
          App.ui.plural(found.empty.length, "criterion", "criteria") + ": " + found.empty.map(App.ui.criterionName).join("; ") + "."]));
      }
      section.appendChild(h("h2", { id: actId, tabindex: "-1" }, ["Actions by lead agency"]));
      section.appendChild(actions(combined, 3));
    }
  };
})(typeof self !== "undefined" ? self : this);
