// needs: lib/dates.js lib/dom.js lib/jtai.js lib/plan-store.js lib/storage.js tracker/tracker.js
/* JTAI Ready Annex A readiness tracker: the app (data-jtai-app="tracker").
 *
 * One entry per Annex A item with its agency, deadline (dated once a date is set, shared with
 * the preparation planner), status, owner, where the document lives, last reviewed and notes.
 * This file holds the state and saves it; the views add themselves to the app object:
 * ui-dates.js (the date form), ui-items.js (the table, its flags and sorting), ui-progress.js
 * (progress by agency, the filters and the sort buttons), ui-files.js (export, per-agency
 * export, import, clear), ui-conflicts.js (choosing between two answers after an import),
 * ui-tabs.js (other tabs), ui-print.js (the table print shows) and ui-return.js (an agency's one
 * way back to the partnership). All text from the data or a
 * file is set as text.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var Store = J.planStore;
  var T = J.tracker;
  var KEY = J.storage.scoped("jtai-ready:tracker");

  /** The element with this ID inside the app's root. */
  App.$ = function (id) {
    return App.root.querySelector("#" + id);
  };

  App.context = function () {
    return { sched: App.sched, cal: App.cal, today: K.today(), nowTime: K.time() };
  };

  /** Every item's row (status, deadline, timing) as the tracker module works it out. */
  App.rows = function () {
    return T.rows(App.data, App.tracker, App.context());
  };

  App.say = function (message) {
    K.announce(message, App.$("tracker-status"));
  };

  /**
   * Save the tracker. If another tab saved it since this tab last read or wrote it, the two are
   * put together item by item first (App.tabs, lib/tabs.js). While a damaged saved tracker could
   * not be kept aside, nothing is written over it.
   */
  App.persist = function () {
    if (App.hold) {
      App.$("tracker-saved").textContent = "Not saved: the tracker saved in this browser could not be kept aside (see the message above).";
      return { ok: false };
    }
    if (App.tabs.check(App.tracker) === "deleted") {
      App.$("tracker-saved").textContent = "Not saved: the tracker was cleared in another tab (see the message above).";
      return { ok: false };
    }
    var saved = Store.save(KEY, App.tracker);
    if (saved.ok) App.tabs.wrote(App.tracker);
    App.$("tracker-saved").textContent = saved.ok ? "Saved in this browser at " + K.time() + "." : saved.message;
    return saved;
  };

  /** Record one field of one item, save, and bring the page up to date. */
  App.change = function (id, field, value, quiet) {
    var result = T.update(App.tracker, App.data, id, field, value, new Date().toISOString());
    if (!result.ok) {
      App.say(result.message);
      return;
    }
    if (result.same) return;
    App.lastImport = null;
    App.tracker = result.tracker;
    App.persist();
    App.refresh();
    if (!quiet) {
      var p = T.progress(App.data, App.rows()).overall;
      var item = App.data.annex_a.filter(function (i) { return i.id === id; })[0];
      App.say(item.label + ": " + T.statusLabel(App.data, value) + ". " + p.ready + " of " + p.total + " items ready.");
    }
  };

  /** Replace the whole tracker (after an import or a clear), save it and redraw the list. */
  App.replace = function (tracker) {
    App.tracker = tracker;
    App.persist();
    App.setSchedule();
    App.buildList();
    App.refresh();
    App.drawConflicts();
    App.drawReturn();
  };

  /**
   * The saved tracker. Text this page cannot read (cut short, or not a tracker) never reads as an
   * empty tracker: it is kept aside, word for word, under the first free KEY:unreadable name
   * (earlier copies are never overwritten), and the page says so and offers it as a download.
   */
  function loadTracker() {
    var text = Store.text(KEY);
    if (text === null) return { tracker: T.newTracker(App.data, K.nowStamp(), App.newOrigin()) };
    var check = T.parseImport(text, App.data);
    if (check.ok) {
      if (!check.tracker.origin) check.tracker.origin = App.newOrigin();
      return { tracker: check.tracker };
    }
    var kept = Store.keepAside(KEY, text);
    return { tracker: T.newTracker(App.data, K.nowStamp(), App.newOrigin()), unreadable: text, kept: kept };
  }

  /**
   * A random ID for the tracker kept in this browser: each change records it, so a file sent
   * back can tell a change made here from one made elsewhere (tracker/combine.js).
   */
  App.newOrigin = function () {
    var bytes = new Uint8Array(9);
    self.crypto.getRandomValues(bytes);
    return "b-" + Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  };

  /** Say that the saved tracker could not be read, and offer its text as a file. */
  function unreadableNotice(loaded) {
    var name = "jtai-annex-a-tracker-unreadable-" + K.today() + ".json";
    App.hold = !loaded.kept.ok;
    App.notice(K.notice("error", [
      K.h("p", {}, [K.h("strong", {}, ["The tracker saved in this browser could not be read. "]),
        loaded.kept.ok ? "Its saved text was kept aside, unchanged (as \u201c" + loaded.kept.key + "\u201d), and a new " +
          "tracker started. Download the text to keep it or to ask for help mending it."
          : "It could not be kept aside (" + loaded.kept.message + "), so nothing will be saved over it: download its text now."])
    ], [{ label: "Download the saved text", attrs: { "data-action": "download-unreadable" }, run: function () {
      K.download(name, loaded.unreadable, "application/json");
      App.say("Download ready: " + name);
      return false;
    } }]));
  }

  /** A message above the tracker that stays until dismissed. */
  App.notice = function (node) {
    App.$("tracker-notes").appendChild(node);
    return node;
  };

  function addFrame() {
    var app = App.$("tracker-app");
    app.insertBefore(K.h("div", { id: "tracker-notes", class: "jtai-tracker-notes", role: "alert" }), app.firstChild);
    var saved = App.$("tracker-saved");
    App.net = K.safetyNet({ last: function () { return Store.lastCopy("tracker"); }, save: App.saveCopy });
    saved.parentNode.insertBefore(App.net, saved.nextSibling);
  }

  App.start = function (root) {
    App.root = root;
    App.data = J.data.planner;
    App.cal = J.dates.calendar(App.data.holidays);
    App.dates = Store.loadDates();
    App.sched = null;
    addFrame();
    var loaded = loadTracker();
    App.tracker = loaded.tracker;
    App.tabs = App.watchTabs(KEY);
    if (!loaded.unreadable) App.tabs.opened();
    App.initDates();
    App.initFilters();
    App.initFiles();
    App.setSchedule();
    App.buildList(function () {
      var counted = App.refresh();
      App.$("tracker-count").textContent = App.countText(counted);
      App.$("tracker-app").hidden = false;
      var loading = root.querySelector(".jtai-loading");
      if (loading) loading.remove();
      if (!Store.canSave()) App.$("tracker-saved").textContent = "This browser is not saving for this site: export your tracker to keep it.";
      if (loaded.unreadable !== undefined) unreadableNotice(loaded);
      App.drawConflicts();
      App.drawReturn();
      App.initPrint(root);
    });
  };
})(self.JTAI);
