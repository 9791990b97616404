// needs: nothing
/* JTAI Ready worked examples: shared helpers for the findings explorer and the exercise.
 *
 * Classic script (no modules: they are blocked from file://), no network, no storage.
 * The data is window.JTAI.data.findings, generated from criteria/<framework>/examples/*.yml.
 * Pure functions (filtering, marking) are exported for Node tests too.
 * All text goes in with textContent, never innerHTML.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.examples = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** Every live finding, each with its example: [{finding, example}] in page order. */
  function allFindings(data) {
    var out = [];
    data.examples.forEach(function (example) {
      example.findings.forEach(function (finding) {
        out.push({ finding: finding, example: example });
      });
    });
    return out;
  }

  /** The findings that pass every filter; an empty filter value means "any". */
  function filterFindings(data, filters) {
    var f = filters || {};
    return allFindings(data).filter(function (row) {
      var finding = row.finding;
      if (f.example && row.example.id !== f.example) return false;
      if (f.type && finding.type !== f.type) return false;
      if (f.agency && finding.agencies.indexOf(f.agency) < 0) return false;
      if (f.criterion && !finding.criteria.some(function (c) { return c.id === f.criterion; })) {
        return false;
      }
      return true;
    });
  }

  /**
   * Compare a learner's choice with the model mapping of one finding.
   * result: "right" (exactly the model criteria), "partly" (at least one in common) or "wrong".
   */
  function mark(finding, chosen) {
    var model = finding.criteria.map(function (c) { return c.id; });
    var picked = [];
    (chosen || []).forEach(function (id) { if (picked.indexOf(id) < 0) picked.push(id); });
    var matches = model.filter(function (id) { return picked.indexOf(id) >= 0; });
    var misses = model.filter(function (id) { return picked.indexOf(id) < 0; });
    var extras = picked.filter(function (id) { return model.indexOf(id) < 0; });
    var result = "wrong";
    if (matches.length && !misses.length && !extras.length) result = "right";
    else if (matches.length) result = "partly";
    return { result: result, matches: matches, misses: misses, extras: extras, model: model };
  }

  /** Totals over every marked finding. */
  function score(marks) {
    var total = { findings: marks.length, right: 0, partly: 0, wrong: 0,
      modelCriteria: 0, found: 0, extras: 0 };
    marks.forEach(function (m) {
      total[m.result] += 1;
      total.modelCriteria += m.model.length;
      total.found += m.matches.length;
      total.extras += m.extras.length;
    });
    return total;
  }

  /** "1 finding" / "2 findings". */
  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  /** A sentence for the final score, in plain English. */
  function scoreSentence(total) {
    return "You got " + total.right + " of " + plural(total.findings, "finding", "findings") +
      " right and " + total.partly + " partly right. You found " + total.found + " of the " +
      plural(total.modelCriteria, "criterion", "criteria") + " in our mapping" +
      (total.extras ? " and chose " + plural(total.extras, "other", "others") + "." : ".");
  }

  /** Lookup tables from the data: criteria, types, agencies by ID. */
  function index(data) {
    var byId = function (list) {
      var map = {};
      list.forEach(function (item) { map[item.id] = item; });
      return map;
    };
    return { criteria: byId(data.criteria), types: byId(data.types),
      agencies: byId(data.agencies), examples: byId(data.examples) };
  }

  /** The value of a query-string parameter (?example=somerset-2024), or "". */
  function param(name) {
    var match = new RegExp("[?&]" + name + "=([^&#]*)").exec(window.location.search);
    return match ? decodeURIComponent(match[1].replace(/\+/g, " ")) : "";
  }

  return {
    allFindings: allFindings,
    filterFindings: filterFindings,
    mark: mark,
    score: score,
    plural: plural,
    scoreSentence: scoreSentence,
    index: index,
    param: param
  };
});
