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
 * Loads as a classic script (JTAI.storage) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.storage = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var PREFIX = "jtai-ready:assessment:";
  var CURRENT = "jtai-ready:current";

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

    return { available: !!real, list: list, load: load, save: save, remove: remove,
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
      }
    };
  }

  return { create: create, values: values, memoryBackend: memoryBackend, PREFIX: PREFIX };
});
