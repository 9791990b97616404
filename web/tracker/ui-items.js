/* JTAI Ready Annex A readiness tracker: the list of items. Each item has its status, owner, where
 * the document lives, last reviewed and notes; free text warns (never blocks) when it looks like a
 * child's details. refresh() brings every deadline, flag and filter up to date.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var Store = J.planStore;
  var D = J.dates;
  var T = J.tracker;
  var el = K.h;
  var FREE_TEXT = ["owner", "location", "notes"];
  var AUTOSAVE_DELAY_MS = 400;
  var nodes = {};
  var timers = {};  // one autosave timer per field, so typing in two fields loses neither

  function slug(id) {
    return id.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  }

  function agencyName(id) {
    var a = App.data.agencies.filter(function (x) { return x.id === id; })[0];
    return a ? a.name : id;
  }

  function field(name, label, control) {
    var warning = null;
    if (FREE_TEXT.indexOf(name) >= 0) {
      warning = el("p", { id: control.id + "-pii", class: "jtai-pii", role: "status" });
      control.setAttribute("aria-describedby", warning.id);
      if (control.value) K.checkPii(control, warning, true);
    }
    return el("div", { class: "jtai-field jtai-field--" + name }, [
      el("label", { for: control.id, text: label }), control, warning
    ]);
  }

  function controls(s, saved) {
    var text = function (name, max) {
      return el("input", { type: "text", id: "t-" + s + "-" + name, "data-field": name, maxlength: max,
        autocomplete: "off", value: saved[name] });
    };
    return {
      status: el("select", { id: "t-" + s + "-status", "data-field": "status" }, T.statuses(App.data).map(function (st) {
        return el("option", { value: st.id, text: st.label, selected: st.id === saved.status });
      })),
      owner: text("owner", "200"),
      location: text("location", "500"),
      reviewed: el("input", { type: "date", id: "t-" + s + "-reviewed", "data-field": "reviewed", value: saved.reviewed }),
      notes: el("textarea", { id: "t-" + s + "-notes", "data-field": "notes", rows: "2", maxlength: "5000", value: saved.notes })
    };
  }

  function criteriaLinks(item) {
    var out = [];
    item.criteria.forEach(function (c, i) {
      if (i) out.push(", ");
      out.push(el("a", { href: c.url, text: c.id + ": " + c.title }));
    });
    return el("span", {}, out);
  }

  function onChange(item, event) {
    var f = event.target.getAttribute("data-field");
    if (!f) return;
    var value = event.target.value;
    if (f === "reviewed") {
      var iso = Store.readDate(value);
      if (iso === null) {
        App.say("Last reviewed is not a real date.");
        return;
      }
      value = iso;
    }
    clearTimeout(timers[event.target.id]);
    App.change(item.id, f, value, f !== "status");
  }

  function onInput(item, event) {
    var f = event.target.getAttribute("data-field");
    if (FREE_TEXT.indexOf(f) < 0) return;
    var target = event.target;
    K.checkPii(target, App.$(target.id + "-pii"));
    clearTimeout(timers[target.id]);
    timers[target.id] = setTimeout(function () { App.change(item.id, f, target.value, true); }, AUTOSAVE_DELAY_MS);
  }

  function itemNode(item) {
    var s = slug(item.id);
    var c = controls(s, T.itemOf(App.tracker, item.id));
    var deadline = el("span", { class: "jtai-item__deadline" });
    var badge = el("strong", { class: "jtai-badge", hidden: true });
    var li = el("li", { class: "jtai-item", id: "item-" + s, "data-id": item.id }, [
      el("h3", { class: "jtai-item__title", id: "t-" + s + "-title" }, [item.label]),
      el("p", { class: "jtai-item__meta" }, [
        el("span", { text: "Agency: " + agencyName(item.agency) }), " ",
        item.contributors.length ? el("span", { class: "jtai-item__with",
          text: "With: " + item.contributors.map(agencyName).join(", ") }) : null, " ",
        el("span", {}, ["Due: ", deadline]), " ", badge
      ]),
      el("p", { class: "jtai-item__links" }, ["Helps to show: ", criteriaLinks(item), ". ",
        el("a", { href: item.url, text: "What inspectors ask for" })]),
      el("fieldset", { class: "jtai-item__fields" }, [
        el("legend", { class: "jtai-visually-hidden", text: "Progress on " + item.label }),
        field("status", "Status", c.status),
        field("owner", "Owner (a role, not a name)", c.owner),
        field("location", "Where the document lives", c.location),
        field("reviewed", "Last reviewed", c.reviewed),
        field("notes", "Notes", c.notes)
      ])
    ]);
    li.addEventListener("change", function (event) { onChange(item, event); });
    li.addEventListener("input", function (event) { onInput(item, event); });
    nodes[item.id] = { li: li, deadline: deadline, badge: badge };
    return li;
  }

  App.buildList = function () {
    var list = K.clear(App.$("tracker-list"));
    nodes = {};
    App.data.annex_a.forEach(function (item) { list.appendChild(itemNode(item)); });
  };

  /** Bring every item's deadline, flag and visibility, and the progress, up to date. */
  App.refresh = function () {
    var rows = App.rows();
    var shown = {};
    T.filter(rows, App.filters()).forEach(function (r) { shown[r.id] = true; });
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
    App.renderProgress(T.progress(App.data, rows));
    return { total: rows.length, shown: Object.keys(shown).length };
  };
})(self.JTAI);
