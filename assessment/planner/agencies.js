// needs: lib/dom.js lib/jtai.js lib/plan.js
/* JTAI Ready preparation planner: who does what (issue 12).
 *
 * who(row): the agencies in a plan row by their short names, the lead marked "(lead)" and the
 * contributing agencies after it, from the milestone's data (JTAI.data.planner.milestones).
 * filter(data, onChange): a "Show what an agency leads or contributes to" list; applyFilter()
 * hides the rows of milestones the chosen agency has no part in, so what is left reads in date
 * order, week 1 first. Rows that name no agency (fieldwork, the letter, what follows) stay.
 * Needs dom.js.
 */
(function (root) {
  "use strict";

  var J = root.JTAI;

  var cached = { data: null, lookups: null };

  /** Short names and milestones by ID, worked out once for the page's data. */
  function lookups(data) {
    if (cached.data === data) return cached.lookups;
    var short = {};
    data.agencies.forEach(function (a) { short[a.id] = a.short_name || a.name; });
    var milestones = {};
    data.milestones.forEach(function (m) { milestones[m.id] = m; });
    cached = { data: data, lookups: { short: short, milestones: milestones } };
    return cached.lookups;
  }

  var agencyIds = J.plan.agencyIds;

  /** The names for a row's Who column: ["Inspectors", "Social care (lead)", "Police", …]. */
  function who(row, data) {
    var L = lookups(data);
    var m = L.milestones[row.id];
    if (!m) return row.who;
    var names = agencyIds(m).map(function (id) {
      return L.short[id] + (id === m.lead ? " (lead)" : "");
    });
    return m.by === "inspectors" ? ["Inspectors"].concat(names) : names;
  }

  /** The select list, showing `chosen`; onChange(agencyId) is called with "" for every agency.
   * Below it, a link to the Annex A readiness tracker filtered to the same agency. */
  function filter(data, chosen, onChange) {
    var h = J.dom.h;
    var link = h("a", { id: "planner-tracker-link" });
    var select = h("select", { id: "planner-agency", on: { change: function () {
      trackerLink(link, data, select.value);
      onChange(select.value);
    } } }, [h("option", { value: "", text: "Every agency" })].concat(data.agencies.map(function (a) {
      return h("option", { value: a.id, text: a.short_name || a.name });
    })));
    select.value = chosen;
    trackerLink(link, data, chosen);
    return h("div", { class: "jtai-field jtai-no-print" }, [
      h("label", { for: "planner-agency", text: "Show what an agency leads or contributes to" }), select,
      h("p", { class: "jtai-hint" }, [link])
    ]);
  }

  function trackerLink(link, data, agencyId) {
    link.setAttribute("href", "tracker.html" + (agencyId ? "?agency=" + encodeURIComponent(agencyId) : ""));
    link.textContent = agencyId ? "See the Annex A items " + lookups(data).short[agencyId] + " lead or contribute to in the readiness tracker"
      : "See every Annex A item in the readiness tracker";
  }

  /** Hide the rows agencyId takes no part in (JTAI.plan.forAgency: rows that are not milestones
   * have no data-agencies and stay); returns a sentence saying what is shown. */
  function applyFilter(container, data, agencyId) {
    var L = lookups(data);
    var shown = 0;
    Array.prototype.forEach.call(container.querySelectorAll("tr[data-agencies]"), function (tr) {
      var ids = tr.getAttribute("data-agencies").split(" ").filter(Boolean);
      var show = !agencyId || ids.indexOf(agencyId) >= 0;
      tr.hidden = !show;
      if (show) shown += 1;
    });
    if (!agencyId) return "Showing every agency’s dates.";
    var name = L.short[agencyId];
    return "Showing the " + shown + " dates " + name + " lead or contribute to, week 1 first, with fieldwork and what follows it.";
  }

  J.app("planner").parts.agencies = { who: who, agencyIds: agencyIds, filter: filter, applyFilter: applyFilter,
    name: function (data, agencyId) { return lookups(data).short[agencyId] || ""; },
    milestone: function (row, data) { return lookups(data).milestones[row.id] || null; } };
})(self);
