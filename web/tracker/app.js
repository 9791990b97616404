/* JTAI Ready Annex A readiness tracker: the app (data-jtai-app="tracker").
 *
 * One entry per Annex A item with its agency, deadline (dated once a date is set, shared with
 * the preparation planner), status, owner, where the document lives, last reviewed and notes.
 * This file holds the state and saves it; the views add themselves to the app object:
 * ui-dates.js (the date form), ui-items.js (the list and its flags), ui-progress.js (progress
 * by agency and the filters), ui-files.js (export, import, clear). All text from the data or a
 * file is set as text.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var Store = J.planStore;
  var T = J.tracker;
  var KEY = "jtai-ready:tracker";

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

  App.persist = function () {
    var saved = Store.save(KEY, App.tracker);
    App.$("tracker-saved").textContent = saved.ok ? "Saved in this browser at " + K.time() + "." : saved.message;
    return saved;
  };

  /** Record one field of one item, save, and bring the page up to date. */
  App.change = function (id, field, value, quiet) {
    var result = T.update(App.tracker, App.data, id, field, value, K.nowStamp());
    if (!result.ok) {
      App.say(result.message);
      return;
    }
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
  };

  /** The saved tracker; one this page cannot read is kept aside under KEY + ":unreadable". */
  function loadTracker() {
    var saved = Store.load(KEY);
    if (saved) {
      var check = T.parseImport(JSON.stringify(saved), App.data);
      if (check.ok) return { tracker: check.tracker, problem: "" };
      Store.save(KEY + ":unreadable", saved);
      return { tracker: T.newTracker(App.data, K.nowStamp()),
        problem: "The tracker saved in this browser could not be read, so it was kept aside and a new one started." };
    }
    return { tracker: T.newTracker(App.data, K.nowStamp()), problem: "" };
  }

  App.start = function (root) {
    App.root = root;
    App.data = J.data.planner;
    App.cal = J.dates.calendar(App.data.holidays);
    App.dates = Store.loadDates();
    App.sched = null;
    var loaded = loadTracker();
    App.tracker = loaded.tracker;
    App.$("tracker-app").hidden = false;
    var loading = root.querySelector(".jtai-loading");
    if (loading) loading.remove();
    App.initDates();
    App.initFilters();
    App.initFiles();
    App.setSchedule();
    App.buildList();
    var counted = App.refresh();
    App.$("tracker-count").textContent = "Showing " + counted.shown + " of " + counted.total + " items.";
    if (!Store.canSave()) App.$("tracker-saved").textContent = "This browser is not saving for this site: export your tracker to keep it.";
    if (loaded.problem) App.$("tracker-saved").textContent = loaded.problem;
  };
})(self.JTAI);
