// needs: lib/dates.js lib/plan.js
/* JTAI Ready preparation planner: the plan as an iCalendar file (RFC 5545).
 *
 * build(events, options) writes a VCALENDAR: CRLF line ends, lines folded at 75 octets (never
 * inside a UTF-8 character), text escaped, a UID and DTSTAMP on every event, all-day items as
 * VALUE=DATE (the end date exclusive, as the RFC says), timed items in Europe/London with its
 * VTIMEZONE (or as floating local times), and a reminder (VALARM) where an event has one.
 * fromPlan(plan, data, options) makes the events from the planner's rows, so the calendar always
 * matches the table on the page: the partnership's deadlines get reminders (the day before a timed
 * deadline, 9am a week before a deadline that has no time), and what happens "during the week"
 * is one item on the week's first day rather than a banner across the week. Fieldwork, when
 * inspectors are on site every day, stays a banner.
 *
 * Loads as a classic script (JTAI.ics, after dates.js, csv.js and plan.js) or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("../lib/dates.js"), require("../lib/plan.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.ics = factory(J.dates, J.plan);
  }
})(typeof self !== "undefined" ? self : this, function (D, Plan) {
  "use strict";

  var CRLF = "\r\n";
  var LIMIT = 75;
  var TZID = "Europe/London";
  // Europe/London since 1996: BST from 1am GMT on the last Sunday in March to 2am BST on the
  // last Sunday in October.
  var LONDON = [
    "BEGIN:VTIMEZONE", "TZID:" + TZID, "X-LIC-LOCATION:" + TZID,
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
    "DTSTART:19700329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
    "DTSTART:19701025T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE"
  ];

  /** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, new lines. */
  function escapeText(value) {
    return String(value === null || value === undefined ? "" : value)
      .replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  function octets(codePoint) {
    if (codePoint < 0x80) return 1;
    if (codePoint < 0x800) return 2;
    if (codePoint < 0x10000) return 3;
    return 4;
  }

  /** One content line folded so that no line is longer than 75 octets of UTF-8. */
  function fold(line) {
    var out = [];
    var current = "";
    var size = 0;
    var limit = LIMIT;
    for (var i = 0; i < line.length; i += 1) {
      var code = line.codePointAt(i);
      var ch = String.fromCodePoint(code);
      if (code > 0xffff) i += 1;
      var n = octets(code);
      if (size + n > limit) {
        out.push(current);
        current = " ";
        size = 1;
        limit = LIMIT;
      }
      current += ch;
      size += n;
    }
    out.push(current);
    return out.join(CRLF);
  }

  function compactDate(iso) {
    return iso.replace(/-/g, "");
  }

  /** "2024-05-03T09:15:00.000Z" -> "20240503T091500Z". */
  function utcStamp(timestamp) {
    var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(timestamp);
    if (!m) throw new Error("not a UTC timestamp: " + timestamp);
    return m[1] + m[2] + m[3] + "T" + m[4] + m[5] + m[6] + "Z";
  }

  function eventLines(ev, stamp, floating) {
    var lines = ["BEGIN:VEVENT", "UID:" + ev.uid, "DTSTAMP:" + stamp];
    if (ev.time) {
      var local = compactDate(ev.date) + "T" + ev.time.replace(":", "") + "00";
      lines.push(floating ? "DTSTART:" + local : "DTSTART;TZID=" + TZID + ":" + local);
    } else {
      lines.push("DTSTART;VALUE=DATE:" + compactDate(ev.date));
      lines.push("DTEND;VALUE=DATE:" + compactDate(D.addDays(ev.end || ev.date, 1)));
      lines.push("TRANSP:TRANSPARENT");
    }
    lines.push("SUMMARY:" + escapeText(ev.summary));
    if (ev.description) lines.push("DESCRIPTION:" + escapeText(ev.description));
    if (ev.categories && ev.categories.length) {
      lines.push("CATEGORIES:" + ev.categories.map(escapeText).join(","));
    }
    if (ev.alarm) {
      lines.push("BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escapeText(ev.alarm.text),
        "TRIGGER:" + ev.alarm.trigger, "END:VALARM");
    }
    lines.push("END:VEVENT");
    return lines;
  }

  /**
   * A whole iCalendar file. events: [{uid, summary, description, date, end, time, categories,
   * alarm: {trigger ("-P1D"), text}}].
   * options: {now (ISO timestamp, UTC), name (calendar name), prodid, floating (no time zone)}.
   */
  function build(events, options) {
    var o = options || {};
    var stamp = utcStamp(o.now || new Date().toISOString());
    var timed = events.some(function (ev) { return ev.time; });
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + (o.prodid || "-//JTAI Ready//Preparation planner//EN"),
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    if (o.name) lines.push("X-WR-CALNAME:" + escapeText(o.name));
    if (timed && !o.floating) lines = lines.concat(LONDON);
    events.forEach(function (ev) { lines = lines.concat(eventLines(ev, stamp, o.floating)); });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join(CRLF) + CRLF;
  }

  function description(row, data, agency) {
    var parts = [row.what];
    if (row.who.length) parts.push("Who: " + row.who.join(", ") + ".");
    var ids = Plan.itemsFor(row.annex_a, data, agency);
    if (ids.length) {
      var items = {};
      (data.annex_a || []).forEach(function (i) { items[i.id] = i.label; });
      var whose = agency && ids.length < row.annex_a.length
        ? " (" + ids.length + " of " + row.annex_a.length + ", those " + Plan.agencyName(data, agency) + " lead or contribute to)" : "";
      parts.push("Annex A" + whose + ": " + ids.map(function (id) { return items[id] || id; }).join("; ") + ".");
    }
    if (row.note) parts.push(row.note);
    if (row.paras.length) parts.push("Source: framework paragraph" + (row.paras.length > 1 ? "s " : " ") + row.paras.join(", ") + ".");
    parts.push("From the JTAI Ready preparation planner. The lead inspector’s timeline is the one that counts.");
    return parts.join("\n");
  }

  var BANNERS = { fieldwork: true }; // rows that really last the whole range
  var DAY_BEFORE = "-P1D";
  var WEEK_BEFORE_AT_9AM = "-P6DT15H"; // from midnight at the start of an all-day deadline

  /** A reminder for the partnership's own deadlines; none for what inspectors do. */
  function alarm(row) {
    if (row.by !== "local" || row.end) return null;
    return row.time
      ? { trigger: DAY_BEFORE, text: "Due tomorrow at " + D.clock(row.time) + ": " + row.title }
      : { trigger: WEEK_BEFORE_AT_9AM, text: "Due in a week, " + D.longDate(row.date) + ": " + row.title };
  }

  /** The planner's rows as calendar events; with an agency ID, only the events it takes part in. */
  function eventsFromPlan(plan, data, agency) {
    var r = Plan.rows(plan, data, agency);
    var key = data.framework.id + "-" + plan.notification;
    return r.rows.map(function (row) {
      var week = row.end && !BANNERS[row.id];
      return { uid: row.id + "." + key + "@jtai-ready.invalid",
        summary: "JTAI: " + row.title + (week ? " (during the week, to " + D.shortDate(row.end) + ")" : ""),
        description: description(row, data, agency), date: row.date, end: week ? "" : row.end,
        time: row.end ? "" : row.time, categories: ["JTAI"], alarm: alarm(row) };
    });
  }

  /** options: {now, agency (an agency ID: only its events, and the calendar's name says so)}. */
  function fromPlan(plan, data, options) {
    var agency = (options || {}).agency || "";
    var whose = agency ? ", " + Plan.agencyName(data, agency) : "";
    var o = Object.assign({ name: "JTAI " + D.longDate(plan.fieldwork_start).replace(/^\w+ /, "") + " (" + data.framework.short_title + whose + ")",
      prodid: "-//JTAI Ready//Preparation planner " + data.app_version + "//EN" }, options || {});
    return build(eventsFromPlan(plan, data, agency), o);
  }

  return { build: build, fromPlan: fromPlan, eventsFromPlan: eventsFromPlan, escapeText: escapeText,
    fold: fold, utcStamp: utcStamp, TZID: TZID };
});
