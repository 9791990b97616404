// needs: lib/labels.js
/* JTAI Ready: what importing a self-assessment would change, field by field, in words, named by
 * the criterion and the statement ("EC1 Identifying and reducing risk, statement EC1.2: Mostly
 * → Partly"), so a person can check a file before it changes anything. `before` is the saved
 * copy, or null for an assessment not saved here yet (then every answer it brings is listed).
 *
 * Loads as a classic script (JTAI.recordChanges) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./labels.js"));
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.recordChanges = factory(J.labels);
  }
})(typeof self !== "undefined" ? self : this, function (Labels) {
  "use strict";

  var SHORT = 60;
  var RESPONDENT = { partnership: "Partnership", agency: "Answering for", role: "Your role", date: "Date of this assessment" };

  function quoted(text) {
    if (text === "" || text === null || text === undefined) return "(empty)";
    var s = String(text).replace(/\s+/g, " ").trim();
    return "\u201c" + (s.length > SHORT ? s.slice(0, SHORT) + "\u2026" : s) + "\u201d";
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];

  /** "2025-03-01" -> "1 March 2025"; "" -> "(empty)". */
  function day(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : "(empty)";
  }

  function emptyAnswer() {
    return { indicators: {}, evidence: {}, documents: [], confidence: "", override: null, actions: [] };
  }

  function keys(a, b) {
    var out = Object.keys(a || {});
    Object.keys(b || {}).forEach(function (k) { if (out.indexOf(k) < 0) out.push(k); });
    return out;
  }

  function line(where, was, now) {
    return where + ": " + was + " \u2192 " + now;
  }

  function named(label, kind, id) {
    return id ? label(kind, id) || id : "(empty)";
  }

  function actionLines(name, was, now, label) {
    var out = [];
    var byId = function (list) {
      var map = {};
      (list || []).forEach(function (a, i) { map[a.id] = { act: a, n: i + 1 }; });
      return map;
    };
    var old = byId(was);
    var fresh = byId(now);
    keys(old, fresh).forEach(function (id) {
      var a = old[id];
      var b = fresh[id];
      if (!a) return out.push(name + ", action " + b.n + " added: " + quoted(b.act.what));
      if (!b) return out.push(name + ", action " + a.n + " removed: " + quoted(a.act.what));
      var where = name + ", action " + b.n + " (" + quoted(b.act.what || a.act.what) + ")";
      if (a.act.what !== b.act.what) out.push(line(where + ", what", quoted(a.act.what), quoted(b.act.what)));
      if (a.act.lead !== b.act.lead) out.push(line(where + ", lead", named(label, "agency", a.act.lead), named(label, "agency", b.act.lead)));
      if (a.act.due !== b.act.due) out.push(line(where + ", due", day(a.act.due), day(b.act.due)));
      if (a.act.status !== b.act.status) out.push(line(where + ", status", named(label, "status", a.act.status), named(label, "status", b.act.status)));
      return undefined;
    });
    return out;
  }

  function answerLines(criterion, was, now, data, label) {
    var name = criterion.id + " " + criterion.title;
    var out = [];
    keys(was.indicators, now.indicators).forEach(function (iid) {
      var a = (was.indicators || {})[iid] || "";
      var b = (now.indicators || {})[iid] || "";
      if (a !== b) out.push(line(name + ", statement " + iid, named(label, "rating", a), named(label, "rating", b)));
    });
    data.assessment.evidence_prompts.forEach(function (p) {
      var a = (was.evidence || {})[p.id] || "";
      var b = (now.evidence || {})[p.id] || "";
      if (a !== b) out.push(line(name + ", \u201c" + p.label + "\u201d", quoted(a), quoted(b)));
    });
    var docs = Labels.documentLabels(criterion);
    (now.documents || []).filter(function (d) { return (was.documents || []).indexOf(d) < 0; })
      .forEach(function (d) { out.push(name + ", evidence document ticked: " + (docs[d] || d)); });
    (was.documents || []).filter(function (d) { return (now.documents || []).indexOf(d) < 0; })
      .forEach(function (d) { out.push(name + ", evidence document no longer ticked: " + (docs[d] || d)); });
    if ((was.confidence || "") !== (now.confidence || "")) {
      out.push(line(name + ", confidence", named(label, "confidence", was.confidence), named(label, "confidence", now.confidence)));
    }
    var wo = was.override || { outcome: "", reason: "" };
    var no = now.override || { outcome: "", reason: "" };
    if (wo.outcome !== no.outcome) out.push(line(name + ", your own outcome", named(label, "outcome", wo.outcome), named(label, "outcome", no.outcome)));
    if (wo.reason !== no.reason) out.push(line(name + ", the reason for your own outcome", quoted(wo.reason), quoted(no.reason)));
    return out.concat(actionLines(name, was.actions, now.actions, label));
  }

  /** Every difference between `before` (or nothing) and `after`, one line each, in the framework's order. */
  function changes(before, after, data) {
    var label = Labels.make(data);
    var was = before || { title: "", respondent: {}, answers: {} };
    var out = [];
    if (was.title !== after.title) out.push(line("Name of this assessment", quoted(was.title), quoted(after.title)));
    Object.keys(RESPONDENT).forEach(function (k) {
      var a = (was.respondent || {})[k] || "";
      var b = (after.respondent || {})[k] || "";
      if (a === b) return;
      out.push(k === "agency" ? line(RESPONDENT[k], named(label, "agency", a), named(label, "agency", b))
        : line(RESPONDENT[k], k === "date" ? day(a) : quoted(a), k === "date" ? day(b) : quoted(b)));
    });
    data.criteria.forEach(function (c) {
      var a = (was.answers || {})[c.id];
      var b = (after.answers || {})[c.id];
      if (!a && !b) return;
      out = out.concat(answerLines(c, a || emptyAnswer(), b || emptyAnswer(), data, label));
    });
    return out;
  }

  return { changes: changes };
});
