// needs: lib/dom.js lib/jtai.js partnership/aggregate.js partnership/export.js
// needs: partnership/loader.js
/* JTAI Ready partnership view: over time. Two loaded assessments (usually the same agency at two
 * dates) compared criterion by criterion with JTAI.partnership.compare: what moved up, what moved
 * down, what is new, and what happened to the actions. It starts with one agency's earliest and
 * latest assessments (JTAI.partnership.comparePair); when no two loaded assessments are known to
 * be from the same agency, it asks which two to compare rather than compare two agencies.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var P = root.JTAI.partnership;
  var Load = root.JTAI.partnershipLoad;
  var X = root.JTAI.partnershipExport;
  var App = root.JTAI.app("partnership");
  var h = D.h;

  function entryByKey(key) {
    return App.set.filter(function (e) { return Load.identity(e.record) === key; })[0];
  }

  /** One agency's oldest and newest; or nothing chosen (asked: true) when it cannot tell. */
  function defaults() {
    var pair = P.comparePair(App.data, App.set.map(function (e) { return e.record; }));
    if (!pair) return { before: "", after: "", asked: true, set: App.set };
    return { before: Load.identity(pair.before), after: Load.identity(pair.after), asked: false, set: App.set };
  }

  /** The person's choice while both are still loaded, else the default for what is loaded now. */
  function choice() {
    var c = App.compareChoice;
    var gone = function (k) { return k && !entryByKey(k); };
    if (!c || gone(c.before) || gone(c.after) || (!c.chosen && c.set !== App.set)) c = App.compareChoice = defaults();
    return c;
  }

  function optionText(record) {
    return App.ui.agencyOf(record) + " \u2013 " + (record.title || "Untitled assessment") + " \u2013 " +
      App.ui.dateText(P.dateOf(record));
  }

  function picker(which, label, value, onChange) {
    var id = D.uid("compare");
    var options = App.set.map(function (e) {
      var key = Load.identity(e.record);
      return h("option", { value: key, selected: key === value }, [optionText(e.record)]);
    });
    if (!value) options.unshift(h("option", { value: "", selected: true }, ["Choose an assessment"]));
    var select = h("select", { id: id, class: "jtai-select", "data-compare": which,
      on: { change: function () { onChange(select.value); } } }, options);
    select.value = value;
    return h("div", { class: "jtai-field" }, [h("label", { for: id, class: "jtai-label" }, [label]), select]);
  }

  // ---------------------------------------------------------------------------------------
  // The comparison

  function side(snap) {
    if (snap.state !== "rated") return X.STATE[snap.state];
    var score = X.scoreText(snap.score);
    return App.label("outcome", snap.outcome) + (score ? " " + score : "") + (snap.overridden ? " (overridden)" : "");
  }

  function changeWords(row) {
    var bands = Math.abs(row.bands);
    var by = bands ? " " + App.ui.plural(bands, "band", "bands") : "";
    if (row.change === "up") return by ? "Up" + by : "Score up " + X.scoreText(row.score);
    if (row.change === "down") return by ? "Down" + by : "Score down " + X.scoreText(-row.score);
    return { "new": "New", gone: "No longer rated", same: "No change", none: "Not rated at either date" }[row.change];
  }

  function compareTable(result) {
    var rows = result.rows.map(function (r) {
      return h("tr", { "data-criterion": r.id, "data-change": r.change, class: "is-" + r.change }, [
        h("th", { scope: "row" }, [App.ui.criterionName(r.id)]),
        h("td", { "data-field": "before" }, [side(r.before)]),
        h("td", { "data-field": "after" }, [side(r.after)]),
        h("td", { "data-field": "change" }, [changeWords(r)])
      ]);
    });
    return App.ui.table("Each criterion, before and after", ["Criterion", "Before: " + App.ui.dateText(result.before.date),
      "After: " + App.ui.dateText(result.after.date), "Change"], rows, { className: "jtai-pv-compare" });
  }

  function idList(ids, className, result) {
    var byId = {};
    result.rows.forEach(function (r) { byId[r.id] = r; });
    if (!ids.length) return h("p", { class: className }, ["None."]);
    return h("ul", { class: className }, ids.map(function (id) {
      return h("li", { "data-criterion": id }, [App.ui.criterionName(id) + ": " + changeWords(byId[id]).toLowerCase() +
        " (" + side(byId[id].before) + " \u2192 " + side(byId[id].after) + ")"]);
    }));
  }

  function actionList(list, className) {
    if (!list.length) return h("p", { class: className }, ["None."]);
    return h("ul", { class: className }, list.map(function (a) {
      return h("li", { "data-action-id": a.id }, [a.criterion + ": " + (a.what || "(not described)") +
        " \u2013 lead: " + (App.label("agency", a.lead) || "not given") + "; due: " + App.ui.dateText(a.due)]);
    }));
  }

  function notes(result, c) {
    var out = [];
    if (c.before === c.after) {
      out.push(["same", "You chose the same assessment twice, so nothing has changed. Choose two different ones."]);
    } else if (result.agency_unknown) {
      out.push(["agency", "At least one of these two does not say which agency it is for, so we cannot tell " +
        "whether they are from the same agency. Differences may be between agencies, not over time."]);
    } else if (!result.same_agency) {
      out.push(["agency", "These two are not from the same agency (" + (App.label("agency", result.before.agency) || "no agency given") +
        "; " + (App.label("agency", result.after.agency) || "no agency given") + "). Differences may be between agencies, not over time."]);
    }
    if (result.swapped) out.push(["swapped", "The later assessment was chosen as \u201cbefore\u201d, so the two are shown in date order."]);
    return h("div", { class: "jtai-pv-compare-notes" }, out.map(function (n) {
      return h("p", { class: n[0] === "swapped" ? "jtai-callout" : "jtai-flag", "data-note": n[0] }, [n[1]]);
    }));
  }

  function overall(result) {
    return h("p", { class: "jtai-pv-overall" }, ["Average score: " + D.score(result.before.overall.score) + " on " +
      App.ui.dateText(result.before.date) + ", " + D.score(result.after.overall.score) + " on " + App.ui.dateText(result.after.date) + "."]);
  }

  function asking(node) {
    D.clear(node).appendChild(h("p", { class: "jtai-callout", "data-note": "choose" }, ["Choose the two assessments " +
      "to compare, above."]));
    return null;
  }

  function renderResult(node) {
    var c = choice();
    if (!c.before || !c.after) return asking(node);
    var result = P.compare(App.data, entryByKey(c.before).record, entryByKey(c.after).record);
    var sub = function (title, child) { return App.ui.section(4, title, {}, [child]); };
    D.clear(node);
    [notes(result, c), overall(result), compareTable(result),
      App.ui.section(3, "What changed", { class: "jtai-pv-changes" }, [
        sub("Moved up", idList(result.up, "jtai-pv-moved-up", result)),
        sub("Moved down", idList(result.down, "jtai-pv-moved-down", result)),
        sub("Newly rated", idList(result["new"], "jtai-pv-new", result)),
        sub("No longer rated", idList(result.gone, "jtai-pv-gone", result))]),
      App.ui.section(3, "Actions", { class: "jtai-pv-action-changes" }, [
        sub("Added", actionList(result.actions.added, "jtai-pv-actions-added")),
        sub("Completed", actionList(result.actions.completed, "jtai-pv-actions-completed")),
        sub("Removed", actionList(result.actions.removed, "jtai-pv-actions-removed"))])
    ].forEach(function (part) { node.appendChild(part); });
    return result;
  }

  App.views.time = {
    render: function (section) {
      if (!App.set.length) {
        section.appendChild(App.ui.nothingLoaded("Load two assessments from the same agency, made at different dates."));
        return;
      }
      if (App.set.length < 2) {
        section.appendChild(h("p", { class: "jtai-callout" }, ["Only one assessment is loaded. To see what has " +
          "changed, load an earlier export from the same agency too: for example last year\u2019s file. Go to ",
        h("button", { type: "button", class: "jtai-linkbtn", on: { click: function () { App.show("load"); } } }, ["Load assessments"]), "."]));
        return;
      }
      var c = choice();
      var result = h("div", { class: "jtai-pv-compare-result" });
      var update = function (which) {
        return function (value) {
          App.compareChoice[which] = value;
          App.compareChoice.chosen = true;
          var r = renderResult(result);
          if (!r) return;
          D.announce("Comparing " + optionText(entryByKey(App.compareChoice.before).record) + " with " +
            optionText(entryByKey(App.compareChoice.after).record) + ". " + r.up.length + " up, " + r.down.length +
            " down, " + r["new"].length + " new.");
        };
      };
      section.appendChild(h("p", {}, ["Compare two assessments, usually the same agency at two dates. " +
        "The earlier one is always shown as \u201cbefore\u201d."]));
      if (c.asked && !c.chosen) {
        section.appendChild(h("p", { class: "jtai-flag", "data-note": "ask" }, ["No two of the loaded assessments are known " +
          "to be from the same agency: they name different agencies, or none. Choose which two to compare. To see how one " +
          "agency\u2019s view has changed, load its earlier assessment too."]));
      }
      section.appendChild(h("div", { class: "jtai-pv-pickers" }, [
        picker("before", "Before", c.before, update("before")),
        picker("after", "After", c.after, update("after"))]));
      section.appendChild(result);
      renderResult(result);
    }
  };
})(typeof self !== "undefined" ? self : this);
