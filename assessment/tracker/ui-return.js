// needs: lib/dom.js lib/jtai.js tracker/sheet.js tracker/tracker.js tracker/xlsx-write.js
/* JTAI Ready Annex A readiness tracker: one way back to the partnership.
 *
 * An agency that opened its items here (it imported a file the partnership made for it into a
 * tracker with nothing of its own: tracker.js opensFor) is offered one action, "Send back to the
 * partnership", as a JSON file or an Excel workbook named with the agency and the date. It asks
 * whose the file is (a role or a name) and keeps that in the file (tracker.sender; the
 * workbook's About sheet), so the partnership's import names its source from the content. The
 * agency and the role or name are saved with the tracker, so the offer survives a reload.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var K = J.dom;
  var T = J.tracker;
  var el = K.h;

  function agency() {
    return App.tracker.scope ? App.tracker.scope.agency : "";
  }

  function person() {
    var s = App.tracker.sender;
    return s && s.agency === agency() ? s.person : "";
  }

  /** Keep who sends it back with the tracker (saved, so it is there after a reload). */
  function keepPerson(value) {
    var who = value.trim().slice(0, 200);
    if (who === person()) return;
    var copy = JSON.parse(JSON.stringify(App.tracker));
    copy.sender = { agency: agency(), person: who };
    App.tracker = copy;
    App.persist();
  }

  function showError(message) {
    K.fieldError(App.$("tracker-return-person"), App.$("tracker-return-error"), "tracker-return-person-hint", message);
  }

  function workbook(a, who) {
    var mine = {};
    T.agencyItems(App.data, a).forEach(function (i) { mine[i.id] = true; });
    var rows = App.rows().filter(function (r) { return mine[r.id]; });
    return J.xlsxWrite.workbook(J.trackerSheet.toSheets(App.data, App.tracker, rows, "Items for " + App.agencyName(a) +
      ", sent back to the partnership.", { agency: a, person: who }));
  }

  function send() {
    var a = agency();
    var who = App.$("tracker-return-person").value.trim();
    if (!who) {
      showError("Enter your role or name, so that the partnership knows whose answers these are");
      App.$("tracker-return-person").focus();
      return;
    }
    showError("");
    keepPerson(who);
    var excel = App.root.querySelector("input[name=tracker-return-format]:checked").value === "xlsx";
    var name = T.sendBackName(excel ? "xlsx" : "json", K.today(), a);
    if (excel) K.download(name, workbook(a, who), J.xlsxWrite.TYPE);
    else K.download(name, T.exportJSON(T.sendBack(T.setDates(App.tracker, App.dates, App.tracker.updated), App.data, a, who)), "application/json");
    var done = "Ready to send back: " + name + ". Email it to the partnership, who import it into their tracker.";
    App.$("tracker-return-done").textContent = done;
    App.say(done);
  }

  /** This browser is the partnership's own tracker after all: stop offering the way back. */
  function stop() {
    var copy = JSON.parse(JSON.stringify(App.tracker));
    delete copy.scope;
    delete copy.sender;
    App.tracker = copy;
    App.persist();
    App.drawReturn();
    App.say("The tracker no longer offers to send items back to the partnership.");
    App.$("tracker-files-title").focus();
  }

  function choice(value, label, checked) {
    var id = "tracker-return-" + value;
    return el("div", { class: "jtai-choice" }, [
      el("input", { type: "radio", name: "tracker-return-format", id: id, value: value, checked: checked }), " ",
      el("label", { for: id, text: label })]);
  }

  function button(text, id, primary, run) {
    var b = el("button", { type: "button", id: id, class: "jtai-btn" + (primary ? " jtai-btn--primary" : ""), text: text });
    b.addEventListener("click", run);
    return b;
  }

  function panel(a) {
    var count = T.agencyItems(App.data, a).length;
    var input = el("input", { type: "text", id: "tracker-return-person", class: "jtai-input", value: person(), maxlength: "200",
      autocomplete: "off", "aria-describedby": "tracker-return-person-hint" });
    input.addEventListener("change", function () { keepPerson(input.value); });
    return [
      el("h2", { id: "tracker-return-title", tabindex: "-1", text: "Send back to the partnership" }),
      el("p", { text: "You opened the " + count + " items for " + App.agencyName(a) + " from the partnership\u2019s file. " +
        "Fill them in above, then send them back with this button: it makes one file named with your agency and today\u2019s date. " +
        "You do not need the export buttons below." }),
      el("div", { class: "jtai-field" }, [
        el("label", { for: "tracker-return-person", text: "Your role or name" }),
        el("p", { class: "jtai-hint", id: "tracker-return-person-hint", text: "Kept in the file, so the partnership knows whose answers these are. " +
          "For example \u201cDesignated nurse\u201d." }),
        el("p", { class: "jtai-error", id: "tracker-return-error", hidden: true }),
        input]),
      el("fieldset", { class: "jtai-fieldset" }, [
        el("legend", { text: "What kind of file" }),
        choice("json", "A file for the tracker page (JSON)", true),
        choice("xlsx", "An Excel workbook", false)]),
      el("div", { class: "jtai-buttons" }, [
        button("Send back to the partnership", "tracker-return-send", true, send),
        button("This is the partnership\u2019s own tracker: stop offering this", "tracker-return-stop", false, stop)]),
      el("p", { id: "tracker-return-done", class: "jtai-saved" })
    ];
  }

  /** Show the way back when this browser opened an agency's items; hide it otherwise. */
  App.drawReturn = function () {
    var box = App.$("tracker-return");
    if (!box) return;
    var a = agency();
    K.clear(box);
    box.hidden = !a;
    if (a) panel(a).forEach(function (node) { box.appendChild(node); });
  };
})(self.JTAI);
