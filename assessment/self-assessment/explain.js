// needs: nothing
/* JTAI Ready self-assessment: how each number was worked out, in plain words.
 *
 * Pure functions over the data and a JTAI.scoring summary; they describe the numbers, they never
 * work them out again. Loads as a classic script (JTAI.explain) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.explain = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function fmt(n) {
    return n.toFixed(2);
  }

  function sortedBands(data) {
    return data.assessment.outcomes.slice().sort(function (a, b) { return b.min - a.min; });
  }

  /** "from 2.50 to below 3.50" for each band, best first: [{id, label, range}]. */
  function bandRanges(data) {
    var bands = sortedBands(data);
    var lowest = Math.min.apply(null, data.assessment.scale.levels.map(function (l) { return l.value; }));
    return bands.map(function (b, i) {
      var range;
      if (i === 0) range = fmt(b.min) + " or more";
      else if (b.min <= lowest) range = "below " + fmt(bands[i - 1].min);
      else range = "from " + fmt(b.min) + " to below " + fmt(bands[i - 1].min);
      return { id: b.id, label: b.label, range: range };
    });
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  /** The rules, one sentence each. */
  function rules(data) {
    var s = data.assessment.scale;
    var values = s.levels.map(function (l) { return l.label + " " + l.value; }).join(", ");
    var outside = s.outside.map(function (o) { return "\u201c" + o.label + "\u201d"; }).concat(["\u201c" + s.unrated.label + "\u201d"]);
    var counted = data.assessment.evidence_prompts.filter(function (p) { return p.counts_as_evidence; })
      .map(function (p) { return "\u201c" + p.label + "\u201d"; });
    return [
      "Each statement you rate counts for its value: " + values + ". " + outside.join(" and ") +
        " are left out: they never count, not even as zero.",
      "A criterion\u2019s score is the mean (average) of the values of its rated statements, rounded to 2 decimal " +
        "places. A criterion with no rated statement has no score.",
      "The suggested outcome follows from the score: " + bandRanges(data).map(function (b) {
        return b.label + " " + b.range; }).join("; ") + ".",
      "When you record a different outcome and give a reason, your outcome is used everywhere and marked as an override.",
      "A focus area\u2019s score, and the overall score, are the mean of the scores (as shown, to 2 decimal places) " +
        "of the criteria that have one. They get no outcome label: joint targeted area inspections do not grade a " +
        "partnership, and neither does this.",
      "A criterion has evidence when you have answered " + counted.join(" or ") +
        ", or ticked an Annex A document. A strength with no evidence is flagged."
    ];
  }

  /** How one criterion's score and outcome came about. */
  function criterion(data, r, label) {
    var left = [];
    if (r.dont_know) left.push(plural(r.dont_know, "\u201cdon\u2019t know\u201d answer", "\u201cdon\u2019t know\u201d answers"));
    if (r.unrated) left.push(plural(r.unrated, "statement not assessed", "statements not assessed"));
    var leftText = left.length ? " Left out: " + left.join(" and ") + "." : "";
    var override = r.overridden
      ? " Your outcome: " + label("outcome", r.outcome) + ". Your reason: \u201c" + r.override_reason + "\u201d" : "";
    if (r.score === null) {
      return r.id + ": no score, because no statement is rated on the scale." + leftText + override;
    }
    var range = bandRanges(data).filter(function (b) { return b.id === r.suggested; })[0];
    return r.id + ": (" + r.values.join(" + ") + ") \u00f7 " + r.rated + " = " + fmt(r.score) + "." + leftText +
      " Suggested outcome: " + label("outcome", r.suggested) + " (" + range.range + ")." + override;
  }

  /** How a group's mean came about ("Individual children: (4.00 + 3.50) ÷ 2 = 3.75."). */
  function group(name, results, agg) {
    var scored = results.filter(function (r) { return r.score !== null; });
    if (!scored.length) return name + ": no score yet, because none of its criteria has a score.";
    return name + ": (" + scored.map(function (r) { return fmt(r.score); }).join(" + ") + ") \u00f7 " +
      scored.length + " = " + fmt(agg.score) + "." +
      (scored.length < results.length ? " " + plural(results.length - scored.length, "criterion has", "criteria have") +
        " no score and " + (results.length - scored.length === 1 ? "is" : "are") + " left out." : "");
  }

  return { rules: rules, criterion: criterion, group: group, bandRanges: bandRanges };
});
