// needs: lib/merge.js
/* JTAI Ready in the browser: the same work open in several tabs (JTAI.tabs).
 *
 * A watcher remembers the text this tab last read from or wrote to one storage key (its base).
 * Before the app saves, check(value) compares storage with that base: when another tab has saved
 * since, the two versions are put together field by field (JTAI.merge.three) and handed to
 * onMerged(merged, {conflicts, mine, theirs}) before this tab writes, so another tab's newer edit
 * is never overwritten silently. The same check runs on the browser's `storage` event, which
 * fires in every other tab of the site when one tab saves. When the key has gone (deleted in
 * another tab), onDeleted() is called once and check() answers "deleted" until keep() is called:
 * the app must not write the work back without asking.
 *
 * Until opened() or wrote() is called, check() answers "same": nothing is known to compare with.
 * When nothing was stored at opening and another tab then saved, the two are merged from nothing.
 *
 * opts: {key() -> storage key, raw(key) -> text or null, value() -> what this tab holds,
 *   usable(value) -> bool, ignore: top-level keys (time stamps, versions) that never count as a conflict,
 *   onMerged(merged, info), onDeleted(), onUnreadable(text), onOther(key)}.
 * Loads as a classic script (JTAI.tabs, after merge.js).
 */
(function (root) {
  "use strict";

  var J = root.JTAI;

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  function create(opts) {
    var base = null;
    var known = false;
    var gone = false;
    var ignore = opts.ignore || [];

    /** Put the two versions together; the later "updated" time stamp is kept. */
    function merge(stored, mine, fromEvent) {
      var theirs = parse(stored);
      if (theirs === undefined || theirs === null || !opts.usable(theirs)) {
        base = stored;
        opts.onUnreadable(stored);
        return "unreadable";
      }
      var result = J.merge.three(base === null ? null : parse(base), mine, theirs, ignore);
      if (typeof mine.updated === "string" && mine.updated > String(result.value.updated)) result.value.updated = mine.updated;
      base = stored;
      opts.onMerged(result.value, { conflicts: result.conflicts, mine: mine, theirs: theirs, fromEvent: fromEvent });
      return result.conflicts.length ? "conflict" : "merged";
    }

    /** "same", "merged", "conflict", "unreadable" or "deleted" (see above). */
    function check(mine, fromEvent) {
      if (gone) return "deleted";
      var stored = opts.raw(opts.key());
      if (!known || stored === base) return "same";
      if (stored === null) {
        gone = true;
        opts.onDeleted();
        return "deleted";
      }
      return merge(stored, mine, fromEvent);
    }

    root.addEventListener("storage", function (e) {
      var key = opts.key();
      if (key !== null && (e.key === key || e.key === null)) check(opts.value(), true);
      else if (opts.onOther && e.key) opts.onOther(e.key);
    });

    return {
      /** What is open now is what storage holds for its key. */
      opened: function () {
        base = opts.raw(opts.key());
        known = true;
        gone = false;
      },
      /** This tab has just written `value`. */
      wrote: function (value) {
        base = JSON.stringify(value);
        known = true;
        gone = false;
      },
      check: check,
      deleted: function () { return gone; },
      /** The person chose to keep this tab's copy of work deleted elsewhere. */
      keep: function () {
        gone = false;
        known = false;
      }
    };
  }

  J.tabs = { create: create };
})(self);
