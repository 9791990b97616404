// needs: nothing
/* JTAI Ready self-assessment: the saved record, its JSON export envelope, and import checks.
 *
 * A record in the browser and an exported file have the same shape (see export.schema.json,
 * format version 1). Import checks mirror that schema by hand (no library), then check every ID
 * against the framework's data. Nothing here touches the DOM or storage.
 *
 * Loads as a classic script (JTAI.io) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.io = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = "jtai-ready-assessment";
  var FORMAT_VERSION = 1;
  var MAX_BYTES = 5 * 1024 * 1024;
  var MAX_LISTED = 8;
  var MAX_ACTIONS = 50;

  var RE = {
    uid: /^[A-Za-z0-9_-]{1,64}$/,
    id: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
    optionalId: /^([a-z][a-z0-9]*(-[a-z0-9]+)*)?$/,
    date: /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/,
    timestamp: /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,3})?Z$/,
    version: /^[0-9]+\.[0-9]+\.[0-9]+[A-Za-z0-9.+-]*$/,
    criterion: /^[A-Z]+[0-9]+$/,
    indicator: /^[A-Z]+[0-9]+\.[0-9]+$/,
    document: /^A-[A-Za-z0-9.-]+$/,
    markup: /<\s*\/?\s*[A-Za-z!?]|javascript:/i
  };

  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };

  // ---------------------------------------------------------------------------------------
  // New records

  function randomId(prefix) {
    var bytes = new Uint8Array(8);
    var c = typeof crypto !== "undefined" ? crypto : null;
    if (c && c.getRandomValues) {
      c.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    }
    return prefix + Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  function newRecord(data, options) {
    var now = (options && options.now) || new Date().toISOString();
    return {
      format: FORMAT, format_version: FORMAT_VERSION, id: randomId("sa-"),
      title: (options && options.title) || "Self-assessment",
      framework_id: data.framework.id, framework_version: data.framework.version,
      app_version: data.app_version, created: now, updated: now,
      respondent: { partnership: "", agency: "", role: "", date: "" },
      answers: {}
    };
  }

  function emptyAnswer() {
    return { indicators: {}, evidence: { know: "", how: "", doing: "" }, documents: [],
      confidence: "", override: null, actions: [] };
  }

  /** A copy with every optional field present, so the form never meets a missing one. */
  function normalise(record) {
    var copy = JSON.parse(JSON.stringify(record));
    Object.keys(copy.answers).forEach(function (cid) {
      var a = copy.answers[cid];
      var full = emptyAnswer();
      Object.keys(full).forEach(function (k) { if (has(a, k)) full[k] = a[k]; });
      full.evidence = Object.assign(emptyAnswer().evidence, full.evidence);
      copy.answers[cid] = full;
    });
    return copy;
  }

  // ---------------------------------------------------------------------------------------
  // Checks that mirror export.schema.json

  function typeName(v) {
    if (v === null) return "null";
    if (Array.isArray(v)) return "a list";
    if (typeof v === "string") return "text";
    if (typeof v === "number") return "a number";
    if (typeof v === "boolean") return "true or false";
    return typeof v === "object" ? "an object" : typeof v;
  }

  function fail(errors, path, message) {
    errors.push({ path: path, message: message });
    return false;
  }

  function validDate(s) {
    if (!RE.date.test(s)) return false;
    var d = new Date(s + "T00:00:00Z");
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }

  var check = {
    string: function (max, pattern, what) {
      return function (v, path, errors) {
        if (typeof v !== "string") return fail(errors, path, "expected text, found " + typeName(v));
        if (max && v.length > max) {
          return fail(errors, path, "is " + v.length + " characters long; the limit is " + max);
        }
        if (pattern && !pattern.test(v)) return fail(errors, path, "is not " + what);
        return true;
      };
    },
    date: function (optional) {
      return function (v, path, errors) {
        if (typeof v !== "string") return fail(errors, path, "expected a date, found " + typeName(v));
        if (optional && v === "") return true;
        return validDate(v) || fail(errors, path, "is not a real date written YYYY-MM-DD");
      };
    },
    constant: function (value) {
      return function (v, path, errors) {
        return v === value || fail(errors, path, "must be " + JSON.stringify(value));
      };
    },
    object: function (spec) {
      return function (v, path, errors) {
        if (v === null || typeof v !== "object" || Array.isArray(v)) {
          return fail(errors, path, "expected an object, found " + typeName(v));
        }
        var ok = true;
        (spec.required || []).forEach(function (k) {
          if (!has(v, k)) ok = fail(errors, path, "is missing \u201c" + k + "\u201d");
        });
        Object.keys(v).forEach(function (k) {
          var sub = path + "." + k;
          if (spec.props && has(spec.props, k)) {
            ok = spec.props[k](v[k], sub, errors) && ok;
          } else if (spec.keys) {
            ok = (spec.keys.test(k) ? spec.values(v[k], sub, errors)
              : fail(errors, sub, "is not " + spec.keyWhat)) && ok;
          } else {
            ok = fail(errors, sub, "is not part of this format") && ok;
          }
        });
        if (spec.max && Object.keys(v).length > spec.max) {
          ok = fail(errors, path, "has more than " + spec.max + " entries");
        }
        return ok;
      };
    },
    list: function (item, max, unique) {
      return function (v, path, errors) {
        if (!Array.isArray(v)) return fail(errors, path, "expected a list, found " + typeName(v));
        if (v.length > max) return fail(errors, path, "has more than " + max + " entries");
        if (unique && new Set(v.map(function (x) { return JSON.stringify(x); })).size !== v.length) {
          return fail(errors, path, "lists the same thing twice");
        }
        var ok = true;
        v.forEach(function (x, i) { ok = item(x, path + "[" + i + "]", errors) && ok; });
        return ok;
      };
    },
    nullOr: function (inner) {
      return function (v, path, errors) { return v === null || inner(v, path, errors); };
    }
  };

  var LONG = check.string(20000);
  var SHORT = check.string(200);
  var ID = check.string(0, RE.id, "an ID (lower-case words joined by hyphens)");
  var OPTIONAL_ID = check.string(0, RE.optionalId, "an ID or empty");

  var ACTION = check.object({
    required: ["id", "what", "lead", "due", "status"],
    props: { id: check.string(0, RE.uid, "an action ID"), what: LONG, lead: OPTIONAL_ID,
      due: check.date(true), status: OPTIONAL_ID }
  });

  var CRITERION_ANSWER = check.object({
    props: {
      indicators: check.object({ keys: RE.indicator, keyWhat: "an indicator ID", values: ID, max: 100 }),
      evidence: check.object({ props: { know: LONG, how: LONG, doing: LONG } }),
      documents: check.list(check.string(0, RE.document, "an Annex A item ID"), 100, true),
      confidence: OPTIONAL_ID,
      override: check.nullOr(check.object({ required: ["outcome", "reason"],
        props: { outcome: OPTIONAL_ID, reason: LONG } })),
      actions: check.list(ACTION, MAX_ACTIONS, false)
    }
  });

  var ENVELOPE = check.object({
    required: ["format", "format_version", "id", "title", "framework_id", "framework_version",
      "app_version", "created", "updated", "respondent", "answers"],
    props: {
      format: check.constant(FORMAT),
      format_version: check.constant(FORMAT_VERSION),
      id: check.string(0, RE.uid, "an assessment ID"),
      title: SHORT,
      framework_id: ID,
      framework_version: check.date(false),
      app_version: check.string(40, RE.version, "a version number"),
      created: check.string(0, RE.timestamp, "a date and time"),
      updated: check.string(0, RE.timestamp, "a date and time"),
      respondent: check.object({ required: ["partnership", "agency", "role", "date"],
        props: { partnership: SHORT, agency: OPTIONAL_ID, role: SHORT, date: check.date(true) } }),
      answers: check.object({ keys: RE.criterion, keyWhat: "a criterion ID",
        values: CRITERION_ANSWER, max: 200 })
    }
  });

  /** Problems with the file's structure: [{path, message}] (empty when it fits the schema). */
  function schemaErrors(obj) {
    var errors = [];
    ENVELOPE(obj, "$", errors);
    return errors;
  }

  // ---------------------------------------------------------------------------------------
  // Checks against the framework's data

  function idSets(data) {
    var a = data.assessment;
    var pick = function (list) { return list.map(function (x) { return x.id; }); };
    return {
      ratings: pick(a.scale.levels).concat(pick(a.scale.outside || [])),
      outcomes: pick(a.outcomes),
      confidence: pick(a.confidence.levels),
      statuses: pick(a.action_statuses),
      agencies: pick(data.agencies).concat([a.jointly.id]),
      criteria: data.criteria
    };
  }

  function checkCriterion(criterion, answer, path, ids, errors) {
    var indicators = criterion.indicators.map(function (i) { return i.id; });
    var docs = (criterion.annex_a || []).map(function (d) { return d.id; });
    var unknown = function (list, value, p, what) {
      if (value !== "" && list.indexOf(value) < 0) fail(errors, p, "there is no " + what + " \u201c" + value + "\u201d");
    };
    Object.keys(answer.indicators || {}).forEach(function (iid) {
      var p = path + ".indicators." + iid;
      if (indicators.indexOf(iid) < 0) return fail(errors, p, "there is no indicator " + iid + " in " + criterion.id);
      unknown(ids.ratings, answer.indicators[iid], p, "rating");
    });
    (answer.documents || []).forEach(function (d, i) {
      unknown(docs, d, path + ".documents[" + i + "]", "Annex A item for " + criterion.id + " called");
    });
    unknown(ids.confidence, answer.confidence || "", path + ".confidence", "confidence level");
    if (answer.override) unknown(ids.outcomes, answer.override.outcome, path + ".override.outcome", "outcome");
    (answer.actions || []).forEach(function (act, i) {
      unknown(ids.agencies, act.lead, path + ".actions[" + i + "].lead", "agency");
      unknown(ids.statuses, act.status, path + ".actions[" + i + "].status", "action status");
    });
  }

  /** IDs in a schema-valid file that the framework's data does not know: [{path, message}]. */
  function referenceErrors(obj, data) {
    var errors = [];
    var ids = idSets(data);
    if (obj.respondent.agency !== "" && ids.agencies.indexOf(obj.respondent.agency) < 0) {
      fail(errors, "$.respondent.agency", "there is no agency \u201c" + obj.respondent.agency + "\u201d");
    }
    Object.keys(obj.answers).forEach(function (cid) {
      var criterion = ids.criteria.filter(function (c) { return c.id === cid; })[0];
      if (!criterion) return fail(errors, "$.answers." + cid, "there is no criterion " + cid + " in this framework");
      checkCriterion(criterion, obj.answers[cid], "$.answers." + cid, ids, errors);
    });
    return errors;
  }

  /** Two actions with one ID: editing one would overwrite the other, so each needs its own. */
  function duplicateActions(obj) {
    var errors = [];
    var first = {};
    Object.keys(obj.answers).forEach(function (cid) {
      (obj.answers[cid].actions || []).forEach(function (act, i) {
        var where = "action " + (i + 1) + " under " + cid;
        if (has(first, act.id)) {
          fail(errors, "$.answers." + cid + ".actions[" + i + "].id", "\u201c" + act.id + "\u201d is also the ID of " +
            first[act.id] + "; each action needs its own ID");
        } else {
          first[act.id] = where;
        }
      });
    });
    return errors;
  }

  /** Paths of strings that look like HTML or script (they are imported, and shown as text). */
  function markupPaths(value, path, found) {
    found = found || [];
    if (typeof value === "string") {
      if (RE.markup.test(value)) found.push(path);
    } else if (value && typeof value === "object") {
      Object.keys(value).forEach(function (k) {
        markupPaths(value[k], Array.isArray(value) ? path + "[" + k + "]" : path + "." + k, found);
      });
    }
    return found;
  }

  // ---------------------------------------------------------------------------------------
  // Repairing a saved record that does not fit the format

  /** Everything wrong with a saved record: [{path, message}] (empty when it can be opened). */
  function problems(obj, data) {
    var head = checkEnvelopeHead(obj, data);
    if (head) return [{ path: "$", message: head.reason }];
    var errors = schemaErrors(obj);
    return errors.length ? errors : referenceErrors(obj, data).concat(duplicateActions(obj));
  }

  function fits(rule, v) {
    return rule(v, "$", []);
  }

  function tidyText(v, max, path, changes) {
    if (typeof v !== "string") {
      changes.push(path + ": was " + typeName(v) + ", not text; left blank");
      return "";
    }
    if (v.length > max) {
      changes.push(path + ": cut to " + max + " characters (it had " + v.length + ")");
      return v.slice(0, max);
    }
    return v;
  }

  /** value if it passes `rule` and (when given) is one of `known`, else `blank`, noting the change. */
  function keep(v, rule, known, blank, path, changes) {
    var ok = fits(rule, v) && (!known || v === "" || known.indexOf(v) >= 0);
    if (ok) return v;
    changes.push(path + ": " + describeValue(v) + " is not allowed here; " +
      (blank === "" ? "left blank" : blank === null ? "removed" : "set to " + JSON.stringify(blank)));
    return blank;
  }

  function repairAction(act, path, ids, used, changes) {
    if (act === null || typeof act !== "object" || Array.isArray(act)) {
      changes.push(path + ": was " + typeName(act) + ", not an action; removed");
      return null;
    }
    var id = fits(check.string(0, RE.uid, ""), act.id) && !used[act.id] ? act.id : randomId("act-");
    if (id !== act.id) changes.push(path + ".id: given a new action ID");
    used[id] = true;
    extraKeys(act, ["id", "what", "lead", "due", "status"], path, changes);
    return { id: id, what: tidyText(has(act, "what") ? act.what : "", 20000, path + ".what", changes),
      lead: keep(has(act, "lead") ? act.lead : "", OPTIONAL_ID, ids.agencies, "", path + ".lead", changes),
      due: keep(has(act, "due") ? act.due : "", check.date(true), null, "", path + ".due", changes),
      status: keep(has(act, "status") ? act.status : "", OPTIONAL_ID, ids.statuses, "", path + ".status", changes) };
  }

  function extraKeys(obj, allowed, path, changes) {
    Object.keys(obj).forEach(function (k) {
      if (allowed.indexOf(k) < 0) changes.push(path + "." + k + ": not part of this format; removed");
    });
  }

  function repairOverride(o, path, ids, changes) {
    if (o === null || o === undefined) return null;
    if (typeof o !== "object" || Array.isArray(o)) {
      changes.push(path + ": was " + typeName(o) + "; removed");
      return null;
    }
    extraKeys(o, ["outcome", "reason"], path, changes);
    return { outcome: keep(has(o, "outcome") ? o.outcome : "", OPTIONAL_ID, ids.outcomes, "", path + ".outcome", changes),
      reason: tidyText(has(o, "reason") ? o.reason : "", 20000, path + ".reason", changes) };
  }

  function repairAnswer(criterion, a, path, ids, used, changes) {
    var out = emptyAnswer();
    if (a === null || typeof a !== "object" || Array.isArray(a)) {
      changes.push(path + ": was " + typeName(a) + ", not an answer; emptied");
      return out;
    }
    extraKeys(a, Object.keys(out), path, changes);
    var indicators = criterion.indicators.map(function (i) { return i.id; });
    var ind = a.indicators !== null && typeof a.indicators === "object" && !Array.isArray(a.indicators) ? a.indicators : {};
    Object.keys(ind).forEach(function (iid) {
      var v = keep(indicators.indexOf(iid) >= 0 ? ind[iid] : null, ID, ids.ratings, null, path + ".indicators." + iid, changes);
      if (v !== null) out.indicators[iid] = v;
    });
    var ev = a.evidence !== null && typeof a.evidence === "object" && !Array.isArray(a.evidence) ? a.evidence : {};
    Object.keys(out.evidence).forEach(function (k) {
      if (has(ev, k)) out.evidence[k] = tidyText(ev[k], 20000, path + ".evidence." + k, changes);
    });
    var docs = (criterion.annex_a || []).map(function (d) { return d.id; });
    (Array.isArray(a.documents) ? a.documents : []).forEach(function (d, i) {
      var v = keep(docs.indexOf(d) >= 0 && out.documents.indexOf(d) < 0 ? d : null, check.string(0, RE.document, ""), null,
        null, path + ".documents[" + i + "]", changes);
      if (v !== null) out.documents.push(v);
    });
    out.confidence = keep(has(a, "confidence") ? a.confidence : "", OPTIONAL_ID, ids.confidence, "", path + ".confidence", changes);
    out.override = repairOverride(a.override, path + ".override", ids, changes);
    var acts = Array.isArray(a.actions) ? a.actions : [];
    if (acts.length > MAX_ACTIONS) {
      changes.push(path + ".actions: " + acts.length + " actions; the limit is " + MAX_ACTIONS + ", so actions " +
        (MAX_ACTIONS + 1) + " to " + acts.length + " were removed");
    }
    acts.slice(0, MAX_ACTIONS).forEach(function (act, i) {
      var fixed = repairAction(act, path + ".actions[" + i + "]", ids, used, changes);
      if (fixed) out.actions.push(fixed);
    });
    return out;
  }

  /**
   * A repaired record is saved where it was read from: under the ID of its storage key, never
   * its inner ID (which may be another assessment's). A key that is not a valid ID gets a new one.
   */
  function keepKey(obj, out, savedAs, changes) {
    var valid = fits(check.string(0, RE.uid, ""), savedAs);
    out.id = valid ? savedAs : randomId("sa-");
    if (out.id === obj.id) return;
    var was = has(obj, "id") ? describeValue(obj.id) : "missing";
    changes.push(valid ? "$.id: was " + was + ", not the ID it was saved under; set to \u201c" + out.id +
      "\u201d so that no other assessment is overwritten" : "$.id: it was saved under a name that is not an ID; given a new ID");
  }

  function repairEnvelope(obj, data, now, changes, savedAs) {
    var out = newRecord(data, { now: now });
    var fix = function (key, rule) {
      if (has(obj, key) && fits(rule, obj[key])) out[key] = obj[key];
      else changes.push("$." + key + ": " + (has(obj, key) ? describeValue(obj[key]) + " is not allowed here" : "was missing") +
        "; set to " + JSON.stringify(out[key]));
    };
    if (savedAs === undefined) fix("id", check.string(0, RE.uid, ""));
    else keepKey(obj, out, savedAs, changes);
    if (has(obj, "title")) out.title = tidyText(obj.title, 200, "$.title", changes);
    fix("framework_version", check.date(false));
    fix("app_version", check.string(40, RE.version, ""));
    fix("created", check.string(0, RE.timestamp, ""));
    fix("updated", check.string(0, RE.timestamp, ""));
    extraKeys(obj, Object.keys(out), "$", changes);
    var r = obj.respondent !== null && typeof obj.respondent === "object" && !Array.isArray(obj.respondent) ? obj.respondent : {};
    var ids = idSets(data);
    out.respondent = {
      partnership: tidyText(has(r, "partnership") ? r.partnership : "", 200, "$.respondent.partnership", changes),
      agency: keep(has(r, "agency") ? r.agency : "", OPTIONAL_ID, ids.agencies, "", "$.respondent.agency", changes),
      role: tidyText(has(r, "role") ? r.role : "", 200, "$.respondent.role", changes),
      date: keep(has(r, "date") ? r.date : "", check.date(true), null, "", "$.respondent.date", changes)
    };
    return out;
  }

  /**
   * A saved record made to fit the format by removing or blanking only what is wrong:
   * {ok: true, record, changes: ["$.path: what was done"]}, or {ok: false, reason} when it is not
   * a self-assessment for this framework at all. `now` stands in for missing time stamps;
   * `savedAs`, when given, is the ID of the storage key it was read from, which the record keeps.
   */
  function repair(obj, data, now, savedAs) {
    if (obj === null || typeof obj !== "object" || Array.isArray(obj) || obj.format !== FORMAT) {
      return { ok: false, reason: "It is not a JTAI Ready self-assessment." };
    }
    if (obj.framework_id !== data.framework.id || obj.format_version !== FORMAT_VERSION) {
      return { ok: false, reason: "It was saved for another framework or by another version of JTAI Ready." };
    }
    var changes = [];
    var out = repairEnvelope(obj, data, now || new Date().toISOString(), changes, savedAs);
    var ids = idSets(data);
    var used = {};
    var answers = obj.answers !== null && typeof obj.answers === "object" && !Array.isArray(obj.answers) ? obj.answers : {};
    if (answers !== obj.answers) changes.push("$.answers: was " + typeName(obj.answers) + "; emptied");
    Object.keys(answers).forEach(function (cid) {
      var criterion = ids.criteria.filter(function (c) { return c.id === cid; })[0];
      if (!criterion) return changes.push("$.answers." + cid + ": there is no criterion " + cid + " in this framework; removed");
      out.answers[cid] = repairAnswer(criterion, answers[cid], "$.answers." + cid, ids, used, changes);
      return undefined;
    });
    return { ok: true, record: out, changes: changes };
  }

  /** A value named safely for a message, whatever it is (never calls its toString). */
  function describeValue(v) {
    if (typeof v === "string") return "\u201c" + (v.length > 40 ? v.slice(0, 40) + "\u2026" : v) + "\u201d";
    if (typeof v === "number" || typeof v === "boolean") return JSON.stringify(v);
    return typeName(v);
  }

  // ---------------------------------------------------------------------------------------
  // Reading a file

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function refusal(code, message, details) {
    return { ok: false, code: code, reason: message,
      message: message + " Nothing was imported and your saved work has not changed.",
      details: (details || []).slice(0, MAX_LISTED).map(function (e) { return e.path + ": " + e.message; }),
      more: Math.max(0, (details || []).length - MAX_LISTED) };
  }

  function checkEnvelopeHead(obj, data) {
    if (obj === null || typeof obj !== "object" || Array.isArray(obj) || obj.format !== FORMAT) {
      return refusal("wrong-format", "This file is not a JTAI Ready self-assessment export.");
    }
    var v = obj.format_version;
    if (typeof v === "number" && v > FORMAT_VERSION) {
      return refusal("newer-version", "This file was saved by a newer version of JTAI Ready (format version " +
        v + "); this page reads version " + FORMAT_VERSION + ". Open it on an up-to-date copy of the site.");
    }
    if (typeof obj.framework_id === "string" && obj.framework_id !== data.framework.id) {
      return refusal("other-framework", "This file is a self-assessment for a different inspection framework (\u201c" +
        obj.framework_id.slice(0, 80) + "\u201d). This page is for the " + data.framework.short_title + " (" + data.framework.id + ").");
    }
    return null;
  }

  function parseJSON(text) {
    try {
      return { value: JSON.parse(text) };
    } catch {
      return { error: true };
    }
  }

  /**
   * Read an exported file's text. Returns {ok: true, record, warnings} or
   * {ok: false, code, reason, message, details, more}: `reason` is what is wrong, `message` adds
   * that nothing changed. options.bytes: the file's size, if known.
   */
  function parseImport(text, data, options) {
    var read = readJSON(text, options);
    return read.ok ? checkObject(read.value, data) : read;
  }

  /**
   * A file's text read as JSON, after the size and emptiness checks: {ok: true, value} or a
   * refusal. options.bytes: the file's size, if known; options.maxBytes: the limit (MAX_BYTES).
   */
  function readJSON(text, options) {
    var bytes = (options && options.bytes) || (typeof text === "string" ? text.length : 0);
    var limit = (options && options.maxBytes) || MAX_BYTES;
    if (bytes > limit) {
      return refusal("too-large", "This file is too big to be a self-assessment export (" + megabytes(bytes) +
        "; the limit is " + megabytes(limit) + ").");
    }
    var body = typeof text === "string" ? text.replace(/^\uFEFF/, "") : "";
    if (body.trim() === "") return refusal("empty", "This file is empty.");
    var parsed = parseJSON(body);
    if (parsed.error) {
      return refusal("not-json", "This file is not a JTAI Ready export: it could not be read as JSON.");
    }
    return { ok: true, value: parsed.value };
  }

  /** The checks on an export already read as JSON (also used for records inside other files). */
  function checkObject(obj, data) {
    var head = checkEnvelopeHead(obj, data);
    if (head) return head;
    var errors = schemaErrors(obj);
    if (errors.length) {
      return refusal("schema", "This file does not match the export format: " + errors.length +
        (errors.length === 1 ? " problem." : " problems."), errors);
    }
    errors = referenceErrors(obj, data);
    if (errors.length) {
      return refusal("unknown-id", "This file refers to things this framework does not have: " + errors.length +
        (errors.length === 1 ? " problem." : " problems."), errors);
    }
    errors = duplicateActions(obj);
    if (errors.length) {
      return refusal("duplicate-action", "This file gives more than one action the same ID, so changing one would " +
        "change the other: " + errors.length + (errors.length === 1 ? " problem." : " problems."), errors);
    }
    return { ok: true, record: normalise(obj), warnings: importWarnings(obj, data) };
  }

  function importWarnings(obj, data) {
    var warnings = [];
    if (obj.framework_version !== data.framework.version) {
      warnings.push("This file was made against the framework guidance of " + obj.framework_version +
        "; this page uses the guidance of " + data.framework.version + ". Check the answers.");
    }
    var marked = markupPaths(obj, "$");
    if (marked.length) {
      warnings.push("Some text in this file looks like web page code (HTML or script), at " +
        marked.slice(0, 3).join(", ") + (marked.length > 3 ? " and " + (marked.length - 3) + " more" : "") +
        ". It has been imported as plain text and is never run.");
    }
    return warnings;
  }

  // ---------------------------------------------------------------------------------------
  // Writing a file

  function exportJSON(record) {
    return JSON.stringify(record, null, 2) + "\n";
  }

  function fileName(record, extension, today) {
    var slug = String(record.title || "self-assessment").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "self-assessment";
    return "jtai-" + slug + "-" + today + "." + extension;
  }

  return {
    FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, MAX_BYTES: MAX_BYTES, MAX_ACTIONS: MAX_ACTIONS,
    problems: problems, repair: repair, describeValue: describeValue,
    newRecord: newRecord, emptyAnswer: emptyAnswer, normalise: normalise, randomId: randomId,
    schemaErrors: schemaErrors, referenceErrors: referenceErrors, markupPaths: markupPaths,
    parseImport: parseImport, readJSON: readJSON, checkObject: checkObject, exportJSON: exportJSON, fileName: fileName, validDate: validDate,
    megabytes: megabytes
  };
});
