// needs: examples/findings.js lib/dom.js lib/jtai.js
/* JTAI Ready worked examples: the findings explorer.
 *
 * Five labelled drop-down filters (criterion, kind of finding, agency, area, example) in a fieldset; the list
 * and the count update on every change, and the count is announced (role="status").
 * Filters can be preset from the address: explorer.html?criterion=EC4&type=strength.
 */
(function (J) {
  "use strict";

  J.app("examples").views.explorer = function (root) {
    var X = J.examples;
    var data = J.data.findings;

    var base = root.getAttribute("data-base") || "";
    var lookup = X.index(data);
    var K = J.dom;
    var el = K.h;
    var total = X.allFindings(data).length;
    var FILTERS = ["criterion", "type", "agency", "area", "example"];
    var selects = {};

    function option(value, label) {
      return el("option", { value: value, text: label });
    }

    function criterionOptions() {
      var groups = data.focus_areas.map(function (g) {
        return el("optgroup", { label: g.title }, g.criteria.map(function (id) {
          return option(id, id + ": " + lookup.criteria[id].title);
        }));
      });
      return [option("", "Any criterion")].concat(groups);
    }

    function field(name, label, options) {
      var id = "jtai-filter-" + name;
      var select = el("select", { id: id, name: name, on: { change: update } }, options);
      selects[name] = select;
      return el("div", { class: "jtai-field" }, [el("label", { for: id, text: label }), select]);
    }

    function usedAgencies() {
      var used = {};
      X.allFindings(data).forEach(function (row) {
        row.finding.agencies.forEach(function (a) { used[a] = true; });
      });
      return data.agencies.filter(function (a) { return used[a.id]; });
    }

    function usedTypes() {
      var used = {};
      X.allFindings(data).forEach(function (row) { used[row.finding.type] = true; });
      return data.types.filter(function (t) { return used[t.id]; });
    }

    var count = el("p", { class: "jtai-count", id: "jtai-explorer-count", role: "status",
      "aria-live": "polite" });
    var list = el("ol", { class: "jtai-results", "aria-labelledby": "jtai-explorer-results" });

    function build() {
      var clearButton = el("button", { type: "button", class: "md-button jtai-clear",
        text: "Clear the filters", on: { click: clearFilters } });
      var form = el("form", { class: "jtai-filters", on: { submit: function (e) { e.preventDefault(); } } }, [
        el("fieldset", {}, [
          el("legend", { text: "Filter the findings" }),
          field("criterion", "Criterion", criterionOptions()),
          field("type", "Kind of finding", [option("", "Any kind")].concat(
            usedTypes().map(function (t) { return option(t.id, t.label); }))),
          field("agency", "Agency", [option("", "Any agency")].concat(
            usedAgencies().map(function (a) { return option(a.id, a.name); }))),
          field("area", "Area", [option("", "Any area")].concat(
            X.areas(data).map(function (a) { return option(a, a); }))),
          field("example", "Example", [option("", "Any example")].concat(
            data.examples.map(function (e) { return option(e.id, e.title); }))),
          clearButton
        ])
      ]);
      K.clear(root);
      var note = addressNotes();
      if (note) root.appendChild(note);
      root.appendChild(form);
      root.appendChild(el("h2", { id: "jtai-explorer-results", text: "Findings" }));
      root.appendChild(count);
      root.appendChild(list);
      FILTERS.forEach(function (name) {
        var wanted = X.param(name);
        if (wanted && offered(name, wanted)) selects[name].value = wanted;
      });
    }

    function offered(name, value) {
      return Array.prototype.some.call(selects[name].options, function (o) { return o.value === value; });
    }

    /** What the address asked for that is ignored (unreadable, or not a choice here), said once. */
    function addressNotes() {
      return X.ignoredNotice(el, { criterion: "criterion", type: "kind of finding", agency: "agency",
        area: "area", example: "example" }, offered);
    }

    function current() {
      var filters = {};
      FILTERS.forEach(function (name) { filters[name] = selects[name].value; });
      return filters;
    }

    function clearFilters() {
      FILTERS.forEach(function (name) { selects[name].value = ""; });
      update();
      selects.criterion.focus();
    }

    function result(row) {
      var f = row.finding;
      var type = lookup.types[f.type];
      var agencies = f.agencies.map(function (a) { return lookup.agencies[a].name; });
      return el("li", { class: "jtai-result", "data-finding": f.id }, [
        el("p", { class: "jtai-result__meta" }, [
          el("span", { class: "jtai-tag jtai-tag--" + f.type, text: type.label }),
          " ",
          el("a", { href: base + f.url, text: row.example.title + ": finding " + f.number })
        ]),
        el("p", { class: "jtai-result__text", text: X.words(f) }),
        row.example.letter ? el("p", { class: "jtai-result__from" }, [
          row.example.area + ": ",
          el("a", { href: row.example.letter.address, text: row.example.letter.title + " (the letter)" }),
          f.item ? ", " + f.section + ", point " + f.item + "." : ", " + f.section + "."
        ]) : null,
        el("ul", { class: "jtai-result__criteria" }, f.criteria.map(function (c) {
          var crit = lookup.criteria[c.id];
          return el("li", {}, [
            el("a", { href: base + crit.url, text: c.id + ": " + crit.title }),
            ": " + c.rationale
          ]);
        })),
        agencies.length ? el("p", { class: "jtai-result__agencies",
          text: "Agencies: " + agencies.join("; ") + "." }) : null
      ]);
    }

    function update() {
      var rows = X.filterFindings(data, current());
      K.clear(list);
      rows.forEach(function (row) { list.appendChild(result(row)); });
      count.setAttribute("data-count", String(rows.length));
      count.textContent = rows.length
        ? "Showing " + rows.length + " of " + X.plural(total, "finding", "findings") + "."
        : "No findings match these filters. Showing 0 of " + total + ".";
    }

    build();
    update();
  };
})(self.JTAI);
