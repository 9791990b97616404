// needs: lib/dom.js lib/importexport.js lib/jtai.js lib/merge.js lib/storage.js lib/tabs.js
/* JTAI Ready self-assessment: the open assessment changed or deleted in another tab or window.
 *
 * Uses JTAI.tabs (lib/tabs.js). Edits to different fields are put together; where both tabs
 * changed the same field, the other tab's value is kept, this tab's whole version is saved as a
 * separate assessment, and a message (kept until dismissed) names the fields and offers "Use mine".
 * An assessment deleted elsewhere is not saved again unless the person chooses to keep it.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var IO = root.JTAI.io;
  var App = root.JTAI.app("self-assessment");
  var h = D.h;

  function where(steps) {
    return steps.filter(function (s) { return s !== "answers"; })
      .map(function (s) { return typeof s === "string" ? s : "action " + s.id; }).join(" \u203a ") ||
      "the assessment as a whole";
  }

  /**
   * Two valid versions put together can break a limit (for example 50 actions each side): then the
   * other tab's version is kept whole, and this tab's whole version is the conflict.
   */
  function checked(merged, info) {
    if (IO.problems(merged, App.data).length === 0) return merged;
    info.conflicts = [{ steps: [], path: "$", mine: info.mine, theirs: info.theirs }];
    return info.theirs;
  }

  /** Keep this tab's version beside the merged one, as its own assessment. */
  function keepMineAside(mine) {
    var copy = JSON.parse(JSON.stringify(mine));
    copy.id = IO.randomId("sa-");
    copy.title = (mine.title + " (your version from this tab)").slice(0, 200);
    return App.store.save(copy).ok ? copy : null;
  }

  function conflictNotice(info) {
    var aside = keepMineAside(info.mine);
    var steps = info.conflicts.map(function (c) { return c.steps; });
    App.tabNotice(D.notice("error", [
      h("p", {}, [h("strong", {}, ["This assessment was changed in another tab or window at the same time as here. "]),
        "Both versions are kept. Where both changed the same thing, the other tab\u2019s answer is shown here:"]),
      h("ul", { "data-conflicts": "" }, info.conflicts.map(function (c) { return h("li", {}, [where(c.steps)]); })),
      aside ? h("p", {}, ["Your version from this tab is also saved, complete, as \u201c" + aside.title + "\u201d."])
        : h("p", {}, ["Your version from this tab could not be saved separately: use \u201cUse mine\u201d or save a copy to a file now."])
    ], [{ label: "Use mine", attrs: { "data-action": "use-mine" }, run: function () {
      App.change(function (rec) {
        var chosen = root.JTAI.merge.applyPaths(rec, info.mine, steps);
        Object.keys(chosen).forEach(function (k) { rec[k] = chosen[k]; });
      }, { what: "tabs" });
      App.redraw();
      D.announce("Your answers from this tab are used.");
    } }]));
  }

  function changedNotice() {
    if (document.querySelector("[data-notice=changed]")) return;
    var box = D.notice("info", ["This assessment was just changed in another tab or window. Those changes are " +
      "now part of the copy open here, so nothing is overwritten; load the latest version to see them."],
    [{ label: "Load the latest version", attrs: { class: "jtai-btn jtai-btn-primary" }, run: function () { App.redraw(); } }]);
    box.setAttribute("data-notice", "changed");
    App.tabNotice(box);
  }

  function deletedNotice() {
    var box = D.notice("error", [h("p", {}, [h("strong", {}, ["This assessment was deleted in another tab or window. "]),
      "Changes here are not being saved. Keep this copy to save it again, or save a copy to a file."])],
    [{ label: "Keep this copy", attrs: { "data-action": "keep-copy" }, run: function () {
      App.tabs.keep();
      App.persist();
      App.redraw();
      D.announce("This copy is saved again.");
    } }]);
    box.setAttribute("data-notice", "deleted");
    App.tabNotice(box);
    App.redraw();
  }

  function unreadableNotice(text) {
    var kept = App.copies.keepAside(root.JTAI.storage.PREFIX + App.record.id, text);
    App.tabNotice(D.notice("error", ["Another tab saved this assessment in a form this page cannot read. " +
      (kept.ok ? "That version was kept aside, and the copy open here is saved." : kept.message)]));
  }

  App.watchTabs = function () {
    return root.JTAI.tabs.create({
      key: function () { return App.record ? root.JTAI.storage.PREFIX + App.record.id : null; },
      raw: function (key) { return App.store.raw(key.slice(root.JTAI.storage.PREFIX.length)); },
      value: function () { return App.record; },
      usable: function (v) { return IO.problems(v, App.data).length === 0; },
      ignore: ["updated", "app_version"],
      onMerged: function (merged, info) {
        App.replaceRecord(checked(merged, info));
        if (info.conflicts.length) conflictNotice(info);
        else changedNotice();
      },
      onDeleted: deletedNotice,
      onUnreadable: unreadableNotice,
      onOther: function () {
        if (App.view === "start" && !document.querySelector("dialog[open]")) App.refreshStart();
      }
    });
  };
})(typeof self !== "undefined" ? self : this);
