// needs: lib/dom.js lib/jtai.js
/* JTAI Ready self-assessment: the criteria view. Without a chosen criterion it lists every
 * criterion by focus area with its progress and outcome; with one it shows that criterion's form
 * (ui-criterion.js) between "previous" and "next" links, so people can move freely.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("self-assessment");
  var h = D.h;

  function statusText(result) {
    var answered = result.rated + result.dont_know;
    if (answered === 0) return "Not started";
    return answered + " of " + result.total + " answered" + (result.score !== null ? " · score " + D.score(result.score) : "");
  }

  function progressBlock() {
    var c = App.summary().coverage;
    var answered = c.indicators_rated + c.indicators_dont_know;
    var id = D.uid("progress");
    return h("div", { class: "jtai-progress", "data-progress": "" }, [
      h("label", { for: id, class: "jtai-progress-label" }, [answered + " of " + c.indicators_total +
        " statements answered (" + c.indicators_rated + " rated, " + c.indicators_dont_know + " don\u2019t know); " +
        c.criteria_scored + " of " + c.criteria_total + " criteria have a score."]),
      h("progress", { id: id, max: c.indicators_total, value: answered }, [answered + " of " + c.indicators_total])
    ]);
  }

  /** The agency being answered for, when it is one of the framework's agencies (not "jointly"). */
  function answeringFor() {
    var id = App.record.respondent.agency;
    return App.data.agencies.filter(function (a) { return a.id === id; })[0] || null;
  }

  /** Does the agency guide list this criterion among those that concern the agency most? */
  function concerns(criterion, agency) {
    return !!agency && (criterion.agencies || []).indexOf(agency.id) >= 0;
  }

  /** A note above the list naming the criteria that concern the agency answered for most. */
  function agencyNote(agency) {
    if (!agency) return null;
    var ids = App.data.criteria.filter(function (c) { return concerns(c, agency); }).map(function (c) { return c.id; });
    if (!ids.length) return null;
    return h("div", { class: "jtai-callout jtai-agency-note", "data-agency-note": agency.id }, [
      h("p", {}, [h("strong", {}, ["Answering for " + agency.name + ". "]),
        "Its agency guide lists " + ids.length + " criteria that concern it most: " + ids.join(", ") +
        ". They are marked \u201cFor your agency\u201d below. Inspectors look at every criterion across the partnership, so rate the others too if you can."])
    ]);
  }

  function criterionItem(criterion) {
    var r = App.summary().byId[criterion.id];
    var mine = concerns(criterion, answeringFor());
    return h("li", { class: "jtai-crit-item" + (mine ? " jtai-crit-mine" : ""), "data-criterion": criterion.id,
      "data-mine": mine ? "true" : null }, [
      h("button", { type: "button", class: "jtai-crit-link", on: { click: function () {
        App.show("criteria", { criterion: criterion.id });
      } } }, [
        h("span", { class: "jtai-crit-id" }, [criterion.id]), " ",
        h("span", { class: "jtai-crit-title" }, [criterion.title])
      ]),
      mine ? h("span", { class: "jtai-tag jtai-tag-mine" }, ["For your agency"]) : null, mine ? " " : null,
      h("span", { class: "jtai-crit-status" }, [statusText(r)]), " ",
      h("span", { class: "jtai-crit-outcome" }, App.ui.outcomeNodes(r))
    ]);
  }

  function focusGroup(focus) {
    var criteria = App.data.criteria.filter(function (c) { return c.focus === focus.id; });
    if (!criteria.length) return null;
    var f = App.summary().focus.filter(function (x) { return x.id === focus.id; })[0];
    var id = "jtai-focus-" + focus.id;
    return h("section", { class: "jtai-focus", "aria-labelledby": id }, [
      h("h3", { id: id }, [focus.title]),
      h("p", { class: "jtai-focus-progress" }, [f.scored + " of " + f.criteria + " criteria have a score"]),
      h("ul", { class: "jtai-crit-list" }, criteria.map(criterionItem))
    ]);
  }

  function overview(container) {
    container.appendChild(h("h2", { "data-focus": "" }, ["The criteria"]));
    container.appendChild(h("p", {}, ["Choose a criterion to rate it. You can answer them in any order and come back at any time: every change is saved as you go."]));
    container.appendChild(progressBlock());
    var note = agencyNote(answeringFor());
    if (note) container.appendChild(note);
    App.data.focus_areas.forEach(function (f) {
      var group = focusGroup(f);
      if (group) container.appendChild(group);
    });
    container.appendChild(h("div", { class: "jtai-row" }, [App.ui.button("See the results", function () {
      App.show("results");
    }, { className: "jtai-btn-primary" })]));
  }

  function neighbour(id, step) {
    var list = App.data.criteria;
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].id === id) return list[i + step] || null;
    }
    return null;
  }

  function pager(id, where) {
    var prev = neighbour(id, -1);
    var next = neighbour(id, 1);
    var go = function (c) { return function () { App.show("criteria", { criterion: c.id }); }; };
    var b = App.ui.button;
    return h("nav", { class: "jtai-pager jtai-noprint", "aria-label": "Move between criteria (" + where + ")" }, [
      b("All criteria", function () { App.show("criteria", { criterion: null }); }, { className: "jtai-btn-quiet", attrs: { "data-action": "all" } }),
      prev ? b("Previous: " + prev.id, go(prev), { attrs: { "data-action": "previous" } }) : null,
      next ? b("Next: " + next.id, go(next), { className: "jtai-btn-primary", attrs: { "data-action": "next" } })
        : b("See the results", function () { App.show("results"); }, { className: "jtai-btn-primary", attrs: { "data-action": "results" } })
    ]);
  }

  function position(id) {
    var list = App.data.criteria;
    var i = list.map(function (c) { return c.id; }).indexOf(id);
    return "Criterion " + (i + 1) + " of " + list.length;
  }

  App.views.criteria = {
    render: function (container) {
      var id = App.criterionId;
      if (!id) return overview(container);
      container.appendChild(pager(id, "top"));
      container.appendChild(h("p", { class: "jtai-position" }, [position(id)]));
      container.appendChild(App.criterionForm(id));
      container.appendChild(pager(id, "bottom"));
    },
    update: function (info) {
      if (App.criterionId) return App.updateCriterionForm(info);
      var block = document.querySelector("[data-progress]");
      if (block) block.parentNode.replaceChild(progressBlock(), block);
    }
  };
})(typeof self !== "undefined" ? self : this);
