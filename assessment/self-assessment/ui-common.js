// needs: lib/date-input.js lib/dom.js lib/jtai.js lib/scoring.js
/* JTAI Ready self-assessment: pieces the views share (labels, outcome badges, text fields with
 * the child-details warning, radio groups). Needs dom.js, scoring.js and pii.js.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("self-assessment");

  /** Class for an outcome by its rank (0 = best band), so that styles never depend on IDs. */
  function bandClass(outcomeId) {
    return root.JTAI.scoring.bandClass(App.data, outcomeId);
  }

  /** An outcome as a labelled badge: "Strength", or "Not scored". */
  function badge(outcomeId) {
    return D.h("span", { class: "jtai-badge " + bandClass(outcomeId), "data-value": outcomeId || "" },
      [outcomeId ? App.label("outcome", outcomeId) : "Not scored"]);
  }

  /** The outcome of a criterion result in words, with any override made plain. */
  function outcomeNodes(result) {
    var nodes = [badge(result.outcome)];
    if (result.overridden) {
      nodes.push(" ", D.h("span", { class: "jtai-override-note" },
        ["(your override; suggested: " + (App.label("outcome", result.suggested) || "not scored") + ")"]));
    }
    if (result.strength_without_evidence) {
      nodes.push(" ", D.h("span", { class: "jtai-flag" }, ["No evidence recorded"]));
    }
    return nodes;
  }

  /**
   * A labelled text input or textarea, with an optional hint and a child-details warning
   * (role="status", polite; never blocks). onInput(value) runs on every change.
   */
  function textField(opts) {
    var id = D.uid("field");
    var hintId = opts.hint ? id + "-hint" : null;
    var warnId = id + "-pii";
    var describedBy = [hintId, warnId].filter(Boolean).join(" ");
    var warning = D.h("p", { id: warnId, class: "jtai-pii", role: "status" });
    var attrs = { id: id, class: "jtai-input", "aria-describedby": describedBy, value: opts.value || "",
      maxlength: opts.max || 20000, autocomplete: "off" };
    var input = opts.multiline ? D.h("textarea", Object.assign(attrs, { rows: opts.rows || 3 }))
      : D.h("input", Object.assign(attrs, { type: opts.type || "text" }));
    if (opts.required) input.setAttribute("aria-required", "true");
    input.addEventListener("input", function () {
      opts.onInput(input.value);
      if (opts.pii !== false) D.checkPii(input, warning);
    });
    if (opts.value && opts.pii !== false) D.checkPii(input, warning, true);
    return D.h("div", { class: "jtai-field" + (opts.className ? " " + opts.className : "") }, [
      D.h("label", { for: id, class: "jtai-label" }, [opts.label]),
      hintId ? D.h("p", { id: hintId, class: "jtai-hint" }, [opts.hint]) : null,
      input, warning
    ]);
  }

  /**
   * A date as GOV.UK asks for it: Day, Month and Year boxes (JTAI.dateInput.live). The value is
   * saved only when it is empty or a real date; otherwise the boxes say what to fix and that the
   * date has not been saved, and the rest of the record still saves.
   */
  function dateField(opts) {
    return root.JTAI.dateInput.live({ id: D.uid("date"), legend: opts.label, name: opts.name || "the date",
      hint: opts.hint || "For example, 27 3 2025.", value: opts.value, onSave: opts.onInput }).element;
  }

  /** A select with a blank first option. options: [{id, label}]. */
  function selectField(opts) {
    var id = D.uid("select");
    var select = D.h("select", { id: id, class: "jtai-select", on: { change: function () { opts.onChange(select.value); } } },
      [D.h("option", { value: "" }, [opts.blank || "Not chosen"])].concat(opts.options.map(function (o) {
        return D.h("option", { value: o.id, selected: o.id === opts.value }, [o.label]);
      })));
    select.value = opts.value || "";
    return D.h("div", { class: "jtai-field" }, [D.h("label", { for: id, class: "jtai-label" }, [opts.label]), select]);
  }

  /**
   * A fieldset of radio buttons. options: [{id, label, hint?}]; value "" selects the option
   * with id "".
   */
  function radioGroup(opts) {
    var name = D.uid("radio");
    var items = opts.options.map(function (o) {
      var id = name + "-" + (o.id || "none");
      return D.h("div", { class: "jtai-radio" + (o.id ? "" : " jtai-radio-none") }, [
        D.h("input", { type: "radio", id: id, name: name, value: o.id, checked: (opts.value || "") === o.id,
          "data-value": o.id, on: { change: function () { opts.onChange(o.id); } } }),
        D.h("label", { for: id }, [o.label])
      ]);
    });
    // Radios move with the arrow keys, which a newcomer may not know: every group says so (issue 24).
    var keys = D.h("p", { class: "jtai-hint jtai-keys-hint", id: name + "-keys" },
      ["Use the arrow keys to move between answers."]);
    return D.h("fieldset", { class: "jtai-fieldset jtai-radios " + (opts.className || ""), "data-group": opts.group || null,
      "aria-describedby": name + "-keys" }, [
      D.h("legend", { class: "jtai-legend" }, opts.legend),
      opts.hint ? D.h("p", { class: "jtai-hint" }, [opts.hint]) : null,
      keys,
      D.h("div", { class: "jtai-radio-list" }, items)
    ]);
  }

  App.ui = { bandClass: bandClass, badge: badge, outcomeNodes: outcomeNodes, textField: textField,
    selectField: selectField, radioGroup: radioGroup, dateField: dateField, table: D.table, button: D.button };
})(typeof self !== "undefined" ? self : this);
