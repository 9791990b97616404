// needs: lib/date-input.js lib/dates.js lib/dom.js lib/jtai.js tracker/tracker.js
/* JTAI Ready Annex A readiness tracker: the table of items. One row per item: the item (linked to
 * what inspectors ask for, and to the criteria it helps to show), its agency and the agencies
 * that contribute, its deadline and flag, and its status, owner and notes, edited in the row.
 * Where the document lives and when it was last reviewed show as text, and open for editing with
 * the row's "Change" button (built when first opened, so the table draws quickly). Every control's label names the item. Free
 * text warns (never blocks) when it looks like a child's details. refresh() brings every
 * deadline, flag and filter up to date; sortBy() reorders the rows. On a phone the rows stack
 * as cards (tracker.css).
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var D = J.dates;
  var T = J.tracker;
  var el = K.h;
  var FREE_TEXT = ["owner", "location", "notes"];
  var AUTOSAVE_DELAY_MS = 400;
  var CHUNK = 10;
  var nodes = {};
  var timers = {};  // one autosave timer per field, so typing in two fields loses neither

  function slug(id) {
    return id.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  }

  var names = null;
  /** The agency's name without its explanation in brackets (the filter lists the full names). */
  function agencyName(id) {
    if (!names) {
      names = {};
      App.data.agencies.forEach(function (a) { names[a.id] = a.name.replace(/\s*\([^)]*\)$/, ""); });
    }
    return names[id] || id;
  }

  /** A label that shows its short name on a phone and names the item for everyone. */
  function label(forId, text, item) {
    return el("label", { for: forId, class: "jtai-cell-label" }, [
      el("span", { class: "jtai-cell-label__name", text: text }),
      el("span", { class: "jtai-visually-hidden", text: ": " + item.label })]);
  }

  function warning(control) {
    var note = el("p", { id: control.id + "-pii", class: "jtai-pii", role: "status" });
    control.setAttribute("aria-describedby", note.id);
    if (control.value) K.checkPii(control, note, true);
    return note;
  }

  function criteriaLinks(item) {
    var out = ["Shows: "];
    item.criteria.forEach(function (c, i) {
      if (i) out.push(", ");
      out.push(el("a", { href: c.url, text: c.id, "aria-label": c.id + ": " + c.title }));
    });
    return el("span", { class: "jtai-item__criteria" }, out);
  }

  function moreText(saved) {
    var parts = [];
    if (saved.location) parts.push(saved.location);
    if (saved.reviewed) parts.push("reviewed " + D.shortDate(saved.reviewed));
    return parts.length ? parts.join("; ") : "Not recorded";
  }

  function cells(item, s, saved) {
    var status = el("select", { id: "t-" + s + "-status", "data-field": "status" }, T.statuses(App.data).map(function (st) {
      return el("option", { value: st.id, text: st.label, selected: st.id === saved.status });
    }));
    var owner = el("input", { type: "text", id: "t-" + s + "-owner", "data-field": "owner", maxlength: "200",
      autocomplete: "off", value: saved.owner });
    var notes = el("textarea", { id: "t-" + s + "-notes", "data-field": "notes", rows: "2", maxlength: "5000", value: saved.notes });
    var summary = el("span", { class: "jtai-item__more-text", text: moreText(saved) });
    var body = el("div", { class: "jtai-item__more-body", id: "t-" + s + "-more", hidden: true });
    var toggle = el("button", { type: "button", class: "jtai-btn jtai-btn-small", "aria-expanded": "false",
      "aria-controls": body.id }, ["Change", el("span", { class: "jtai-visually-hidden", text: " where it is and when last reviewed: " + item.label })]);
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      if (open) openMore(item, s, body);
      toggle.setAttribute("aria-expanded", String(open));
      body.hidden = !open;
    });
    var name = el("span", { class: "jtai-cell-label__name", text: "Where it is, last reviewed: " });
    return { status: status, owner: owner, notes: notes, summary: summary, more: [name, summary, toggle, body] };
  }

  function itemNode(item) {
    var s = slug(item.id);
    var saved = T.itemOf(App.tracker, item.id);
    var c = cells(item, s, saved);
    var deadline = el("span", { class: "jtai-item__deadline" });
    var badge = el("strong", { class: "jtai-badge", hidden: true });
    var tr = el("tr", { class: "jtai-item", id: "item-" + s, "data-id": item.id }, [
      el("th", { scope: "row", class: "jtai-col-item" }, [
        el("a", { href: item.url, id: "t-" + s + "-title", class: "jtai-item__title", text: item.label }), " ", criteriaLinks(item)]),
      el("td", { class: "jtai-col-agency" }, [el("span", { class: "jtai-item__agency", text: agencyName(item.agency) }),
        item.contributors.length ? el("span", { class: "jtai-item__with", text: "With: " + item.contributors.map(agencyName).join(", ") }) : null]),
      el("td", { class: "jtai-col-due" }, [el("span", { class: "jtai-cell-label__name", text: "Due: " }), deadline, " ", badge]),
      el("td", { class: "jtai-col-status" }, [label(c.status.id, "Status", item), c.status]),
      el("td", { class: "jtai-col-owner" }, [label(c.owner.id, "Owner", item), c.owner, warning(c.owner)]),
      el("td", { class: "jtai-col-notes" }, [label(c.notes.id, "Notes", item), c.notes, warning(c.notes)]),
      el("td", { class: "jtai-col-more" }, c.more)
    ]);
    nodes[item.id] = { tr: tr, deadline: deadline, badge: badge, summary: c.summary };
    return tr;
  }

  /** Where the document lives and the last-reviewed date boxes, built the first time they open. */
  function openMore(item, s, body) {
    if (nodes[item.id].dateField) return;
    var saved = T.itemOf(App.tracker, item.id);
    var location = el("input", { type: "text", id: "t-" + s + "-location", "data-field": "location", maxlength: "500",
      autocomplete: "off", value: saved.location });
    var field = J.dateInput.create({ id: "t-" + s + "-reviewed", legend: "Last reviewed: " + item.label,
      name: "the last-reviewed date", hint: "For example, 30 4 2024." });
    field.set(saved.reviewed);
    field.element.addEventListener("focusout", function (event) {
      if (!field.element.contains(event.relatedTarget)) saveReviewed(item, field);
    });
    nodes[item.id].dateField = field;
    body.appendChild(el("div", { class: "jtai-field" }, [
      el("label", { for: location.id }, ["Where the document lives", el("span", { class: "jtai-visually-hidden", text: ": " + item.label })]),
      location, warning(location)]));
    body.appendChild(field.element);
  }

  function saveReviewed(item, field) {
    var read = field.value();
    if (!read.ok) {
      field.showError(read.message, read.parts);
      App.say(read.message);
      return;
    }
    field.clearError();
    App.change(item.id, "reviewed", read.iso, true);
  }

  function rowOf(event) {
    var tr = event.target.closest("tr[data-id]");
    var f = event.target.getAttribute("data-field");
    return tr && f ? { id: tr.getAttribute("data-id"), field: f } : null;
  }

  function onChange(event) {
    var at = rowOf(event);
    if (!at) return;
    clearTimeout(timers[event.target.id]);
    App.change(at.id, at.field, event.target.value, at.field !== "status");
  }

  function onInput(event) {
    var at = rowOf(event);
    if (!at || FREE_TEXT.indexOf(at.field) < 0) return;
    var target = event.target;
    K.checkPii(target, App.$(target.id + "-pii"));
    clearTimeout(timers[target.id]);
    timers[target.id] = setTimeout(function () { App.change(at.id, at.field, target.value, true); }, AUTOSAVE_DELAY_MS);
  }

  var drawing = 0;  // which drawing of the list is under way, so an older one stops

  /**
   * Draw every row. With done (as the page opens), the rows are drawn CHUNK at a time, each
   * chunk its own task, so the page never stops answering for long; done() runs after the last.
   */
  App.buildList = function (done) {
    var list = K.clear(App.$("tracker-list"));
    var mine = ++drawing;
    nodes = {};
    var byId = {};
    App.data.annex_a.forEach(function (i) { byId[i.id] = i; });
    var ids = App.order();
    function draw(from, to) {
      var part = document.createDocumentFragment();
      ids.slice(from, to).forEach(function (id) { part.appendChild(itemNode(byId[id])); });
      list.appendChild(part);
    }
    function next(from) {
      if (mine !== drawing) return done();
      draw(from, from + CHUNK);
      if (from + CHUNK < ids.length) setTimeout(function () { next(from + CHUNK); }, 0);
      else done();
    }
    if (done) next(0);
    else draw(0, ids.length);
    if (!list.hasAttribute("data-listening")) {
      list.setAttribute("data-listening", "");
      list.addEventListener("change", onChange);
      list.addEventListener("input", onInput);
    }
  };

  /** The item IDs in the order shown (the sort chosen, else the framework's). */
  App.order = function () {
    var rows = App.rows();
    var sort = App.sorting || { key: "", direction: "" };
    return (sort.key ? T.sortRows(rows, sort.key, sort.direction, App.data) : rows).map(function (r) { return r.id; });
  };

  /** Sort the rows by key and direction; the header cells say how the table is sorted. */
  App.sortBy = function (key, direction) {
    App.sorting = { key: key, direction: direction };
    var list = App.$("tracker-list");
    App.order().forEach(function (id) { list.appendChild(nodes[id].tr); });
    App.root.querySelectorAll("#tracker-table th[aria-sort]").forEach(function (th) {
      var button = th.querySelector("button[data-sort]");
      th.setAttribute("aria-sort", button && button.getAttribute("data-sort") === key ? direction : "none");
    });
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
      n.summary.textContent = moreText(r);
      n.tr.setAttribute("data-status", r.status);
      n.tr.setAttribute("data-timing", r.timing || "none");
      n.tr.hidden = !shown[r.id];
    });
    App.renderProgress(T.progress(App.data, rows));
    App.updateOwners(rows);
    return { total: rows.length, shown: Object.keys(shown).length };
  };
})(self.JTAI);
