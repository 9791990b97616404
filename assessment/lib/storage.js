// needs: nothing
/* JTAI Ready in the browser: keeping work in localStorage (JTAI.storage).
 *
 * values(): named JSON values (the planner's dates, the tracker). create(): the self-assessment's
 * store, below.
 *
 * Each assessment is one key ("jtai-ready:assessment:<id>") holding its record as JSON, so one
 * damaged or oversized record never takes the others with it. Every failure is returned, never
 * thrown: {ok: false, reason: "full" | "disabled" | "error", message}. When storage cannot be used
 * at all (turned off, private mode, blocked on file://), a memory store stands in so the form still
 * works for this visit, and `available` is false so the page can say so.
 *
 * Work is kept apart for each framework the site shows: the default framework's keys are as they
 * always were, and another framework's bundle sets JTAI.storageScope to its ID (generator/bundle.py)
 * so that every key says it: scoped("jtai-ready:tracker") is "jtai-ready:tiny-2025:tracker".
 * Each app names its keys through scoped(); a record saved under one framework is never listed
 * under another.
 *
 * Loads as a classic script (JTAI.storage) or with require() in Node (forScope(id) gives the
 * module as another framework's page has it).
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
    module.exports.forScope = factory;
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.storage = factory(J.storageScope);
  }
})(typeof self !== "undefined" ? self : this, function (scope) {
  "use strict";

  /** This framework's name for a "jtai-ready:..." key: the key itself for the default framework. */
  function scoped(key) {
    return scope ? key.replace(/^jtai-ready:/, "jtai-ready:" + scope + ":") : key;
  }

  var PREFIX = scoped("jtai-ready:assessment:");
  var CURRENT = scoped("jtai-ready:current");

  function memoryBackend() {
    var items = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(items, k) ? items[k] : null; },
      setItem: function (k, v) { items[k] = String(v); },
      removeItem: function (k) { delete items[k]; },
      key: function (i) { return Object.keys(items)[i] === undefined ? null : Object.keys(items)[i]; },
      get length() { return Object.keys(items).length; }
    };
  }

  /** The browser's localStorage if it can be written to, else null. */
  function browserBackend() {
    try {
      var s = window.localStorage;
      var probe = "jtai-ready:probe";
      s.setItem(probe, "1");
      s.removeItem(probe);
      return s;
    } catch {
      return null;
    }
  }

  function isQuota(e) {
    return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
      e.code === 22 || e.code === 1014);
  }

  function failure(e) {
    if (isQuota(e)) {
      return { ok: false, reason: "full", message: "This browser’s storage for this site is full." };
    }
    if (e && e.name === "SecurityError") {
      return { ok: false, reason: "disabled", message: "This browser does not allow this page to save." };
    }
    return { ok: false, reason: "error", message: "This browser could not save (" + ((e && e.message) || "unknown error") + ")." };
  }

  /**
   * A store over `backend` (an object with the Storage interface). With no backend, uses the
   * browser's localStorage, or memory when that cannot be written.
   */
  function create(backend) {
    var real = backend || (typeof window !== "undefined" ? browserBackend() : null);
    var s = real || memoryBackend();

    function keys() {
      var found = [];
      for (var i = 0; i < s.length; i += 1) {
        var k = s.key(i);
        if (k && k.indexOf(PREFIX) === 0) found.push(k);
      }
      return found;
    }

    function load(id) {
      try {
        var text = s.getItem(PREFIX + id);
        return text ? JSON.parse(text) : null;
      } catch {
        return null;
      }
    }

    /** The saved text of an assessment, or null (never parsed, so damaged text is kept as it is). */
    function raw(id) {
      try {
        return s.getItem(PREFIX + id);
      } catch {
        return null;
      }
    }

    /**
     * Every saved assessment as {id, text, record}: record is null when the text cannot be read
     * as JSON (for example cut short), so the page can show it and offer its text for download.
     */
    function entries() {
      return keys().map(function (k) {
        var id = k.slice(PREFIX.length);
        var text = raw(id);
        var record = null;
        try {
          record = JSON.parse(text);
        } catch {
          record = null;
        }
        return { id: id, text: text, record: record };
      });
    }

    /** Summaries of every saved assessment, most recently changed first. */
    function list() {
      var out = [];
      keys().forEach(function (k) {
        var rec = load(k.slice(PREFIX.length));
        if (rec && rec.id) out.push(rec);
      });
      return out.sort(function (a, b) { return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0; });
    }

    function save(record) {
      try {
        s.setItem(PREFIX + record.id, JSON.stringify(record));
        return { ok: true };
      } catch (e) {
        return failure(e);
      }
    }

    function remove(id) {
      try {
        s.removeItem(PREFIX + id);
        return { ok: true };
      } catch (e) {
        return failure(e);
      }
    }

    function currentId() {
      try {
        return s.getItem(CURRENT);
      } catch {
        return null;
      }
    }

    function setCurrent(id) {
      try {
        s.setItem(CURRENT, id);
        return { ok: true };
      } catch (e) {
        return failure(e);
      }
    }

    return { available: !!real, list: list, load: load, raw: raw, entries: entries, save: save, remove: remove,
      currentId: currentId, setCurrent: setCurrent, exists: function (id) { return load(id) !== null; } };
  }

  /**
   * Named values kept as JSON over `backend` (default: localStorage, or memory when that cannot be
   * written). read(key) gives the value or null (a damaged value reads as null); write(key, value)
   * gives {ok: true} or a failure as above; `available` is false when only memory stands in.
   */
  function values(backend) {
    var real = backend || (typeof window !== "undefined" ? browserBackend() : null);
    var s = real || memoryBackend();
    return {
      available: !!real,
      read: function (key) {
        try {
          var text = s.getItem(key);
          return text === null ? null : JSON.parse(text);
        } catch {
          return null;
        }
      },
      write: function (key, value) {
        try {
          s.setItem(key, JSON.stringify(value));
          return { ok: true };
        } catch (e) {
          return failure(e);
        }
      },
      remove: function (key) {
        try {
          s.removeItem(key);
          return { ok: true };
        } catch (e) {
          return failure(e);
        }
      },
      text: function (key) {
        try {
          return s.getItem(key);
        } catch {
          return null;
        }
      },
      keepAside: function (key, text, label) {
        return keepAside(s, key, text, label);
      },
      lastCopy: function (name) {
        return lastCopy(s, name);
      },
      noteCopy: function (name, stamp) {
        return noteCopy(s, name, stamp);
      }
    };
  }

  /**
   * Keep text aside under the first free name KEY:LABEL, KEY:LABEL-2, ... (LABEL is "unreadable"
   * unless given), so an earlier copy kept aside is never overwritten: {ok: true, key} or a failure.
   */
  function keepAside(s, key, text, label) {
    try {
      var stem = key + ":" + (label || "unreadable");
      var name = stem;
      for (var n = 2; s.getItem(name) !== null; n += 1) name = stem + "-" + n;
      s.setItem(name, text);
      return { ok: true, key: name };
    } catch (e) {
      return failure(e);
    }
  }

  var COPIES = scoped("jtai-ready:file-copies");

  function copies(s) {
    try {
      var v = JSON.parse(s.getItem(COPIES));
      return v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
    } catch {
      return {};
    }
  }

  /** When a copy of `name` was last saved to a file (an ISO time stamp), or "" for never. */
  function lastCopy(s, name) {
    var v = copies(s);
    var stamp = Object.prototype.hasOwnProperty.call(v, name) ? v[name] : "";
    return typeof stamp === "string" && /^\d{4}-\d{2}-\d{2}T/.test(stamp) ? stamp : "";
  }

  function noteCopy(s, name, stamp) {
    try {
      var v = copies(s);
      v[name] = stamp;
      s.setItem(COPIES, JSON.stringify(v));
      return { ok: true };
    } catch (e) {
      return failure(e);
    }
  }

  return { create: create, values: values, memoryBackend: memoryBackend, scoped: scoped, PREFIX: PREFIX,
    COPIES: COPIES };
});
