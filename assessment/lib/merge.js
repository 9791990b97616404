// needs: nothing
/* JTAI Ready in the browser: putting together edits made in two tabs (JTAI.merge).
 *
 * three(base, mine, theirs): base is what this tab last read from or wrote to storage, mine is
 * what it holds now, theirs is what storage holds now (another tab wrote it). Each field that
 * only one side changed takes that side's value; where both changed the same field to different
 * values, theirs is kept and the field is listed as a conflict with both values, so nothing typed
 * is lost and the page can offer "use mine". Objects are merged key by key; lists of objects with
 * an `id` (actions) item by item; other lists (document IDs) as sets.
 *
 * Loads as a classic script (JTAI.merge) or with require() in Node. No DOM, no storage.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.merge = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };
  var MISSING = undefined;

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  /** Deep equality of JSON values, whatever the order of keys. */
  function same(a, b) {
    if (a === b) return true;
    if (Array.isArray(a) || Array.isArray(b)) {
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length &&
        a.every(function (x, i) { return same(x, b[i]); });
    }
    if (!isObject(a) || !isObject(b)) return false;
    var ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every(function (k) { return has(b, k) && same(a[k], b[k]); });
  }

  function get(obj, key) {
    return obj !== null && typeof obj === "object" && has(obj, key) ? obj[key] : MISSING;
  }

  function keyed(list) {
    return Array.isArray(list) && list.length > 0 && list.every(function (x) {
      return isObject(x) && typeof x.id === "string";
    });
  }

  function byId(list) {
    var out = {};
    (list || []).forEach(function (x) { if (isObject(x)) out[x.id] = x; });
    return out;
  }

  /** Items with an id: theirs' order, then items only this tab added. */
  function mergeKeyed(base, mine, theirs, path, conflicts) {
    var b = byId(base);
    var m = byId(mine);
    var t = byId(theirs);
    var ids = (theirs || []).map(function (x) { return x.id; });
    (mine || []).forEach(function (x) { if (ids.indexOf(x.id) < 0) ids.push(x.id); });
    var out = [];
    ids.forEach(function (id) {
      var v = value(b[id], m[id], t[id], path.concat([{ id: id }]), conflicts);
      if (v !== MISSING) out.push(v);
    });
    return out;
  }

  /** Plain lists (document IDs): theirs, plus what this tab added, less what it removed. */
  function mergeSet(base, mine, theirs) {
    var b = (base || []).map(JSON.stringify);
    var m = (mine || []).map(JSON.stringify);
    var out = (theirs || []).slice();
    var seen = out.map(JSON.stringify);
    (mine || []).forEach(function (x, i) {
      if (b.indexOf(m[i]) < 0 && seen.indexOf(m[i]) < 0) out.push(x);
    });
    return out.filter(function (x) {
      var s = JSON.stringify(x);
      return !(b.indexOf(s) >= 0 && m.indexOf(s) < 0);
    });
  }

  function mergeObject(base, mine, theirs, path, conflicts) {
    var out = {};
    var keys = Object.keys(theirs);
    Object.keys(mine).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
    keys.forEach(function (k) {
      var v = value(get(base, k), get(mine, k), get(theirs, k), path.concat([k]), conflicts);
      if (v !== MISSING) out[k] = v;
    });
    return out;
  }

  /** ["answers", "EC1", "actions", {id: "act-1"}, "due"] as "$.answers.EC1.actions[act-1].due". */
  function pathText(steps) {
    return "$" + steps.map(function (s) { return typeof s === "string" ? "." + s : "[" + s.id + "]"; }).join("");
  }

  function value(base, mine, theirs, path, conflicts) {
    if (same(mine, theirs)) return theirs;
    if (same(base, mine)) return theirs;
    if (same(base, theirs)) return mine;
    if (isObject(mine) && isObject(theirs)) return mergeObject(isObject(base) ? base : {}, mine, theirs, path, conflicts);
    if (Array.isArray(mine) && Array.isArray(theirs)) {
      if (keyed(mine) || keyed(theirs)) return mergeKeyed(Array.isArray(base) ? base : [], mine, theirs, path, conflicts);
      if (!mine.concat(theirs).some(function (x) { return x !== null && typeof x === "object"; })) {
        return mergeSet(Array.isArray(base) ? base : [], mine, theirs);
      }
    }
    conflicts.push({ steps: path, path: pathText(path), mine: mine, theirs: theirs });
    return theirs;
  }

  /**
   * Merge two tabs' versions of one JSON value: {value, conflicts: [{path, mine, theirs}]}.
   * `ignore` lists top-level keys (such as "updated") that never count as a conflict: the newer
   * of the two is kept by the caller.
   */
  function three(base, mine, theirs, ignore) {
    var conflicts = [];
    var merged = value(base, mine, theirs, [], conflicts);
    var skip = ignore || [];
    return { value: merged, conflicts: conflicts.filter(function (c) {
      return !(c.steps.length === 1 && skip.indexOf(c.steps[0]) >= 0);
    }) };
  }

  /**
   * A copy of `target` with the value at each path (a conflict's `steps`) set from `source`; an
   * empty path stands for the whole value.
   */
  function applyPaths(target, source, paths) {
    var out = JSON.parse(JSON.stringify(target));
    paths.forEach(function (steps) {
      if (steps.length) setAt(out, source, steps);
      else out = JSON.parse(JSON.stringify(source));
    });
    return out;
  }

  function pick(node, step) {
    if (node === null || typeof node !== "object") return MISSING;
    if (typeof step === "string") return get(node, step);
    return (Array.isArray(node) ? node : []).filter(function (x) { return isObject(x) && x.id === step.id; })[0];
  }

  function put(node, step, v) {
    if (typeof step === "string") {
      if (v === MISSING) delete node[step];
      else node[step] = v;
      return;
    }
    var at = node.map(function (x) { return x && x.id; }).indexOf(step.id);
    if (v === MISSING && at >= 0) node.splice(at, 1);
    else if (at >= 0) node[at] = v;
    else if (v !== MISSING) node.push(v);
  }

  function setAt(out, source, steps) {
    var to = out;
    var from = source;
    for (var i = 0; i < steps.length - 1; i += 1) {
      from = pick(from, steps[i]);
      var child = pick(to, steps[i]);
      if (child === MISSING || child === null || typeof child !== "object") {
        child = typeof steps[i + 1] === "string" ? {} : [];
        put(to, steps[i], child);
      }
      to = child;
    }
    var last = steps[steps.length - 1];
    var v = pick(from, last);
    put(to, last, v === MISSING ? MISSING : JSON.parse(JSON.stringify(v)));
  }

  return { same: same, three: three, applyPaths: applyPaths, pathText: pathText };
});
