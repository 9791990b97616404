/* JTAI Ready Annex A readiness tracker: progress (overall and by agency) and the filters. */
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

  App.filters = function () {
    return { agency: App.$("tracker-filter-agency").value, status: App.$("tracker-filter-status").value,
      deadline: App.$("tracker-filter-deadline").value };
  };

  function announceCount() {
    var counted = App.refresh();
    K.announce("Showing " + counted.shown + " of " + counted.total + " items.", App.$("tracker-count"));
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
    var form = App.$("tracker-filters");
    form.addEventListener("change", announceCount);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    App.$("tracker-filter-reset").addEventListener("click", function () {
      agency.value = "";
      status.value = "";
      deadline.value = "";
      announceCount();
    });
  };
})(self.JTAI);
