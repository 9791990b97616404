// needs: lib/dom.js lib/jtai.js lib/merge.js lib/plan-store.js lib/tabs.js tracker/tracker.js
/* JTAI Ready Annex A readiness tracker: the tracker open in several tabs or windows.
 *
 * Uses JTAI.tabs (lib/tabs.js): another tab's saves are put together with this tab's item by item
 * and field by field. Where both changed the same field of the same item, the other tab's value is
 * kept, this tab's whole tracker is kept aside (under the first free KEY:this-tab name, never
 * over an earlier copy), and a message that stays until dismissed names the items and
 * offers "Use mine".
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var Store = J.planStore;
  var T = J.tracker;
  var el = K.h;

  /** "A-list-4 Statutory assessments (owner)" for a conflict's path (its change record's too). */
  function itemName(steps) {
    var id = steps[1];
    var item = App.data.annex_a.filter(function (i) { return i.id === id; })[0];
    var field = steps[2] === "changed" ? steps[3] : steps[2];
    return (item ? item.id + " " + item.item : String(steps.join(" "))) + (field ? " (" + field + ")" : "");
  }

  function names(conflicts) {
    var seen = {};
    return conflicts.map(function (c) { return itemName(c.steps); }).filter(function (name) {
      if (seen[name]) return false;
      seen[name] = true;
      return true;
    });
  }

  function redraw() {
    App.buildList();
    App.refresh();
    App.drawConflicts();
  }

  function conflictNotice(info, key) {
    var kept = Store.keepAside(key, JSON.stringify(info.mine), "this-tab");
    var steps = info.conflicts.map(function (c) { return c.steps; });
    App.notice(K.notice("error", [
      el("p", {}, [el("strong", { text: "The tracker was changed in another tab or window at the same time as here. " }),
        "Both versions are kept. Where both changed the same thing, the other tab\u2019s answer is shown here:"]),
      el("ul", { "data-conflicts": "" }, names(info.conflicts).map(function (name) { return el("li", { text: name }); })),
      el("p", { text: kept.ok ? "This tab\u2019s whole tracker is also kept in this browser (as \u201c" + kept.key + "\u201d)."
        : "This tab\u2019s version could not be kept separately: choose \u201cUse mine\u201d or export now." })
    ], [{ label: "Use mine", attrs: { "data-action": "use-mine" }, run: function () {
      App.tracker = J.merge.applyPaths(App.tracker, info.mine, steps);
      App.persist();
      redraw();
      App.say("Your answers from this tab are used.");
    } }]));
  }

  function changedNotice() {
    App.say("The tracker was changed in another tab or window; those changes are shown here.");
    if (App.root.querySelector("[data-notice=changed]")) return;
    var box = K.notice("info", ["The tracker was changed in another tab or window. Those changes are now shown " +
      "here too, so nothing is overwritten."]);
    box.setAttribute("data-notice", "changed");
    App.notice(box);
  }

  App.watchTabs = function (key) {
    return J.tabs.create({
      key: function () { return key; },
      raw: Store.text,
      value: function () { return App.tracker; },
      usable: function (v) { return T.parseImport(JSON.stringify(v), App.data).ok; },
      ignore: ["created", "updated", "app_version", "origin"],
      onMerged: function (merged, info) {
        App.tracker = merged;
        redraw();
        if (info.conflicts.length) conflictNotice(info, key);
        else changedNotice();
      },
      onDeleted: function () {
        App.notice(K.notice("error", ["The tracker was cleared from this browser in another tab or window. " +
          "Changes here are not being saved."], [{ label: "Keep this tracker", attrs: { "data-action": "keep-copy" },
          run: function () { App.tabs.keep(); App.persist(); } }]));
      },
      onUnreadable: function (text) {
        var kept = Store.keepAside(key, text);
        App.notice(K.notice("error", ["Another tab saved the tracker in a form this page cannot read. " +
          (kept.ok ? "That version was kept aside, unchanged (as \u201c" + kept.key + "\u201d)." : kept.message)]));
      },
      onOther: function (changed) {
        if (changed === J.planStore.DATES_KEY) App.say("The date was changed in another tab; reload to use it.");
      }
    });
  };
})(self.JTAI);
