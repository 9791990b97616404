// needs: lib/scoring.js
/* JTAI Ready partnership view: several agencies' self-assessments side by side. Pure functions,
 * no DOM, no storage.
 *
 * Every number comes from the self-assessment's own scoring (JTAI.scoring.summarise), so a
 * criterion's score and outcome here are exactly what that agency's results page shows.
 *
 * Rules:
 * - One column per agency: the assessment with the latest respondent date (then the latest save)
 *   for each `respondent.agency`. An assessment with no agency gets a column of its own. Older
 *   assessments from the same agency are kept aside for the comparison over time.
 * - Columns follow the framework's agency order, then "the partnership, jointly", then
 *   assessments with no agency by title.
 * - A cell is "rated" when it has an outcome (suggested, or overridden with a reason), "dont-know"
 *   when every answer given was "don't know" (or similar), else "not-assessed".
 * - Spread: the lowest, median and highest score among the columns with a score, and which
 *   columns gave the lowest and highest. The median of an even number of scores is the mean of the
 *   middle two, rounded half up to 2 decimal places.
 * - Bands are ranked from the top (0 = the highest band). A criterion's gap is the highest rank
 *   minus the lowest among rated cells. Status: "none" (no rated cell), "single" (one), "agree"
 *   (gap 0), "differ" (gap below the data's `partnership.disagreement_gap`), "disagree" (at or
 *   above it). Disagreements come first in `flagged`, widest gap first, then criterion order.
 * - Actions: every action in the columns' assessments, grouped by lead agency (framework order,
 *   then jointly, then "no lead given"), soonest due date first, no date last; on the same date,
 *   in criterion order, then column order, then the order within the assessment.
 *
 * Loads as a classic script (JTAI.partnership; needs JTAI.scoring first) or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../lib/scoring.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.partnership = factory(J.scoring);
  }
})(typeof self !== "undefined" ? self : this, function (Scoring) {
  "use strict";

  var NO_LEAD = "";

  function toHundredths(score) {
    return Math.round(score * 100);
  }

  /** The date an assessment speaks for: the respondent's date, else the day it was last saved. */
  function dateOf(record) {
    return (record.respondent && record.respondent.date) || String(record.updated || "").slice(0, 10);
  }

  /** Negative when a is older than b. */
  function byAge(a, b) {
    var da = dateOf(a);
    var db = dateOf(b);
    if (da !== db) return da < db ? -1 : 1;
    return a.updated < b.updated ? -1 : a.updated > b.updated ? 1 : 0;
  }

  /** The agency order: the framework's agencies, then jointly. */
  function agencyOrder(data) {
    var order = {};
    data.agencies.forEach(function (a, i) { order[a.id] = i; });
    order[data.assessment.jointly.id] = data.agencies.length;
    return order;
  }

  function agencyNames(data) {
    var names = {};
    data.agencies.forEach(function (a) { names[a.id] = a.name; });
    names[data.assessment.jointly.id] = data.assessment.jointly.label;
    return names;
  }

  function columnKey(record) {
    var agency = record.respondent && record.respondent.agency;
    return agency ? "agency:" + agency : "assessment:" + record.id;
  }

  /**
   * Split records into grid columns (latest per agency) and earlier ones.
   * Returns {columns: [record], earlier: [{record, key}]}.
   */
  function pickColumns(data, records) {
    var latest = {};
    var earlier = [];
    records.forEach(function (r) {
      var key = columnKey(r);
      if (!latest[key]) {
        latest[key] = r;
      } else if (byAge(latest[key], r) < 0) {
        earlier.push({ record: latest[key], key: key });
        latest[key] = r;
      } else {
        earlier.push({ record: r, key: key });
      }
    });
    var order = agencyOrder(data);
    var rank = function (r) {
      var agency = r.respondent && r.respondent.agency;
      return Object.prototype.hasOwnProperty.call(order, agency) ? order[agency] : Infinity;
    };
    var columns = Object.keys(latest).map(function (k) { return latest[k]; }).sort(function (a, b) {
      return rank(a) - rank(b) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
    return { columns: columns, earlier: earlier.sort(function (a, b) { return byAge(a.record, b.record); }) };
  }

  function describeColumn(record, summary, names) {
    var agency = (record.respondent && record.respondent.agency) || "";
    return {
      key: columnKey(record), id: record.id, updated: record.updated, title: record.title,
      agency: agency, label: names[agency] || record.title, date: dateOf(record),
      overall: summary.overall, coverage: summary.coverage
    };
  }

  function cellFor(result) {
    var state = result.outcome ? "rated" : result.dont_know > 0 ? "dont-know" : "not-assessed";
    return {
      state: state, score: result.score, suggested: result.suggested, outcome: result.outcome,
      overridden: result.overridden, override_reason: result.override_reason,
      rated: result.rated, dont_know: result.dont_know, unrated: result.unrated, total: result.total,
      confidence: result.confidence
    };
  }

  function median(hundredths) {
    var sorted = hundredths.slice().sort(function (a, b) { return a - b; });
    var mid = Math.floor(sorted.length / 2);
    var value = sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
    return value / 100;
  }

  /** Lowest, median and highest score, with the columns at each end; null when nothing scored. */
  function spread(cells, keys) {
    var scored = keys.filter(function (k) { return cells[k].score !== null; });
    if (!scored.length) return null;
    var values = scored.map(function (k) { return toHundredths(cells[k].score); });
    var low = Math.min.apply(null, values);
    var high = Math.max.apply(null, values);
    var at = function (v) { return scored.filter(function (k, i) { return values[i] === v; }); };
    return { count: scored.length, low: low / 100, median: median(values), high: high / 100,
      low_columns: at(low), high_columns: at(high) };
  }

  function agreement(cells, keys, ranks, gapToFlag) {
    var rated = keys.filter(function (k) { return cells[k].state === "rated"; });
    if (!rated.length) return { status: "none", gap: null, top: [], bottom: [] };
    var r = rated.map(function (k) { return ranks[cells[k].outcome]; });
    var best = Math.min.apply(null, r);
    var worst = Math.max.apply(null, r);
    var gap = worst - best;
    var status = rated.length === 1 ? "single" : gap === 0 ? "agree" : gap < gapToFlag ? "differ" : "disagree";
    return {
      status: status, gap: gap,
      top: rated.filter(function (k, i) { return r[i] === best; }),
      bottom: rated.filter(function (k, i) { return r[i] === worst; })
    };
  }

  function countStates(cells, keys) {
    var counts = { rated: 0, "dont-know": 0, "not-assessed": 0 };
    keys.forEach(function (k) { counts[cells[k].state] += 1; });
    return counts;
  }

  /** What each column said about one criterion, beyond the numbers. */
  function entriesFor(criterionId, columns, keys) {
    var out = {};
    columns.forEach(function (record, i) {
      var answer = (record.answers || {})[criterionId] || {};
      var evidence = answer.evidence || {};
      out[keys[i]] = {
        evidence: { know: evidence.know || "", how: evidence.how || "", doing: evidence.doing || "" },
        documents: (answer.documents || []).slice(), confidence: answer.confidence || "",
        actions: (answer.actions || []).length
      };
    });
    return out;
  }

  function rowFor(criterion, order, ctx) {
    var cells = {};
    ctx.keys.forEach(function (k, i) { cells[k] = cellFor(ctx.summaries[i].byId[criterion.id]); });
    var agree = agreement(cells, ctx.keys, ctx.ranks, ctx.gap);
    return {
      id: criterion.id, focus: criterion.focus, order: order, cells: cells,
      spread: spread(cells, ctx.keys), status: agree.status, gap: agree.gap,
      top: agree.top, bottom: agree.bottom, coverage: countStates(cells, ctx.keys),
      entries: entriesFor(criterion.id, ctx.columns, ctx.keys)
    };
  }

  function leadRank(lead, order) {
    if (lead === NO_LEAD) return Infinity;
    return Object.prototype.hasOwnProperty.call(order, lead) ? order[lead] : Infinity;
  }

  /** Every action in the columns, grouped by lead agency, soonest due first. */
  function actionGroups(data, columns, summaries, keys) {
    var names = agencyNames(data);
    var order = agencyOrder(data);
    var groups = {};
    summaries.forEach(function (s, i) {
      s.actions.forEach(function (a) {
        var lead = a.lead || NO_LEAD;
        if (!groups[lead]) groups[lead] = { lead: lead, label: names[lead] || "", actions: [] };
        var item = Object.assign({ column: keys[i], from: columns[i].respondent.agency || "" }, a);
        groups[lead].actions.push(item);
      });
    });
    var sortActions = function (x, y) {
      if (x.due !== y.due) {
        if (!x.due) return 1;
        if (!y.due) return -1;
        return x.due < y.due ? -1 : 1;
      }
      return x.order - y.order || keys.indexOf(x.column) - keys.indexOf(y.column) || x.index - y.index;
    };
    return Object.keys(groups).map(function (k) { return groups[k]; })
      .sort(function (a, b) { return leadRank(a.lead, order) - leadRank(b.lead, order); })
      .map(function (g) { g.actions.sort(sortActions); return g; });
  }

  function flagged(rows) {
    return rows.filter(function (r) { return r.status === "disagree"; })
      .sort(function (a, b) { return b.gap - a.gap || a.order - b.order; })
      .map(function (r) { return r.id; });
  }

  function totals(rows) {
    var t = { none: 0, single: 0, agree: 0, differ: 0, disagree: 0, rated_by_all: 0, rated_by_none: 0 };
    rows.forEach(function (r) {
      t[r.status] += 1;
      var n = Object.keys(r.cells).length;
      if (n && r.coverage.rated === n) t.rated_by_all += 1;
      if (r.coverage.rated === 0) t.rated_by_none += 1;
    });
    return t;
  }

  /**
   * The partnership's picture from validated, normalised assessment records.
   * options.today: "YYYY-MM-DD", used only to mark actions overdue.
   */
  function combine(data, records, options) {
    var picked = pickColumns(data, records || []);
    var names = agencyNames(data);
    var summaries = picked.columns.map(function (r) {
      return Scoring.summarise(data, r, { today: options && options.today });
    });
    var keys = picked.columns.map(columnKey);
    var ctx = { keys: keys, summaries: summaries, columns: picked.columns, ranks: Scoring.bandRanks(data),
      gap: data.assessment.partnership.disagreement_gap };
    var rows = data.criteria.map(function (c, i) { return rowFor(c, i, ctx); });
    return {
      columns: picked.columns.map(function (r, i) { return describeColumn(r, summaries[i], names); }),
      earlier: picked.earlier.map(function (e) {
        return { key: e.key, id: e.record.id, updated: e.record.updated, title: e.record.title,
          agency: e.record.respondent.agency || "", label: names[e.record.respondent.agency] || e.record.title,
          date: dateOf(e.record) };
      }),
      rows: rows,
      flagged: flagged(rows),
      totals: totals(rows),
      actions: actionGroups(data, picked.columns, summaries, keys),
      disagreement_gap: ctx.gap
    };
  }

  // ---------------------------------------------------------------------------------------
  // The same agency at two dates

  function snapshot(result) {
    return { score: result.score, outcome: result.outcome, overridden: result.overridden,
      state: cellFor(result).state };
  }

  /** up, down, same, new (rated now, not before), gone (rated before, not now) or none. */
  function movement(before, after, ranks) {
    if (!before.outcome && !after.outcome) return { change: "none", bands: 0, score: null };
    if (!before.outcome) return { change: "new", bands: 0, score: null };
    if (!after.outcome) return { change: "gone", bands: 0, score: null };
    var bands = ranks[before.outcome] - ranks[after.outcome];
    var score = before.score !== null && after.score !== null
      ? toHundredths(after.score) - toHundredths(before.score) : null;
    var change = bands > 0 ? "up" : bands < 0 ? "down" : score > 0 ? "up" : score < 0 ? "down" : "same";
    return { change: change, bands: bands, score: score === null ? null : score / 100 };
  }

  function actionChanges(data, before, after) {
    var ctx = Scoring.context(data);
    var list = function (record) {
      var out = {};
      Object.keys(record.answers || {}).forEach(function (cid) {
        (record.answers[cid].actions || []).forEach(function (a) {
          out[a.id] = { criterion: cid, id: a.id, what: a.what || "", lead: a.lead || "",
            due: a.due || "", status: a.status || "", done: !!ctx.closed[a.status] };
        });
      });
      return out;
    };
    var was = list(before);
    var now = list(after);
    var added = [];
    var completed = [];
    Object.keys(now).forEach(function (id) {
      if (!was[id]) added.push(now[id]);
      else if (now[id].done && !was[id].done) completed.push(now[id]);
    });
    var removed = Object.keys(was).filter(function (id) { return !now[id]; })
      .map(function (id) { return was[id]; });
    return { added: added, completed: completed, removed: removed };
  }

  /**
   * Two assessments compared: what moved up, what moved down, what is new. The older one (by
   * respondent date, then save time) is always "before"; `swapped` says when the order given was
   * the other way round. Two versions of one assessment (the same ID) count as the same agency;
   * `agency_unknown` says when two different assessments cannot be told apart because one or both
   * name no agency.
   */
  function compare(data, first, second) {
    var swapped = byAge(first, second) > 0;
    var before = swapped ? second : first;
    var after = swapped ? first : second;
    var ranks = Scoring.bandRanks(data);
    var s1 = Scoring.summarise(data, before, {});
    var s2 = Scoring.summarise(data, after, {});
    var rows = data.criteria.map(function (c) {
      var b = snapshot(s1.byId[c.id]);
      var a = snapshot(s2.byId[c.id]);
      return Object.assign({ id: c.id, before: b, after: a }, movement(b, a, ranks));
    });
    var ids = function (change) {
      return rows.filter(function (r) { return r.change === change; }).map(function (r) { return r.id; });
    };
    var agencyOf = function (r) { return (r.respondent && r.respondent.agency) || ""; };
    return {
      before: { id: before.id, title: before.title, agency: agencyOf(before), date: dateOf(before),
        updated: before.updated, overall: s1.overall },
      after: { id: after.id, title: after.title, agency: agencyOf(after), date: dateOf(after),
        updated: after.updated, overall: s2.overall },
      swapped: swapped,
      same_agency: before.id === after.id || (agencyOf(before) !== "" && agencyOf(before) === agencyOf(after)),
      same_assessment: before.id === after.id,
      agency_unknown: before.id !== after.id && (agencyOf(before) === "" || agencyOf(after) === ""),
      rows: rows,
      up: ids("up"), down: ids("down"), same: ids("same"), "new": ids("new"), gone: ids("gone"),
      actions: actionChanges(data, before, after)
    };
  }

  /**
   * The two assessments "Over time" offers first: the oldest and the newest from one agency, the
   * first agency (in the framework's order) with two or more loaded. Versions of one assessment
   * count as one agency even when it names none. {before, after} (records), or null when no two
   * loaded assessments are known to be from the same agency: the page then asks which two.
   */
  function comparePair(data, records) {
    var groups = {};
    (records || []).forEach(function (r) {
      var key = columnKey(r);
      (groups[key] = groups[key] || []).push(r);
    });
    var order = agencyOrder(data);
    var rank = function (key) {
      var agency = key.indexOf("agency:") === 0 ? key.slice(7) : null;
      return agency !== null && Object.prototype.hasOwnProperty.call(order, agency) ? order[agency] : Infinity;
    };
    var keys = Object.keys(groups).filter(function (k) { return groups[k].length > 1; });
    keys.sort(function (a, b) { return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0); });
    if (!keys.length) return null;
    var sorted = groups[keys[0]].slice().sort(byAge);
    return { before: sorted[0], after: sorted[sorted.length - 1] };
  }

  return { combine: combine, compare: compare, pickColumns: pickColumns, columnKey: columnKey,
    dateOf: dateOf, byAge: byAge, agencyNames: agencyNames, comparePair: comparePair };
});
