// needs: lib/csv.js lib/dates.js
/* JTAI Ready preparation planner: a worked-out plan as rows, for the table, CSV and calendar.
 *
 * rows(plan, data) turns JTAI.dates.plan()'s result into one list of rows in date order, grouped
 * by week and "after fieldwork", each with its date (or date range), time, what happens, who acts
 * and where the framework says so. The page's table, the CSV and the iCalendar file all use these
 * rows, so they always agree.
 *
 * Loads as a classic script (JTAI.plan, after dates.js and csv.js) or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./dates.js"), require("./csv.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.plan = factory(J.dates, J.csv);
  }
})(typeof self !== "undefined" ? self : this, function (D, CSV) {
  "use strict";

  var AFTER = "after";

  function names(data, ids) {
    var map = {};
    data.agencies.forEach(function (a) { map[a.id] = a.name; });
    return (ids || []).map(function (id) { return map[id] || id; });
  }

  function groups(data, plan) {
    var list = data.weeks.map(function (w) {
      var week = plan.schedule.weeks[w.week];
      return { id: "week-" + w.week, week: w.week, title: "Week " + w.week + ": " + w.title,
        start: week ? week.start : "", end: week ? week.end : "" };
    });
    list.push({ id: AFTER, week: 0, title: "After fieldwork: the letter, publication and statement of action",
      start: plan.letter.length ? plan.letter[0].date : "", end: plan.statement.date });
    return list;
  }

  function movedNote(when, rules) {
    if (!when.moved) return "";
    if (when.reason === "notification") return "On the day of notification.";
    if (when.reason.indexOf("holiday: ") === 0) {
      var moved = (rules.calendar || {}).on_a_holiday === "previous-working-day" ? "the working day before" : "the next working day";
      return "Moved to " + moved + ": " + when.reason.slice(9) + ".";
    }
    if (when.reason === "before-fieldwork") return "Fieldwork starts on " + D.longDate(when.date) + ".";
    return "Not before notification.";
  }

  function milestoneRow(entry, data) {
    var m = entry.milestone;
    var w = entry.when;
    return {
      id: m.id, group: "week-" + m.week, date: w.date, end: w.range ? w.end : "", time: w.time,
      title: m.title, what: m.what, who: m.by === "inspectors" ? ["Inspectors"].concat(names(data, m.who))
        : names(data, m.who), by: m.by, annex_a: m.annex_a || [], paras: m.paras || [],
      note: movedNote(w, data.rules), relative: m.label || ""
    };
  }

  function afterRows(plan, data) {
    var rows = [];
    var pubId = (data.rules.calendar || {}).publication_timescale;
    var fromText = ((data.rules.calendar || {}).letter_counted_from === "fieldwork-start")
      ? "the first day of fieldwork" : "the last day of fieldwork (" + D.longDate(plan.fieldwork_end) + ")";
    plan.letter.forEach(function (l) {
      var isPub = l.id === pubId;
      rows.push({ id: "letter-" + l.id, group: AFTER, date: l.date, end: "", time: "",
        title: isPub && plan.publication.actual ? l.timescale.activity + " (standard date)" : l.timescale.activity,
        what: l.timescale.working_days + " working days after " + fromText + ".", who: [], by: "inspectors",
        annex_a: [], paras: l.timescale.paras, note: "", relative: l.timescale.working_days + " working days after fieldwork" });
    });
    if (plan.publication.actual) {
      rows.push({ id: "publication-actual", group: AFTER, date: plan.publication.actual, end: "", time: "",
        title: "Letter published (actual date)", what: "The date you recorded. The deadlines below count from it.",
        who: [], by: "inspectors", annex_a: [], paras: [], note: plan.publication.notes.map(function (n) { return n.text; }).join(" "),
        relative: "" });
    }
    var usedText = plan.publication.actual ? "the actual publication date" : "the standard publication date";
    rows.push({ id: "complaints-close", group: AFTER, date: plan.complaints.closes, end: "", time: "",
      title: "Last day to complain about the inspection",
      what: data.complaints.text + " That is " + data.complaints.working_days_after_publication +
        " working days after " + usedText + " (" + D.longDate(plan.publication.used) + ").",
      who: ["Local partnership"], by: "local", annex_a: [], paras: data.complaints.paras, note: "", relative: "" });
    var s = plan.statement;
    var from = s.counted_from === "final-letter" ? "the final letter (" + D.longDate(s.from) + ")"
      : usedText + " (" + D.longDate(s.from) + ")";
    rows.push({ id: "statement-of-action", group: AFTER, date: s.date, end: "", time: "",
      title: "Statement of action due, if the letter asks for one",
      what: s.working_days + " working days after " + from + ".",
      who: ["Local partnership"], by: "local", annex_a: [], paras: data.statement_of_action.paras,
      note: s.counted_from === "publication" && s.from_final_letter !== s.date
        ? "Counted from receiving the final letter, as the framework words it, it would be " + D.longDate(s.from_final_letter) + "."
        : "", relative: "" });
    return rows;
  }

  function compare(a, b) {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    var ar = a.end ? 1 : 0;
    var br = b.end ? 1 : 0;
    if (ar !== br) return ar - br;
    var at = a.time || "";
    var bt = b.time || "";
    if (at !== bt) return at < bt ? -1 : 1;
    return a.index - b.index;
  }

  /** Every row of the plan, in date order within its group: {groups, rows}. */
  function rows(plan, data) {
    var list = [];
    var fwWeek = data.rules.fieldwork_week;
    list.push({ id: "fieldwork", group: "week-" + fwWeek, date: plan.fieldwork_start, end: plan.fieldwork_end,
      time: "", title: "Fieldwork: inspectors on site", what: "Inspectors gather evidence and feed back their findings.",
      who: ["Inspectors"], by: "inspectors", annex_a: [], paras: data.rules.paras, note: "", relative: "Week " + fwWeek });
    plan.milestones.forEach(function (entry) {
      if (entry.when) list.push(milestoneRow(entry, data));
    });
    list = list.concat(afterRows(plan, data));
    list.forEach(function (r, i) { r.index = i; });
    var order = groups(data, plan);
    var sorted = [];
    order.forEach(function (g) {
      sorted = sorted.concat(list.filter(function (r) { return r.group === g.id; }).sort(compare));
    });
    return { groups: order, rows: sorted };
  }

  /** "Fri 3 May 2024" or "Fri 3 May to Fri 10 May 2024". */
  function dateText(row, long) {
    var fmt = long ? D.longDate : D.shortDate;
    if (!row.end || row.end === row.date) return fmt(row.date);
    return fmt(row.date) + " to " + fmt(row.end);
  }

  function timeText(row) {
    if (row.end) return "During the week";
    return row.time ? D.clock(row.time) : "";
  }

  var HEADER = ["Date", "End date", "Day", "Time", "Stage", "What happens", "Details", "Who",
    "Annex A items", "Framework paragraphs", "Note"];

  /** The plan as a CSV file (with byte order mark). */
  function toCSV(plan, data) {
    var r = rows(plan, data);
    var title = {};
    r.groups.forEach(function (g) { title[g.id] = g.title; });
    return CSV.file(HEADER, r.rows.map(function (row) {
      return [CSV.ukDate(row.date), row.end ? CSV.ukDate(row.end) : "", D.weekdayName(D.weekday(row.date)),
        row.end ? "" : row.time, title[row.group], row.title, row.what, row.who.join("; "),
        row.annex_a.join(", "), row.paras.join(", "), row.note];
    }));
  }

  /** Named from the notification date, the date people know the inspection by. */
  function fileName(plan, extension) {
    return "jtai-plan-notified-" + plan.notification + "." + extension;
  }

  return { rows: rows, dateText: dateText, timeText: timeText, toCSV: toCSV, HEADER: HEADER, fileName: fileName };
});
