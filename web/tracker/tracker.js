/* JTAI Ready Annex A readiness tracker: the pure logic (no DOM, no storage, no clock).
 *
 * A tracker is {format, format_version, framework_id, framework_version, app_version, created,
 * updated, dates, items}, where items maps an Annex A item ID to {status, owner, location,
 * reviewed, notes}. The same shape is saved in the browser and exported as JSON. Imports are
 * checked field by field and against the framework's Annex A items; a bad file is refused as a
 * whole, so saved work is never touched by it.
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
  var FORMAT_VERSION = 1;
  var MAX_BYTES = 2 * 1024 * 1024;
  var MAX_LISTED = 8;
  var FIELDS = {
    status: { max: 20 }, owner: { max: 200 }, location: { max: 500 }, reviewed: { max: 10, date: true },
    notes: { max: 5000 }
  };
  var TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  var VERSION = /^\d+\.\d+\.\d+[A-Za-z0-9.+-]*$/;

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

  function newTracker(data, now) {
    return { format: FORMAT, format_version: FORMAT_VERSION, framework_id: data.framework.id,
      framework_version: data.framework.version, app_version: data.app_version, created: now, updated: now,
      dates: { mode: "", date: "" }, items: {} };
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
    var copy = JSON.parse(JSON.stringify(tracker));
    var item = itemOf(copy, id);
    item[field] = value;
    copy.items[id] = item;
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
      var when = c.sched && c.sched.ok ? D.deadline(item.deadline, c.sched, data.rules, c.cal) : null;
      var date = when ? (when.range ? when.end : when.date) : "";
      return {
        id: item.id, item: item, agency: item.agency, agency_name: agencies[item.agency] || item.agency,
        deadline_label: item.deadline.label, date: date, time: when ? when.time : "",
        status: state.status, status_label: statusLabel(data, state.status), done: isDone(data, state.status),
        owner: state.owner, location: state.location, reviewed: state.reviewed, notes: state.notes,
        timing: when ? timing(data, state.status, date, when.time, c.today, c.cal, c.nowTime) : ""
      };
    });
  }

  /** True when the agency leads the item or contributes to it. */
  function involves(row, agency) {
    return row.agency === agency || (row.item.contributors || []).indexOf(agency) >= 0;
  }

  /**
   * f: {agency, status, deadline}; "" means any. An agency matches the items it leads or
   * contributes to. status "not-ready": not started or in progress.
   */
  function filter(list, f) {
    var o = f || {};
    return list.filter(function (r) {
      if (o.agency && !involves(r, o.agency)) return false;
      if (o.status === "not-ready" && r.done) return false;
      if (o.status && o.status !== "not-ready" && r.status !== o.status) return false;
      if (o.deadline === "overdue" || o.deadline === "due-soon") return r.timing === o.deadline;
      if (o.deadline && r.deadline_label !== o.deadline) return false;
      return true;
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
    "Status", "Owner (a role)", "Where the document lives", "Last reviewed", "Notes", "Criteria", "Overdue or due soon"];

  function toCSV(list) {
    return CSV.file(CSV_HEADER, list.map(function (r) {
      return [r.id, r.item.section_title, r.item.number, r.item.item, r.agency_name, r.deadline_label,
        CSV.ukDate(r.date), r.time, r.status_label, r.owner, r.location, CSV.ukDate(r.reviewed), r.notes,
        r.item.criteria.map(function (c) { return c.id; }).join(", "),
        r.timing === "overdue" ? "Overdue" : r.timing === "due-soon" ? "Due soon" : ""];
    }));
  }

  function fileName(extension, today) {
    return "jtai-annex-a-tracker-" + today + "." + extension;
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

  function checkEnvelope(obj, errors) {
    var add = function (path, message) { errors.push({ path: path, message: message }); };
    var required = ["format", "format_version", "framework_id", "framework_version", "app_version", "created",
      "updated", "items"];
    required.forEach(function (k) { if (!has(obj, k)) add("$", "is missing \u201c" + k + "\u201d"); });
    Object.keys(obj).forEach(function (k) {
      if (required.indexOf(k) < 0 && k !== "dates") add("$." + k, "is not part of this format");
    });
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

  function checkItems(items, data, errors, unknown) {
    var known = {};
    data.annex_a.forEach(function (i) { known[i.id] = true; });
    Object.keys(items).forEach(function (id) {
      var path = "$.items." + id;
      if (!has(known, id)) return unknown.push({ path: path, message: "there is no Annex A item \u201c" + id + "\u201d in this framework" });
      var value = items[id];
      if (!isObject(value)) return errors.push({ path: path, message: "expected an object, found " + typeName(value) });
      Object.keys(value).forEach(function (field) {
        var problem = fieldProblem(field, value[field], data);
        if (problem) errors.push({ path: path + "." + field, message: problem });
      });
      return undefined;
    });
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
    if (obj.format_version !== FORMAT_VERSION) return refusal("schema", "This file’s format version is not " + FORMAT_VERSION + ".");
    if (obj.framework_id !== data.framework.id) {
      return refusal("other-framework", "This file is a tracker for a different inspection framework (" +
        (typeof obj.framework_id === "string" ? "\u201c" + obj.framework_id.slice(0, 80) + "\u201d" : "its framework ID is " +
          typeName(obj.framework_id)) + "). This page is for the " + data.framework.short_title + ".");
    }
    var errors = [];
    var unknown = [];
    checkEnvelope(obj, errors);
    if (!errors.length) checkItems(obj.items, data, errors, unknown);
    if (errors.length) {
      return refusal("schema", "This file does not match the tracker format: " + errors.length +
        (errors.length === 1 ? " problem." : " problems."), errors);
    }
    if (unknown.length) {
      return refusal("unknown-id", "This file refers to Annex A items this framework does not have: " + unknown.length +
        (unknown.length === 1 ? " problem." : " problems."), unknown);
    }
    var tracker = newTracker(data, obj.created);
    tracker.updated = obj.updated;
    tracker.dates = has(obj, "dates") ? { mode: obj.dates.mode, date: obj.dates.date } : { mode: "", date: "" };
    Object.keys(obj.items).forEach(function (id) { tracker.items[id] = itemOf(obj, id); });
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
    fieldProblem: fieldProblem, update: update, setDates: setDates, timing: timing, rows: rows, filter: filter,
    counts: counts, progress: progress, deadlineLabels: deadlineLabels, exportJSON: exportJSON, toCSV: toCSV,
    fileName: fileName, parseImport: parseImport
  };
});
