// needs: nothing
/* JTAI Ready self-assessment: the words for IDs, from the data (never from code).
 *
 * make(data) gives label(kind, id), for example label("outcome", "strength") -> "Strength";
 * kinds: rating, outcome, confidence, status, agency (with the "jointly" choice), focus,
 * criterion. documentLabels(criterion) names a criterion's Annex A items, telling apart items
 * whose printed names are the same. Used by the views and the CSV.
 *
 * Loads as a classic script (JTAI.labels) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.labels = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function make(data) {
    var a = data.assessment;
    var maps = {};
    var add = function (kind, list, key) {
      maps[kind] = {};
      list.forEach(function (x) { maps[kind][x.id] = x[key || "label"]; });
    };
    add("rating", a.scale.levels.concat(a.scale.outside || []));
    add("outcome", a.outcomes);
    add("confidence", a.confidence.levels);
    add("status", a.action_statuses);
    add("agency", data.agencies.concat([{ id: a.jointly.id, name: a.jointly.label }]), "name");
    add("focus", data.focus_areas, "title");
    add("criterion", data.criteria, "title");
    return function (kind, id) {
      return (id && Object.prototype.hasOwnProperty.call(maps[kind], id)) ? maps[kind][id] : "";
    };
  }

  /** {itemId: "1.4 Practice audits"}; where two names are the same, the section (or ID) is added. */
  function documentLabels(criterion) {
    var items = criterion.annex_a || [];
    var base = items.map(function (d) { return (d.number ? d.number + " " : "") + d.item; });
    var out = {};
    items.forEach(function (d, i) {
      var twin = base.filter(function (b) { return b === base[i]; }).length > 1;
      out[d.id] = twin ? base[i] + " (" + (d.section || d.id) + ")" : base[i];
    });
    return out;
  }

  return { make: make, documentLabels: documentLabels };
});
