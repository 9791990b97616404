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
    var notes = [];
    if (when.reason === "notification") notes.push("On the day of notification.");
    else if (when.reason.indexOf("holiday: ") === 0) {
      var moved = (rules.calendar || {}).on_a_holiday === "previous-working-day" ? "the working day before" : "the next working day";
      notes.push("Moved to " + moved + ": " + when.reason.slice(9) + ".");
    } else if (when.reason.indexOf("in-week: ") === 0) {
      notes.push("Moved to the nearest working day in the same week: " + when.reason.slice(9) + ".");
    } else if (when.reason === "before-fieldwork") notes.push("Fieldwork starts on " + D.longDate(when.date) + ".");
    else if (when.reason) notes.push("Not before notification.");
    if (when.kept_after) {
      notes.push("Moved to " + D.clock(when.time) + ", not " + D.clock(when.kept_after.time) + ", so that it stays after “" +
        when.kept_after.title + "”, which a bank holiday moved to the same day.");
    }
    return notes.join(" ");
  }

  /** The agency IDs a milestone involves: its lead, its contributors and everyone in who. */
  function agencyIds(milestone) {
    if (!milestone) return [];
    var ids = milestone.lead ? [milestone.lead].concat(milestone.contributors || []) : [];
    (milestone.who || []).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
    return ids;
  }

  /** Whether a row is in an agency's plan: the milestones it takes part in, and the dates that
   * concern every agency (fieldwork and what follows it), which name no agency. */
  function forAgency(row, agency) {
    return !agency || row.agencies === null || row.agencies.indexOf(agency) >= 0;
  }

  function milestoneRow(entry, data) {
    var m = entry.milestone;
    var w = entry.when;
    return {
      id: m.id, group: "week-" + m.week, date: w.date, end: w.range ? w.end : "", time: w.time, agencies: agencyIds(m),
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
        what: l.timescale.working_days + " working days after " + fromText + "." + (isPub ? slipText(data) : ""), who: [], by: "inspectors",
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
    rows.push(statementRow(plan, data, usedText));
    return rows;
  }

  /** Publication is usually on the standard date, not always: what the published letters show. */
  function slipText(data) {
    var found = data.published_letters || {};
    if (!found.count) return " Publication is usually on this date, but it can be later.";
    return " Publication is usually on this date, but it can be later: in the " + found.count +
      " published letters for this theme it took " + found.publication_fewest + " to " + found.publication_most +
      " working days, later around elections and Christmas.";
  }

  /** The statement of action: the letter's own date when entered, else the framework's. */
  function statementRow(plan, data, usedText) {
    var s = plan.statement;
    var days = s.working_days + " working days";
    var framework = days + " after " + (s.counted_from === "final-letter"
      ? "the final letter (" + D.longDate(s.from) + ")" : usedText + " (" + D.longDate(s.from) + ")");
    var usual = "Letters usually give " + days + " after publication: " + D.longDate(s.usual) + ".";
    var row = { id: "statement-of-action", group: AFTER, date: s.date, end: "", time: "",
      who: ["Local partnership"], by: "local", annex_a: [], paras: data.statement_of_action.paras, note: "", relative: "" };
    if (s.source === "letter") {
      return Object.assign(row, { title: "Statement of action due (the date in your letter)",
        what: "The date your letter of findings gives. The framework’s latest date is " + D.longDate(s.framework) +
          ", " + framework + ". " + usual,
        note: s.letter < plan.final_letter ? "This is before the final letter is due (" + D.longDate(plan.final_letter) + "). Check the date." : "" });
    }
    return Object.assign(row, { title: "Statement of action due, if the letter asks for one (the framework’s latest date)",
      what: framework + ". " + usual + " The date written in your letter is the one that counts: enter it in the planner when you have it." });
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

  /** Every row of the plan, in date order within its group: {groups, rows}. With an agency ID,
   * only that agency's rows (forAgency). Rows that are not milestones have agencies null. */
  function rows(plan, data, agency) {
    var list = [];
    var fwWeek = data.rules.fieldwork_week;
    list.push({ id: "fieldwork", group: "week-" + fwWeek, date: plan.fieldwork_start, end: plan.fieldwork_end,
      time: "", title: "Fieldwork: inspectors on site", what: "Inspectors gather evidence and feed back their findings.",
      who: ["Inspectors"], by: "inspectors", annex_a: [], paras: data.rules.paras, note: "", relative: "Week " + fwWeek });
    plan.milestones.forEach(function (entry) {
      if (entry.when) list.push(milestoneRow(entry, data));
    });
    list = list.concat(afterRows(plan, data));
    list.forEach(function (r, i) {
      r.index = i;
      if (!r.agencies) r.agencies = null;
    });
    list = list.filter(function (r) { return forAgency(r, agency); });
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

  /** The plan as a CSV file (with byte order mark), for one agency when agency is given. */
  function toCSV(plan, data, agency) {
    var r = rows(plan, data, agency);
    var title = {};
    r.groups.forEach(function (g) { title[g.id] = g.title; });
    return CSV.file(HEADER, r.rows.map(function (row) {
      return [CSV.ukDate(row.date), row.end ? CSV.ukDate(row.end) : "", D.weekdayName(D.weekday(row.date)),
        row.end ? "" : row.time, title[row.group], row.title, row.what, row.who.join("; "),
        itemsFor(row.annex_a, data, agency).join(", "), row.paras.join(", "), row.note];
    }));
  }

  /** Named from the notification date, the date people know the inspection by. */
  function fileName(plan, extension, agency) {
    return "jtai-plan-notified-" + plan.notification + (agency ? "-" + agency : "") + "." + extension;
  }

  /** Of a row's Annex A item IDs, those an agency leads or contributes to (all without one). */
  function itemsFor(ids, data, agency) {
    if (!agency) return ids.slice();
    var byId = {};
    data.annex_a.forEach(function (i) { byId[i.id] = i; });
    return ids.filter(function (id) {
      var i = byId[id];
      return i && (i.agency === agency || (i.contributors || []).indexOf(agency) >= 0);
    });
  }

  /** The short name of an agency ID ("Police"), "" for none. */
  function agencyName(data, agency) {
    var found = data.agencies.filter(function (a) { return a.id === agency; })[0];
    return found ? found.short_name || found.name : "";
  }

  return { rows: rows, dateText: dateText, timeText: timeText, toCSV: toCSV, HEADER: HEADER, fileName: fileName,
    agencyIds: agencyIds, forAgency: forAgency, agencyName: agencyName, itemsFor: itemsFor };
});
