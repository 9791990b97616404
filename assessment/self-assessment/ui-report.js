// needs: lib/dom.js lib/importexport.js lib/jtai.js lib/labels.js lib/storage.js self-assessment/explain.js
/* JTAI Ready self-assessment: the report, for reading on screen and for print or PDF. Results
 * first, then, as the person chooses, no criterion (the summary, the default), the criteria they
 * answered, or every criterion, each with its answers, evidence and actions. The print
 * stylesheet shows only this; app.js renders it into the print area when someone prints from
 * another view.
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
      r.held_back ? h("p", { class: "jtai-held-back" }, [root.JTAI.explain.heldBack(App.data, r)]) : null,
      r.overridden ? h("p", { class: "jtai-pre" }, ["Reason for the override: " + r.override_reason]) : null,
      evidence(c, answer),
      actions(c, answer)
    ]);
  }

  // What to print: the choice is kept in this browser, and the Report view shows what prints.
  var CHOICE = root.JTAI.storage.scoped("jtai-ready:view:self-assessment-print");
  var CHOICES = [
    { id: "summary", label: "Summary: who answered, the results and the actions" },
    { id: "answered", label: "Summary and the criteria you answered" },
    { id: "all", label: "Summary and every criterion" }
  ];

  function choice() {
    var saved = App.copies.read(CHOICE);
    return CHOICES.some(function (c) { return c.id === saved; }) ? saved : "summary";
  }

  /** Has anything been recorded for this criterion: a rating, "don't know", evidence or an action? */
  function answered(c, s) {
    var r = s.byId[c.id];
    var answer = App.record.answers[c.id];
    return r.rated + r.dont_know > 0 || r.has_evidence || !!(answer && answer.actions.length);
  }

  /** The criteria the chosen print includes. */
  function criteriaFor(which, s) {
    if (which === "summary") return [];
    return App.data.criteria.filter(function (c) { return which === "all" || answered(c, s); });
  }

  function choiceField(container) {
    var s = App.summary();
    var count = App.data.criteria.filter(function (c) { return answered(c, s); }).length;
    var group = App.ui.radioGroup({ legend: ["What to show and print"], value: choice(), group: "print-choice",
      className: "jtai-noprint jtai-print-choice",
      options: CHOICES.map(function (c) {
        var label = c.id === "answered" ? c.label + " (" + count + " of " + App.data.criteria.length + ")" : c.label;
        return { id: c.id, label: label };
      }),
      onChange: function (id) {
        App.copies.write(CHOICE, id);
        App.show("report", { focus: false });
        var picked = document.querySelector("[data-group=print-choice] input[value='" + id + "']");
        if (picked) picked.focus();
        D.announce("The report now shows " + (id === "summary" ? "the summary only" : id === "all" ? "every criterion" :
          "the " + count + " criteria you answered") + ".");
      } });
    container.appendChild(group);
  }

  /** The whole report into a container. */
  App.views.report = {
    renderReport: function (container) {
      var s = App.summary();
      var which = choice();
      container.appendChild(h("h2", { "data-focus": "" }, ["Self-assessment report: " + (App.record.title || "Untitled")]));
      container.appendChild(h("p", { class: "jtai-callout" }, [h("strong", {}, ["Indicative only. "]), App.data.assessment.notices.indicative]));
      container.appendChild(respondent());
      App.renderResults(container, { report: true });
      var list = criteriaFor(which, s);
      if (!list.length) {
        if (which !== "summary") container.appendChild(h("p", {}, ["No criterion has an answer yet."]));
        return;
      }
      container.appendChild(h("h3", {}, [which === "all" ? "Answers, evidence and actions" :
        "Answers, evidence and actions for the " + list.length + " criteria answered"]));
      list.forEach(function (c) { container.appendChild(criterionBlock(c, s)); });
    },
    render: function (container) {
      choiceField(container);
      container.appendChild(h("p", { class: "jtai-row jtai-noprint" }, [App.ui.button("Print or save as PDF", App.print,
        { className: "jtai-btn-primary", attrs: { "data-action": "print-report" } })]));
      App.views.report.renderReport(container);
    }
  };
})(typeof self !== "undefined" ? self : this);
