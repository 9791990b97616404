// needs: lib/date-input.js lib/dates.js lib/dom.js lib/jtai.js lib/plan-store.js lib/plan.js lib/storage.js
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
  // The agency chosen, kept in this browser apart from the dates the tracker shares.
  var VIEW_KEY = root.JTAI.storage.scoped("jtai-ready:planner-view");

  function $(id) {
    return document.getElementById(id);
  }

  function start(mount, data) {
    var cal = D.calendar(data.holidays);
    var form = $("planner-form");
    var dateField = DateInput.create({ id: "planner-date", legend: "Date", name: "the date" });
    var actualField = DateInput.create({ id: "planner-actual", legend: "Actual publication date",
      name: "the publication date", hint: "Leave it empty until the letter is published. For example, 18 7 2024." });
    var letterField = DateInput.create({ id: "planner-letter", legend: "Statement of action due, as the letter gives it",
      name: "the date in the letter", hint: "Leave it empty until you have the letter. For example, 25 10 2024." });
    $("planner-date-field").replaceWith(dateField.element);
    $("planner-actual-field").replaceWith(actualField.element);
    $("planner-letter-field").replaceWith(letterField.element);
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
      var next = { mode: mode(), date: read.iso, actual_publication: state.actual_publication,
        letter_statement: state.letter_statement };
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
      state = { mode: mode(), date: "", actual_publication: "", letter_statement: "" };
      dateField.clear();
      actualField.clear();
      letterField.clear();
      saveState();
      show(false);
      K.announce("Date cleared.", status);
      dateField.focus();
    });

    /** A date that may be left empty (the publication date, the date in the letter): saved
     * under state[key] and announced with said(value) once the plan is redrawn. */
    function optionalDate(field, formId, clearId, key, said) {
      function use(value) {
        state[key] = value;
        saveState();
        show(false);
        K.announce(said(value), status);
      }
      $(formId).addEventListener("submit", function (event) {
        event.preventDefault();
        var read = field.value();
        if (!read.ok) {
          field.showError(read.message + " Or leave all three boxes empty.", read.parts);
          field.focus();
          return;
        }
        field.clearError();
        use(read.iso);
      });
      $(clearId).addEventListener("click", function () {
        field.clear();
        use("");
      });
    }

    optionalDate(actualField, "planner-publication-form", "planner-actual-clear", "actual_publication", function (value) {
      return value ? "Actual publication date recorded: " + D.longDate(value) + ". Last day to complain " +
        D.longDate(current.complaints.closes) + "." : "Actual publication date cleared: using the standard date.";
    });
    optionalDate(letterField, "planner-letter-form", "planner-letter-clear", "letter_statement", function (value) {
      return value ? "Statement of action date from your letter recorded: " + D.longDate(value) +
        ". The plan, calendar file, spreadsheet and print use it."
        : "Date from the letter cleared: the plan uses the framework’s latest date, " + D.longDate(current.statement.date) + ".";
    });

    $("planner-ics").addEventListener("click", function () {
      if (!current) return;
      K.download(Plan.fileName(current, "ics", agencyFilter),
        root.JTAI.ics.fromPlan(current, data, { now: K.nowStamp(), agency: agencyFilter }), "text/calendar;charset=utf-8");
      K.announce("Calendar file downloaded" + whose(data) + ".", status);
    });
    $("planner-csv").addEventListener("click", function () {
      if (!current) return;
      K.download(Plan.fileName(current, "csv", agencyFilter), Plan.toCSV(current, data, agencyFilter), "text/csv;charset=utf-8");
      K.announce("Spreadsheet file downloaded" + whose(data) + ".", status);
    });
    // The printed plan is drawn with the plan (a wall planner first, lib/print.css): nothing to do
    // at print time.
    $("planner-print").addEventListener("click", function () { root.print(); });

    var parts = root.JTAI.app("planner").parts;
    agencyFilter = savedAgency(data);
    $("planner-tables").before(parts.agencies.filter(data, agencyFilter, function (agency) {
      agencyFilter = agency;
      var saved = Store.save(VIEW_KEY, { agency: agency });
      if (current) render(current, data, cal);
      K.announce(parts.agencies.applyFilter(result, data, agency) + (saved.ok ? "" : " " + saved.message), status);
    }));
    parts.checklist();

    setMode(state.mode);
    dateField.set(state.date);
    actualField.set(state.actual_publication);
    letterField.set(state.letter_statement);
    if (!Store.canSave()) $("planner-saved").textContent = "This browser is not saving for this site: your dates last until you close the page.";
    show(false);
    // After the browser's own jump to the link's anchor, which happens up to the load event.
    if (document.readyState === "complete") goToWeek();
    else root.addEventListener("load", goToWeek);
  }

  /** The agency chosen last time, if the framework still has it. */
  function savedAgency(data) {
    var saved = Store.load(VIEW_KEY);
    var id = saved && typeof saved.agency === "string" ? saved.agency : "";
    return data.agencies.some(function (a) { return a.id === id; }) ? id : "";
  }

  /** ", for Police" when an agency is chosen. */
  function whose(data) {
    return agencyFilter ? " for " + Plan.agencyName(data, agencyFilter) : "";
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
    var wallPlanner = root.JTAI.app("planner").parts.wallPlanner(plan, data, cal, agencyFilter);
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
    $("planner-statement-framework").textContent = D.longDate(plan.statement.framework);
    $("planner-statement-usual").textContent = D.longDate(plan.statement.usual);
    var pubNotes = $("planner-publication-notes");
    K.clear(pubNotes);
    plan.publication.notes.forEach(function (n) { pubNotes.appendChild(el("p", { text: n.text })); });
    var shown = root.JTAI.app("planner").parts.agencies.applyFilter($("planner-result"), data, agencyFilter);
    var filterNote = $("planner-filter-note");
    filterNote.textContent = agencyFilter ? shown + " The calendar file, spreadsheet and print show the same." : "";
    filterNote.hidden = !agencyFilter;
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
      ["Last day to complain", D.longDate(plan.complaints.closes), "complaints"]
    ].concat(statementEntries(plan.statement));
    entries.forEach(function (e) {
      dl.appendChild(el("div", { class: "jtai-summary__row" }, [
        el("dt", { text: e[0] }), el("dd", { text: e[1], "data-key": e[2] })
      ]));
    });
  }

  /** The statement of action: the date that counts first, then the others for comparison. */
  function statementEntries(s) {
    var usual = ["Letters usually give (publication + " + s.working_days + " working days)", D.longDate(s.usual), "statement-usual"];
    if (s.source === "letter") {
      return [["Statement of action due (the date in your letter)", D.longDate(s.letter), "statement"],
        ["The framework’s latest date", D.longDate(s.framework), "statement-framework"], usual];
    }
    return [["Statement of action due (the framework’s latest date)", D.longDate(s.framework), "statement"], usual];
  }

  function whatCell(row, items, who, milestone, data) {
    var cell = el("div", { class: "jtai-plan-what" }, [el("strong", { text: row.title })]);
    if (row.what) cell.appendChild(el("span", { text: " " + row.what }));
    if (milestone && milestone.our_reading) {
      cell.appendChild(el("span", { class: "jtai-plan-ours" }, [" ", el("strong", { text: "Our reading:" }), " " + milestone.our_reading]));
    }
    if (row.note) {
      var assumed = /Moved to /.test(row.note) ? " This is the site’s assumption: check with the lead inspector." : "";
      cell.appendChild(el("span", { class: "jtai-plan-moved", text: " " + row.note + assumed }));
    }
    var ids = Plan.itemsFor(row.annex_a, data, agencyFilter);
    if (ids.length) {
      var list = el("ul", { class: "jtai-plan-items" });
      ids.forEach(function (id) {
        var item = items[id];
        list.appendChild(el("li", {}, [item ? el("a", { href: item.url, text: item.label }) : id]));
      });
      var count = ids.length < row.annex_a.length
        ? ids.length + " of " + row.annex_a.length + ", " + Plan.agencyName(data, agencyFilter) + "’s" : String(ids.length);
      cell.appendChild(el("details", { class: "jtai-plan-annex" }, [
        el("summary", { text: "Annex A items due (" + count + ")" }), list]));
      cell.appendChild(el("span", { class: "jtai-print-only", text: " Annex A items due: " + count + "." }));
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
            "data-agencies": row.agencies === null ? null : row.agencies.join(" ") },
          cells: [
            { node: dateCell(row), attrs: { class: "jtai-plan-date" } },
            { text: Plan.timeText(row), attrs: { class: "jtai-plan-time" } },
            { node: whatCell(row, items, who, milestone, data) },
            { text: who.join(", "), attrs: { class: "jtai-plan-who" } }
          ]
        };
      }), "jtai-plan-table--plan");
  }

  root.JTAI.app("planner").start = function (mount) {
    start(mount, root.JTAI.data.planner);
  };
})(typeof self !== "undefined" ? self : this);
