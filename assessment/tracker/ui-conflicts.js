// needs: lib/dom.js lib/jtai.js tracker/combine.js
/* JTAI Ready Annex A readiness tracker: choosing between two answers after an import.
 *
 * A conflict is a field that both this browser and a file changed since the value they last
 * shared (tracker/combine.js). This browser's answer stays until the person chooses; each
 * conflict is a group of radio buttons (this browser's answer, then each file's), and "Use the
 * answers chosen" applies the ones chosen. Those not chosen stay listed (until the page is
 * closed; importing the file again lists them again): nothing is dropped.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var C = J.trackerCombine;
  var el = K.h;
  var pending = [];

  /** Conflicts on the same field of the same item, from several files, become one question. */
  function group(conflicts) {
    var out = [];
    var at = {};
    conflicts.forEach(function (c) {
      var key = c.id + " " + c.field;
      if (!Object.prototype.hasOwnProperty.call(at, key)) {
        at[key] = out.length;
        out.push({ id: c.id, field: c.field, mine: c.mine, mineFrom: c.mineFrom, options: [] });
      }
      out[at[key]].options.push(c);
    });
    return out;
  }

  function radio(name, value, id, text) {
    return el("div", { class: "jtai-choice" }, [
      el("input", { type: "radio", name: name, value: value, id: id }), " ", el("label", { for: id, text: text })]);
  }

  function question(q, n) {
    var name = "tracker-conflict-" + n;
    var mine = "Keep this browser\u2019s: " + App.valueText(q.field, q.mine) + (q.mineFrom ? " (from " + q.mineFrom + ", just imported)" : "");
    return el("fieldset", { class: "jtai-conflict", "data-id": q.id, "data-field": q.field }, [
      el("legend", { text: App.itemLabel(q.id) + " \u2013 " + App.fieldName(q.field) }),
      radio(name, "mine", name + "-mine", mine)
    ].concat(q.options.map(function (o, i) {
      return radio(name, String(i), name + "-" + i, "Use " + o.file + "\u2019s: " + App.valueText(q.field, o.theirs));
    })));
  }

  function draw() {
    var section = App.$("tracker-conflicts");
    var body = K.clear(App.$("tracker-conflicts-body"));
    section.hidden = pending.length === 0;
    if (!pending.length) return;
    body.appendChild(el("p", { text: "Both this browser and a file changed " + (pending.length === 1 ? "this answer" : "these " + pending.length + " answers") +
      " since they last matched. This browser\u2019s answer stays until you choose." }));
    var form = el("form", { class: "jtai-planner-form", novalidate: true }, pending.map(question).concat([
      el("div", { class: "jtai-buttons" }, [el("button", { type: "submit", class: "jtai-btn jtai-btn--primary", text: "Use the answers chosen" })])]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(form);
    });
    body.appendChild(form);
  }

  function apply(form) {
    var tracker = App.tracker;
    var now = new Date().toISOString();
    var left = [];
    var done = 0;
    pending.forEach(function (q, n) {
      var chosen = form.querySelector("input[name='tracker-conflict-" + n + "']:checked");
      if (!chosen) return left.push(q);
      done += 1;
      if (chosen.value === "mine") {
        q.options.forEach(function (o) { tracker = C.resolve(tracker, o, "mine", now); });
      } else {
        tracker = C.resolve(tracker, q.options[Number(chosen.value)], "theirs", now);
      }
      return undefined;
    });
    pending = left;
    App.replace(tracker);
    draw();
    App.say(done + (done === 1 ? " answer" : " answers") + " chosen." + (left.length ? " " + left.length + " still to choose." : ""));
  }

  /** Add the conflicts from an import to those still listed (a file imported again replaces its own). */
  App.showConflicts = function (conflicts) {
    var flat = [];
    pending.forEach(function (q) { flat = flat.concat(q.options); });
    flat = flat.filter(function (old) {
      return !conflicts.some(function (c) { return c.file === old.file && c.id === old.id && c.field === old.field; });
    });
    pending = group(flat.concat(conflicts));
    draw();
  };
})(self.JTAI);
