/* JTAI Ready Annex A readiness tracker: the page.
 *
 * One entry per Annex A item with its agency, deadline (dated once a date is set, shared with
 * the preparation planner), status, owner, where the document lives, last reviewed and notes.
 * Filters, progress by agency, overdue and due-soon flags, autosave, JSON export and import (a
 * bad file changes nothing) and CSV export. Owner, location and notes warn (never block) when
 * they look like a child's details (lib/pii.js). All text from the data or a file is set as text.
 */
(function (root) {
  "use strict";

  var App = root.JTAI.page;
  var D = root.JTAI.dates;
  var T = root.JTAI.tracker;
  var el = App.el;
  var KEY = "jtai-ready:tracker";
  var TYPING_DELAY_MS = 400;
  var FREE_TEXT = ["owner", "location", "notes"];
  var loadProblem = "";

  function $(id) {
    return document.getElementById(id);
  }

  function slug(id) {
    return id.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  }

  function start(mount, data) {
    var cal = D.calendar(data.holidays);
    var status = $("tracker-status");
    var tracker = loadTracker(data);
    var dates = App.loadDates();
    var sched = null;
    var nodes = {};
    var timer = null;
    var piiTimers = {};

    $("tracker-app").hidden = false;
    var loading = mount.querySelector(".jtai-loading");
    if (loading) loading.remove();

    function context() {
      return { sched: sched, cal: cal, today: App.today(), nowTime: App.nowTime() };
    }

    function currentRows() {
      return T.rows(data, tracker, context());
    }

    function persist() {
      var saved = App.save(KEY, tracker);
      $("tracker-saved").textContent = saved.ok
        ? "Saved in this browser at " + App.nowTime() + "." : saved.message;
      return saved;
    }

    function change(id, field, value, quiet) {
      var result = T.update(tracker, data, id, field, value, App.nowStamp());
      if (!result.ok) {
        App.announce(status, result.message);
        return;
      }
      tracker = result.tracker;
      persist();
      refresh();
      if (!quiet) {
        var p = T.progress(data, currentRows()).overall;
        var item = data.annex_a.filter(function (i) { return i.id === id; })[0];
        App.announce(status, item.label + ": " + T.statusLabel(data, value) + ". " + p.ready + " of " + p.total + " items ready.");
      }
    }

    // ---- dates shared with the planner

    function setSchedule() {
      var input = App.inputFor(dates);
      sched = input ? D.schedule(input, data.rules, cal) : null;
      var summary = $("tracker-date-summary");
      if (!sched) {
        summary.textContent = "No date set: deadlines show as weeks of the inspection.";
      } else if (!sched.ok) {
        summary.textContent = sched.message;
        sched = null;
      } else {
        summary.textContent = "Notification " + D.longDate(sched.notification) + "; fieldwork " +
          D.longDate(sched.fieldwork_start) + " to " + D.longDate(sched.fieldwork_end) + ".";
      }
      $("tracker-mode-" + (dates.mode === "fieldwork" ? "fieldwork" : "notification")).checked = true;
      $("tracker-date").value = dates.date;
    }

    $("tracker-date-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var input = $("tracker-date");
      var value = App.readDate(input.value);
      if (!value) {
        var message = value === "" ? "Enter a date." : "Enter a real date.";
        App.fieldError(input, $("tracker-date-error"), "tracker-date-hint", message);
        input.focus();
        return;
      }
      var mode = $("tracker-mode-fieldwork").checked ? "fieldwork" : "notification";
      var check = D.schedule(mode === "fieldwork" ? { fieldwork_start: value } : { notification: value }, data.rules, cal);
      if (!check.ok) {
        App.fieldError(input, $("tracker-date-error"), "tracker-date-hint", check.message);
        input.focus();
        return;
      }
      App.fieldError(input, $("tracker-date-error"), "tracker-date-hint", "");
      dates = { mode: mode, date: value, actual_publication: dates.date === value && dates.mode === mode ? dates.actual_publication : "" };
      App.saveDates(dates);
      setSchedule();
      refresh();
      var p = T.progress(data, currentRows()).overall;
      App.announce(status, "Deadlines dated from notification on " + D.longDate(sched.notification) + ". " +
        p.overdue + " overdue, " + p["due-soon"] + " due soon.");
    });

    $("tracker-date-clear").addEventListener("click", function () {
      dates = { mode: dates.mode, date: "", actual_publication: "" };
      App.saveDates(dates);
      setSchedule();
      refresh();
      App.announce(status, "Date cleared: deadlines show as weeks of the inspection.");
    });

    // ---- items

    function field(id, name, label, control) {
      var warning = null;
      if (FREE_TEXT.indexOf(name) >= 0) {
        warning = el("p", { id: control.id + "-pii", class: "jtai-pii", role: "status" });
        control.setAttribute("aria-describedby", warning.id);
        if (control.value) checkPii(control, warning);
      }
      return el("div", { class: "jtai-field jtai-field--" + name }, [
        el("label", { for: control.id, text: label }), control, warning
      ]);
    }

    /** Warn (never block) when free text looks like a child's details (lib/pii.js). */
    function checkPii(control, warning) {
      var message = root.JTAI.pii.message(root.JTAI.pii.check(control.value));
      if (warning.textContent !== message) warning.textContent = message;
    }

    function itemNode(item) {
      var s = slug(item.id);
      var saved = T.itemOf(tracker, item.id);
      var select = el("select", { id: "t-" + s + "-status", "data-field": "status" }, T.statuses(data).map(function (st) {
        return el("option", { value: st.id, text: st.label });
      }));
      select.value = saved.status;
      var owner = el("input", { type: "text", id: "t-" + s + "-owner", "data-field": "owner", maxlength: "200", autocomplete: "off" });
      owner.value = saved.owner;
      var location = el("input", { type: "text", id: "t-" + s + "-location", "data-field": "location", maxlength: "500", autocomplete: "off" });
      location.value = saved.location;
      var reviewed = el("input", { type: "date", id: "t-" + s + "-reviewed", "data-field": "reviewed" });
      reviewed.value = saved.reviewed;
      var notes = el("textarea", { id: "t-" + s + "-notes", "data-field": "notes", rows: "2", maxlength: "5000" });
      notes.value = saved.notes;
      var criteria = el("span", {}, []);
      item.criteria.forEach(function (c, i) {
        if (i) criteria.appendChild(document.createTextNode(", "));
        criteria.appendChild(el("a", { href: c.url, text: c.id + ": " + c.title }));
      });
      var deadline = el("span", { class: "jtai-item__deadline" });
      var badge = el("strong", { class: "jtai-badge", hidden: true });
      var li = el("li", { class: "jtai-item", id: "item-" + s, "data-id": item.id }, [
        el("h3", { class: "jtai-item__title", id: "t-" + s + "-title" }, [item.label]),
        el("p", { class: "jtai-item__meta" }, [
          el("span", { text: "Agency: " + agencyName(data, item.agency) }), " ",
          el("span", {}, ["Due: ", deadline]), " ", badge
        ]),
        el("p", { class: "jtai-item__links" }, ["Helps to show: ", criteria, ". ",
          el("a", { href: item.url, text: "What inspectors ask for" })]),
        el("fieldset", { class: "jtai-item__fields" }, [
          el("legend", { class: "jtai-visually-hidden", text: "Progress on " + item.label }),
          field(item.id, "status", "Status", select),
          field(item.id, "owner", "Owner (a role, not a name)", owner),
          field(item.id, "location", "Where the document lives", location),
          field(item.id, "reviewed", "Last reviewed", reviewed),
          field(item.id, "notes", "Notes", notes)
        ])
      ]);
      li.addEventListener("change", function (event) {
        var f = event.target.getAttribute("data-field");
        if (!f) return;
        var value = event.target.value;
        if (f === "reviewed") {
          var iso = App.readDate(value);
          if (iso === null) return App.announce(status, "Last reviewed is not a real date.");
          value = iso;
        }
        clearTimeout(timer);
        change(item.id, f, value, f !== "status");
        return undefined;
      });
      li.addEventListener("input", function (event) {
        var f = event.target.getAttribute("data-field");
        if (FREE_TEXT.indexOf(f) < 0) return;
        var target = event.target;
        var warning = document.getElementById(target.id + "-pii");
        clearTimeout(piiTimers[target.id]);
        piiTimers[target.id] = setTimeout(function () { checkPii(target, warning); }, TYPING_DELAY_MS);
        clearTimeout(timer);
        timer = setTimeout(function () { change(item.id, f, target.value, true); }, TYPING_DELAY_MS);
      });
      nodes[item.id] = { li: li, deadline: deadline, badge: badge, controls: { status: select, owner: owner,
        location: location, reviewed: reviewed, notes: notes } };
      return li;
    }

    function buildList() {
      var list = $("tracker-list");
      App.clear(list);
      nodes = {};
      data.annex_a.forEach(function (item) { list.appendChild(itemNode(item)); });
    }

    function filters() {
      return { agency: $("tracker-filter-agency").value, status: $("tracker-filter-status").value,
        deadline: $("tracker-filter-deadline").value };
    }

    /** Bring every item's deadline, flag and visibility, and the progress, up to date. */
    function refresh() {
      var rows = currentRows();
      var shown = {};
      T.filter(rows, filters()).forEach(function (r) { shown[r.id] = true; });
      rows.forEach(function (r) {
        var n = nodes[r.id];
        n.deadline.textContent = r.deadline_label + (r.date ? " (" + D.shortDate(r.date) + ")" : "");
        n.badge.textContent = r.timing === "overdue" ? "Overdue" : r.timing === "due-soon" ? "Due soon" : "";
        n.badge.hidden = !r.timing;
        n.badge.className = "jtai-badge" + (r.timing ? " jtai-badge--" + r.timing : "");
        n.li.setAttribute("data-status", r.status);
        n.li.setAttribute("data-timing", r.timing || "none");
        n.li.hidden = !shown[r.id];
      });
      renderProgress(T.progress(data, rows));
      return { total: rows.length, shown: Object.keys(shown).length };
    }

    function announceCount() {
      var counted = refresh();
      App.announce($("tracker-count"), "Showing " + counted.shown + " of " + counted.total + " items.");
    }

    function renderProgress(p) {
      var box = $("tracker-progress");
      App.clear(box);
      var o = p.overall;
      var label = function (id) { return T.statusLabel(data, id); };
      var count = function (id) { return " " + o[id] + " " + label(id).toLowerCase(); };
      box.appendChild(el("p", { class: "jtai-progress-overall", id: "tracker-overall" }, [
        el("strong", { text: o.ready + " of " + o.total + " items " + label("ready").toLowerCase() + " (" + o.percent + "% of those that apply)." }),
        count("in-progress") + "," + count("not-started") + "," + count("not-applicable") + "." +
          (sched ? " " + o.overdue + " overdue, " + o["due-soon"] + " due soon." : "")
      ]));
      box.appendChild(el("div", { class: "jtai-bar", "aria-hidden": "true" }, [
        el("span", { class: "jtai-bar__fill", style: "width:" + o.percent + "%" })]));
      box.appendChild(App.table("tracker-agency-caption", "Progress by agency",
        ["Agency", label("ready"), label("in-progress"), label("not-started"), label("not-applicable"), "Overdue",
          label("ready") + " (%)"],
        p.agencies.map(function (a) {
          var c = a.counts;
          return { attrs: { "data-agency": a.id }, cells: [
            { text: a.name, header: true }, { text: c.ready + " of " + c.total }, { text: String(c["in-progress"]) },
            { text: String(c["not-started"]) }, { text: String(c["not-applicable"]) },
            { text: sched ? String(c.overdue) : "–" }, { text: c.percent + "%" }
          ] };
        }), "jtai-progress-table"));
    }

    function fillFilters() {
      var agency = $("tracker-filter-agency");
      data.agencies.forEach(function (a) {
        if (data.annex_a.some(function (i) { return i.agency === a.id; })) agency.appendChild(el("option", { value: a.id, text: a.name }));
      });
      var statusSel = $("tracker-filter-status");
      T.statuses(data).forEach(function (s) { statusSel.appendChild(el("option", { value: s.id, text: s.label })); });
      var deadline = $("tracker-filter-deadline");
      T.deadlineLabels(data).forEach(function (label) { deadline.appendChild(el("option", { value: label, text: label })); });
      $("tracker-filters").addEventListener("change", announceCount);
      $("tracker-filters").addEventListener("submit", function (event) { event.preventDefault(); });
      $("tracker-filter-reset").addEventListener("click", function () {
        agency.value = "";
        statusSel.value = "";
        deadline.value = "";
        announceCount();
      });
    }

    // ---- export and import

    $("tracker-export-json").addEventListener("click", function () {
      var copy = T.setDates(tracker, dates, tracker.updated);
      App.download(T.fileName("json", App.today()), T.exportJSON(copy), "application/json");
      App.announce(status, "Tracker exported as JSON.");
    });
    $("tracker-export-csv").addEventListener("click", function () {
      App.download(T.fileName("csv", App.today()), T.toCSV(currentRows()), "text/csv;charset=utf-8");
      App.announce(status, "Tracker exported as CSV.");
    });

    function showImport(kind, title, lines) {
      var box = $("tracker-import-result");
      App.clear(box);
      box.className = "admonition " + (kind === "ok" ? "success" : "failure") + " jtai-import-result";
      box.appendChild(el("p", { class: "admonition-title", text: title }));
      if (lines.length) {
        box.appendChild(el("ul", {}, lines.map(function (l) { return el("li", { text: l }); })));
      }
      box.hidden = false;
      box.focus();
    }

    $("tracker-import").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        event.target.value = "";
        var parsed = T.parseImport(String(reader.result), data, { bytes: file.size });
        if (!parsed.ok) {
          var more = parsed.more ? ["… and " + parsed.more + " more."] : [];
          return showImport("error", parsed.message, parsed.details.concat(more));
        }
        var hasWork = Object.keys(tracker.items).length > 0;
        if (hasWork && !root.confirm("Replace the tracker saved in this browser with the one in " + file.name + "?")) {
          return showImport("error", "Import cancelled. Your saved tracker has not changed.", []);
        }
        tracker = parsed.tracker;
        var notes = parsed.warnings.slice();
        if (tracker.dates.date && !dates.date) {
          dates = { mode: tracker.dates.mode || "notification", date: tracker.dates.date, actual_publication: "" };
          App.saveDates(dates);
          notes.push("The date in the file (" + D.longDate(tracker.dates.date) + ") is now used for the deadlines.");
        } else if (tracker.dates.date && tracker.dates.date !== dates.date) {
          notes.push("The file was made with the date " + D.longDate(tracker.dates.date) + "; this browser keeps its own date, " +
            D.longDate(dates.date) + ".");
        }
        persist();
        setSchedule();
        buildList();
        refresh();
        return showImport("ok", "Imported " + Object.keys(tracker.items).length + " items from " + file.name + ".", notes);
      };
      reader.onerror = function () {
        showImport("error", "This file could not be read. Nothing was imported and your saved tracker has not changed.", []);
      };
      reader.readAsText(file);
    });

    $("tracker-reset").addEventListener("click", function () {
      if (!root.confirm("Clear every status, owner, location, date and note in this tracker? Export it first if you want a copy.")) return;
      tracker = T.newTracker(data, App.nowStamp());
      persist();
      buildList();
      refresh();
      App.announce(status, "Tracker cleared.");
    });

    fillFilters();
    setSchedule();
    buildList();
    var counted = refresh();
    $("tracker-count").textContent = "Showing " + counted.shown + " of " + counted.total + " items.";
    if (!App.canSave()) $("tracker-saved").textContent = "This browser is not saving for this site: export your tracker to keep it.";
    if (loadProblem) $("tracker-saved").textContent = loadProblem;
  }

  function agencyName(data, id) {
    var a = data.agencies.filter(function (x) { return x.id === id; })[0];
    return a ? a.name : id;
  }

  /** The saved tracker; one this page cannot read is kept aside under KEY + ":unreadable". */
  function loadTracker(data) {
    var saved = App.load(KEY);
    if (saved) {
      var check = T.parseImport(JSON.stringify(saved), data);
      if (check.ok) return check.tracker;
      App.save(KEY + ":unreadable", saved);
      loadProblem = "The tracker saved in this browser could not be read, so it was kept aside and a new one started.";
    }
    return T.newTracker(data, App.nowStamp());
  }

  root.JTAI.app("tracker").start = function (mount) {
    start(mount, root.JTAI.data.planner);
  };
})(typeof self !== "undefined" ? self : this);
