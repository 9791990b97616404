// needs: lib/date-input.js lib/dates.js lib/jtai.js lib/plan-store.js tracker/tracker.js
/* JTAI Ready Annex A readiness tracker: the date form (GOV.UK Day, Month and Year boxes,
 * lib/date-input.js). The date is shared with the planner; once set, every deadline shows as a
 * real date and items can be overdue or due soon.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
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
    App.dateField.set(App.dates.date);
  };

  function refuse(message, parts) {
    App.dateField.showError(message, parts);
    App.dateField.focus();
    App.say(message);
  }

  function submit(event) {
    event.preventDefault();
    var read = App.dateField.value();
    if (!read.ok) return refuse(read.message, read.parts);
    if (read.empty) return refuse("Enter the date.", ["day", "month", "year"]);
    var value = read.iso;
    var mode = App.$("tracker-mode-fieldwork").checked ? "fieldwork" : "notification";
    var check = D.schedule(mode === "fieldwork" ? { fieldwork_start: value } : { notification: value }, App.data.rules, App.cal);
    if (!check.ok) return refuse(check.message);
    App.dateField.clearError();
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
    App.dateField = J.dateInput.create({ id: "tracker-date", legend: "Date", name: "the date",
      hint: "Shared with the preparation planner. Leave it empty to see deadlines as weeks of the inspection. For example, 3 5 2024." });
    App.$("tracker-date-field").replaceWith(App.dateField.element);
    App.$("tracker-date-form").addEventListener("submit", submit);
    App.$("tracker-date-clear").addEventListener("click", function () {
      App.dates = { mode: App.dates.mode, date: "", actual_publication: "" };
      App.dateField.clear();
      Store.saveDates(App.dates);
      App.setSchedule();
      App.refresh();
      App.say("Date cleared: deadlines show as weeks of the inspection.");
    });
  };
})(self.JTAI);
