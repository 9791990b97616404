// needs: lib/dom.js lib/jtai.js tracker/tracker.js
/* JTAI Ready Annex A readiness tracker: progress (overall and by agency), the filters (agency,
 * owner, status, deadline, due in the next N working days) and the sort buttons in the table's
 * header cells (aria-sort says the order, as in the GOV.UK and MOJ sortable tables).
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var T = J.tracker;
  var el = K.h;

  App.renderProgress = function (p) {
    var box = K.clear(App.$("tracker-progress"));
    var o = p.overall;
    var label = function (id) { return T.statusLabel(App.data, id); };
    var count = function (id) { return " " + o[id] + " " + label(id).toLowerCase(); };
    box.appendChild(el("p", { class: "jtai-progress-overall", id: "tracker-overall" }, [
      el("strong", { text: o.ready + " of " + o.total + " items " + label("ready").toLowerCase() + " (" + o.percent + "% of those that apply)." }),
      count("in-progress") + "," + count("not-started") + "," + count("not-applicable") + "." +
        (App.sched ? " " + o.overdue + " overdue, " + o["due-soon"] + " due soon." : "")
    ]));
    box.appendChild(el("div", { class: "jtai-bar", "aria-hidden": "true" }, [
      el("span", { class: "jtai-bar__fill", style: "width:" + o.percent + "%" })]));
    box.appendChild(K.stackedTable("tracker-agency-caption", "Progress by agency",
      ["Agency", label("ready"), label("in-progress"), label("not-started"), label("not-applicable"), "Overdue",
        label("ready") + " (%)"],
      p.agencies.map(function (a) {
        var c = a.counts;
        return { attrs: { "data-agency": a.id }, cells: [
          { text: a.name, header: true }, { text: c.ready + " of " + c.total }, { text: String(c["in-progress"]) },
          { text: String(c["not-started"]) }, { text: String(c["not-applicable"]) },
          { text: App.sched ? String(c.overdue) : "–" }, { text: c.percent + "%" }
        ] };
      }), "jtai-progress-table"));
  };

  /** The "due in the next N working days" box: a whole number, "" when empty, null when not a number. */
  function within() {
    var text = App.$("tracker-filter-within").value.trim();
    if (text === "") return "";
    return /^\d{1,3}$/.test(text) ? Number(text) : null;
  }

  App.filters = function () {
    var days = within();
    return { agency: App.$("tracker-filter-agency").value, owner: App.$("tracker-filter-owner").value,
      status: App.$("tracker-filter-status").value, deadline: App.$("tracker-filter-deadline").value,
      within: days === null ? "" : days };
  };

  /** The filters in force, in words, so that a filtered count (and its print) names them. */
  App.filterText = function () {
    var f = App.filters();
    var parts = [];
    var select = function (id) { return App.$(id).selectedOptions[0].textContent; };
    if (f.agency) parts.push(select("tracker-filter-agency") + " (leads or contributes)");
    if (f.owner) parts.push(f.owner === "-" ? "no owner yet" : "owner " + f.owner);
    if (f.status) parts.push(f.status === "not-ready" ? "not ready yet" : "status " + select("tracker-filter-status"));
    if (f.deadline) parts.push(f.deadline === "overdue" ? "overdue" : f.deadline === "due-soon" ? "due soon" : "due " + f.deadline);
    if (f.within !== "") parts.push("due in the next " + f.within + " working day" + (f.within === 1 ? "" : "s"));
    return parts.length ? " Filtered to: " + parts.join("; ") + "." : "";
  };

  /** "Showing 22 of 93 items. Filtered to: Police (leads or contributes)." */
  App.countText = function (counted) {
    return "Showing " + counted.shown + " of " + counted.total + " items." + App.filterText();
  };

  /** The owner filter lists the owners typed so far; the one chosen stays chosen. */
  App.updateOwners = function (rows) {
    var select = App.$("tracker-filter-owner");
    var names = T.owners(rows);
    var now = Array.prototype.slice.call(select.options, 2).map(function (o) { return o.value; });
    if (now.join("\n") === names.join("\n")) return;
    var chosen = select.value;
    while (select.options.length > 2) select.remove(2);
    addOptions(select, names.map(function (n) { return { id: n, label: n }; }));
    select.value = chosen === "" || chosen === "-" || names.indexOf(chosen) >= 0 ? chosen : "";
  };

  var SORT_WORDS = { deadline: ["earliest first", "latest first"], agency: ["A to Z", "Z to A"],
    status: ["not started first", "ready first"], owner: ["A to Z", "Z to A"] };

  function initSort() {
    App.root.querySelectorAll("#tracker-table button[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        var key = button.getAttribute("data-sort");
        var th = button.closest("th");
        var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        App.sortBy(key, direction);
        App.say("Sorted by " + button.textContent.toLowerCase() + ", " + SORT_WORDS[key][direction === "ascending" ? 0 : 1] + ".");
      });
    });
  }

  function announceCount() {
    var box = App.$("tracker-filter-within");
    var bad = within() === null;
    K.fieldError(box, App.$("tracker-filter-within-error"), "tracker-filter-within-hint",
      bad ? "Enter a whole number of working days, for example 5." : "");
    var counted = App.refresh();
    K.announce((bad ? "Enter a whole number of working days. " : "") + App.countText(counted), App.$("tracker-count"));
  }

  function addOptions(select, options) {
    options.forEach(function (o) { select.appendChild(el("option", { value: o.id, text: o.label })); });
  }

  App.initFilters = function () {
    var data = App.data;
    var agency = App.$("tracker-filter-agency");
    var status = App.$("tracker-filter-status");
    var deadline = App.$("tracker-filter-deadline");
    addOptions(agency, data.agencies.filter(function (a) {
      return data.annex_a.some(function (i) { return i.agency === a.id || i.contributors.indexOf(a.id) >= 0; });
    }).map(function (a) { return { id: a.id, label: a.name }; }));
    addOptions(status, T.statuses(data));
    addOptions(deadline, T.deadlineLabels(data).map(function (label) { return { id: label, label: label }; }));
    // A link from the planner (tracker.html?agency=police) opens on that agency's items.
    var asked = new URLSearchParams(self.location.search).get("agency");
    if (asked && Array.prototype.some.call(agency.options, function (o) { return o.value === asked; })) agency.value = asked;
    var form = App.$("tracker-filters");
    var box = App.$("tracker-filter-within");
    box.parentNode.insertBefore(el("p", { class: "jtai-error", id: "tracker-filter-within-error", hidden: true }), box);
    form.addEventListener("change", announceCount);
    initSort();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      announceCount();
    });
    App.$("tracker-filter-reset").addEventListener("click", function () {
      agency.value = "";
      status.value = "";
      deadline.value = "";
      App.$("tracker-filter-owner").value = "";
      box.value = "";
      announceCount();
    });
  };
})(self.JTAI);
