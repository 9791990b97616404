// needs: lib/importexport.js partnership/board.js
/* JTAI Ready partnership view: reading many self-assessment files at once. Pure functions, no DOM.
 *
 * Each file is checked on its own with the self-assessment's import checks (JTAI.io), so one bad
 * file never stops the others, and every file gets its own result: what was added, what was
 * skipped and why. A file can be a self-assessment export, or a partnership export from this page
 * (its `assessments` are read back one by one).
 *
 * An entry in the set is {record, source}: a normalised record and where it came from (a file
 * name, or "Saved in this browser"). Two entries with the same assessment ID and the same save
 * time are the same file: the second is skipped. The same ID saved at another time is another
 * version of that assessment: it is kept, and the result says so.
 *
 * A partnership export also carries the partnership's record for its board (cover note, agreed
 * positions): it comes back on that file's result as `board` (board.js), for the page to bring in.
 *
 * Loads as a classic script (JTAI.partnershipLoad; needs JTAI.io and JTAI.partnershipBoard first)
 * or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../lib/importexport.js"), require("./board.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.partnershipLoad = factory(J.io, J.partnershipBoard);
  }
})(typeof self !== "undefined" ? self : this, function (IO, Board) {
  "use strict";

  var FORMAT = "jtai-ready-partnership";
  var FORMAT_VERSION = 2;
  var READS = [1, 2];  // version 1 files (before the board's record) read as they always did
  var MAX_ASSESSMENTS = 100;
  var MAX_PARTNERSHIP_BYTES = 50 * 1024 * 1024;
  var SAVED = "Saved in this browser";

  function identity(record) {
    return record.id + "|" + record.updated;
  }

  function emptyResult(name) {
    return { name: name, ok: true, code: "", message: "", details: [], more: 0,
      added: [], entries: [], skipped: [], warnings: [], board: null };
  }

  /** The whole file refused: nothing in it was added. */
  function refused(name, code, reason, details, more) {
    return Object.assign(emptyResult(name), { ok: false, code: code, message: reason,
      details: details || [], more: more || 0 });
  }

  function fromRefusal(name, r) {
    return refused(name, r.code, r.reason, r.details, r.more);
  }

  /** A record that failed the checks, with what is wrong and the first details. */
  function skip(title, checked) {
    return { title: title, code: checked.code,
      reason: checked.reason + (checked.details.length ? " " + checked.details.join("; ") : "") };
  }

  function describe(record) {
    return record.title + (record.respondent.date ? " (" + record.respondent.date + ")" : "");
  }

  /** Add checked records to the set, noticing duplicates, other versions and the limit. */
  function addRecords(set, result, candidates, source) {
    candidates.forEach(function (c) {
      var record = c.record;
      var same = set.filter(function (e) { return identity(e.record) === identity(record); })[0];
      if (same) {
        result.skipped.push({ title: describe(record), code: "duplicate",
          reason: "already loaded, from " + same.source + "." });
        return;
      }
      if (set.length >= MAX_ASSESSMENTS) {
        result.skipped.push({ title: describe(record), code: "limit",
          reason: "this page holds up to " + MAX_ASSESSMENTS + " assessments at once." });
        return;
      }
      var version = set.filter(function (e) { return e.record.id === record.id; })[0];
      if (version) {
        result.warnings.push("\u201c" + describe(record) + "\u201d is another version of an assessment " +
          "already loaded from " + version.source + ". Both are kept: compare them under \u201cOver time\u201d.");
      }
      c.warnings.forEach(function (w) {
        if (result.warnings.indexOf(w) < 0) result.warnings.push(w);
      });
      var entry = { record: record, source: source };
      set.push(entry);
      result.entries.push(entry);
      result.added.push(describe(record));
    });
    return result;
  }

  function checkPartnershipHead(obj, data) {
    if (typeof obj.format_version === "number" && obj.format_version > FORMAT_VERSION) {
      return "This partnership file was saved by a newer version of JTAI Ready (format version " +
        obj.format_version + "); this page reads versions up to " + FORMAT_VERSION + ".";
    }
    if (READS.indexOf(obj.format_version) < 0) {
      return "This partnership file has no format version this page can read.";
    }
    if (obj.framework_id !== data.framework.id) {
      return "This partnership file is for a different inspection framework (" + (typeof obj.framework_id === "string"
        ? "\u201c" + obj.framework_id.slice(0, 80) + "\u201d" : "its framework ID is " + IO.describeValue(obj.framework_id)) +
        "). This page is for the " + data.framework.short_title + " (" + data.framework.id + ").";
    }
    if (!Array.isArray(obj.assessments)) return "This partnership file has no list of assessments.";
    return null;
  }

  /**
   * The assessments inside a partnership export, each checked as if it were its own file, and
   * the board's record it carries (result.board; a version 1 file has none: null).
   */
  function unpack(name, obj, data) {
    var problem = checkPartnershipHead(obj, data);
    if (problem) return { result: refused(name, "partnership", problem), candidates: [] };
    var result = emptyResult(name);
    result.board = obj.board === undefined ? null : Board.fromExport(obj.board, data.framework.id);
    var candidates = [];
    obj.assessments.forEach(function (item, i) {
      var checked = IO.checkObject(item, data);
      var title = item && typeof item.title === "string" ? item.title : "assessment " + (i + 1);
      if (checked.ok) {
        checked.warnings = checked.warnings.map(function (w) {
          return "In \u201c" + describe(checked.record) + "\u201d: " + w;
        });
        candidates.push(checked);
      } else {
        result.skipped.push(skip(title, checked));
      }
    });
    return { result: result, candidates: candidates };
  }

  /** One file's text to {result, candidates}. */
  function readOne(file, data) {
    var read = IO.readJSON(file.text, { bytes: file.bytes, maxBytes: MAX_PARTNERSHIP_BYTES });
    if (!read.ok) return { result: fromRefusal(file.name, read), candidates: [] };
    var obj = read.value;
    if (obj && typeof obj === "object" && obj.format === FORMAT) return unpack(file.name, obj, data);
    var size = file.bytes || file.text.length;
    if (size > IO.MAX_BYTES) {
      return { result: refused(file.name, "too-large", "This file is too big to be a self-assessment export (" +
        IO.megabytes(size) + "; the limit is " + IO.megabytes(IO.MAX_BYTES) + ")."), candidates: [] };
    }
    var checked = IO.checkObject(obj, data);
    if (!checked.ok) return { result: fromRefusal(file.name, checked), candidates: [] };
    return { result: emptyResult(file.name), candidates: [checked] };
  }

  /**
   * readOne, with a last line of defence: whatever is in a file, it gets its own message and the
   * other files in the batch still load (the checks above look at every type before use).
   */
  function guarded(file, data) {
    var name = typeof file.name === "string" ? file.name : "a file";
    try {
      return readOne({ name: name, text: file.text, bytes: file.bytes }, data);
    } catch {
      return { result: refused(name, "unreadable", "This file could not be read: it is not a file this page understands."),
        candidates: [] };
    }
  }

  /**
   * Read files [{name, text, bytes}] into a copy of `set` ([{record, source}]).
   * Returns {set, results}: one result per file, in the order given:
   * {name, ok, code, message, details, more, added: [title], entries: [the set's entries added], skipped: [{title, code, reason}],
   * warnings}.
   * ok is false when the whole file was refused (code, message and details say why).
   */
  function readFiles(data, set, files) {
    var next = set.slice();
    var results = files.map(function (file) {
      var one = guarded(file, data);
      if (!one.result.ok) return one.result;
      return addRecords(next, one.result, one.candidates, file.name);
    });
    return { set: next, results: results };
  }

  /** Records saved in this browser (already parsed), checked and added like files. */
  function readSaved(data, set, records) {
    var next = set.slice();
    var result = emptyResult(SAVED);
    var candidates = [];
    records.forEach(function (record) {
      var checked = IO.checkObject(record, data);
      if (checked.ok) {
        candidates.push(checked);
      } else {
        var title = record && typeof record.title === "string" ? record.title : "an assessment";
        result.skipped.push(skip(title, checked));
      }
    });
    return { set: next, results: [addRecords(next, result, candidates, SAVED)] };
  }

  /**
   * What was loaded earlier in this tab (kept in sessionStorage as [{record, source}]), checked
   * again like any file: {set, skipped} (skipped: how many entries could not be used).
   */
  function restore(data, kept) {
    var set = [];
    var list = Array.isArray(kept) ? kept : [];
    list.forEach(function (entry) {
      var ok = entry !== null && typeof entry === "object" && typeof entry.source === "string";
      var checked = ok ? IO.checkObject(entry.record, data) : null;
      if (checked && checked.ok && set.length < MAX_ASSESSMENTS) set.push({ record: checked.record, source: entry.source.slice(0, 300) });
    });
    return { set: set, skipped: list.length - set.length };
  }

  return { FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, MAX_ASSESSMENTS: MAX_ASSESSMENTS, restore: restore,
    MAX_PARTNERSHIP_BYTES: MAX_PARTNERSHIP_BYTES, SAVED: SAVED,
    readFiles: readFiles, readSaved: readSaved, identity: identity };
});
