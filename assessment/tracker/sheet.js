// needs: lib/date-input.js tracker/tracker.js tracker/xlsx.js
/* JTAI Ready Annex A readiness tracker: the Excel workbook's rows as a tracker
 * (JTAI.trackerSheet). Pure: no DOM, no storage, no clock.
 *
 * The workbook (generator/workbook.py) has a sheet "Annex A tracker" with one row per item and
 * the columns below, found by their headings, so columns moved or added do not matter. Status
 * is a label from the drop-down (or a status ID); Last reviewed is an Excel date or a UK date
 * typed as text. A workbook has no record of when each cell changed: every filled-in cell counts
 * as changed when the file was last saved (`at`), by the file (`by`, from its name), on top of
 * the blank tracker, so the blank cells never overwrite anything (tracker/combine.js).
 *
 * Loads as a classic script (JTAI.trackerSheet, after tracker.js, xlsx.js and date-input.js) or
 * with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./tracker.js"), require("./xlsx.js"), require("../lib/date-input.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.trackerSheet = factory(J.tracker, J.xlsx, J.dateInput);
  }
})(typeof self !== "undefined" ? self : this, function (T, X, DI) {
  "use strict";

  var SHEET = "Annex A tracker";
  var SENT = "Sent";
  // The workbook's columns and widths, as generator/workbook.py writes them (a test compares).
  var WORKBOOK_COLUMNS = [["ID", 16], ["Section", 30], ["Number", 22], ["Item", 40], ["Agency", 34], ["Deadline", 22],
    ["Criteria", 16], ["Status", 16], ["Owner (role or name)", 26], ["Where the document lives", 34], ["Last reviewed", 15],
    ["Contributing agencies", 34], ["Notes", 50]];
  var FIELDS = ["status", "owner", "location", "reviewed", "notes"];
  var COLUMNS = { id: "ID", status: "Status", owner: "Owner (role or name)", location: "Where the document lives",
    reviewed: "Last reviewed", notes: "Notes" };
  var MAX_LISTED = 8;

  function clean(value) {
    return typeof value === "string" ? value.trim() : value;
  }

  // Headings of workbooks sent before, still read: the owner column said "Owner (a role)".
  var EARLIER = { owner: ["Owner (a role)"] };

  /** The column of each heading in the first row: {columns} or {missing: [headings]}. */
  function headings(first) {
    var columns = {};
    var names = (first || []).map(function (h) { return String(clean(h)).toLowerCase(); });
    var missing = Object.keys(COLUMNS).filter(function (key) {
      var found = [COLUMNS[key]].concat(EARLIER[key] || []).map(function (h) { return names.indexOf(h.toLowerCase()); })
        .filter(function (i) { return i >= 0; });
      columns[key] = found.length ? found[0] : -1;
      return columns[key] < 0;
    }).map(function (key) { return COLUMNS[key]; });
    return missing.length ? { missing: missing } : { columns: columns };
  }

  function statusOf(data, value) {
    var v = String(value).trim().toLowerCase();
    if (v === "") return { value: "not-started" };
    var found = T.statuses(data).filter(function (s) { return s.id === v || s.label.toLowerCase() === v; })[0];
    return found ? { value: found.id } : { problem: "\u201c" + String(value).slice(0, 40) + "\u201d is not a status (" +
      T.statuses(data).map(function (s) { return s.label; }).join(", ") + ")" };
  }

  function dateOf(value) {
    if (typeof value === "number") return value > 0 && value < 2958466 ? { value: X.serialDate(value) } : { problem: "is not a date" };
    var text = String(value).trim();
    if (text === "") return { value: "" };
    var parts = DI.split(text);
    var read = parts ? DI.parse(parts) : null;
    return read && read.ok ? { value: read.iso } : { problem: "\u201c" + text.slice(0, 20) + "\u201d is not a date (for example, 30/04/2024)" };
  }

  function textOf(value) {
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    return String(value).trim();
  }

  /** One row's values: {values} or {problems: [messages]}. */
  function readRow(row, columns, data) {
    var problems = [];
    var values = {};
    var status = statusOf(data, row[columns.status] === undefined ? "" : row[columns.status]);
    if (status.problem) problems.push("Status: " + status.problem);
    values.status = status.value;
    var reviewed = dateOf(row[columns.reviewed] === undefined ? "" : row[columns.reviewed]);
    if (reviewed.problem) problems.push("Last reviewed: " + reviewed.problem);
    values.reviewed = reviewed.value;
    ["owner", "location", "notes"].forEach(function (field) {
      values[field] = textOf(row[columns[field]] === undefined ? "" : row[columns[field]]);
      var problem = T.fieldProblem(field, values[field], data);
      if (problem) problems.push(COLUMNS[field] + " " + problem);
    });
    return problems.length ? { problems: problems } : { values: values };
  }

  /** An item's name as a person reads it ("List 4 (assessment): Statutory assessments"), else its ID. */
  function labelOf(data, id) {
    var item = data.annex_a.filter(function (i) { return i.id === id; })[0];
    return item ? item.label : String(id).slice(0, 40);
  }

  /**
   * Each cell of `rows` the workbook could not read (X.isUnreadable), as "Cell I5 on the sheet
   * Annex A tracker (the item's name): what is wrong". The item is the row's ID cell (column A).
   */
  function unreadableCells(rows, data, sheet) {
    var out = [];
    rows.forEach(function (row) {
      row.forEach(function (value) {
        if (!X.isUnreadable(value)) return;
        var id = X.isUnreadable(row[0]) ? "" : textOf(row[0] === undefined ? "" : row[0]);
        out.push("Cell " + value.cell + " on the sheet \u201c" + sheet + "\u201d" + (id ? " (" + labelOf(data, id) + ")" : "") +
          ": " + value.unreadable);
      });
    });
    return out;
  }

  function refusal(code, message, details) {
    var list = details || [];
    return { ok: false, code: code, message: message + " Nothing was imported and your saved tracker has not changed.",
      details: list.slice(0, MAX_LISTED), more: Math.max(0, list.length - MAX_LISTED) };
  }

  /**
   * The sheet's rows as a tracker: {ok: true, tracker, count} or {ok: false, code, message,
   * details, more}. meta: {at (when the file was saved, ISO), by (a name for the file), now,
   * sent (readSent() of the workbook's Sent sheet, or null)}. A cell that still holds what was
   * sent keeps that value's change record; a cell changed since counts as changed by the file on
   * top of it.
   */
  function fromRows(rows, data, meta) {
    var broken = unreadableCells(rows, data, SHEET).concat(unreadableCells(meta.sentRows || [], data, SENT));
    if (broken.length) {
      return refusal("unreadable", "This workbook has " + (broken.length === 1 ? "a cell" : broken.length + " cells") +
        " the page cannot read: its shared text is damaged, so no cell in it can be trusted. Open it in Excel, check " +
        (broken.length === 1 ? "that cell" : "those cells") + ", save it and import it again.", broken);
    }
    var head = headings(rows[0]);
    if (head.missing) {
      return refusal("schema", "This workbook\u2019s sheet \u201c" + SHEET + "\u201d does not have the tracker\u2019s columns.",
        ["Missing: " + head.missing.join(", ")]);
    }
    var known = {};
    data.annex_a.forEach(function (i) { known[i.id] = true; });
    var tracker = T.newTracker(data, meta.now, "");
    var blank = T.emptyItem();
    var errors = [];
    var unknown = [];
    rows.slice(1).forEach(function (row, n) {
      var where = "Row " + (n + 2);
      var id = textOf(row[head.columns.id] === undefined ? "" : row[head.columns.id]);
      if (id === "") return;
      if (!Object.prototype.hasOwnProperty.call(known, id)) return unknown.push(where + ": there is no Annex A item \u201c" + id.slice(0, 40) + "\u201d");
      if (Object.prototype.hasOwnProperty.call(tracker.items, id)) return errors.push(where + ": " + labelOf(data, id) + " is listed twice");
      var read = readRow(row, head.columns, data);
      if (read.problems) return read.problems.forEach(function (p) { errors.push(where + " (" + labelOf(data, id) + "): " + p); });
      tracker.items[id] = T.itemOf({ items: {} }, id);
      tracker.items[id].changed = {};
      Object.keys(blank).forEach(function (field) {
        var value = read.values[field];
        var before = sentBefore(meta.sent, id, field);
        tracker.items[id][field] = value;
        if (before && value === before.value) {
          if (before.change) tracker.items[id].changed[field] = before.change;
        } else if (before || value !== blank[field]) {
          tracker.items[id].changed[field] = { at: meta.at, by: meta.by, from: before && before.change ? before.change.at : "" };
        }
      });
      return undefined;
    });
    if (errors.length) return refusal("schema", "This workbook has values the tracker cannot take: " + errors.length + (errors.length === 1 ? " problem." : " problems."), errors);
    if (unknown.length) return refusal("unknown-id", "This workbook refers to Annex A items this framework does not have: " + unknown.length + (unknown.length === 1 ? " problem." : " problems."), unknown);
    var count = Object.keys(tracker.items).length;
    if (!count) return refusal("empty", "This workbook\u2019s sheet \u201c" + SHEET + "\u201d has no items.");
    return { ok: true, tracker: tracker, count: count, warnings: [] };
  }

  /**
   * What the page put in a workbook it wrote (its hidden "Sent" sheet), for one field: {value,
   * change} (change null when the field was never changed), or null when the workbook was not
   * written by the page (the site's blank workbook) or did not hold the item.
   */
  function sentBefore(sent, id, field) {
    return sent && Object.prototype.hasOwnProperty.call(sent, id + " " + field) ? sent[id + " " + field] : null;
  }

  var STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  var TAG = /^[A-Za-z0-9:_.-]{0,80}$/;

  /**
   * The hidden "Sent" sheet's rows (ID, Field, Value, At, By, From) as {"ID field": {value,
   * change}}; rows that are not well formed are left out (the field then reads as if sent blank).
   */
  function readSent(rows) {
    if (!rows) return null;
    var out = {};
    rows.slice(1).forEach(function (r) {
      var id = String(r[0] || "");
      var field = String(r[1] || "");
      if (FIELDS.indexOf(field) < 0 || !id) return;
      var at = String(r[3] || "");
      var ok = STAMP.test(at) && TAG.test(String(r[4] || "")) && (r[5] === "" || r[5] === undefined || STAMP.test(String(r[5])));
      out[id + " " + field] = { value: String(r[2] === undefined ? "" : r[2]),
        change: ok ? { at: at, by: String(r[4] || ""), from: String(r[5] || "") } : null };
    });
    return out;
  }

  /**
   * A workbook of the given rows (tracker.js rows(), one agency's or all) for JTAI.xlsxWrite:
   * the tracker sheet with the site's columns, drop-downs for status and agency and a date check,
   * the Lists sheet, an About sheet and the hidden Sent sheet recording what was sent, so what
   * comes back merges as changes made on top of it. title: "Items for Police".
   */
  function toSheets(data, tracker, rows, title, sender) {
    var labels = T.statuses(data).map(function (st) { return st.label; });
    var names = {};
    data.agencies.forEach(function (a) { names[a.id] = a.name; });
    var last = rows.length + 1;
    var sent = [];
    var body = rows.map(function (r) {
      FIELDS.forEach(function (field) {
        var c = T.changeOf(tracker, r.id, field);
        sent.push([r.id, field, r[field], c ? c.at : "", c ? c.by : "", c ? c.from : ""]);
      });
      return [r.id, r.item.section_title, r.item.number, r.item.item, names[r.agency] || r.agency, r.deadline_label,
        r.item.criteria.map(function (c) { return c.id; }).join(", "), r.status_label, r.owner, r.location,
        r.reviewed ? { date: r.reviewed } : null, (r.item.contributors || []).map(function (a) { return names[a] || a; }).join(", "), r.notes];
    });
    return [
      { name: SHEET, freeze: true, columns: WORKBOOK_COLUMNS.map(function (c) { return { heading: c[0], width: c[1] }; }), rows: body,
        validations: [
          { range: "H2:H" + last, list: "Lists!$A$2:$A$" + (labels.length + 1), title: "Status", error: "Choose a status from the list.",
            prompt: labels.slice(0, -1).join(", ") + " or " + labels[labels.length - 1] },
          { range: "E2:E" + last, list: "Lists!$B$2:$B$" + (data.agencies.length + 1), title: "Agency", error: "Choose an agency from the list." },
          { range: "K2:K" + last, date: true, title: "Last reviewed", error: "Enter a date, for example 03/05/2024." }] },
      { name: "Lists", columns: [{ heading: "Status", width: 16 }, { heading: "Agency", width: 70 }],
        rows: data.agencies.map(function (a, i) { return [labels[i] || null, a.name]; }) },
      { name: ABOUT, columns: [{ heading: data.framework.short_title + ": Annex A readiness tracker. " + title, width: 110 },
        { heading: "", width: 40 }],
        rows: [[AGENCY_LABEL, sender && sender.agency ? names[sender.agency] || "" : ""],
          [PERSON_LABEL, sender && sender.person ? sender.person : null],
          ["Fill in Status, Owner, Where the document lives, Last reviewed and Notes. Keep the sheet names and the column headings."],
          ["Send the workbook back: the Annex A readiness tracker page imports it and puts it together with its own tracker, item by item."],
          ["The hidden sheet “Sent” records what was sent, so your changes are recognised. Do not change it."],
          ["Do not record children's names or other personal details here."]] },
      { name: SENT, hidden: true, columns: ["ID", "Field", "Value", "At", "By", "From"].map(function (h) { return { heading: h, width: 20 }; }),
        rows: sent }
    ];
  }

  /** A name for a file usable as a change record's `by`: "xlsx:" and the name's safe characters. */
  function fileTag(name) {
    return ("xlsx:" + String(name).replace(/[^A-Za-z0-9_.-]+/g, "-")).slice(0, 80);
  }

  var ABOUT = "About";
  var AGENCY_LABEL = "Agency";
  var PERSON_LABEL = "Sent back by (your role or name)";

  /** FNV-1a, 32 bits, as 8 hex digits: a short fingerprint of some text (not a secret). */
  function fingerprint(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  /**
   * Whose workbook this is, from its content: {agency (an ID, or ""), person} from the About
   * sheet's "Agency" and "Sent back by" rows (the page writes them; the person fills the second
   * in), else the person Excel recorded as last saving it (docProps/core.xml).
   */
  function senderOf(aboutRows, data, modifiedBy) {
    var out = { agency: "", person: "" };
    (aboutRows || []).forEach(function (r) {
      var label = typeof r[0] === "string" ? r[0].trim() : "";
      var value = typeof r[1] === "string" ? r[1].trim().slice(0, 200) : "";
      if (label === AGENCY_LABEL) {
        var found = data.agencies.filter(function (a) { return a.name === value || a.id === value; })[0];
        if (found) out.agency = found.id;
      }
      if (label === PERSON_LABEL) out.person = value;
    });
    if (!out.person && modifiedBy) out.person = String(modifiedBy).trim().slice(0, 200);
    return out;
  }

  /**
   * The `by` of a workbook's changes, from its content, never its file name: the agency and the
   * person it says sent it back; a workbook that names nobody is known by a fingerprint of its
   * cells, so two different returns under one file name are two sources (issue 23).
   */
  function sourceTag(sender, rows) {
    var agency = (sender.agency || "").replace(/[^A-Za-z0-9_.-]+/g, "-").slice(0, 30);
    if (sender.person) {
      return ("xlsx:" + agency + ":" + sender.person.toLowerCase().replace(/[^a-z0-9_.-]+/g, "-").slice(0, 30) + ":" +
        fingerprint(sender.person.toLowerCase())).slice(0, 80);
    }
    return "xlsx:" + agency + ":cells-" + fingerprint(JSON.stringify(rows));
  }

  return { SHEET: SHEET, SENT: SENT, COLUMNS: COLUMNS, WORKBOOK_COLUMNS: WORKBOOK_COLUMNS, fromRows: fromRows,
    readSent: readSent, toSheets: toSheets, fileTag: fileTag, senderOf: senderOf, sourceTag: sourceTag, ABOUT: ABOUT,
    PERSON_LABEL: PERSON_LABEL, labelOf: labelOf };
});
