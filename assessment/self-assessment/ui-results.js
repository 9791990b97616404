// needs: lib/dom.js lib/jtai.js lib/scoring.js self-assessment/explain.js
/* JTAI Ready self-assessment: the results. Overall and per focus area, a bar chart of every
 * criterion (CSS, no third party) with the same figures in a table, the lists of strengths,
 * areas for improvement and potential priority actions, the actions by due date, coverage, and
 * how each number was worked out. Every number comes from JTAI.scoring via App.summary().
 * App.renderResults is also used by the report (ui-report.js), with links left out.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var X = root.JTAI.explain;
  var App = root.JTAI.app("self-assessment");
  var h = D.h;

  function bands() {
    return App.data.assessment.outcomes.slice().sort(function (a, b) { return b.min - a.min; });
  }

  function maxValue() {
    return Math.max.apply(null, App.data.assessment.scale.levels.map(function (l) { return l.value; }));
  }

  function criterionRef(id, opts) {
    var text = id + " " + App.label("criterion", id);
    if (opts.report) return text;
    return h("button", { type: "button", class: "jtai-linkbtn", on: { click: function () {
      App.show("criteria", { criterion: id });
    } } }, [text]);
  }

  /**
   * The overall result as a count of the criteria in each band, never the band of an average: an
   * average of 3 strengths and 3 areas for improvement would read "No significant finding".
   */
  function overallLine(s) {
    var o = s.overall;
    var decided = o.criteria - o.counts.none;
    if (!decided) {
      return h("p", { class: "jtai-big", "data-result": "overall-line" },
        ["No criterion has an outcome yet. Rate some statements to see where your practice falls."]);
    }
    var held = s.criteria.filter(function (r) { return r.held_back; }).length;
    return h("div", { class: "jtai-overall-line" }, [
      h("p", { class: "jtai-big", "data-result": "overall-line" }, ["Of the " + o.criteria + " criteria, " + decided +
        (decided === 1 ? " has an outcome" : " have an outcome") + ". Each is counted in its own band: " + X.counts(App.data, o) + "."]),
      h("p", { class: "jtai-hint" }, ["There is no overall band. An average would hide the weaker criteria, and joint " +
        "targeted area inspections do not grade a partnership."]),
      held ? h("p", { "data-result": "held-back" }, [held === 1 ? "1 criterion is" : held + " criteria are",
        " held back from a higher band by a weak answer (see \u201cWhy a weak answer counts\u201d below)."]) : null
    ]);
  }

  /** The weak-answers rule, its reason and the outside source it follows (null when the data has none). */
  function weakRule(opts) {
    var w = App.data.assessment.weak_answers;
    if (!w) return null;
    var src = w.source;
    return h("section", { class: "jtai-weak-rule", "aria-labelledby": "jtai-res-weak" + opts.suffix }, [
      h("h3", { id: "jtai-res-weak" + opts.suffix }, ["Why a weak answer counts"]),
      h("p", {}, [X.weakRule(App.data)]),
      h("p", {}, [w.reason]),
      h("p", { "data-cite": "weak-answers" }, ["Source: ", h("a", { href: src.url }, [src.title]), " (" + src.publisher +
        ", " + src.url + "). " + src.says]),
      h("p", { class: "jtai-our-reading" }, [h("strong", {}, ["The site\u2019s own reading: "]), w.our_reading])
    ]);
  }

  // ---------------------------------------------------------------------------------------

  function overall(s, opts) {
    var o = s.overall;
    var c = s.coverage;
    var cov = [
      ["indicators_rated", (c.indicators_rated) + " of " + c.indicators_total + " statements rated on the scale"],
      ["indicators_dont_know", c.indicators_dont_know + " answered \u201cdon\u2019t know\u201d"],
      ["indicators_unrated", c.indicators_unrated + " not assessed yet"],
      ["criteria_scored", c.criteria_scored + " of " + c.criteria_total + " criteria have a score"],
      ["criteria_with_evidence", c.criteria_with_evidence + " of " + c.criteria_total + " criteria have evidence"],
      ["criteria_with_actions", c.criteria_with_actions + " of " + c.criteria_total + " criteria have actions"],
      ["criteria_with_confidence", c.criteria_with_confidence + " of " + c.criteria_total + " criteria have a confidence level"]
    ];
    return h("section", { class: "jtai-res-overall", "aria-labelledby": "jtai-res-overall" + opts.suffix }, [
      h("h3", { id: "jtai-res-overall" + opts.suffix }, ["Overall"]),
      overallLine(s),
      h("ul", { class: "jtai-counts" }, bands().map(function (b) {
        return h("li", {}, [App.ui.badge(b.id), " ", h("span", { "data-count": b.id }, [String(o.counts[b.id])])]);
      }).concat([h("li", {}, [App.ui.badge(null), " ", h("span", { "data-count": "none" }, [String(o.counts.none)])])])),
      h("h4", {}, ["Coverage"]),
      h("ul", { class: "jtai-coverage" }, cov.map(function (x) { return h("li", { "data-coverage": x[0] }, [x[1]]); }))
    ]);
  }

  function focusTable(s) {
    var head = ["Focus area", "Criteria with a score"].concat(bands().map(function (b) { return b.label; }), ["Not scored"]);
    var rows = s.focus.map(function (f) {
      return h("tr", { "data-focus": f.id }, [
        h("th", { scope: "row" }, [App.label("focus", f.id)]),
        h("td", { "data-field": "scored" }, [f.scored + " of " + f.criteria])
      ].concat(bands().map(function (b) {
        return h("td", { "data-field": "count-" + b.id }, [String(f.counts[b.id])]);
      }), [h("td", { "data-field": "count-none" }, [String(f.counts.none)])]));
    });
    return App.ui.table("Results by focus area", head, rows, { attrs: { "data-table": "focus" } });
  }

  function chart(s, opts) {
    var max = maxValue();
    var marks = bands().slice(0, -1).map(function (b) { return b.min; });
    var rows = s.criteria.map(function (r) {
      var fill = h("span", { class: "jtai-chart-fill " + App.ui.bandClass(r.outcome) });
      fill.style.width = (r.score === null ? 0 : (r.score / max) * 100) + "%";
      var track = h("span", { class: "jtai-chart-track" }, marks.map(function (m) {
        var mark = h("span", { class: "jtai-chart-mark" });
        mark.style.left = (m / max) * 100 + "%";
        return mark;
      }).concat([fill]));
      return h("div", { class: "jtai-chart-row" }, [
        h("span", { class: "jtai-chart-label" }, [r.id]), track,
        h("span", { class: "jtai-chart-value" }, [D.score(r.score)])
      ]);
    });
    var capId = "jtai-chart-cap" + opts.suffix;
    return h("figure", { class: "jtai-chart", "aria-labelledby": capId }, [
      h("figcaption", { id: capId }, ["Score for each criterion, out of " + max +
        ". The bar\u2019s colour shows the outcome; thin lines mark where each outcome band starts."]),
      h("div", { class: "jtai-chart-body", role: "img", "aria-label": "Bar chart of the score for each of the " +
        s.criteria.length + " criteria. The same figures are in the table \u201cScores for each criterion\u201d." }, rows),
      h("ul", { class: "jtai-legend-list" }, bands().map(function (b) {
        return h("li", {}, [h("span", { class: "jtai-swatch " + App.ui.bandClass(b.id), "aria-hidden": "true" }), b.label]);
      }))
    ]);
  }

  function criteriaTable(s, opts) {
    var rows = s.criteria.map(function (r) {
      return h("tr", { "data-criterion": r.id }, [
        h("th", { scope: "row" }, [criterionRef(r.id, opts)]),
        h("td", { "data-field": "score" }, [D.score(r.score)]),
        h("td", { "data-field": "rated" }, [r.rated + " of " + r.total + (r.dont_know ? " (" + r.dont_know + " don\u2019t know)" : "")]),
        h("td", { "data-field": "suggested", "data-value": r.suggested || "", "data-held-back": r.held_back ? "true" : null },
          [App.label("outcome", r.suggested) || "Not scored"].concat(r.held_back
            ? [h("span", { class: "jtai-held-back" }, [" " + X.heldBack(App.data, r)])] : [])),
        h("td", { "data-field": "outcome", "data-value": r.outcome || "" }, App.ui.outcomeNodes(r)),
        h("td", { "data-field": "evidence" }, [r.has_evidence ? "Yes" : "No"])
      ]);
    });
    return App.ui.table("Scores for each criterion", ["Criterion", "Score", "Statements rated", "Suggested outcome", "Outcome", "Evidence"],
      rows, { attrs: { "data-table": "criteria" } });
  }

  function outcomeLists(s, opts) {
    var sections = bands().map(function (b) {
      var ids = s.lists[b.id];
      return h("div", { class: "jtai-list-block" }, [
        h("h4", {}, [b.label + " (" + ids.length + ")"]),
        ids.length ? h("ul", { "data-list": b.id }, ids.map(function (id) {
          var r = s.byId[id];
          return h("li", { "data-criterion": id }, [criterionRef(id, opts),
            r.overridden ? " \u2013 your override: \u201c" + r.override_reason + "\u201d" : "",
            r.strength_without_evidence ? [" ", h("span", { class: "jtai-flag" }, ["No evidence recorded"])] : ""]);
        })) : h("p", { "data-list": b.id }, ["None."])
      ]);
    });
    return h("section", { "aria-labelledby": "jtai-res-lists" + opts.suffix }, [
      h("h3", { id: "jtai-res-lists" + opts.suffix }, ["Criteria by outcome"])].concat(sections));
  }

  function actionsTable(s, opts) {
    var rows = s.actions.map(function (a) {
      return h("tr", { "data-action-id": a.id, "data-criterion": a.criterion, "data-due": a.due,
        class: a.overdue ? "jtai-overdue" : null }, [
        h("td", { "data-field": "due" }, [a.due ? D.longDate(a.due) + (a.overdue ? " (overdue)" : "") : "No date"]),
        h("td", {}, [criterionRef(a.criterion, opts)]),
        h("td", { class: "jtai-pre" }, [a.what || "(not described)"]),
        h("td", {}, [App.label("agency", a.lead) || "Not chosen"]),
        h("td", {}, [App.label("status", a.status)])
      ]);
    });
    return h("section", { "aria-labelledby": "jtai-res-actions" + opts.suffix }, [
      h("h3", { id: "jtai-res-actions" + opts.suffix }, ["Actions by due date"]),
      rows.length ? App.ui.table("Actions, soonest due first", ["Due", "Criterion", "Action", "Lead", "Status"], rows, { attrs: { "data-table": "actions" } })
        : h("p", {}, ["No actions recorded yet."])
    ]);
  }

  function explanation(s) {
    var groups = s.focus.map(function (f) {
      return X.group(App.data, App.label("focus", f.id), f);
    }).concat([X.group(App.data, "Overall", s.overall)]);
    var body = [
      h("ul", {}, X.rules(App.data).map(function (t) { return h("li", {}, [t]); })),
      h("h4", {}, ["Each criterion"]),
      h("ul", { "data-explain": "criteria" }, s.criteria.map(function (r) {
        return h("li", {}, [X.criterion(App.data, r, App.label)]);
      })),
      h("h4", {}, ["Focus areas and overall"]),
      h("ul", { "data-explain": "groups" }, groups.map(function (t) { return h("li", {}, [t]); }))
    ];
    return h("details", { class: "jtai-help jtai-explain" }, [h("summary", {}, ["How the numbers were worked out"])].concat(body));
  }

  /** The results, as sections starting at h3. opts: {report: bool}. */
  App.renderResults = function (container, opts) {
    opts = Object.assign({ report: false }, opts || {});
    opts.suffix = opts.report ? "-r" : "";
    var s = App.summary();
    [overall(s, opts),
      h("section", { "aria-labelledby": "jtai-res-focus" + opts.suffix }, [
        h("h3", { id: "jtai-res-focus" + opts.suffix }, ["By focus area"]), focusTable(s)]),
      h("section", { "aria-labelledby": "jtai-res-crit" + opts.suffix }, [
        h("h3", { id: "jtai-res-crit" + opts.suffix }, ["Each criterion"]), chart(s, opts), criteriaTable(s, opts)]),
      outcomeLists(s, opts), weakRule(opts), actionsTable(s, opts), opts.report ? null : explanation(s)
    ].forEach(function (node) { if (node) container.appendChild(node); });
  };

  App.views.results = {
    render: function (container) {
      container.appendChild(h("h2", { "data-focus": "" }, ["Results (indicative)"]));
      container.appendChild(h("p", { class: "jtai-callout" }, [App.data.assessment.notices.indicative]));
      App.renderResults(container, {});
    }
  };
})(typeof self !== "undefined" ? self : this);
