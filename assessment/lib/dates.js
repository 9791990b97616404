// needs: nothing
/* JTAI Ready preparation planner: working days and the inspection timetable in real dates.
 *
 * Pure functions, no DOM, no clock: every date is an ISO 8601 string ("2024-05-20") and is
 * handled as a whole day number, so time zones and summer time never shift a date.
 *
 * - calendar(holidays): working-day arithmetic that skips weekends and the given bank holidays.
 * - schedule(input, rules, cal): notification, fieldwork and the three weeks from a notification
 *   date or a first day of fieldwork, with notes saying when the bank holiday rule applies.
 * - deadline(d, sched, rules, cal): a {week, weekday, time} deadline as a real date.
 * - plan(input, data, cal): every milestone, letter timescale, publication, statement of action
 *   and the complaints window.
 *
 * The rules (notice, weekdays, which letter timescale is publication ...) come from the
 * framework's data (window.JTAI.data.planner.rules), never from this file.
 *
 * Loads as a classic script (JTAI.dates) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.dates = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  var DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  var MAX_STEPS = 3660; // a working-day count never needs to look further than ten years

  // ---------------------------------------------------------------------------------------
  // Whole days

  /** Days since 1970-01-01 for a real ISO date, or NaN ("2023-02-29" is not real). */
  function toDay(iso) {
    var m = ISO.exec(typeof iso === "string" ? iso : "");
    if (!m) return NaN;
    var y = Number(m[1]);
    var mo = Number(m[2]);
    var d = Number(m[3]);
    var ms = Date.UTC(y, mo - 1, d);
    var back = new Date(ms);
    if (y < 1000 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
      return NaN;
    }
    return Math.round(ms / 86400000);
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }

  function fromDay(n) {
    var d = new Date(n * 86400000);
    return pad(d.getUTCFullYear(), 4) + "-" + pad(d.getUTCMonth() + 1, 2) + "-" + pad(d.getUTCDate(), 2);
  }

  function isDate(iso) {
    return !isNaN(toDay(iso));
  }

  function addDays(iso, count) {
    return fromDay(toDay(iso) + count);
  }

  /** 0 for Monday … 6 for Sunday (1 January 1970 was a Thursday). */
  function weekdayIndex(iso) {
    return (((toDay(iso) + 3) % 7) + 7) % 7;
  }

  function weekday(iso) {
    return WEEKDAYS[weekdayIndex(iso)];
  }

  function mondayOf(iso) {
    return addDays(iso, -weekdayIndex(iso));
  }

  /** Whole days from a to b (negative when b is earlier). */
  function daysBetween(a, b) {
    return toDay(b) - toDay(a);
  }

  /** "Friday 12 July 2024" (GOV.UK style). */
  function longDate(iso) {
    if (!isDate(iso)) return "";
    var m = ISO.exec(iso);
    return DAY_NAMES[weekdayIndex(iso)] + " " + Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1];
  }

  /** "Fri 12 Jul 2024": for tables at narrow widths. */
  function shortDate(iso) {
    if (!isDate(iso)) return "";
    var m = ISO.exec(iso);
    return DAY_NAMES[weekdayIndex(iso)].slice(0, 3) + " " + Number(m[3]) + " " +
      MONTHS[Number(m[2]) - 1].slice(0, 3) + " " + m[1];
  }

  /** "17:00" -> "5pm"; "11:00" -> "11am"; "09:30" -> "9:30am"; "12:00" -> "midday". */
  function clock(time) {
    var m = /^(\d{2}):(\d{2})$/.exec(time || "");
    if (!m) return "";
    var h = Number(m[1]);
    var min = Number(m[2]);
    if (h === 12 && min === 0) return "midday";
    var suffix = h < 12 ? "am" : "pm";
    var h12 = h % 12 || 12;
    return min === 0 ? h12 + suffix : h12 + ":" + m[2] + suffix;
  }

  /**
   * Order two {week, weekday, time} deadlines: by week, then weekday, then time. No weekday comes
   * after every weekday of its week and no time after every time, as the generator sorts them
   * (generator/model.py Deadline.sort_key; both checked by tests/vectors/shared-rules.json).
   */
  function compareDeadlines(a, b) {
    var ka = deadlineKey(a);
    var kb = deadlineKey(b);
    for (var k = 0; k < 3; k += 1) if (ka[k] !== kb[k]) return ka[k] < kb[k] ? -1 : 1;
    return 0;
  }

  function deadlineKey(d) {
    var day = WEEKDAYS.indexOf(d.weekday);
    return [d.week, day < 0 || day > 4 ? 5 : day, d.time || "99:99"];
  }

  function weekdayName(id) {
    var i = WEEKDAYS.indexOf(id);
    return i < 0 ? "" : DAY_NAMES[i];
  }

  // ---------------------------------------------------------------------------------------
  // Working days

  /**
   * Working-day arithmetic over a list of bank holidays: ["2024-05-06", ...], or
   * [["2024-05-06", "Early May bank holiday"], ...], or the planner data's holidays object
   * ({days: [[date, name], ...], first_year, last_year}).
   */
  function calendar(holidays) {
    var list = holidays && !Array.isArray(holidays) ? holidays.days || [] : holidays || [];
    var names = Object.create(null);
    list.forEach(function (h) {
      if (Array.isArray(h)) names[h[0]] = h[1] || "bank holiday";
      else names[h] = "bank holiday";
    });
    var firstYear = holidays && holidays.first_year;
    var lastYear = holidays && holidays.last_year;

    function holidayName(iso) {
      return names[iso] || "";
    }

    function isWorkingDay(iso) {
      return isDate(iso) && weekdayIndex(iso) < 5 && !names[iso];
    }

    function step(iso, direction) {
      var day = iso;
      for (var i = 0; i < MAX_STEPS; i += 1) {
        day = addDays(day, direction);
        if (isWorkingDay(day)) return day;
      }
      throw new Error("no working day within ten years of " + iso);
    }

    /** The working day `count` working days after `iso` (before it when count < 0). */
    function addWorkingDays(iso, count) {
      if (!isDate(iso)) throw new Error("not a date: " + iso);
      var day = iso;
      var direction = count < 0 ? -1 : 1;
      for (var i = 0; i < Math.abs(count); i += 1) day = step(day, direction);
      return day;
    }

    function nextWorkingDay(iso) {
      return isWorkingDay(iso) ? iso : step(iso, 1);
    }

    function previousWorkingDay(iso) {
      return isWorkingDay(iso) ? iso : step(iso, -1);
    }

    /** Working days d with a < d <= b (negative when b is before a). */
    function workingDaysBetween(a, b) {
      if (toDay(b) < toDay(a)) return -workingDaysBetween(b, a);
      var count = 0;
      for (var d = addDays(a, 1); toDay(d) <= toDay(b); d = addDays(d, 1)) {
        if (isWorkingDay(d)) count += 1;
      }
      return count;
    }

    /** Bank holidays on weekdays from a to b inclusive: [{date, name}]. */
    function holidaysBetween(a, b) {
      var found = [];
      for (var d = a; toDay(d) <= toDay(b); d = addDays(d, 1)) {
        if (names[d] && weekdayIndex(d) < 5) found.push({ date: d, name: names[d] });
      }
      return found;
    }

    /** True when the bank holidays for this date's year are known (or no range was given). */
    function covers(iso) {
      if (!firstYear || !lastYear) return true;
      var y = Number(String(iso).slice(0, 4));
      return y >= firstYear && y <= lastYear;
    }

    return {
      holidayName: holidayName, isWorkingDay: isWorkingDay, addWorkingDays: addWorkingDays,
      nextWorkingDay: nextWorkingDay, previousWorkingDay: previousWorkingDay,
      workingDaysBetween: workingDaysBetween, holidaysBetween: holidaysBetween, covers: covers,
      firstYear: firstYear, lastYear: lastYear
    };
  }

  // ---------------------------------------------------------------------------------------
  // The three weeks

  function note(code, text) {
    return { code: code, text: text };
  }

  function holidayList(found) {
    return found.map(function (h) { return longDate(h.date) + " (" + h.name + ")"; }).join(" and ");
  }

  function notAWorkingDay(iso, cal) {
    var name = cal.holidayName(iso);
    return name ? longDate(iso) + " is a bank holiday (" + name + ")" : longDate(iso) + " is a weekend day";
  }

  /**
   * Notification, fieldwork and the weeks, from {notification} or {fieldwork_start}.
   * Returns {ok: true, notification, fieldwork_start, fieldwork_end, weeks: {1: {monday, start,
   * end}, ...}, notes: [{code, text}]} or {ok: false, code, message}.
   */
  function schedule(input, rules, cal) {
    var notice = rules.notice_working_days;
    var fwWeek = rules.fieldwork_week;
    var from = input && input.notification ? "notification" : "fieldwork";
    var given = from === "notification" ? input.notification : input && input.fieldwork_start;
    if (!given) return { ok: false, code: "missing", message: "Enter a date." };
    if (!isDate(given)) {
      return { ok: false, code: "not-a-date", message: "Enter a real date, for example 20 May 2024." };
    }
    if (!cal.isWorkingDay(given)) {
      var what = from === "notification" ? "Notification" : "Fieldwork";
      return { ok: false, code: "not-a-working-day",
        message: notAWorkingDay(given, cal) + ". " + what + " happens on a working day: enter another date." };
    }
    var notification = from === "notification" ? given : cal.addWorkingDays(given, -notice);
    var start = from === "notification" ? cal.addWorkingDays(given, notice) : given;
    var calRules = rules.calendar || {};
    var anchor = calRules.weeks_counted_from === "notification" ? mondayOf(notification)
      : addDays(mondayOf(start), -7 * (fwWeek - 1));
    var weeks = {};
    for (var w = 1; w <= fwWeek; w += 1) {
      var monday = addDays(anchor, 7 * (w - 1));
      var friday = addDays(monday, 4);
      var first = w === 1 ? notification : cal.nextWorkingDay(monday);
      weeks[w] = { week: w, monday: monday, start: toDay(first) < toDay(notification) ? notification : first,
        end: cal.previousWorkingDay(friday) };
    }
    var lastDay = addDays(weeks[fwWeek].monday, WEEKDAYS.indexOf(calRules.fieldwork_ends || "friday"));
    var end = cal.previousWorkingDay(lastDay);
    if (toDay(end) < toDay(start)) end = start;
    weeks[fwWeek].start = start;
    weeks[fwWeek].end = end;
    if (toDay(weeks[1].end) < toDay(weeks[1].start)) weeks[1].end = weeks[1].start;

    var notes = notificationNotes(notification, start, weeks, rules, cal, from);
    var explained = notes.some(function (n) { return n.code === "holiday-but-usual-day"; });
    if (!explained && weekdayIndex(start) !== 0 && toDay(start) > toDay(weeks[fwWeek].monday)) {
      var skipped = cal.holidaysBetween(weeks[fwWeek].monday, addDays(start, -1));
      notes.push(note("fieldwork-not-monday", skipped.length
        ? "Fieldwork starts on " + longDate(start) + " because " + holidayList(skipped) + " is a bank holiday."
        : "Fieldwork usually starts on a Monday; counting " + notice + " working days gives " + longDate(start) + "."));
    }
    [notification, start, end].forEach(function (d) {
      if (!cal.covers(d) && !notes.some(function (n) { return n.code === "outside-holidays"; })) {
        notes.push(note("outside-holidays", "The planner knows bank holidays from " + cal.firstYear + " to " +
          cal.lastYear + " only. Dates in other years do not skip bank holidays: check them by hand."));
      }
    });
    return { ok: true, from: from, notification: notification, fieldwork_start: start, fieldwork_end: end,
      weeks: weeks, notes: notes };
  }

  function notificationNotes(notification, start, weeks, rules, cal, from) {
    var notice = rules.notice_working_days;
    var expected = rules.notification_weekday;
    var fwWeek = rules.fieldwork_week;
    var earlyWeeks = cal.holidaysBetween(weeks[1].monday, addDays(weeks[fwWeek].monday, -1));
    var usual = addDays(weeks[1].monday, WEEKDAYS.indexOf(expected));
    var day = weekday(notification);
    if (day === expected && earlyWeeks.length === 0) return [];
    if (toDay(notification) < toDay(usual) && earlyWeeks.length) {
      return [note("notification-earlier",
        "Notification is on " + longDate(notification) + ", not a " + weekdayName(expected) + ": " +
        holidayList(earlyWeeks) + " falls in week 1 or 2, so the " + notice + " working days’ notice start earlier. " +
        "The framework says notification “may take place earlier if there is a bank holiday in week 1 or 2 of the inspection”.")];
    }
    if (day === expected && earlyWeeks.length) {
      return [note("holiday-but-usual-day",
        holidayList(earlyWeeks) + " falls in week 1 or 2. Notification usually comes earlier then, so that fieldwork " +
        "can start on a Monday; counting " + notice + " working days from " + longDate(notification) + " gives " +
        longDate(start) + ". Check the fieldwork dates with the lead inspector.")];
    }
    if (from === "notification") {
      return [note("unusual-day", "Notification is usually on a " + weekdayName(expected) + ". " +
        longDate(notification) + " is a " + weekdayName(day) + " and no bank holiday in week 1 or 2 explains it: " +
        "the plan counts " + notice + " working days from it.")];
    }
    return [note("unusual-day", "Counting " + notice + " working days back from " + longDate(start) +
      " gives " + longDate(notification) + ", a " + weekdayName(day) + ". Notification is usually on a " +
      weekdayName(expected) + ": check the dates with the lead inspector.")];
  }

  /**
   * A {week, weekday, time} deadline as a date. Without a weekday: the working days of that week
   * ({date, end}). Week 1 on the notification weekday is the day of notification itself. A day
   * that is not a working day moves as rules.calendar.on_a_holiday says, but never out of its
   * week: when the week has no working day left that way, it goes the other way.
   * slots (optional, the framework's milestones): with them, deadlines also keep the framework's
   * order: a deadline moved onto a day where a later one falls earlier in the day makes that
   * later one wait until the same time. Returns null for week 0.
   */
  function deadline(d, sched, rules, cal, slots) {
    if (!d || !d.week || !sched.weeks[d.week]) return null;
    if (slots && d.weekday) {
      var kept = ordered(sched, rules, cal, slots)[slotKey(d)];
      if (kept) return Object.assign({}, kept);
    }
    return dated(d, sched, rules, cal);
  }

  function slotKey(d) {
    return d.week + "|" + (d.weekday || "") + "|" + (d.time || "");
  }

  /** The day a deadline falls on, moved off a bank holiday but kept within its week. */
  function dated(d, sched, rules, cal) {
    var week = sched.weeks[d.week];
    if (!d.weekday) {
      return { date: week.start, end: week.end, time: "", range: true, moved: false, reason: "", kept_after: null };
    }
    var date = addDays(week.monday, WEEKDAYS.indexOf(d.weekday));
    var reason = "";
    if (d.week === 1 && d.weekday === rules.notification_weekday && date !== sched.notification) {
      date = sched.notification;
      reason = "notification";
    } else if (!cal.isWorkingDay(date)) {
      var before = (rules.calendar || {}).on_a_holiday === "previous-working-day";
      reason = "holiday: " + notAWorkingDay(date, cal);
      var moved = before ? cal.previousWorkingDay(date) : cal.nextWorkingDay(date);
      if (toDay(moved) > toDay(week.end) || toDay(moved) < toDay(week.start)) {
        moved = before ? cal.nextWorkingDay(date) : cal.previousWorkingDay(date);
        reason = "in-week: " + notAWorkingDay(date, cal);
      }
      date = moved;
    }
    if (toDay(date) < toDay(sched.notification)) {
      date = sched.notification;
      reason = reason || "before-notification";
    }
    if (d.week === rules.fieldwork_week && toDay(date) < toDay(sched.fieldwork_start)) {
      date = sched.fieldwork_start;
      reason = reason || "before-fieldwork";
    }
    if (toDay(date) > toDay(week.end)) date = week.end; // a week with no working day after it
    return { date: date, end: "", time: d.time || "", range: false, moved: reason !== "", reason: reason,
      kept_after: null };
  }

  /** Every dated slot, in the framework's order, none before the one it follows: {key: when}. */
  function ordered(sched, rules, cal, slots) {
    if (sched.kept && sched.kept.slots === slots) return sched.kept.byKey;
    var list = slots.filter(function (s) { return s.week && s.weekday && sched.weeks[s.week]; })
      .slice().sort(compareDeadlines);
    var byKey = {};
    var last = null;
    list.forEach(function (s) {
      var key = slotKey(s);
      if (byKey[key]) return;
      var when = dated(s, sched, rules, cal);
      if (last && when.date === last.date && when.time && last.time && when.time < last.time) {
        when.kept_after = { title: last.title, time: when.time };
        when.time = last.time;
        when.moved = true;
      }
      byKey[key] = when;
      if (!last || toDay(when.date) > toDay(last.date) || (when.date === last.date && when.time > last.time)) {
        last = { date: when.date, time: when.time, title: s.title || "" };
      }
    });
    // Kept on the schedule (not enumerable) so the planner and the tracker share one answer.
    Object.defineProperty(sched, "kept", { value: { slots: slots, byKey: byKey }, configurable: true });
    return byKey;
  }

  // ---------------------------------------------------------------------------------------
  // The whole plan

  function byId(list, id) {
    return list.filter(function (x) { return x.id === id; })[0];
  }

  /**
   * Every date in the plan. input: {notification} or {fieldwork_start}, and optionally
   * actual_publication. data: window.JTAI.data.planner (or the same shape). cal: calendar().
   */
  function plan(input, data, cal) {
    var rules = data.rules;
    var calRules = rules.calendar || {};
    var sched = schedule(input, rules, cal);
    if (!sched.ok) return sched;
    var milestones = data.milestones.map(function (m) {
      return { id: m.id, milestone: m, when: deadline(m, sched, rules, cal, data.milestones) };
    });
    var countFrom = calRules.letter_counted_from === "fieldwork-start" ? sched.fieldwork_start : sched.fieldwork_end;
    var letter = data.letter.map(function (t) {
      return { id: t.id, timescale: t, date: cal.addWorkingDays(countFrom, t.working_days) };
    });
    var standard = (byId(letter, calRules.publication_timescale) || letter[letter.length - 1]).date;
    var finalLetter = (byId(letter, calRules.final_letter_timescale) || { date: standard }).date;
    var publication = { standard: standard, actual: "", used: standard, notes: [] };
    var actual = input && input.actual_publication;
    if (actual) {
      if (!isDate(actual)) {
        publication.notes.push(note("actual-not-a-date", "The actual publication date is not a real date, so the standard date is used."));
      } else {
        publication.actual = actual;
        publication.used = actual;
        var late = cal.workingDaysBetween(standard, actual);
        if (toDay(actual) < toDay(finalLetter)) {
          publication.notes.push(note("actual-before-final-letter", longDate(actual) +
            " is before the final letter is due (" + longDate(finalLetter) + "). Check the date."));
        } else if (late > 0) {
          publication.notes.push(note("actual-later", "The letter was published " + late + " working day" +
            (late === 1 ? "" : "s") + " after the standard date."));
        } else if (late < 0) {
          publication.notes.push(note("actual-earlier", "The letter was published " + (-late) + " working day" +
            (late === -1 ? "" : "s") + " before the standard date."));
        }
        if (!cal.isWorkingDay(actual)) {
          publication.notes.push(note("actual-not-working-day", notAWorkingDay(actual, cal) +
            ". Counting starts from it all the same."));
        }
      }
    }
    var statement = statementOfAction(data.statement_of_action, finalLetter, publication.used,
      input && input.letter_statement, cal);
    var complaints = { opens: finalLetter,
      closes: cal.addWorkingDays(publication.used, data.complaints.working_days_after_publication) };
    return { ok: true, schedule: sched, notification: sched.notification, fieldwork_start: sched.fieldwork_start,
      fieldwork_end: sched.fieldwork_end, notes: sched.notes, milestones: milestones, letter: letter,
      final_letter: finalLetter, publication: publication, statement: statement, complaints: complaints };
  }

  /**
   * When the statement of action is due. framework: the framework's counting (from the final
   * letter, or from publication); usual: publication plus the working days, which letters usually
   * give; letter: the date the partnership's own letter gives, which wins when entered.
   */
  function statementOfAction(soa, finalLetter, published, letterDate, cal) {
    var from = soa.counted_from === "final-letter" ? finalLetter : published;
    var framework = cal.addWorkingDays(from, soa.working_days);
    var letter = isDate(letterDate) ? letterDate : "";
    return { from: from, counted_from: soa.counted_from, working_days: soa.working_days,
      framework: framework, usual: cal.addWorkingDays(published, soa.working_days), usual_from: published,
      letter: letter, source: letter ? "letter" : "framework", date: letter || framework,
      from_final_letter: cal.addWorkingDays(finalLetter, soa.working_days) };
  }

  return {
    WEEKDAYS: WEEKDAYS, toDay: toDay, fromDay: fromDay, isDate: isDate, addDays: addDays,
    weekday: weekday, weekdayIndex: weekdayIndex, weekdayName: weekdayName, mondayOf: mondayOf,
    daysBetween: daysBetween, longDate: longDate, shortDate: shortDate, clock: clock, compareDeadlines: compareDeadlines,
    calendar: calendar, schedule: schedule, deadline: deadline, plan: plan
  };
});
