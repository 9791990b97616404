// needs: lib/dom.js lib/jtai.js
/* JTAI Ready self-assessment: modal questions (confirm, choose, name something) on <dialog>.
 * The browser's dialog gives the focus trap, Escape to cancel and the backdrop; we put focus back
 * where it was afterwards.
 */
(function (root) {
  "use strict";

  var D = root.JTAI.dom;
  var App = root.JTAI.app("self-assessment");

  var LISTED = 30;

  /** Lines to check (what an import would change), the first LISTED of them. */
  function listOf(lines) {
    var shown = lines.slice(0, LISTED).concat(lines.length > LISTED ? ["And " + (lines.length - LISTED) + " more."] : []);
    return D.h("ul", { class: "jtai-dialog-list", "data-changes": "", tabindex: "0", "aria-label": "What would change" }, shown.map(function (l) { return D.h("li", {}, [l]); }));
  }

  /**
   * opts: {title, body: [text], list: [text], choices: [{id, label, primary}], input: {label, value, max}}
   * Resolves to {choice: id or null (cancelled), value: text in the input}.
   */
  function ask(opts) {
    return new Promise(function (resolve) {
      var opener = document.activeElement;
      var titleId = D.uid("dialog-title");
      var input = null;
      var field = null;
      if (opts.input) {
        var inputId = D.uid("dialog-input");
        input = D.h("input", { id: inputId, type: "text", class: "jtai-input", value: opts.input.value || "",
          maxlength: opts.input.max || 200, autocomplete: "off" });
        field = D.h("div", { class: "jtai-field" }, [D.h("label", { for: inputId, class: "jtai-label" }, [opts.input.label]), input]);
      }
      var dialog = D.h("dialog", { class: "jtai-dialog", "aria-labelledby": titleId });
      var finish = function (choice) {
        if (dialog.open) dialog.close();
        dialog.remove();
        if (opener && opener.isConnected && opener.focus) opener.focus();
        resolve({ choice: choice, value: input ? input.value.trim() : "" });
      };
      var buttons = opts.choices.map(function (c) {
        return D.h("button", { type: "button", class: "jtai-btn" + (c.primary ? " jtai-btn-primary" : ""),
          "data-choice": c.id, on: { click: function () { finish(c.id); } } }, [c.label]);
      });
      buttons.push(D.h("button", { type: "button", class: "jtai-btn jtai-btn-quiet", "data-choice": "cancel",
        on: { click: function () { finish(null); } } }, [opts.cancel || "Cancel"]));
      D.clear(dialog);
      dialog.appendChild(D.h("h2", { id: titleId, class: "jtai-dialog-title" }, [opts.title]));
      (opts.body || []).forEach(function (p) { dialog.appendChild(D.h("p", {}, [p])); });
      if (opts.list && opts.list.length) dialog.appendChild(listOf(opts.list));
      if (field) dialog.appendChild(field);
      dialog.appendChild(D.h("div", { class: "jtai-dialog-buttons" }, buttons));
      dialog.addEventListener("cancel", function (e) {
        e.preventDefault();
        finish(null);
      });
      if (input) {
        input.addEventListener("keydown", function (e) {
          if (e.key === "Enter") {
            e.preventDefault();
            finish(opts.choices[0].id);
          }
        });
      }
      (document.querySelector(".jtai-sa") || document.body).appendChild(dialog);
      dialog.showModal();
      (input || buttons[buttons.length - 1]).focus();
    });
  }

  App.ask = ask;
})(typeof self !== "undefined" ? self : this);
