// needs: lib/dom.js lib/jtai.js tracker/combine.js tracker/tracker.js
/* JTAI Ready Annex A readiness tracker: choosing between two answers after an import.
 *
 * A conflict is a field that both this browser and a file changed since the value they last
 * shared (tracker/combine.js). This browser's answer stays until the person chooses; each
 * conflict is a group of radio buttons (this browser's answer, then each file's), and "Use the
 * answers chosen" applies the ones chosen. Those not chosen stay listed, saved with the tracker
 * (its `conflicts`), through a reload or a closed tab, with their count shown: nothing is dropped.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var C = J.trackerCombine;
  var T = J.tracker;
  var el = K.h;

  /** The answers still to choose, kept with the tracker (App.tracker.conflicts) so they last. */
  function pending() {
    return App.tracker.conflicts || [];
  }

  /** Conflicts on the same field of the same item, from several files, become one question. */
  function group(conflicts) {
    var out = [];
    var at = {};
    conflicts.forEach(function (c) {
      var key = c.id + " " + c.field;
      if (!Object.prototype.hasOwnProperty.call(at, key)) {
        at[key] = out.length;
        out.push({ id: c.id, field: c.field, options: [] });
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
    var mine = "Keep this browser\u2019s: " + App.valueText(q.field, T.itemOf(App.tracker, q.id)[q.field]);
    return el("fieldset", { class: "jtai-conflict", "data-id": q.id, "data-field": q.field }, [
      el("legend", { text: App.itemLabel(q.id) + " \u2013 " + App.fieldName(q.field) }),
      radio(name, "mine", name + "-mine", mine)
    ].concat(q.options.map(function (o, i) {
      return radio(name, String(i), name + "-" + i, "Use " + o.source + "\u2019s: " + App.valueText(q.field, o.theirs) +
        (Date.parse(o.change.at) > Date.now() ? " (its change is dated " + K.dateTime(o.change.at) + ", later than now)" : ""));
    })));
  }

  /** The count of answers to choose, beside the import and in the section's heading. */
  function count(questions) {
    var text = questions.length ? questions.length + (questions.length === 1 ? " answer" : " answers") + " to choose" : "";
    App.$("tracker-conflicts-title").textContent = "Choose between two answers" + (text ? " (" + questions.length + ")" : "");
    var badge = App.$("tracker-conflicts-count");
    if (!badge) {
      badge = el("p", { id: "tracker-conflicts-count", class: "jtai-conflicts-count" });
      App.$("tracker-notes").parentNode.insertBefore(badge, App.$("tracker-notes").nextSibling);
    }
    K.clear(badge);
    badge.hidden = !text;
    if (text) badge.appendChild(el("a", { href: "#tracker-conflicts", text: text + ": both this browser and a file changed them." }));
  }

  App.drawConflicts = function () {
    var section = App.$("tracker-conflicts");
    var body = K.clear(App.$("tracker-conflicts-body"));
    var questions = group(pending());
    count(questions);
    section.hidden = questions.length === 0;
    if (!questions.length) return;
    body.appendChild(el("p", { text: "Both this browser and a file changed " + (questions.length === 1 ? "this answer" : "these " + questions.length + " answers") +
      " since they last matched. This browser\u2019s answer stays until you choose. The choices wait here, saved with the tracker, until you make them." }));
    var form = el("form", { class: "jtai-planner-form", novalidate: true }, questions.map(question).concat([
      el("div", { class: "jtai-buttons" }, [el("button", { type: "submit", class: "jtai-btn jtai-btn--primary", text: "Use the answers chosen" })])]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(form, questions);
    });
    body.appendChild(form);
  };

  function apply(form, questions) {
    var tracker = App.tracker;
    var now = K.nowStamp();
    var left = [];
    var done = 0;
    questions.forEach(function (q, n) {
      var chosen = form.querySelector("input[name='tracker-conflict-" + n + "']:checked");
      if (!chosen) return left.push(q);
      done += 1;
      var pick = chosen.value === "mine" ? null : q.options[Number(chosen.value)];
      // Every other answer is recorded as seen, so importing its file again does not ask again.
      q.options.forEach(function (o) { if (o !== pick) tracker = C.resolve(tracker, o, "mine", now); });
      if (pick) tracker = C.resolve(tracker, pick, "theirs", now);
      return undefined;
    });
    var still = [];
    left.forEach(function (q) { still = still.concat(q.options); });
    tracker = Object.assign({}, tracker, { conflicts: still });
    if (!still.length) delete tracker.conflicts;
    App.replace(tracker);
    App.say(done + (done === 1 ? " answer" : " answers") + " chosen." + (left.length ? " " + left.length + " still to choose." : ""));
  };

  /**
   * The tracker with the conflicts from an import added to those still to choose (a file
   * imported again replaces its own; an answer already listed from the same record is not
   * listed twice).
   */
  App.addConflicts = function (tracker, conflicts) {
    var kept = (tracker.conflicts || []).filter(function (old) {
      return !conflicts.some(function (c) {
        return c.id === old.id && c.field === old.field && (c.source === old.source || (c.change.at === old.change.at && c.change.by === old.change.by));
      });
    });
    var copy = Object.assign({}, tracker);
    copy.conflicts = kept.concat(conflicts.map(function (c) {
      return { id: c.id, field: c.field, theirs: c.theirs, change: c.change, source: c.source };
    }));
    if (!copy.conflicts.length) delete copy.conflicts;
    return copy;
  };
})(self.JTAI);
