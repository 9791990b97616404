// needs: lib/dates.js lib/storage.js
/* JTAI Ready planner and tracker: what both keep in the browser (JTAI.planStore).
 *
 * Named values saved as JSON in localStorage through JTAI.storage (which stands in with memory
 * when the browser will not save) and the inspection dates both pages share. Needs storage.js
 * and dates.js before it. (Dates a person types are read by lib/date-input.js.)
 */
(function (root) {
  "use strict";

  var J = root.JTAI;
  var DATES_KEY = J.storage.scoped("jtai-ready:planner-dates"); // kept apart for each framework
  var store = null;

  function values() {
    if (!store) store = J.storage.values();
    return store;
  }

  /** True when the browser keeps what is saved after the page is closed. */
  function canSave() {
    return values().available;
  }

  /** The saved value for key, or null (a damaged value reads as null). */
  function load(key) {
    return values().read(key);
  }

  /** Save a value: {ok: true} or {ok: false, message}. */
  function save(key, value) {
    var result = values().write(key, value);
    if (result.ok && values().available) return { ok: true };
    if (result.ok) {
      return { ok: false, message: "This browser is not saving for this site, so your work lasts only until you close the page. Export it to keep it." };
    }
    return { ok: false, message: result.message + " Export your work to keep it." };
  }

  function remove(key) {
    values().remove(key);
  }

  /** The saved text for key, as it is (null when there is none). */
  function text(key) {
    return values().text(key);
  }

  /** Keep unreadable text aside without overwriting an earlier copy: {ok, key} or {ok: false, message}. */
  function keepAside(key, value, label) {
    return values().keepAside(key, value, label);
  }

  /** When a copy of `name` ("tracker") was last saved to a file, "" for never; and noting it. */
  function lastCopy(name) {
    return values().lastCopy(name);
  }

  function noteCopy(name) {
    return values().noteCopy(name, new Date().toISOString());
  }

  /**
   * The dates both pages share: {mode: "notification" | "fieldwork", date, actual_publication,
   * letter_statement (the statement of action date the letter gives)}. A record saved before
   * letter_statement existed reads with it empty.
   */
  function loadDates() {
    var d = load(DATES_KEY);
    var D = J.dates;
    if (!d || typeof d !== "object") return { mode: "notification", date: "", actual_publication: "", letter_statement: "" };
    return {
      mode: d.mode === "fieldwork" ? "fieldwork" : "notification",
      date: D.isDate(d.date) ? d.date : "",
      actual_publication: D.isDate(d.actual_publication) ? d.actual_publication : "",
      letter_statement: D.isDate(d.letter_statement) ? d.letter_statement : ""
    };
  }

  /** Save the dates. A page that does not know letter_statement (it leaves it out) keeps the
   * saved one while the inspection's date stays the same, and clears it when the date changes. */
  function saveDates(dates) {
    var old = loadDates();
    var same = old.date === (dates.date || "") && old.mode === dates.mode;
    var letter = Object.prototype.hasOwnProperty.call(dates, "letter_statement") ? dates.letter_statement
      : same ? old.letter_statement : "";
    return save(DATES_KEY, { mode: dates.mode, date: dates.date || "",
      actual_publication: dates.actual_publication || "", letter_statement: letter || "" });
  }

  /** The planner input for JTAI.dates from the shared dates, or null when no date is set. */
  function inputFor(dates) {
    if (!dates.date) return null;
    var input = dates.mode === "fieldwork" ? { fieldwork_start: dates.date } : { notification: dates.date };
    if (dates.actual_publication) input.actual_publication = dates.actual_publication;
    if (dates.letter_statement) input.letter_statement = dates.letter_statement;
    return input;
  }

  J.planStore = { canSave: canSave, load: load, save: save, remove: remove, text: text, keepAside: keepAside,
    lastCopy: lastCopy, noteCopy: noteCopy, loadDates: loadDates,
    saveDates: saveDates, inputFor: inputFor, DATES_KEY: DATES_KEY };
})(self);
