// needs: nothing
/* JTAI Ready partnership view: what the partnership records for its board. Pure functions, no DOM,
 * no storage.
 *
 * A board record is {framework_id, updated, cover_note, criteria: {ID: {position, next_step,
 * outcome, updated}}, rounds}: the partnership's agreed position, next step and agreed outcome
 * band on each criterion (and so on each disagreement), and a cover note for the board. rounds
 * holds earlier rounds, newest first ({closed, cover_note, criteria}): newRound() moves the
 * current record there and starts an empty one, so the last round stays in the download. It is kept in this browser (ui-board.js) and
 * travels in the combined JSON download (format version 2, as `board`: the criteria as a list).
 *
 * Nothing is ever dropped: an entry for a criterion this framework no longer has is kept as it
 * is (and exported), only not shown. combine() brings a file's record into this browser's: what is
 * empty here is filled from the file; where both have different text, this browser's is kept and
 * the difference is listed, so the page can offer the file's text instead.
 *
 * Loads as a classic script (JTAI.partnershipBoard) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.partnershipBoard = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FIELDS = ["position", "next_step", "outcome"];
  var OUTCOME = /^[a-z][a-z0-9-]{0,39}$/;
  var MAX_ROUNDS = 20;
  var MAX_TEXT = 5000;
  var MAX_NOTE = 20000;
  var ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
  var STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function text(v, max) {
    return typeof v === "string" ? v.slice(0, max) : "";
  }

  function stamp(v) {
    return typeof v === "string" && STAMP.test(v) ? v : "";
  }

  function empty(frameworkId) {
    return { framework_id: frameworkId, updated: "", cover_note: "", criteria: {}, rounds: [] };
  }

  function cleanEntry(e) {
    var outcome = e && typeof e.outcome === "string" && OUTCOME.test(e.outcome) ? e.outcome : "";
    var out = { position: text(e && e.position, MAX_TEXT), next_step: text(e && e.next_step, MAX_TEXT),
      outcome: outcome, updated: stamp(e && e.updated) };
    return out.position || out.next_step || out.outcome ? out : null;
  }

  function cleanCriteria(criteria) {
    var out = {};
    Object.keys(isObject(criteria) ? criteria : {}).forEach(function (id) {
      var e = ID.test(id) ? cleanEntry(criteria[id]) : null;
      if (e) out[id] = e;
    });
    return out;
  }

  /** Earlier rounds, newest first, each {closed, cover_note, criteria}; unreadable ones left out. */
  function cleanRounds(rounds) {
    return (Array.isArray(rounds) ? rounds : []).filter(function (r) { return isObject(r) && stamp(r.closed); })
      .map(function (r) { return { closed: r.closed, cover_note: text(r.cover_note, MAX_NOTE), criteria: cleanCriteria(r.criteria) }; })
      .sort(function (a, b) { return a.closed < b.closed ? 1 : a.closed > b.closed ? -1 : 0; })
      .slice(0, MAX_ROUNDS);
  }

  /** Can this stored or imported value be read as a board record? */
  function usable(v) {
    return isObject(v) && (v.criteria === undefined || isObject(v.criteria)) &&
      (v.cover_note === undefined || typeof v.cover_note === "string");
  }

  /** A stored value as a clean record for this framework (entries with no text left out). */
  function normalise(v, frameworkId) {
    var out = empty(frameworkId);
    if (!usable(v)) return out;
    out.cover_note = text(v.cover_note, MAX_NOTE);
    out.updated = stamp(v.updated);
    out.criteria = cleanCriteria(v.criteria);
    out.rounds = cleanRounds(v.rounds);
    return out;
  }

  /** {position, next_step, updated} for a criterion ("" when nothing is recorded). */
  function entry(board, id) {
    var e = Object.prototype.hasOwnProperty.call(board.criteria, id) ? board.criteria[id] : null;
    return e ? Object.assign({ outcome: "" }, e) : { position: "", next_step: "", outcome: "", updated: "" };
  }

  function copy(board) {
    return JSON.parse(JSON.stringify(board));
  }

  /** A copy with one field of one criterion set (field: "position" or "next_step"). */
  function setField(board, id, field, value, now) {
    if (FIELDS.indexOf(field) < 0 || !ID.test(id)) return board;
    var out = copy(board);
    var e = Object.assign({}, entry(out, id));
    e[field] = field === "outcome" ? (OUTCOME.test(value) ? value : "") : text(value, MAX_TEXT);
    e.updated = now;
    if (e.position || e.next_step || e.outcome) out.criteria[id] = e;
    else delete out.criteria[id];
    out.updated = now;
    return out;
  }

  function setNote(board, value, now) {
    var out = copy(board);
    out.cover_note = text(value, MAX_NOTE);
    out.updated = now;
    return out;
  }

  /** Criteria with something recorded: `order` (the framework's IDs) first, then any others. */
  function recorded(board, order) {
    var ids = Object.keys(board.criteria);
    var known = order.filter(function (id) { return ids.indexOf(id) >= 0; });
    return known.concat(ids.filter(function (id) { return order.indexOf(id) < 0; }).sort());
  }

  function criteriaList(record, order) {
    return recorded(record, order).map(function (id) {
      var e = record.criteria[id];
      return { id: id, position: e.position, next_step: e.next_step, outcome: e.outcome || "", updated: e.updated };
    });
  }

  /** The `board` section of the combined JSON download (earlier rounds too, newest first). */
  function toExport(board, order) {
    return {
      updated: board.updated, cover_note: board.cover_note, criteria: criteriaList(board, order),
      rounds: (board.rounds || []).map(function (r) {
        return { closed: r.closed, cover_note: r.cover_note, criteria: criteriaList(r, order) };
      })
    };
  }

  function criteriaFromList(list) {
    var criteria = {};
    (Array.isArray(list) ? list : []).forEach(function (e) {
      if (isObject(e) && typeof e.id === "string") criteria[e.id] = e;
    });
    return criteria;
  }

  /** A download's `board` section back to a record (an older file, with none, gives an empty one). */
  function fromExport(section, frameworkId) {
    if (!isObject(section)) return empty(frameworkId);
    var rounds = (Array.isArray(section.rounds) ? section.rounds : []).map(function (r) {
      return isObject(r) ? { closed: r.closed, cover_note: r.cover_note, criteria: criteriaFromList(r.criteria) } : null;
    });
    return normalise({ cover_note: section.cover_note, updated: section.updated, criteria: criteriaFromList(section.criteria),
      rounds: rounds }, frameworkId);
  }

  function hasAny(board) {
    return !!board.cover_note || Object.keys(board.criteria).length > 0;
  }

  /**
   * Bring `incoming` (from a file) into `here` (this browser's): {board, taken, differ}.
   * taken: [{id, field}] filled in from the file ("cover_note" has id ""); differ: [{id, field,
   * here, file}] where both have different text (this browser's is kept).
   */
  function combine(here, incoming) {
    var out = copy(here);
    var taken = [];
    var differ = [];
    var take = function (id, field, mine, theirs, put) {
      if (!theirs || theirs === mine) return;
      if (!mine) {
        put(theirs);
        taken.push({ id: id, field: field });
      } else {
        differ.push({ id: id, field: field, here: mine, file: theirs });
      }
    };
    take("", "cover_note", out.cover_note, incoming.cover_note, function (v) { out.cover_note = v; });
    Object.keys(incoming.criteria).forEach(function (id) {
      var theirs = incoming.criteria[id];
      FIELDS.forEach(function (field) {
        take(id, field, entry(out, id)[field], theirs[field], function (v) {
          var e = Object.assign({}, entry(out, id));
          e[field] = v;
          e.updated = theirs.updated > e.updated ? theirs.updated : e.updated;
          out.criteria[id] = e;
        });
      });
    });
    var closed = (out.rounds || []).map(function (r) { return r.closed; });
    (incoming.rounds || []).forEach(function (r) {
      if (closed.indexOf(r.closed) >= 0) return;
      out.rounds = cleanRounds((out.rounds || []).concat([r]));
      taken.push({ id: "", field: "round", closed: r.closed });
    });
    if (taken.length && incoming.updated > out.updated) out.updated = incoming.updated;
    return { board: out, taken: taken, differ: differ };
  }

  /**
   * A new round: the current cover note, positions, next steps and outcomes move to the front of
   * `rounds` (closed now), and the record starts empty. Nothing is dropped (up to MAX_ROUNDS).
   */
  function newRound(board, now) {
    if (!hasAny(board)) return board;
    var out = copy(board);
    out.rounds = cleanRounds([{ closed: now, cover_note: board.cover_note, criteria: board.criteria }].concat(board.rounds || []));
    out.cover_note = "";
    out.criteria = {};
    out.updated = now;
    return out;
  }

  /** A copy of `board` with each listed difference ({id, field, file}) set to the file's text. */
  function useFile(board, differ, now) {
    var out = board;
    differ.forEach(function (d) {
      out = d.field === "cover_note" ? setNote(out, d.file, now) : setField(out, d.id, d.field, d.file, now);
    });
    return out;
  }

  return { FIELDS: FIELDS, MAX_TEXT: MAX_TEXT, MAX_NOTE: MAX_NOTE, empty: empty, usable: usable,
    normalise: normalise, entry: entry, setField: setField, setNote: setNote, recorded: recorded,
    toExport: toExport, fromExport: fromExport, hasAny: hasAny, combine: combine, useFile: useFile, newRound: newRound,
    MAX_ROUNDS: MAX_ROUNDS };
});
