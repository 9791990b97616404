// needs: nothing
/* JTAI Ready self-assessment: scoring. Pure functions, no DOM, no storage.
 *
 * The only place where scores, suggested outcomes, coverage and the action list are worked out.
 * The form, the results, the print view and the CSV all call it. Labels and thresholds come from
 * the data (criteria/<framework>/assessment.yml), never from here.
 *
 * Rules:
 * - An indicator answer is a level ID (counted at its value), an ID from `scale.outside` such as
 *   "dont-know" (recorded, never counted), or nothing (not assessed, never counted).
 * - A criterion's score is the mean of its counted values, rounded half up to 2 decimal places;
 *   no counted values means no score (never zero).
 * - The suggested outcome is the first band, from the top, whose `min` the score reaches, unless
 *   the data's `weak_answers` rule holds it back: a criterion with any rated statement at
 *   `any_level` or lower, or with at least `share` of its rated statements at `share_level` or
 *   lower, is suggested no better than `best_outcome` (`held_back` says when that lowered it).
 * - An override replaces the suggestion only when it names a band and gives a reason.
 * - A focus area and the whole assessment are summed up by counting their criteria in each band
 *   (`counts`), never by the band of an average. Their mean score (of the criterion scores as
 *   shown, 2 decimal places) is kept for the working-out only: JTAIs are ungraded.
 *
 * Loads as a classic script (JTAI.scoring) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.scoring = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /** Mean of whole hundredths, rounded half up, back to a number with 2 decimal places. */
  function meanHundredths(hundredths) {
    if (!hundredths.length) return null;
    var total = hundredths.reduce(function (a, b) { return a + b; }, 0);
    return Math.round(total / hundredths.length) / 100;
  }

  function toHundredths(score) {
    return Math.round(score * 100);
  }

  /** Lookups built once from the data: levels, answers outside the scale, bands, criteria. */
  function context(data) {
    var a = data.assessment;
    var levels = {};
    a.scale.levels.forEach(function (l) { levels[l.id] = l.value; });
    var outside = {};
    (a.scale.outside || []).forEach(function (o) { outside[o.id] = true; });
    var bands = a.outcomes.slice().sort(function (x, y) { return y.min - x.min; });
    var evidenceKeys = (a.evidence_prompts || [])
      .filter(function (p) { return p.counts_as_evidence; })
      .map(function (p) { return p.id; });
    var closed = {};
    (a.action_statuses || []).forEach(function (s) { closed[s.id] = !!s.done; });
    return { data: data, levels: levels, outside: outside, bands: bands,
      evidenceKeys: evidenceKeys, closed: closed, weak: weakRule(a, levels, bands) };
  }

  /** The weak-answers rule as values and a band rank, or null when the data has none. */
  function weakRule(a, levels, bands) {
    var w = a.weak_answers;
    if (!w) return null;
    var rank = bands.map(function (b) { return b.id; }).indexOf(w.best_outcome);
    if (rank < 0 || !(w.any_level in levels) || !(w.share_level in levels)) return null;
    return { best: rank, anyValue: levels[w.any_level], shareValue: levels[w.share_level], share: w.share };
  }

  /**
   * Which weak answers a criterion's rated values hold: {any, share, holds}. any: how many are at
   * the rule's `any_level` or lower; share: how many at its `share_level` or lower.
   */
  function weakAnswers(values, rule) {
    var out = { any: 0, share: 0, holds: false };
    if (!rule || !values.length) return out;
    values.forEach(function (v) {
      if (v <= rule.anyValue) out.any += 1;
      if (v <= rule.shareValue) out.share += 1;
    });
    out.holds = out.any > 0 || out.share >= rule.share * values.length;
    return out;
  }

  /** The suggested band: the score's band, held back to the rule's best band by weak answers. */
  function suggest(scoreBand, weak, ctx) {
    if (scoreBand === null || !weak.holds) return scoreBand;
    var ids = ctx.bands.map(function (b) { return b.id; });
    return ids[Math.max(ids.indexOf(scoreBand), ctx.weak.best)];
  }

  function bandFor(score, bands) {
    if (score === null || score === undefined) return null;
    for (var i = 0; i < bands.length; i += 1) {
      if (score >= bands[i].min) return bands[i].id;
    }
    return bands[bands.length - 1].id;
  }

  function isBand(id, bands) {
    return bands.some(function (b) { return b.id === id; });
  }

  function nonBlank(text) {
    return typeof text === "string" && text.trim() !== "";
  }

  function countAnswers(criterion, given, ctx) {
    var c = { total: 0, rated: 0, dont_know: 0, unrated: 0, sum: 0, values: [] };
    criterion.indicators.forEach(function (ind) {
      var answer = given[ind.id];
      c.total += 1;
      if (Object.prototype.hasOwnProperty.call(ctx.levels, answer)) {
        c.rated += 1;
        c.sum += ctx.levels[answer];
        c.values.push(ctx.levels[answer]);
      } else if (ctx.outside[answer]) {
        c.dont_know += 1;
      } else {
        c.unrated += 1;
      }
    });
    return c;
  }

  function hasEvidence(answer, ctx) {
    var evidence = answer.evidence || {};
    var written = ctx.evidenceKeys.some(function (k) { return nonBlank(evidence[k]); });
    return written || (answer.documents || []).length > 0;
  }

  function applyOverride(answer, suggested, bands) {
    var o = answer.override;
    var chosen = o && isBand(o.outcome, bands);
    var reasoned = chosen && nonBlank(o.reason);
    return {
      outcome: reasoned ? o.outcome : suggested,
      overridden: !!reasoned,
      override_pending: !!chosen && !reasoned,
      override_reason: reasoned ? o.reason.trim() : ""
    };
  }

  /** Everything about one criterion's answers. */
  function scoreCriterion(criterion, answer, ctx) {
    answer = answer || {};
    var counts = countAnswers(criterion, answer.indicators || {}, ctx);
    var score = counts.rated ? Math.round((counts.sum * 100) / counts.rated) / 100 : null;
    var scoreBand = bandFor(score, ctx.bands);
    var weak = weakAnswers(counts.values, ctx.weak);
    var suggested = suggest(scoreBand, weak, ctx);
    var o = applyOverride(answer, suggested, ctx.bands);
    var evidence = hasEvidence(answer, ctx);
    return {
      id: criterion.id, focus: criterion.focus,
      total: counts.total, rated: counts.rated, dont_know: counts.dont_know,
      unrated: counts.unrated, sum: counts.sum, values: counts.values,
      score: score, score_band: scoreBand, suggested: suggested, outcome: o.outcome,
      held_back: suggested !== scoreBand, weak_any: weak.any, weak_share: weak.share,
      overridden: o.overridden, override_pending: o.override_pending,
      override_reason: o.override_reason,
      has_evidence: evidence,
      strength_without_evidence: o.outcome === ctx.bands[0].id && !evidence,
      confidence: answer.confidence || "",
      actions: (answer.actions || []).length
    };
  }

  function emptyCounts(bands) {
    var counts = { none: 0 };
    bands.forEach(function (b) { counts[b.id] = 0; });
    return counts;
  }

  /** Mean score, outcome counts and criteria counts for a group of criterion results. */
  function aggregate(results, bands) {
    var counts = emptyCounts(bands);
    var scored = results.filter(function (r) { return r.score !== null; });
    results.forEach(function (r) { counts[r.outcome || "none"] += 1; });
    return {
      criteria: results.length,
      scored: scored.length,
      score: meanHundredths(scored.map(function (r) { return toHundredths(r.score); })),
      counts: counts
    };
  }

  function coverage(results) {
    function sum(key) {
      return results.reduce(function (n, r) { return n + r[key]; }, 0);
    }
    function count(test) {
      return results.filter(test).length;
    }
    return {
      indicators_total: sum("total"),
      indicators_rated: sum("rated"),
      indicators_dont_know: sum("dont_know"),
      indicators_unrated: sum("unrated"),
      criteria_total: results.length,
      criteria_scored: count(function (r) { return r.score !== null; }),
      criteria_complete: count(function (r) { return r.unrated === 0; }),
      criteria_with_evidence: count(function (r) { return r.has_evidence; }),
      criteria_with_actions: count(function (r) { return r.actions > 0; }),
      criteria_with_confidence: count(function (r) { return r.confidence !== ""; })
    };
  }

  /** Every action, soonest due date first (no date last), then in criterion order. */
  function actionList(data, record, ctx, today) {
    var list = [];
    data.criteria.forEach(function (c, order) {
      var answer = (record.answers || {})[c.id] || {};
      (answer.actions || []).forEach(function (a, index) {
        var done = !!ctx.closed[a.status];
        list.push({ criterion: c.id, order: order, index: index, id: a.id, what: a.what || "",
          lead: a.lead || "", due: a.due || "", status: a.status || "", done: done,
          overdue: !done && !!a.due && !!today && a.due < today });
      });
    });
    return list.sort(function (x, y) {
      if (x.due !== y.due) {
        if (!x.due) return 1;
        if (!y.due) return -1;
        return x.due < y.due ? -1 : 1;
      }
      return x.order - y.order || x.index - y.index;
    });
  }

  function listsByOutcome(results, bands) {
    var lists = {};
    bands.forEach(function (b) { lists[b.id] = []; });
    results.forEach(function (r) {
      if (r.outcome) lists[r.outcome].push(r.id);
    });
    return lists;
  }

  function focusResults(data, results, bands) {
    return data.focus_areas.map(function (f) {
      var mine = results.filter(function (r) { return r.focus === f.id; });
      var agg = aggregate(mine, bands);
      agg.id = f.id;
      agg.ids = mine.map(function (r) { return r.id; });
      return agg;
    });
  }

  /**
   * The whole picture for one assessment record.
   * options.today: "YYYY-MM-DD", used only to mark actions overdue.
   */
  function summarise(data, record, options) {
    var ctx = context(data);
    var answers = (record && record.answers) || {};
    var results = data.criteria.map(function (c) { return scoreCriterion(c, answers[c.id], ctx); });
    var byId = {};
    results.forEach(function (r) { byId[r.id] = r; });
    return {
      criteria: results,
      byId: byId,
      focus: focusResults(data, results, ctx.bands),
      overall: aggregate(results, ctx.bands),
      coverage: coverage(results),
      lists: listsByOutcome(results, ctx.bands),
      strengths_without_evidence: results.filter(function (r) { return r.strength_without_evidence; })
        .map(function (r) { return r.id; }),
      overrides: results.filter(function (r) { return r.overridden; }).map(function (r) { return r.id; }),
      actions: actionList(data, record || {}, ctx, options && options.today)
    };
  }

  /** One criterion only (cheap, for the live score box). */
  function criterionResult(data, record, criterionId) {
    var ctx = context(data);
    var criterion = data.criteria.filter(function (c) { return c.id === criterionId; })[0];
    return scoreCriterion(criterion, ((record && record.answers) || {})[criterionId], ctx);
  }

  /** {outcomeId: rank}, 0 for the highest band. */
  function bandRanks(data) {
    var ranks = {};
    context(data).bands.forEach(function (b, i) { ranks[b.id] = i; });
    return ranks;
  }

  /** The CSS class the views give an outcome: "jtai-band-0" (highest) … or "jtai-band-none". */
  function bandClass(data, outcomeId) {
    var rank = bandRanks(data)[outcomeId];
    return rank === undefined ? "jtai-band-none" : "jtai-band-" + Math.min(rank, 4);
  }

  /** The band a score falls in, for explanations ("from 2.5 up to 3.5"). */
  function bandRange(data, bandId) {
    var bands = context(data).bands;
    for (var i = 0; i < bands.length; i += 1) {
      if (bands[i].id === bandId) {
        return { min: bands[i].min, below: i > 0 ? bands[i - 1].min : null };
      }
    }
    return null;
  }

  return {
    summarise: summarise,
    criterionResult: criterionResult,
    bandFor: bandFor,
    bandRange: bandRange,
    bandRanks: bandRanks,
    bandClass: bandClass,
    context: context
  };
});
