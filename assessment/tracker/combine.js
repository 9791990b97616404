// needs: tracker/tracker.js
/* JTAI Ready Annex A readiness tracker: putting a tracker file together with the saved tracker,
 * item by item and field by field (JTAI.trackerCombine). Pure: no DOM, no storage, no clock.
 *
 * Each changed field carries a record {at, by, from} (tracker.js): when it was changed, in which
 * browser, and on top of which earlier change. For one field whose values differ:
 * - the file never changed it (no record): this browser's value stays;
 * - this browser never changed it: the file's value is taken;
 * - the file's change was made on top of this browser's value (its `from` is our `at`): the
 *   file's newer value is taken; and the other way round, ours stays;
 * - both were made in the same browser (same `by`): the later one wins, unless the file claims
 *   this browser's own ID (then the person chooses);
 * - a file's change dated later than now is always a conflict to choose;
 * - otherwise both changed the field since the value they last shared: a conflict. This browser's
 *   value stays until the person chooses, and nothing is dropped.
 *
 * Loads as a classic script (JTAI.trackerCombine, after tracker.js) or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./tracker.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.trackerCombine = factory(J.tracker);
  }
})(typeof self !== "undefined" ? self : this, function (T) {
  "use strict";

  var FIELDS = ["status", "owner", "location", "reviewed", "notes"];

  /**
   * Is a change dated later than now? now is to the second (nowStamp) and a change to the
   * millisecond, so a change made earlier in this same second is not in the future.
   */
  function isFuture(at, now) {
    return Date.parse(at) >= Date.parse(now) + 1000;
  }

  /**
   * "take", "keep" or "conflict" for one field whose two values differ. ctx: {origin (this
   * browser's ID), now}. A file's record can claim anything: one dated later than now, or one
   * that claims this browser's ID and would win over this browser's own newer-looking answer,
   * is a conflict to choose, never a silent win (issue 23).
   */
  function decide(mine, theirs, ctx) {
    var c = ctx || {};
    if (!theirs) return "keep";
    if (mine && mine.from === theirs.at) return "keep";
    if (c.now && isFuture(theirs.at, c.now)) return "conflict";
    if (!mine) return "take";
    if (theirs.from === mine.at) return "take";
    if (mine.by !== "" && mine.by === theirs.by) {
      if (theirs.at <= mine.at) return "keep";
      return c.origin && theirs.by === c.origin ? "conflict" : "take";
    }
    return "conflict";
  }

  /**
   * Put `incoming` (a checked tracker, perhaps one agency's items only) together with `local`:
   * {tracker, taken: [{id, field, value}], kept: [{id, field}], conflicts: [{id, field, mine,
   * theirs, change}]}. kept lists the fields where this browser's value is newer than the file's;
   * a conflict's change is the file's record, which resolve() needs.
   */
  function combine(local, incoming, now) {
    var out = JSON.parse(JSON.stringify(local));
    var result = { tracker: out, taken: [], kept: [], conflicts: [] };
    Object.keys(incoming.items).forEach(function (id) {
      var mineItem = T.itemOf(local, id);
      var theirItem = T.itemOf(incoming, id);
      FIELDS.forEach(function (field) {
        if (mineItem[field] === theirItem[field]) return;
        var change = T.changeOf(incoming, id, field);
        var choice = decide(T.changeOf(local, id, field), change, { origin: local.origin || "", now: now });
        if (choice === "take") {
          T.put(out, id, field, theirItem[field], change);
          result.taken.push({ id: id, field: field, value: theirItem[field] });
        } else if (choice === "conflict") {
          result.conflicts.push({ id: id, field: field, mine: mineItem[field], theirs: theirItem[field], change: change });
        } else if (change) {
          result.kept.push({ id: id, field: field });
        }
      });
    });
    if (result.taken.length) out.updated = now;
    return result;
  }

  /**
   * The tracker after a person chose for one conflict: "theirs" takes the file's value with its
   * record; "mine" keeps this browser's value as a new change made on top of the file's, so the
   * same file imported again leaves it alone.
   */
  function resolve(tracker, conflict, choice, now) {
    var copy = JSON.parse(JSON.stringify(tracker));
    if (choice === "theirs") {
      var change = conflict.change;
      if (isFuture(change.at, now)) change = { at: now, by: change.by, from: change.from };
      T.put(copy, conflict.id, conflict.field, conflict.theirs, change);
    } else {
      var value = T.itemOf(copy, conflict.id)[conflict.field];
      T.put(copy, conflict.id, conflict.field, value, { at: now, by: copy.origin || "", from: conflict.change.at });
    }
    copy.updated = now;
    return copy;
  }

  return { FIELDS: FIELDS, decide: decide, combine: combine, resolve: resolve };
});
