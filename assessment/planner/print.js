// needs: lib/dates.js lib/dom.js lib/jtai.js lib/plan.js
/* JTAI Ready preparation planner: the printed plan's first page, a wall planner.
 *
 * One calendar row per week from notification to the end of fieldwork, Monday to Friday, with
 * each dated item (and its time) in its day; items that run all week are listed once under
 * their week; then the key dates after fieldwork. It is drawn with the plan and shown only in
 * print (lib/print.css), so printing needs no script at print time.
 */
(function (J) {
  "use strict";

  var D = J.dates;
  var Plan = J.plan;
  var DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

  function itemText(row) {
    return (row.time ? D.clock(row.time) + ": " : "") + row.title;
  }

  function dayCell(iso, rows, cal, inPlan) {
    var h = J.dom.h;
    var holiday = cal.holidayName(iso);
    var own = rows.filter(function (r) { return !r.end && r.date === iso; });
    return h("td", { class: inPlan ? "" : "jtai-wall__outside" }, [
      h("span", { class: "jtai-wall__day", text: D.shortDate(iso).replace(/ \d{4}$/, "") }),
      holiday ? h("span", { class: "jtai-wall__holiday", text: "Bank holiday: " + holiday }) : null,
      own.length ? h("ul", {}, own.map(function (r) { return h("li", { text: itemText(r) }); })) : null
    ]);
  }

  function weekRows(plan, rows, cal) {
    var h = J.dom.h;
    var out = [];
    var last = plan.fieldwork_end;
    for (var monday = D.mondayOf(plan.notification); monday <= last; monday = D.addDays(monday, 7)) {
      var friday = D.addDays(monday, 4);
      var cells = DAYS.map(function (_, i) {
        var iso = D.addDays(monday, i);
        return dayCell(iso, rows, cal, iso >= plan.notification && iso <= last);
      });
      out.push(h("tr", {}, [h("th", { scope: "row", text: "Week of " + D.shortDate(monday).slice(4) })].concat(cells)));
      var allWeek = rows.filter(function (r) { return r.end && r.date >= monday && r.date <= friday; });
      if (allWeek.length) {
        out.push(h("tr", { class: "jtai-wall__during" }, [
          h("td", { colspan: "6" }, [h("strong", { text: "During the week: " }),
            allWeek.map(function (r) { return r.title + " (" + Plan.dateText(r, false).replace(/ \d{4}/g, "") + ")"; }).join("; ") + "."])
        ]));
      }
    }
    return out;
  }

  /** The wall planner for a worked-out plan (an element shown only in print); with an agency
   * ID, only that agency's dates, and the heading names it. */
  function wallPlanner(plan, data, cal, agency) {
    var h = J.dom.h;
    var r = Plan.rows(plan, data, agency);
    var after = r.rows.filter(function (row) { return row.group === "after"; });
    var whose = agency ? " for " + Plan.agencyName(data, agency) : "";
    return h("section", { class: "jtai-wall jtai-print-only", "aria-hidden": "true" }, [
      h("h2", { text: "JTAI plan" + whose + ": key dates at a glance" }),
      agency ? h("p", { class: "jtai-wall__filter", text: "Only the dates " + Plan.agencyName(data, agency) +
        " lead or contribute to, with fieldwork and what follows it. Every agency’s plan is on the planner page." }) : null,
      h("p", { text: "Notification " + D.longDate(plan.notification) + ". Fieldwork " + D.longDate(plan.fieldwork_start) +
        " to " + D.longDate(plan.fieldwork_end) + ". Times are the framework’s; the lead inspector’s timeline is the one that counts." }),
      h("table", { class: "jtai-wall__grid" }, [
        h("thead", {}, [h("tr", {}, [h("th", { text: "Week" })].concat(DAYS.map(function (d) { return h("th", { text: d }); })))]),
        h("tbody", {}, weekRows(plan, r.rows, cal))
      ]),
      h("h3", { text: "After fieldwork" }),
      h("table", { class: "jtai-wall__after" }, [h("tbody", {}, after.map(function (row) {
        return h("tr", {}, [h("th", { scope: "row", text: D.longDate(row.date) }), h("td", { text: row.title })]);
      }))])
    ]);
  }

  J.app("planner").parts.wallPlanner = wallPlanner;
})(self.JTAI);
