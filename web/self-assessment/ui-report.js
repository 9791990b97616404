/* JTAI Ready self-assessment: the report, for reading on screen and for print or PDF. Results
 * first, then every criterion's answers, evidence and actions. The print stylesheet shows only
 * this; app.js renders it into the print area when someone prints from another view.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("self-assessment");
  var h = D.h;

  function respondent() {
    var r = App.record.respondent;
    var rows = [
      ["Partnership", r.partnership], ["Answering for", App.label("agency", r.agency)], ["Role", r.role],
      ["Date of assessment", D.longDate(r.date)], ["Last changed", D.dateTime(App.record.updated)],
      ["Framework", App.data.framework.title + " (guidance of " + D.longDate(App.data.framework.version) + ")"]
    ];
    return h("dl", { class: "jtai-report-meta" }, rows.map(function (x) {
      return [h("dt", {}, [x[0]]), h("dd", {}, [x[1] || "Not given"])];
    }));
  }

  function ratingsTable(c, answer) {
    var s = App.data.assessment.scale;
    return App.ui.table("Ratings for " + c.id, ["Statement", "Answer"], c.indicators.map(function (ind) {
      var v = answer.indicators[ind.id];
      return h("tr", { "data-indicator": ind.id }, [
        h("th", { scope: "row" }, [ind.id + " " + ind.text]),
        h("td", {}, [App.label("rating", v) || s.unrated.label])
      ]);
    }));
  }

  function evidence(c, answer) {
    var items = App.data.assessment.evidence_prompts.map(function (p) {
      return [h("dt", {}, [p.label]), h("dd", { class: "jtai-pre" }, [answer.evidence[p.id] || "Not answered"])];
    });
    var names = root.JTAI.labels.documentLabels(c);
    var docs = (c.annex_a || []).filter(function (d) { return answer.documents.indexOf(d.id) >= 0; })
      .map(function (d) { return names[d.id]; });
    items.push([h("dt", {}, ["Annex A documents"]), h("dd", {}, [docs.length ? docs.join("; ") : "None ticked"])]);
    items.push([h("dt", {}, [App.data.assessment.confidence.question]),
      h("dd", {}, [App.label("confidence", answer.confidence) || "Not set"])]);
    return h("dl", { class: "jtai-report-evidence" }, items);
  }

  function actions(c, answer) {
    if (!answer.actions.length) return h("p", {}, ["Actions: none."]);
    return App.ui.table("Actions for " + c.id, ["Action", "Lead", "Due", "Status"], answer.actions.map(function (a) {
      return h("tr", {}, [h("td", { class: "jtai-pre" }, [a.what || "(not described)"]),
        h("td", {}, [App.label("agency", a.lead) || "Not chosen"]),
        h("td", {}, [a.due ? D.longDate(a.due) : "No date"]), h("td", {}, [App.label("status", a.status)])]);
    }));
  }

  function criterionBlock(c, s) {
    var answer = App.record.answers[c.id] || root.JTAI.io.emptyAnswer();
    var r = s.byId[c.id];
    return h("section", { class: "jtai-report-criterion", "data-criterion": c.id, "aria-labelledby": "jtai-rep-" + c.id }, [
      h("h4", { id: "jtai-rep-" + c.id }, [c.id + ": " + c.title]),
      h("blockquote", { class: "jtai-quote" }, [h("p", {}, [c.text])]),
      ratingsTable(c, answer),
      h("p", {}, ["Score: " + D.score(r.score) + ". Outcome: "].concat(App.ui.outcomeNodes(r))),
      r.overridden ? h("p", { class: "jtai-pre" }, ["Reason for the override: " + r.override_reason]) : null,
      evidence(c, answer),
      actions(c, answer)
    ]);
  }

  /** The whole report into a container. */
  App.views.report = {
    renderReport: function (container) {
      var s = App.summary();
      container.appendChild(h("h2", { "data-focus": "" }, ["Self-assessment report: " + (App.record.title || "Untitled")]));
      container.appendChild(h("p", { class: "jtai-callout" }, [h("strong", {}, ["Indicative only. "]), App.data.assessment.notices.indicative]));
      container.appendChild(respondent());
      App.renderResults(container, { report: true });
      container.appendChild(h("h3", {}, ["Answers, evidence and actions"]));
      App.data.criteria.forEach(function (c) { container.appendChild(criterionBlock(c, s)); });
    },
    render: function (container) {
      container.appendChild(h("p", { class: "jtai-row jtai-noprint" }, [App.ui.button("Print or save as PDF", App.print,
        { className: "jtai-btn-primary", attrs: { "data-action": "print-report" } })]));
      App.views.report.renderReport(container);
    }
  };
})(typeof self !== "undefined" ? self : this);
