// needs: lib/dom.js lib/importexport.js lib/jtai.js lib/labels.js self-assessment/explain.js
/* JTAI Ready self-assessment: the form for one criterion. Its verbatim text, a fieldset of radio
 * buttons per indicator, the live score and suggested outcome, evidence, Annex A documents,
 * confidence, an override with a required reason, and actions (ui-actions.js).
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("self-assessment");
  var h = D.h;
  var lastSaid = "";

  function criterion(id) {
    return App.data.criteria.filter(function (c) { return c.id === id; })[0];
  }

  function answer(id) {
    return App.record.answers[id] || root.JTAI.io.emptyAnswer();
  }

  function change(id, what, fn) {
    App.change(function (rec) { fn(App.answerFor(rec, id)); }, { criterion: id, what: what });
  }

  // ---------------------------------------------------------------------------------------
  // Indicators

  function scaleHelp() {
    var s = App.data.assessment.scale;
    var items = s.levels.concat(s.outside).concat([{ label: s.unrated.label, description: s.unrated.description }]);
    return h("details", { class: "jtai-help" }, [
      h("summary", {}, ["What the answers mean"]),
      h("dl", { class: "jtai-scale-list" }, items.map(function (l) {
        return [h("dt", {}, [l.label + ("value" in l ? " (counts " + l.value + ")" : "")]), h("dd", {}, [l.description])];
      }))
    ]);
  }

  function ratingOptions() {
    var s = App.data.assessment.scale;
    return s.levels.map(function (l) { return { id: l.id, label: l.label }; })
      .concat(s.outside.map(function (o) { return { id: o.id, label: o.label }; }))
      .concat([{ id: "", label: s.unrated.label }]);
  }

  function indicatorFieldset(c, ind, options) {
    return App.ui.radioGroup({
      legend: [h("span", { class: "jtai-ind-id" }, [ind.id]), " ", ind.text],
      options: options, value: answer(c.id).indicators[ind.id] || "", group: ind.id, className: "jtai-indicator",
      onChange: function (value) {
        change(c.id, "rating", function (a) {
          if (value) a.indicators[ind.id] = value;
          else delete a.indicators[ind.id];
        });
      }
    });
  }

  function indicatorsSection(c) {
    var options = ratingOptions();
    return h("section", { class: "jtai-indicators", "aria-labelledby": "jtai-ind-title" }, [
      h("h3", { id: "jtai-ind-title" }, ["Rate each statement"]),
      h("p", {}, [App.data.assessment.scale.question + " \u201c" + App.data.assessment.scale.outside.map(function (o) {
        return o.label; }).join("\u201d, \u201c") + "\u201d and \u201c" + App.data.assessment.scale.unrated.label +
        "\u201d are never counted in the score."]),
      scaleHelp()
    ].concat(c.indicators.map(function (ind) { return indicatorFieldset(c, ind, options); })));
  }

  // ---------------------------------------------------------------------------------------
  // Score box

  function scoreLine(r) {
    if (r.score === null) {
      return "No score yet: " + (r.dont_know ? r.dont_know + " \u201cdon\u2019t know\u201d, " : "") +
        "no statement rated on the scale.";
    }
    var parts = [r.rated + " of " + r.total + " rated"];
    if (r.dont_know) parts.push(r.dont_know + " don\u2019t know");
    if (r.unrated) parts.push(r.unrated + " not assessed");
    return "Average rating " + D.score(r.score) + " (" + parts.join(", ") + ").";
  }

  function fillScoreBox(box, r) {
    D.clear(box);
    box.appendChild(h("p", { class: "jtai-score-line", "data-field": "score" }, [scoreLine(r)]));
    box.appendChild(h("p", {}, ["Suggested outcome: ", App.ui.badge(r.suggested)]));
    if (r.held_back) {
      box.appendChild(h("p", { class: "jtai-held-back", "data-field": "held-back" }, [root.JTAI.explain.heldBack(App.data, r) +
        " " + App.data.assessment.weak_answers.reason]));
    }
    if (r.overridden) box.appendChild(h("p", {}, ["Your outcome: ", App.ui.badge(r.outcome), " (override)"]));
    if (r.override_pending) {
      box.appendChild(h("p", { class: "jtai-flag" }, ["Override not applied: it needs a reason."]));
    }
    if (r.strength_without_evidence) {
      box.appendChild(h("p", { class: "jtai-flag", "data-flag": "no-evidence" }, ["This is a strength with no evidence recorded. " +
        "Say what you know and how you know it, or tick the Annex A documents that show it."]));
    }
  }

  function announce(r) {
    var text = r.id + ": " + (r.score === null ? "no score yet" : "score " + D.score(r.score)) +
      (r.outcome ? ", " + (r.overridden ? "your outcome " : "suggested outcome ") + App.label("outcome", r.outcome) : "") + "." +
      (r.held_back && !r.overridden ? " " + root.JTAI.explain.heldBack(App.data, r) : "") +
      (r.strength_without_evidence ? " No evidence recorded yet." : "");
    if (text !== lastSaid) {
      lastSaid = text;
      D.announce(text);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Evidence

  function documentsFieldset(c) {
    var chosen = answer(c.id).documents;
    var items = c.annex_a || [];
    var names = root.JTAI.labels.documentLabels(c);
    var boxes = items.map(function (d) {
      var id = D.uid("doc");
      return h("div", { class: "jtai-check" }, [
        h("input", { type: "checkbox", id: id, value: d.id, checked: chosen.indexOf(d.id) >= 0, on: { change: function (e) {
          var on = e.target.checked;
          change(c.id, "evidence", function (a) {
            a.documents = a.documents.filter(function (x) { return x !== d.id; });
            if (on) a.documents.push(d.id);
          });
        } } }),
        h("label", { for: id }, [names[d.id]])
      ]);
    });
    return h("fieldset", { class: "jtai-fieldset jtai-documents" }, [
      h("legend", { class: "jtai-legend" }, ["Annex A documents that show it"]),
      items.length ? h("p", { class: "jtai-hint" }, ["The documents in the inspectors\u2019 information request (Annex A) that bear on " + c.id + "."])
        : h("p", { class: "jtai-hint" }, ["No Annex A documents are linked to " + c.id + "."])
    ].concat(boxes));
  }

  function confidenceGroup(c) {
    var conf = App.data.assessment.confidence;
    return App.ui.radioGroup({
      legend: conf.question, className: "jtai-confidence", group: "confidence",
      options: conf.levels.map(function (l) { return { id: l.id, label: l.label + ": " + l.description }; })
        .concat([{ id: "", label: "Not set" }]),
      value: answer(c.id).confidence,
      onChange: function (v) { change(c.id, "evidence", function (a) { a.confidence = v; }); }
    });
  }

  function evidenceSection(c) {
    var fields = App.data.assessment.evidence_prompts.map(function (p) {
      return App.ui.textField({ label: p.label, hint: p.hint, multiline: true, value: answer(c.id).evidence[p.id],
        className: "jtai-prompt-" + p.id,
        onInput: function (v) { change(c.id, "evidence", function (a) { a.evidence[p.id] = v; }); } });
    });
    return h("section", { class: "jtai-evidence", "aria-labelledby": "jtai-ev-title" }, [
      h("h3", { id: "jtai-ev-title" }, ["Evidence"]),
      h("p", { class: "jtai-callout" }, [App.data.assessment.notices.no_child_details])
    ].concat(fields, [documentsFieldset(c), confidenceGroup(c)]));
  }

  // ---------------------------------------------------------------------------------------
  // Outcome and override

  function overridePanel(c) {
    var o = answer(c.id).override || { outcome: "", reason: "" };
    var errorId = D.uid("override-error");
    var panel = h("div", { class: "jtai-override-panel", "data-override": "" }, [
      App.ui.selectField({ label: "The outcome you want to record", value: o.outcome, blank: "Choose an outcome",
        options: App.data.assessment.outcomes.map(function (b) { return { id: b.id, label: b.label }; }),
        onChange: function (v) { change(c.id, "override", function (a) { a.override = { outcome: v, reason: (a.override || {}).reason || "" }; }); } }),
      App.ui.textField({ label: "Reason (required)", multiline: true, value: o.reason, required: true,
        hint: "Why the suggested outcome does not fit. This reason shows wherever the outcome does.",
        className: "jtai-override-reason",
        onInput: function (v) { change(c.id, "override", function (a) { a.override = { outcome: (a.override || {}).outcome || "", reason: v }; }); } }),
      h("p", { id: errorId, class: "jtai-error", "data-override-error": "", "aria-live": "polite" })
    ]);
    panel.querySelector("textarea").setAttribute("aria-errormessage", errorId);
    return panel;
  }

  function outcomeSection(c) {
    var has = !!answer(c.id).override;
    var id = D.uid("override");
    var panel = overridePanel(c);
    panel.hidden = !has;
    var box = h("input", { type: "checkbox", id: id, checked: has, "aria-controls": panel.id = D.uid("panel"),
      "aria-expanded": String(has), on: { change: function () {
        var on = box.checked;
        panel.hidden = !on;
        box.setAttribute("aria-expanded", String(on));
        change(c.id, "override", function (a) { a.override = on ? { outcome: "", reason: "" } : null; });
        if (on) panel.querySelector("select").focus();
      } } });
    return h("section", { class: "jtai-outcome", "aria-labelledby": "jtai-out-title" }, [
      h("h3", { id: "jtai-out-title" }, ["Score and outcome"]),
      h("div", { class: "jtai-scorebox", id: "jtai-scorebox" }),
      h("div", { class: "jtai-check" }, [box, h("label", { for: id }, ["Record a different outcome (override the suggestion)"])]),
      panel
    ]);
  }

  function refreshOverrideError(c) {
    var node = document.querySelector("[data-override-error]");
    var a = answer(c.id);
    if (!node) return;
    var msg = "";
    if (a.override && !a.override.outcome) msg = "Choose the outcome you want to record.";
    else if (a.override && !a.override.reason.trim()) msg = "Give a reason. Until you do, the suggested outcome is used.";
    if (node.textContent !== msg) node.textContent = msg;
    var reason = document.querySelector(".jtai-override-reason textarea");
    if (reason) reason.setAttribute("aria-invalid", String(!!msg && !!a.override && !!a.override.outcome));
  }

  // ---------------------------------------------------------------------------------------

  function heading(c) {
    var agencies = c.agencies.map(function (a) { return App.label("agency", a); }).filter(Boolean);
    return [
      h("h2", { class: "jtai-crit-heading", "data-focus": "" }, [c.id + ": " + c.title]),
      h("p", { class: "jtai-meta" }, ["Focus area: " + App.label("focus", c.focus) + ". " +
        (agencies.length ? "Most concerns: " + agencies.join(", ") + "." : "")]),
      h("blockquote", { class: "jtai-quote" }, [h("p", {}, [c.text])]),
      c.url ? h("p", { class: "jtai-noprint" }, [h("a", { href: c.url }, ["More about " + c.id + ", and the evidence inspectors look at"])]) : null
    ];
  }

  /** What inspectors found about this criterion in their letters: closed until asked for. */
  function foundSection(c) {
    var groups = c.found || [];
    if (!groups.length) return null;
    var count = groups.reduce(function (n, g) { return n + g.findings.length; }, 0);
    return h("details", { class: "jtai-help jtai-found" }, [
      h("summary", {}, ["What inspectors found in their letters (" + count + (count === 1 ? " finding)" : " findings)")]),
      h("p", { class: "jtai-hint" }, ["The letters\u2019 own words. Which criterion each bears on is our judgement, not the inspectorates\u2019."])
    ].concat(groups.map(function (g) {
      return h("section", { class: "jtai-found__group", "data-group": g.group }, [
        h("h3", {}, [g.heading]),
        h("ul", {}, g.findings.map(function (f) {
          return h("li", {}, [
            h("strong", {}, [f.area]), " (" + f.kind.toLowerCase() + "): \u201c" + f.quote + "\u201d ",
            h("a", { href: f.address }, [f.letter + " (the letter)"]), ". ",
            h("a", { href: f.url, class: "jtai-noprint" }, ["See it in the worked example"]), ". ",
            h("span", { class: "jtai-hint" }, ["Why we map it here: " + f.rationale])
          ]);
        }))
      ]);
    })));
  }

  App.criterionForm = function (id) {
    var c = criterion(id);
    var form = h("article", { class: "jtai-criterion", "data-criterion": id }, heading(c).concat([
      foundSection(c), indicatorsSection(c), outcomeSection(c), evidenceSection(c), App.actionsSection(c)
    ]));
    fillScoreBox(form.querySelector("#jtai-scorebox"), App.summary().byId[id]);
    lastSaid = "";
    setTimeout(function () { refreshOverrideError(c); }, 0);
    return form;
  };

  App.updateCriterionForm = function (info) {
    var c = criterion(App.criterionId);
    var r = App.summary().byId[c.id];
    var box = document.getElementById("jtai-scorebox");
    if (box) fillScoreBox(box, r);
    refreshOverrideError(c);
    if (info.what === "rating" || info.what === "override" || info.what === "evidence") announce(r);
  };
})(typeof self !== "undefined" ? self : this);
