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

  function levelLabel(data, id) {
    var level = data.assessment.scale.levels.filter(function (l) { return l.id === id; })[0];
    return level ? level.label : id;
  }

  function bandLabel(data, id) {
    var band = data.assessment.outcomes.filter(function (b) { return b.id === id; })[0];
    return band ? band.label : id;
  }

  /** "half or more", "a third or more", else "60% or more". */
  function shareText(share) {
    if (share === 0.5) return "half or more";
    if (share === 1) return "all";
    return Math.round(share * 100) + "% or more";
  }

  /** The weak-answers rule in one sentence ("" when the data has none). */
  function weakRule(data) {
    var w = data.assessment.weak_answers;
    if (!w) return "";
    return "A weak answer is never averaged away: a criterion with any statement rated \u201c" +
      levelLabel(data, w.any_level) + "\u201d or lower, or with " + shareText(w.share) + " of its rated statements " +
      "rated \u201c" + levelLabel(data, w.share_level) + "\u201d or lower, is suggested no better than " +
      bandLabel(data, w.best_outcome) + ", whatever its score.";
  }

  /** Why a criterion's suggestion was held back, in one sentence ("" when it was not). */
  function heldBack(data, r) {
    if (!r.held_back) return "";
    var w = data.assessment.weak_answers;
    var why = r.weak_any
      ? plural(r.weak_any, "statement is", "statements are") + " rated \u201c" + levelLabel(data, w.any_level) + "\u201d or lower"
      : r.weak_share + " of its " + r.rated + " rated statements are \u201c" + levelLabel(data, w.share_level) + "\u201d or lower";
    return "Held back from " + bandLabel(data, r.score_band) + " to " + bandLabel(data, r.suggested) + ": " + why + ".";
  }

  /** A group's criteria counted by outcome: "Strength 3, …, not scored 15". */
  function counts(data, agg) {
    return sortedBands(data).map(function (b) { return b.label + " " + agg.counts[b.id]; })
      .concat(["not scored " + agg.counts.none]).join(", ");
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
      weakRule(data),
      "When you record a different outcome and give a reason, your outcome is used everywhere and marked as an override.",
      "A focus area, and the whole assessment, are summed up by counting their criteria in each outcome band. " +
        "They get no outcome label of their own: an average would hide the weaker criteria, and joint targeted area " +
        "inspections do not grade a partnership, and neither does this.",
      "A criterion has evidence when you have answered " + counted.join(" or ") +
        ", or ticked an Annex A document. A strength with no evidence is flagged."
    ].filter(Boolean);
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
    var range = bandRanges(data).filter(function (b) { return b.id === r.score_band; })[0];
    var suggested = r.held_back ? " The score is in " + label("outcome", r.score_band) + " (" + range.range + "). " +
      heldBack(data, r) + " Suggested outcome: " + label("outcome", r.suggested) + "."
      : " Suggested outcome: " + label("outcome", r.suggested) + " (" + range.range + ").";
    return r.id + ": (" + r.values.join(" + ") + ") \u00f7 " + r.rated + " = " + fmt(r.score) + "." + leftText +
      suggested + override;
  }

  /**
   * A group's criteria counted by outcome ("Individual children: 2 of 14 criteria have an outcome.
   * Strength 1, …"). Never an average: it would hide the weaker criteria.
   */
  function group(data, name, agg) {
    var decided = agg.criteria - agg.counts.none;
    if (!decided) return name + ": no outcome yet, because none of its " + plural(agg.criteria, "criterion", "criteria") + " has one.";
    return name + ": " + decided + " of " + plural(agg.criteria, "criterion has", "criteria have") + " an outcome. " +
      counts(data, agg) + ".";
  }

  return { rules: rules, criterion: criterion, group: group, bandRanges: bandRanges, weakRule: weakRule,
    heldBack: heldBack, counts: counts };
});
