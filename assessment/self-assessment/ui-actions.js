// needs: lib/dom.js lib/importexport.js lib/jtai.js
/* JTAI Ready self-assessment: the actions for one criterion (what, lead agency, due date,
 * status), added and removed in place, with focus kept where a keyboard user expects it.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("self-assessment");
  var h = D.h;

  function actionsOf(cid) {
    return (App.record.answers[cid] || { actions: [] }).actions;
  }

  function update(cid, actionId, key, value) {
    App.change(function (rec) {
      App.answerFor(rec, cid).actions.forEach(function (a) {
        if (a.id === actionId) a[key] = value;
      });
    }, { criterion: cid, what: "action" });
  }

  function leadOptions() {
    return App.data.agencies.map(function (a) { return { id: a.id, label: a.name }; })
      .concat([{ id: App.data.assessment.jointly.id, label: App.data.assessment.jointly.label }]);
  }

  function actionFieldset(c, action, number, list) {
    var ui = App.ui;
    var set = function (key) { return function (v) { update(c.id, action.id, key, v); }; };
    return h("fieldset", { class: "jtai-fieldset jtai-action", "data-action-id": action.id }, [
      h("legend", { class: "jtai-legend" }, ["Action " + number]),
      ui.textField({ label: "What will be done", multiline: true, rows: 2, value: action.what, onInput: set("what"),
        className: "jtai-action-what" }),
      h("div", { class: "jtai-action-grid" }, [
        ui.selectField({ label: "Lead agency", value: action.lead, options: leadOptions(), onChange: set("lead") }),
        ui.dateField({ label: "Due date", name: "the due date", value: action.due, onInput: set("due") }),
        ui.selectField({ label: "Status", value: action.status, blank: "Choose a status",
          options: App.data.assessment.action_statuses.map(function (s) { return { id: s.id, label: s.label }; }),
          onChange: set("status") })
      ]),
      ui.button("Remove action " + number, function () { removeAction(c, action.id, list); },
        { className: "jtai-btn-danger jtai-btn-small", attrs: { "data-action": "remove-action" } })
    ]);
  }

  function fill(c, list) {
    D.clear(list);
    var actions = actionsOf(c.id);
    if (!actions.length) list.appendChild(h("p", { class: "jtai-hint" }, ["No actions yet."]));
    actions.forEach(function (a, i) { list.appendChild(actionFieldset(c, a, i + 1, list)); });
  }

  var MAX = root.JTAI.io.MAX_ACTIONS;

  /** The add button's words and the limit message, kept in step with the number of actions. */
  function showLimit(c, section) {
    var full = actionsOf(c.id).length >= MAX;
    var add = section.querySelector("[data-action=\"add-action\"]");
    var note = section.querySelector("[data-action-limit]");
    if (!add || !note) return;
    D.text(add, full ? "Add an action (limit of " + MAX + " reached)" : "Add an action");
    add.setAttribute("aria-describedby", note.id);
    D.text(note, full ? "This criterion has " + MAX + " actions, the most one criterion can hold. " +
      "Remove one, or combine some, to add another." : "");
  }

  function addAction(c, list) {
    if (actionsOf(c.id).length >= MAX) {
      showLimit(c, list.parentNode);
      D.announce("Not added: this criterion already has " + MAX + " actions, the most it can hold.");
      return;
    }
    var id = root.JTAI.io.randomId("act-");
    App.change(function (rec) {
      App.answerFor(rec, c.id).actions.push({ id: id, what: "", lead: "", due: "",
        status: App.data.assessment.action_statuses[0].id });
    }, { criterion: c.id, what: "action" });
    fill(c, list);
    var added = list.querySelector("[data-action-id=\"" + id + "\"] textarea");
    if (added) added.focus();
    showLimit(c, list.parentNode);
    D.announce("Action " + actionsOf(c.id).length + " added.");
  }

  function removeAction(c, actionId, list) {
    App.change(function (rec) {
      var a = App.answerFor(rec, c.id);
      a.actions = a.actions.filter(function (x) { return x.id !== actionId; });
    }, { criterion: c.id, what: "action" });
    fill(c, list);
    showLimit(c, list.parentNode);
    D.announce("Action removed. " + actionsOf(c.id).length + " left.");
    var addButton = list.parentNode.querySelector("[data-action=\"add-action\"]");
    if (addButton) addButton.focus();
  }

  App.actionsSection = function (c) {
    var list = h("div", { class: "jtai-action-list" });
    fill(c, list);
    var section = h("section", { class: "jtai-actions", "aria-labelledby": "jtai-act-title" }, [
      h("h3", { id: "jtai-act-title" }, ["Actions"]),
      h("p", {}, ["What you will do about this criterion, who leads it and by when."]),
      list,
      h("p", { id: D.uid("action-limit"), class: "jtai-error", "data-action-limit": "", role: "status" }),
      App.ui.button("Add an action", function () { addAction(c, list); }, { attrs: { "data-action": "add-action" } })
    ]);
    showLimit(c, section);
    return section;
  };
})(typeof self !== "undefined" ? self : this);
