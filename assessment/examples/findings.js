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
      if (f.area && row.example.area !== f.area) return false;
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

  /** The areas the examples are about, each once, in the examples' order. */
  function areas(data) {
    var seen = [];
    data.examples.forEach(function (e) { if (seen.indexOf(e.area) < 0) seen.push(e.area); });
    return seen;
  }

  /** The words a finding shows: the letter's, in quotation marks, or ours. */
  function words(finding) {
    return finding.quote ? "\u201c" + finding.quote + "\u201d" : finding.text;
  }

  var EVERY_LETTER = "every-letter";
  var GROUP_ORDER = ["priority", "improve", "strength"];

  /**
   * A practice set drawn from every letter of findings: from each letter (oldest first), its
   * first area for priority action, first point to improve and first strength, when it has
   * them. Null when no example has a letter. Shaped like an example, so the exercise and the
   * presenter view take it as one.
   */
  function fromEveryLetter(data) {
    var letters = data.examples.filter(function (e) { return e.letter; }).slice()
      .sort(function (a, b) { return a.letter.published < b.letter.published ? -1 :
        a.letter.published > b.letter.published ? 1 : 0; });
    if (!letters.length) return null;
    var findings = [];
    letters.forEach(function (e) {
      GROUP_ORDER.forEach(function (g) {
        var first = e.findings.filter(function (f) { return f.group === g; })[0];
        if (first) findings.push(first);
      });
    });
    return { id: EVERY_LETTER, title: "From every letter (" + plural(letters.length, "letter", "letters") + ")",
      kind: "inspection", area: "", url: "examples/index.html", letter: null, findings: findings,
      mixed: true };
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
    var exampleOf = {};
    data.examples.forEach(function (e) {
      e.findings.forEach(function (f) { exampleOf[f.id] = e; });
    });
    return { criteria: byId(data.criteria), types: byId(data.types),
      agencies: byId(data.agencies), examples: byId(data.examples), exampleOf: exampleOf };
  }

  /**
   * A query-string parameter (?example=somerset-2024): {value, unreadable}. A value whose
   * %-escapes cannot be read (?criterion=%E0%A4%A) is "" with unreadable true, never an error.
   */
  function readParam(name, search) {
    var query = search === undefined ? window.location.search : search;
    var match = new RegExp("[?&]" + name + "=([^&#]*)").exec(query);
    if (!match) return { value: "", unreadable: false };
    try {
      return { value: decodeURIComponent(match[1].replace(/\+/g, " ")), unreadable: false };
    } catch {
      return { value: "", unreadable: true };
    }
  }

  /** The value of a query-string parameter, or "" (also when it cannot be read). */
  function param(name) {
    return readParam(name).value;
  }

  /**
   * What the address asked for that the page ignored, one sentence each: a value it could not
   * read, or one it does not know. `known(name, value)` says whether the page has it.
   */
  function ignoredParams(labels, known, search) {
    var notes = [];
    Object.keys(labels).forEach(function (name) {
      var got = readParam(name, search);
      var shown = got.value.length > 60 ? got.value.slice(0, 60) + "\u2026" : got.value;
      if (got.unreadable) {
        notes.push("The " + labels[name] + " in the web address could not be read, so it was ignored.");
      } else if (got.value && !known(name, got.value)) {
        notes.push("The web address asks for the " + labels[name] + " \u201c" + shown +
          "\u201d, which this page does not have, so it was ignored.");
      }
    });
    return notes;
  }

  /** A note of what the address asked for that was ignored (ignoredParams), or null. */
  function ignoredNotice(h, labels, known) {
    var notes = ignoredParams(labels, known);
    if (!notes.length) return null;
    return h("div", { class: "admonition note jtai-address-note", "data-address-note": "" },
      [h("p", { class: "admonition-title", text: "Part of the web address was ignored" })]
        .concat(notes.map(function (n) { return h("p", { text: n }); })));
  }

  return {
    allFindings: allFindings,
    filterFindings: filterFindings,
    mark: mark,
    score: score,
    plural: plural,
    scoreSentence: scoreSentence,
    index: index,
    param: param,
    readParam: readParam,
    ignoredParams: ignoredParams,
    ignoredNotice: ignoredNotice,
    areas: areas,
    words: words,
    fromEveryLetter: fromEveryLetter,
    EVERY_LETTER: EVERY_LETTER
  };
});
