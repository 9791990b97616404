// needs: lib/csv.js lib/dates.js
/* JTAI Ready Annex A readiness tracker: the pure logic (no DOM, no storage, no clock).
 *
 * A tracker is {format, format_version, framework_id, framework_version, app_version, created,
 * updated, origin, dates, items} (and scope, in a file made for one agency), where items maps an
 * Annex A item ID to {status, owner, location, reviewed, notes, changed}. changed records, for
 * each field that was ever changed, {at, by, from}: when, in which browser (its tracker's origin,
 * a random ID) and on top of which earlier change (its `at`, "" for the blank tracker). Imports
 * are put together with the saved tracker field by field with those records (tracker/combine.js).
 * The same shape is saved in the browser and exported as JSON. Format version 1 (no origin, no
 * changed) still reads: each filled-in field counts as changed when the file was last updated.
 * Imports are checked field by field and against the framework's Annex A items; a bad file is
 * refused as a whole, so saved work is never touched by it.
 *
 * Loads as a classic script (JTAI.tracker, after dates.js and csv.js) or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../lib/dates.js"), require("../lib/csv.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.tracker = factory(J.dates, J.csv);
  }
})(typeof self !== "undefined" ? self : this, function (D, CSV) {
  "use strict";

  var FORMAT = "jtai-ready-tracker";
  var FORMAT_VERSION = 3;
  var MAX_CONFLICTS = 2000;
  var MAX_BYTES = 2 * 1024 * 1024;
  var MAX_LISTED = 8;
  var FIELDS = {
    status: { max: 20 }, owner: { max: 200 }, location: { max: 500 }, reviewed: { max: 10, date: true },
    notes: { max: 5000 }
  };
  var TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  var VERSION = /^\d+\.\d+\.\d+[A-Za-z0-9.+-]*$/;
  var ORIGIN = /^[A-Za-z0-9:_.-]{0,80}$/;

  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };

  /**
   * The statuses, in list order: [{id, label, done}] from the tracker block of timeline.yml
   * (data.tracker), which the generator's Excel workbook reads too. The IDs never change.
   */
  function statuses(data) {
    return data.tracker.statuses;
  }

  function statusOf(data, id) {
    return statuses(data).filter(function (s) { return s.id === id; })[0];
  }

  function statusLabel(data, id) {
    var found = statusOf(data, id);
    return found ? found.label : "";
  }

  /** True for a status that needs nothing more (never overdue or due soon). */
  function isDone(data, id) {
    var found = statusOf(data, id);
    return Boolean(found && found.done);
  }

  // ---------------------------------------------------------------------------------------
  // The tracker and its items

  /** A blank tracker; origin names the browser that keeps it ("" when not known). */
  function newTracker(data, now, origin) {
    return { format: FORMAT, format_version: FORMAT_VERSION, framework_id: data.framework.id,
      framework_version: data.framework.version, app_version: data.app_version, created: now, updated: now,
      origin: origin || "", dates: { mode: "", date: "" }, items: {} };
  }

  function emptyItem() {
    return { status: "not-started", owner: "", location: "", reviewed: "", notes: "" };
  }

  function itemOf(tracker, id) {
    var saved = (tracker.items && has(tracker.items, id)) ? tracker.items[id] : {};
    var out = emptyItem();
    Object.keys(out).forEach(function (k) { if (has(saved, k)) out[k] = saved[k]; });
    return out;
  }

  /** The record of the last change to one field of one item ({at, by, from}), or null. */
  function changeOf(tracker, id, field) {
    var saved = (tracker.items && has(tracker.items, id)) ? tracker.items[id] : null;
    var changed = saved && isObject(saved.changed) ? saved.changed : {};
    return has(changed, field) ? changed[field] : null;
  }

  /**
   * The record for a change made now in the browser `origin`. A run of changes in one browser
   * keeps the `from` of its first change, so the file it came from still recognises it.
   */
  function nextChange(previous, origin, now) {
    var from = previous ? (previous.by === origin && origin !== "" ? previous.from : previous.at) : "";
    return { at: now, by: origin, from: from };
  }

  /** Set one field of an item in `copy` (a tracker being built) with its change record. */
  function put(copy, id, field, value, change) {
    var item = itemOf(copy, id);
    var old = has(copy.items, id) && isObject(copy.items[id].changed) ? copy.items[id].changed : {};
    item[field] = value;
    item.changed = Object.assign({}, old);
    item.changed[field] = change;
    copy.items[id] = item;
  }

  /** Check one field's value: "" when fine, else a message. */
  function fieldProblem(field, value, data) {
    if (!has(FIELDS, field)) return "is not a tracker field";
    if (typeof value !== "string") return "expected text";
    if (value.length > FIELDS[field].max) return "is longer than " + FIELDS[field].max + " characters";
    if (field === "status" && !statusOf(data, value)) return "is not a status (" + statuses(data).map(function (s) { return s.id; }).join(", ") + ")";
    if (FIELDS[field].date && value !== "" && !D.isDate(value)) return "is not a real date written YYYY-MM-DD";
    return "";
  }

  /** A copy of the tracker with one field of one item changed: {ok, tracker} or {ok: false, message}. */
  function update(tracker, data, id, field, value, now) {
    if (!data.annex_a.some(function (i) { return i.id === id; })) return { ok: false, message: "There is no Annex A item " + id + "." };
    var problem = fieldProblem(field, value, data);
    if (problem) return { ok: false, message: field + " " + problem };
    if (itemOf(tracker, id)[field] === value) return { ok: true, tracker: tracker, same: true };
    var copy = JSON.parse(JSON.stringify(tracker));
    put(copy, id, field, value, nextChange(changeOf(tracker, id, field), tracker.origin || "", now));
    copy.updated = now;
    return { ok: true, tracker: copy };
  }

  function setDates(tracker, dates, now) {
    var copy = JSON.parse(JSON.stringify(tracker));
    copy.dates = { mode: dates && dates.mode || "", date: dates && dates.date || "" };
    copy.updated = now;
    return copy;
  }

  // ---------------------------------------------------------------------------------------
  // Rows, timing, filters and progress

  /**
   * "overdue", "due-soon" or "" for an item with `status` due on `date` at `time`, on `today` (at
   * `nowTime`). Due soon: today or within data.tracker.due_soon_working_days working days. Items
   * whose status is done are never either.
   */
  function timing(data, status, date, time, today, cal, nowTime) {
    if (isDone(data, status) || !date || !today) return "";
    if (date < today) return "overdue";
    if (date === today && time && nowTime && nowTime >= time) return "overdue";
    return cal.workingDaysBetween(today, date) <= data.tracker.due_soon_working_days ? "due-soon" : "";
  }

  /**
   * One row per Annex A item with its saved state, agency name, deadline (dated when `sched` is
   * a JTAI.dates.schedule result) and timing. ctx: {sched, cal, today, nowTime}.
   */
  function rows(data, tracker, ctx) {
    var c = ctx || {};
    var agencies = {};
    data.agencies.forEach(function (a) { agencies[a.id] = a.name; });
    return data.annex_a.map(function (item) {
      var state = itemOf(tracker, item.id);
      var when = c.sched && c.sched.ok ? D.deadline(item.deadline, c.sched, data.rules, c.cal, data.milestones) : null;
      var date = when ? (when.range ? when.end : when.date) : "";
      return {
        id: item.id, item: item, agency: item.agency, agency_name: agencies[item.agency] || item.agency,
        deadline_label: item.deadline.label, date: date, time: when ? when.time : "",
        status: state.status, status_label: statusLabel(data, state.status), done: isDone(data, state.status),
        owner: state.owner, location: state.location, reviewed: state.reviewed, notes: state.notes,
        timing: when ? timing(data, state.status, date, when.time, c.today, c.cal, c.nowTime) : "",
        due_in: date && c.today && c.cal ? (date < c.today ? -1 : c.cal.workingDaysBetween(c.today, date)) : null
      };
    });
  }

  /** True when the agency leads the item or contributes to it. */
  function involves(row, agency) {
    return row.agency === agency || (row.item.contributors || []).indexOf(agency) >= 0;
  }

  /** The owners typed so far, each once (trimmed, compared without case), in alphabetical order. */
  function owners(list) {
    var seen = {};
    list.forEach(function (r) {
      var name = r.owner.trim();
      if (name && !has(seen, name.toLowerCase())) seen[name.toLowerCase()] = name;
    });
    return Object.keys(seen).map(function (k) { return seen[k]; }).sort(function (a, b) { return a.localeCompare(b, "en-GB"); });
  }

  /**
   * f: {agency, owner, status, deadline, within}; "" means any. An agency matches the items it
   * leads or contributes to. owner "-": no owner yet, otherwise the owner (trimmed, any case).
   * status "not-ready": not started or in progress. within: a number of working days; an item
   * matches when it is not done and due within that many working days of today, or overdue.
   */
  function filter(list, f) {
    var o = f || {};
    return list.filter(function (r) {
      if (o.agency && !involves(r, o.agency)) return false;
      if (o.owner === "-" && r.owner.trim() !== "") return false;
      if (o.owner && o.owner !== "-" && r.owner.trim().toLowerCase() !== o.owner.toLowerCase()) return false;
      if (typeof o.within === "number" && (r.done || r.due_in === null || r.due_in > o.within)) return false;
      if (o.status === "not-ready" && r.done) return false;
      if (o.status && o.status !== "not-ready" && r.status !== o.status) return false;
      if (o.deadline === "overdue" || o.deadline === "due-soon") return r.timing === o.deadline;
      if (o.deadline && r.deadline_label !== o.deadline) return false;
      return true;
    });
  }

  var SORTS = {
    deadline: function (a, b) {
      if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
      if (a.date && b.date && a.time !== b.time) return (a.time || "99:99") < (b.time || "99:99") ? -1 : 1;
      return D.compareDeadlines(a.item.deadline, b.item.deadline);
    },
    agency: function (a, b) { return a.agency_name.localeCompare(b.agency_name, "en-GB"); },
    status: function (a, b, data) {
      var order = statuses(data).map(function (s) { return s.id; });
      return order.indexOf(a.status) - order.indexOf(b.status);
    },
    owner: function (a, b) {
      var x = a.owner.trim();
      var y = b.owner.trim();
      if (!x || !y) return x ? -1 : y ? 1 : 0;
      return x.localeCompare(y, "en-GB", { sensitivity: "base" });
    }
  };

  /**
   * The rows sorted by key ("deadline", "agency", "status" or "owner"), "ascending" or
   * "descending" (data: the planner data, for the statuses' order); ties keep the framework's
   * order. Items with no owner come last either way.
   */
  function sortRows(list, key, direction, data) {
    var sign = direction === "descending" ? -1 : 1;
    var order = {};
    list.forEach(function (r, i) { order[r.id] = i; });
    return list.slice().sort(function (a, b) {
      var empty = key === "owner" && (!a.owner.trim() || !b.owner.trim());
      var c = SORTS[key](a, b, data);
      return (empty ? c : sign * c) || order[a.id] - order[b.id];
    });
  }

  function counts(list) {
    var c = { total: list.length, "not-started": 0, "in-progress": 0, "ready": 0, "not-applicable": 0,
      overdue: 0, "due-soon": 0 };
    list.forEach(function (r) {
      c[r.status] += 1;
      if (r.timing) c[r.timing] += 1;
    });
    var counted = c.total - c["not-applicable"];
    c.percent = counted === 0 ? 100 : Math.floor((100 * c.ready) / counted);
    return c;
  }

  /** Progress overall and for each agency (in the framework's order, agencies with items only). */
  function progress(data, list) {
    return {
      overall: counts(list),
      agencies: data.agencies.map(function (a) {
        var mine = list.filter(function (r) { return r.agency === a.id; });
        return { id: a.id, name: a.name, counts: counts(mine) };
      }).filter(function (a) { return a.counts.total > 0; })
    };
  }

  /** The different relative deadlines, earliest first (no weekday last in its week). */
  function deadlineLabels(data) {
    var seen = {};
    var out = [];
    data.annex_a.forEach(function (i) {
      var d = i.deadline;
      if (d.label && !seen[d.label]) {
        seen[d.label] = true;
        out.push(d);
      }
    });
    return out.sort(D.compareDeadlines).map(function (d) { return d.label; });
  }

  // ---------------------------------------------------------------------------------------
  // Export

  function exportJSON(tracker) {
    return JSON.stringify(tracker, null, 2) + "\n";
  }

  var CSV_HEADER = ["ID", "Section", "Number", "Item", "Agency", "Deadline", "Deadline date", "Deadline time",
    "Status", "Owner (role or name)", "Where the document lives", "Last reviewed", "Notes", "Criteria", "Overdue or due soon"];

  function toCSV(list) {
    return CSV.file(CSV_HEADER, list.map(function (r) {
      return [r.id, r.item.section_title, r.item.number, r.item.item, r.agency_name, r.deadline_label,
        CSV.ukDate(r.date), r.time, r.status_label, r.owner, r.location, CSV.ukDate(r.reviewed), r.notes,
        r.item.criteria.map(function (c) { return c.id; }).join(", "),
        r.timing === "overdue" ? "Overdue" : r.timing === "due-soon" ? "Due soon" : ""];
    }));
  }

  function fileName(extension, today, agency) {
    return "jtai-annex-a-tracker-" + (agency ? agency + "-" : "") + today + "." + extension;
  }

  /** The items an agency leads or contributes to, in the framework's order. */
  function agencyItems(data, agency) {
    return data.annex_a.filter(function (i) {
      return i.agency === agency || (i.contributors || []).indexOf(agency) >= 0;
    });
  }

  /** The tracker with only one agency's items (lead or contributing), marked with its scope. */
  function forAgency(tracker, data, agency) {
    var copy = JSON.parse(JSON.stringify(tracker));
    copy.items = {};
    agencyItems(data, agency).forEach(function (i) {
      if (has(tracker.items, i.id)) copy.items[i.id] = JSON.parse(JSON.stringify(tracker.items[i.id]));
    });
    copy.scope = { agency: agency };
    delete copy.conflicts;
    delete copy.sender;
    return copy;
  }

  /**
   * An agency's items sent back to the partnership: forAgency() with who sends them (the agency,
   * and a role or name), so the partnership's import names its source from the file's content.
   */
  function sendBack(tracker, data, agency, person) {
    var copy = forAgency(tracker, data, agency);
    copy.sender = { agency: agency, person: String(person || "").trim().slice(0, 200) };
    return copy;
  }

  /** A file sent back: named with the agency and the date, apart from the file it answers. */
  function sendBackName(extension, today, agency) {
    return "jtai-annex-a-tracker-" + agency + "-sent-back-" + today + "." + extension;
  }

  /**
   * The agency whose items this browser opened by importing `incoming`, else "": a file made for
   * one agency (it has a scope), into a tracker with nothing of its own yet, or one already opened
   * for that agency. A partnership's own tracker, with answers in it, never becomes one.
   */
  function opensFor(local, incoming) {
    if (!incoming.scope) return "";
    var agency = incoming.scope.agency;
    if (local.scope) return local.scope.agency === agency ? agency : "";
    var untouched = Object.keys(local.items).every(function (id) {
      var changed = local.items[id].changed;
      return !isObject(changed) || !Object.keys(changed).length;
    });
    return untouched ? agency : "";
  }

  // ---------------------------------------------------------------------------------------
  // Import

  function typeName(v) {
    if (v === null) return "null";
    if (Array.isArray(v)) return "a list";
    if (typeof v === "string") return "text";
    if (typeof v === "number") return "a number";
    if (typeof v === "boolean") return "true or false";
    return typeof v;
  }

  function isObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function refusal(code, message, details) {
    var list = details || [];
    return { ok: false, code: code, message: message + " Nothing was imported and your saved tracker has not changed.",
      details: list.slice(0, MAX_LISTED).map(function (e) { return e.path + ": " + e.message; }),
      more: Math.max(0, list.length - MAX_LISTED) };
  }

  function checkEnvelope(obj, data, errors) {
    var add = function (path, message) { errors.push({ path: path, message: message }); };
    var required = ["format", "format_version", "framework_id", "framework_version", "app_version", "created",
      "updated", "items"];
    required.forEach(function (k) { if (!has(obj, k)) add("$", "is missing \u201c" + k + "\u201d"); });
    var optional = obj.format_version === 1 ? ["dates"] : obj.format_version === 2 ? ["dates", "origin", "scope"]
      : ["dates", "origin", "scope", "sender", "conflicts"];
    Object.keys(obj).forEach(function (k) {
      if (required.indexOf(k) < 0 && optional.indexOf(k) < 0) add("$." + k, "is not part of this format");
    });
    if (has(obj, "origin") && !(typeof obj.origin === "string" && ORIGIN.test(obj.origin))) add("$.origin", "is not a browser ID");
    if (has(obj, "scope")) checkScope(obj.scope, data, add);
    if (has(obj, "sender")) checkSender(obj.sender, data, add);
    if (has(obj, "conflicts")) checkConflicts(obj.conflicts, data, add);
    if (has(obj, "framework_version") && !D.isDate(obj.framework_version)) add("$.framework_version", "is not a date");
    if (has(obj, "app_version") && !(typeof obj.app_version === "string" && VERSION.test(obj.app_version))) {
      add("$.app_version", "is not a version number");
    }
    ["created", "updated"].forEach(function (k) {
      if (has(obj, k) && !(typeof obj[k] === "string" && TIMESTAMP.test(obj[k]))) add("$." + k, "is not a date and time");
    });
    if (has(obj, "dates")) checkDates(obj.dates, add);
    if (has(obj, "items") && !isObject(obj.items)) add("$.items", "expected an object, found " + typeName(obj.items));
  }

  function checkDates(dates, add) {
    if (!isObject(dates)) return add("$.dates", "expected an object, found " + typeName(dates));
    Object.keys(dates).forEach(function (k) {
      if (k !== "mode" && k !== "date") add("$.dates." + k, "is not part of this format");
    });
    if (["", "notification", "fieldwork"].indexOf(dates.mode) < 0) add("$.dates.mode", "must be notification, fieldwork or empty");
    if (typeof dates.date !== "string" || (dates.date !== "" && !D.isDate(dates.date))) {
      add("$.dates.date", "is not a real date written YYYY-MM-DD");
    }
    return undefined;
  }

  function checkScope(scope, data, add) {
    if (!isObject(scope)) return add("$.scope", "expected an object, found " + typeName(scope));
    Object.keys(scope).forEach(function (k) { if (k !== "agency") add("$.scope." + k, "is not part of this format"); });
    if (!data.agencies.some(function (a) { return a.id === scope.agency; })) add("$.scope.agency", "is not an agency in this framework");
    return undefined;
  }

  /** Who sent a file back: {agency (an agency ID or ""), person (their role or name, as typed)}. */
  function checkSender(sender, data, add) {
    if (!isObject(sender)) return add("$.sender", "expected an object, found " + typeName(sender));
    Object.keys(sender).forEach(function (k) { if (k !== "agency" && k !== "person") add("$.sender." + k, "is not part of this format"); });
    if (!(sender.agency === "" || data.agencies.some(function (a) { return a.id === sender.agency; }))) add("$.sender.agency", "is not an agency in this framework");
    if (!(typeof sender.person === "string" && sender.person.length <= 200)) add("$.sender.person", "is not a role or name of up to 200 characters");
    return undefined;
  }

  /**
   * The answers still to choose between, kept with the tracker until chosen: [{id, field, theirs,
   * change, source}] (the file's answer, its change record and who or which file it came from).
   */
  function checkConflicts(list, data, add) {
    if (!Array.isArray(list)) return add("$.conflicts", "expected a list, found " + typeName(list));
    if (list.length > MAX_CONFLICTS) return add("$.conflicts", "has more than " + MAX_CONFLICTS + " entries");
    var known = {};
    data.annex_a.forEach(function (i) { known[i.id] = true; });
    list.forEach(function (c, n) {
      var at = "$.conflicts[" + n + "]";
      if (!isObject(c)) return add(at, "expected an object, found " + typeName(c));
      Object.keys(c).forEach(function (k) { if (["id", "field", "theirs", "change", "source"].indexOf(k) < 0) add(at + "." + k, "is not part of this format"); });
      if (!has(known, c.id)) return add(at + ".id", "is not an Annex A item in this framework");
      if (!has(FIELDS, c.field)) return add(at + ".field", "is not a tracker field");
      var problem = fieldProblem(c.field, c.theirs, data);
      if (problem) add(at + ".theirs", problem);
      if (!(typeof c.source === "string" && c.source.length <= 300)) add(at + ".source", "is not text of up to 300 characters");
      var record = {};
      record[c.field] = c.change;
      return checkChanged(record, at + ".change", add);
    });
    return undefined;
  }

  function checkChanged(changed, path, add) {
    if (!isObject(changed)) return add(path, "expected an object, found " + typeName(changed));
    Object.keys(changed).forEach(function (field) {
      var c = changed[field];
      var at = path + "." + field;
      if (!has(FIELDS, field)) return add(at, "is not a tracker field");
      if (!isObject(c)) return add(at, "expected an object, found " + typeName(c));
      Object.keys(c).forEach(function (k) { if (["at", "by", "from"].indexOf(k) < 0) add(at + "." + k, "is not part of this format"); });
      if (!(typeof c.at === "string" && TIMESTAMP.test(c.at))) add(at + ".at", "is not a date and time");
      if (!(typeof c.by === "string" && ORIGIN.test(c.by))) add(at + ".by", "is not a browser ID");
      if (!(c.from === "" || (typeof c.from === "string" && TIMESTAMP.test(c.from)))) add(at + ".from", "is not a date and time");
      return undefined;
    });
    return undefined;
  }

  function checkItems(items, data, errors, unknown, version) {
    var add = function (path, message) { errors.push({ path: path, message: message }); };
    var known = {};
    data.annex_a.forEach(function (i) { known[i.id] = true; });
    Object.keys(items).forEach(function (id) {
      var path = "$.items." + id;
      if (!has(known, id)) return unknown.push({ path: path, message: "there is no Annex A item \u201c" + id + "\u201d in this framework" });
      var value = items[id];
      if (!isObject(value)) return errors.push({ path: path, message: "expected an object, found " + typeName(value) });
      Object.keys(value).forEach(function (field) {
        if (field === "changed" && version >= 2) return checkChanged(value.changed, path + ".changed", add);
        var problem = fieldProblem(field, value[field], data);
        if (problem) errors.push({ path: path + "." + field, message: problem });
        return undefined;
      });
      return undefined;
    });
  }

  /**
   * One item as read from a checked file. A version 1 file has no change records: each field
   * that is not blank counts as changed when the file was last updated, by an unknown browser.
   */
  function readItem(obj, id) {
    var item = itemOf(obj, id);
    var saved = obj.items[id];
    var blank = emptyItem();
    item.changed = {};
    Object.keys(blank).forEach(function (field) {
      if (obj.format_version === 1) {
        if (item[field] !== blank[field]) item.changed[field] = { at: obj.updated, by: "", from: "" };
      } else if (isObject(saved.changed) && has(saved.changed, field)) {
        var c = saved.changed[field];
        item.changed[field] = { at: c.at, by: c.by, from: c.from };
      }
    });
    return item;
  }

  /**
   * Read an exported file's text: {ok: true, tracker, warnings} or {ok: false, code, message,
   * details, more}. options.bytes: the file's size, if known.
   */
  function parseImport(text, data, options) {
    var bytes = (options && options.bytes) || (typeof text === "string" ? text.length : 0);
    if (typeof bytes !== "number" || bytes > MAX_BYTES) {
      return refusal("too-large", "This file is too big to be a tracker export (the limit is " + (MAX_BYTES / 1048576) + " MB).");
    }
    var body = typeof text === "string" ? text.replace(/^\uFEFF/, "") : "";
    if (body.trim() === "") return refusal("empty", "This file is empty.");
    var obj;
    try {
      obj = JSON.parse(body);
    } catch {
      return refusal("not-json", "This file is not a JTAI Ready tracker export: it could not be read as JSON.");
    }
    if (!isObject(obj) || obj.format !== FORMAT) {
      return refusal("wrong-format", "This file is not a JTAI Ready Annex A tracker export.");
    }
    if (typeof obj.format_version === "number" && obj.format_version > FORMAT_VERSION) {
      return refusal("newer-version", "This file was saved by a newer version of JTAI Ready (format version " +
        obj.format_version + "); this page reads version " + FORMAT_VERSION + ".");
    }
    if ([1, 2, FORMAT_VERSION].indexOf(obj.format_version) < 0) {
      return refusal("schema", "This file’s format version is not 1, 2 or " + FORMAT_VERSION + ".");
    }
    if (obj.framework_id !== data.framework.id) {
      return refusal("other-framework", "This file is a tracker for a different inspection framework (" +
        (typeof obj.framework_id === "string" ? "\u201c" + obj.framework_id.slice(0, 80) + "\u201d" : "its framework ID is " +
          typeName(obj.framework_id)) + "). This page is for the " + data.framework.short_title + ".");
    }
    var errors = [];
    var unknown = [];
    checkEnvelope(obj, data, errors);
    if (!errors.length) checkItems(obj.items, data, errors, unknown, obj.format_version);
    if (errors.length) {
      return refusal("schema", "This file does not match the tracker format: " + errors.length +
        (errors.length === 1 ? " problem." : " problems."), errors);
    }
    if (unknown.length) {
      return refusal("unknown-id", "This file refers to Annex A items this framework does not have: " + unknown.length +
        (unknown.length === 1 ? " problem." : " problems."), unknown);
    }
    var tracker = newTracker(data, obj.created, obj.origin);
    tracker.updated = obj.updated;
    tracker.dates = has(obj, "dates") ? { mode: obj.dates.mode, date: obj.dates.date } : { mode: "", date: "" };
    if (has(obj, "scope")) tracker.scope = { agency: obj.scope.agency };
    if (has(obj, "sender")) tracker.sender = { agency: obj.sender.agency, person: obj.sender.person };
    if (has(obj, "conflicts") && obj.conflicts.length) {
      tracker.conflicts = obj.conflicts.map(function (c) {
        return { id: c.id, field: c.field, theirs: c.theirs, change: { at: c.change.at, by: c.change.by, from: c.change.from }, source: c.source };
      });
    }
    Object.keys(obj.items).forEach(function (id) { tracker.items[id] = readItem(obj, id); });
    var warnings = [];
    if (obj.framework_version !== data.framework.version) {
      warnings.push("This file was made against the framework guidance of " + obj.framework_version +
        "; this page uses the guidance of " + data.framework.version + ". Check the items.");
    }
    return { ok: true, tracker: tracker, warnings: warnings };
  }

  return {
    FORMAT: FORMAT, FORMAT_VERSION: FORMAT_VERSION, MAX_BYTES: MAX_BYTES, CSV_HEADER: CSV_HEADER,
    statuses: statuses, statusLabel: statusLabel, isDone: isDone, newTracker: newTracker, emptyItem: emptyItem, itemOf: itemOf,
    changeOf: changeOf, nextChange: nextChange, put: put, fieldProblem: fieldProblem, update: update,
    agencyItems: agencyItems, forAgency: forAgency, sendBack: sendBack, sendBackName: sendBackName, opensFor: opensFor, setDates: setDates, timing: timing, rows: rows, filter: filter,
    owners: owners, sortRows: sortRows, SORT_KEYS: Object.keys(SORTS), counts: counts, progress: progress, deadlineLabels: deadlineLabels, exportJSON: exportJSON, toCSV: toCSV,
    fileName: fileName, parseImport: parseImport
  };
});
