// needs: lib/date-input.js lib/dates.js lib/dom.js lib/jtai.js lib/plan-store.js lib/plan.js
// needs: planner/ics.js
/* JTAI Ready preparation planner: the page.
 *
 * Reads the date form, works the plan out with JTAI.dates, shows the notes, the key dates and one
 * table per week plus one for after fieldwork, and offers the plan as .ics, CSV and print. The
 * dates are saved in this browser and shared with the Annex A readiness tracker. Each row says
 * who leads and who contributes, and an agency list narrows the plan to one agency's part
 * (agencies.js); the notification-day checklist below the plan is checklist.js.
 */
(function (root) {
  "use strict";

  var K = root.JTAI.dom;
  var Store = root.JTAI.planStore;
  var D = root.JTAI.dates;
  var Plan = root.JTAI.plan;
  var DateInput = root.JTAI.dateInput;
  var el = K.h;
  var agencyFilter = "";

  function $(id) {
    return document.getElementById(id);
  }

  function start(mount, data) {
    var cal = D.calendar(data.holidays);
    var form = $("planner-form");
    var dateField = DateInput.create({ id: "planner-date", legend: "Date", name: "the date" });
    var actualField = DateInput.create({ id: "planner-actual", legend: "Actual publication date",
      name: "the publication date", hint: "Leave it empty until the letter is published. For example, 18 7 2024." });
    $("planner-date-field").replaceWith(dateField.element);
    $("planner-actual-field").replaceWith(actualField.element);
    var status = $("planner-status");
    var result = $("planner-result");
    var state = Store.loadDates();
    var current = null;

    form.hidden = false;
    var loading = mount.querySelector(".jtai-loading");
    if (loading) loading.remove();

    function setMode(mode) {
      $("planner-mode-" + mode).checked = true;
      dateField.hint.textContent = (mode === "fieldwork"
        ? "The first day inspectors are on site, usually a " + D.weekdayName(data.rules.notification_weekday) + "."
        : "The day of the phone call, usually a " + D.weekdayName(data.rules.notification_weekday) +
          " (earlier when a bank holiday falls in week 1 or 2).") + " For example, 3 5 2024.";
    }

    function mode() {
      return $("planner-mode-fieldwork").checked ? "fieldwork" : "notification";
    }

    /** Take the plan away, so an old plan never stays under an error. */
    function hidePlan() {
      result.hidden = true;
      current = null;
    }

    /** The date is wrong: say what to fix, clear the old plan and put focus on the box. */
    function dateError(message, parts) {
      dateField.showError(message, parts);
      hidePlan();
      K.announce(message, status);
      dateField.focus();
    }

    function show(announce) {
      var input = Store.inputFor(state);
      if (!input) {
        hidePlan();
        return;
      }
      var plan = D.plan(input, data, cal);
      if (!plan.ok) {
        dateField.showError(plan.message);
        hidePlan();
        if (announce) K.announce(plan.message, status);
        return;
      }
      dateField.clearError();
      current = plan;
      render(plan, data, cal);
      result.hidden = false;
      if (announce) {
        K.announce("Plan updated: notification " + D.longDate(plan.notification) + ", fieldwork " +
          D.longDate(plan.fieldwork_start) + " to " + D.longDate(plan.fieldwork_end) + ".", status);
      }
    }

    function saveState() {
      var saved = Store.saveDates(state);
      $("planner-saved").textContent = saved.ok
        ? "Saved in this browser. The Annex A readiness tracker uses the same date."
        : saved.message;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var read = dateField.value();
      if (!read.ok || read.empty) {
        dateError(read.empty ? "Enter the date, for example 3 5 2024." : read.message, read.parts);
        return;
      }
      var next = { mode: mode(), date: read.iso, actual_publication: state.actual_publication };
      var check = D.schedule(Store.inputFor(next), data.rules, cal);
      if (!check.ok) {
        dateError(check.message);
        return;
      }
      state = next;
      saveState();
      show(true);
      if (current) K.focus($("planner-result-title"));
    });

    Array.prototype.forEach.call(form.querySelectorAll("input[name=planner-mode]"), function (radio) {
      radio.addEventListener("change", function () { setMode(mode()); });
    });

    $("planner-clear").addEventListener("click", function () {
      state = { mode: mode(), date: "", actual_publication: "" };
      dateField.clear();
      actualField.clear();
      saveState();
      show(false);
      K.announce("Date cleared.", status);
      dateField.focus();
    });

    $("planner-publication-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var read = actualField.value();
      if (!read.ok) {
        actualField.showError(read.message + " Or leave all three boxes empty.", read.parts);
        actualField.focus();
        return;
      }
      actualField.clearError();
      var value = read.iso;
      state.actual_publication = value;
      saveState();
      show(false);
      K.announce(value ? "Actual publication date recorded: " + D.longDate(value) + ". Statement of action due " +
        D.longDate(current.statement.date) + "." : "Actual publication date cleared: using the standard date.", status);
    });

    $("planner-actual-clear").addEventListener("click", function () {
      actualField.clear();
      state.actual_publication = "";
      saveState();
      show(false);
      K.announce("Actual publication date cleared: using the standard date.", status);
    });

    $("planner-ics").addEventListener("click", function () {
      if (!current) return;
      K.download(Plan.fileName(current, "ics"), root.JTAI.ics.fromPlan(current, data, { now: K.nowStamp() }),
        "text/calendar;charset=utf-8");
      K.announce("Calendar file downloaded.", status);
    });
    $("planner-csv").addEventListener("click", function () {
      if (!current) return;
      K.download(Plan.fileName(current, "csv"), Plan.toCSV(current, data), "text/csv;charset=utf-8");
      K.announce("Spreadsheet file downloaded.", status);
    });
    // The printed plan is drawn with the plan (a wall planner first, lib/print.css): nothing to do
    // at print time.
    $("planner-print").addEventListener("click", function () { root.print(); });

    var parts = root.JTAI.app("planner").parts;
    $("planner-tables").before(parts.agencies.filter(data, function (agency) {
      agencyFilter = agency;
      K.announce(parts.agencies.applyFilter(result, data, agency), status);
    }));
    parts.checklist();

    setMode(state.mode);
    dateField.set(state.date);
    actualField.set(state.actual_publication);
    if (!Store.canSave()) $("planner-saved").textContent = "This browser is not saving for this site: your dates last until you close the page.";
    show(false);
    // After the browser's own jump to the link's anchor, which happens up to the load event.
    if (document.readyState === "complete") goToWeek();
    else root.addEventListener("load", goToWeek);
  }

  /** A link from another page ("See week 2 as dates", planner.html#week-2) lands on that week's
   * table, or on the date boxes when no date is set yet. */
  function goToWeek() {
    var week = /^#week-(\d+)$/.exec(root.location.hash);
    if (!week) return;
    var table = document.getElementById("plan-week-" + week[1]);
    if (table && !$("planner-result").hidden) table.scrollIntoView();
    else $("planner-form").scrollIntoView();
  }

  // ---------------------------------------------------------------------------------------
  // Showing the plan

  function render(plan, data, cal) {
    var wall = $("planner-wall");
    if (wall) wall.remove();
    var wallPlanner = root.JTAI.app("planner").parts.wallPlanner(plan, data, cal);
    wallPlanner.id = "planner-wall";
    $("planner-result-title").before(wallPlanner);
    renderNotes(plan, data);
    renderSummary(plan);
    var r = Plan.rows(plan, data);
    var items = {};
    data.annex_a.forEach(function (i) { items[i.id] = i; });
    var weeks = $("planner-tables");
    var after = $("planner-after");
    K.clear(weeks);
    K.clear(after);
    r.groups.forEach(function (g) {
      var rows = r.rows.filter(function (row) { return row.group === g.id; });
      (g.id === "after" ? after : weeks).appendChild(table(g, rows, items, data));
    });
    $("planner-standard").textContent = D.longDate(plan.publication.standard);
    var pubNotes = $("planner-publication-notes");
    K.clear(pubNotes);
    plan.publication.notes.forEach(function (n) { pubNotes.appendChild(el("p", { text: n.text })); });
    root.JTAI.app("planner").parts.agencies.applyFilter($("planner-result"), data, agencyFilter);
  }

  function renderNotes(plan, data) {
    var box = $("planner-notes");
    K.clear(box);
    plan.notes.forEach(function (n) {
      box.appendChild(note(n.code, n.code === "outside-holidays" ? "Check these dates" : "How the date was worked out", n.text));
    });
    var holidayNote = (data.rules.calendar || {}).on_a_holiday_note;
    if (holidayNote) {
      box.appendChild(note("on-a-holiday", "Bank holidays: the site’s assumption, check with the lead inspector", holidayNote));
    }
  }

  function note(code, title, text) {
    return el("div", { class: "admonition note jtai-plan-note", "data-code": code }, [
      el("p", { class: "admonition-title", text: title }), el("p", { text: text })
    ]);
  }

  function renderSummary(plan) {
    var dl = $("planner-summary");
    K.clear(dl);
    var entries = [
      ["Notification (day 1)", D.longDate(plan.notification), "notification"],
      ["Fieldwork", D.longDate(plan.fieldwork_start) + " to " + D.longDate(plan.fieldwork_end), "fieldwork"],
      ["Final letter (under embargo)", D.longDate(plan.final_letter), "final-letter"],
      [plan.publication.actual ? "Published" : "Standard publication date", D.longDate(plan.publication.used), "publication"],
      ["Last day to complain", D.longDate(plan.complaints.closes), "complaints"],
      ["Statement of action due", D.longDate(plan.statement.date), "statement"]
    ];
    entries.forEach(function (e) {
      dl.appendChild(el("div", { class: "jtai-summary__row" }, [
        el("dt", { text: e[0] }), el("dd", { text: e[1], "data-key": e[2] })
      ]));
    });
  }

  function whatCell(row, items, who, milestone) {
    var cell = el("div", { class: "jtai-plan-what" }, [el("strong", { text: row.title })]);
    if (row.what) cell.appendChild(el("span", { text: " " + row.what }));
    if (milestone && milestone.our_reading) {
      cell.appendChild(el("span", { class: "jtai-plan-ours" }, [" ", el("strong", { text: "Our reading:" }), " " + milestone.our_reading]));
    }
    if (row.note) {
      var assumed = /^Moved to /.test(row.note) ? " This is the site’s assumption: check with the lead inspector." : "";
      cell.appendChild(el("span", { class: "jtai-plan-moved", text: " " + row.note + assumed }));
    }
    if (row.annex_a.length) {
      var list = el("ul", { class: "jtai-plan-items" });
      row.annex_a.forEach(function (id) {
        var item = items[id];
        list.appendChild(el("li", {}, [item ? el("a", { href: item.url, text: item.label }) : id]));
      });
      cell.appendChild(el("details", { class: "jtai-plan-annex" }, [
        el("summary", { text: "Annex A items due (" + row.annex_a.length + ")" }), list]));
      cell.appendChild(el("span", { class: "jtai-print-only", text: " Annex A items due: " + row.annex_a.length + "." }));
    }
    // On paper, who acts goes here rather than in its own column (lib/print.css), by short name.
    if (who.length) cell.appendChild(el("span", { class: "jtai-print-only", text: " Who: " + who.join(", ") + "." }));
    if (row.paras.length) cell.appendChild(source(row.paras));
    return cell;
  }

  /** "Source: framework paragraphs 42 and 45.", each number a link to it on the framework page. */
  function source(paras) {
    var links = [];
    paras.forEach(function (n, i) {
      if (i) links.push(i === paras.length - 1 ? " and " : ", ");
      links.push(el("a", { href: "guidance.html#para-" + n, text: String(n) }));
    });
    return el("small", { class: "jtai-source" },
      ["Source: framework paragraph" + (paras.length > 1 ? "s " : " ")].concat(links, ["."]));
  }

  /** The date; on paper the time goes with it, and its own column is left out (lib/print.css). */
  function dateCell(row) {
    var time = row.end ? "" : Plan.timeText(row);
    return el("span", {}, [Plan.dateText(row, false),
      time ? el("span", { class: "jtai-print-only", text: ", " + time }) : null]);
  }

  function table(group, rows, items, data) {
    var A = root.JTAI.app("planner").parts.agencies;
    var range = group.start && group.id !== "after"
      ? " (" + D.shortDate(group.start) + " to " + D.shortDate(group.end) + ")" : "";
    return K.stackedTable("plan-" + group.id, group.title + range, ["Date", "Time", "What happens", "Who"],
      rows.map(function (row) {
        var milestone = A.milestone(row, data);
        var who = A.who(row, data);
        return {
          attrs: { id: "plan-row-" + row.id, "data-date": row.date, "data-end": row.end || null,
            "data-time": row.time || null, class: row.note ? "jtai-plan-row--moved" : null,
            "data-agencies": A.agencyIds(milestone).join(" ") },
          cells: [
            { node: dateCell(row), attrs: { class: "jtai-plan-date" } },
            { text: Plan.timeText(row), attrs: { class: "jtai-plan-time" } },
            { node: whatCell(row, items, who, milestone) },
            { text: who.join(", "), attrs: { class: "jtai-plan-who" } }
          ]
        };
      }), "jtai-plan-table--plan");
  }

  root.JTAI.app("planner").start = function (mount) {
    start(mount, root.JTAI.data.planner);
  };
})(typeof self !== "undefined" ? self : this);
