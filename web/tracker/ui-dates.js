/* JTAI Ready Annex A readiness tracker: the date form. The date is shared with the planner; once
 * set, every deadline shows as a real date and items can be overdue or due soon.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var Store = J.planStore;
  var D = J.dates;
  var T = J.tracker;

  /** Work the dates out again from App.dates and say what they are. */
  App.setSchedule = function () {
    var input = Store.inputFor(App.dates);
    App.sched = input ? D.schedule(input, App.data.rules, App.cal) : null;
    var summary = App.$("tracker-date-summary");
    if (!App.sched) {
      summary.textContent = "No date set: deadlines show as weeks of the inspection.";
    } else if (!App.sched.ok) {
      summary.textContent = App.sched.message;
      App.sched = null;
    } else {
      summary.textContent = "Notification " + D.longDate(App.sched.notification) + "; fieldwork " +
        D.longDate(App.sched.fieldwork_start) + " to " + D.longDate(App.sched.fieldwork_end) + ".";
    }
    App.$("tracker-mode-" + (App.dates.mode === "fieldwork" ? "fieldwork" : "notification")).checked = true;
    App.$("tracker-date").value = App.dates.date;
  };

  function refuse(input, message) {
    K.fieldError(input, App.$("tracker-date-error"), "tracker-date-hint", message);
    input.focus();
  }

  function submit(event) {
    event.preventDefault();
    var input = App.$("tracker-date");
    var value = Store.readDate(input.value);
    if (!value) return refuse(input, value === "" ? "Enter a date." : "Enter a real date.");
    var mode = App.$("tracker-mode-fieldwork").checked ? "fieldwork" : "notification";
    var check = D.schedule(mode === "fieldwork" ? { fieldwork_start: value } : { notification: value }, App.data.rules, App.cal);
    if (!check.ok) return refuse(input, check.message);
    K.fieldError(input, App.$("tracker-date-error"), "tracker-date-hint", "");
    var same = App.dates.date === value && App.dates.mode === mode;
    App.dates = { mode: mode, date: value, actual_publication: same ? App.dates.actual_publication : "" };
    Store.saveDates(App.dates);
    App.setSchedule();
    App.refresh();
    var p = T.progress(App.data, App.rows()).overall;
    App.say("Deadlines dated from notification on " + D.longDate(App.sched.notification) + ". " +
      p.overdue + " overdue, " + p["due-soon"] + " due soon.");
    return undefined;
  }

  App.initDates = function () {
    App.$("tracker-date-form").addEventListener("submit", submit);
    App.$("tracker-date-clear").addEventListener("click", function () {
      App.dates = { mode: App.dates.mode, date: "", actual_publication: "" };
      Store.saveDates(App.dates);
      App.setSchedule();
      App.refresh();
      App.say("Date cleared: deadlines show as weeks of the inspection.");
    });
  };
})(self.JTAI);
