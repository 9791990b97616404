/* JTAI Ready Annex A readiness tracker: printing it as a table.
 *
 * The tracker on screen is a list of forms; on paper that is page after page of empty boxes.
 * This adds a "Print the tracker" button and a table that only print shows (lib/print.css): one
 * row per item shown, with its agency, deadline, status, owner, where it is, when it was last
 * reviewed and the notes, read from the tracker's own fields. The table is redrawn whenever a
 * field changes and just before printing, so it always matches the screen.
 *
 * app.js calls initPrint(root) once the list is drawn, like the tracker's other views.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var REDRAW_MS = 300;

  function field(li, name) {
    var control = li.querySelector("[data-field=" + name + "]");
    if (!control) return "";
    if (control.tagName === "SELECT") return control.selectedIndex >= 0 ? control.options[control.selectedIndex].text : "";
    if (name === "reviewed") return J.dom.longDate(control.value) || control.value;
    return control.value;
  }

  function text(li, selector) {
    var node = li.querySelector(selector);
    return node ? node.textContent.trim() : "";
  }

  function row(li) {
    var h = J.dom.h;
    var badge = li.querySelector(".jtai-badge");
    var due = text(li, ".jtai-item__deadline") + (badge && !badge.hidden ? " (" + badge.textContent.trim() + ")" : "");
    return h("tr", { "data-id": li.getAttribute("data-id") }, [
      h("td", {}, [h("strong", { text: text(li, ".jtai-item__title") }),
        h("br"), text(li, ".jtai-item__meta span")]),
      h("td", { text: due }),
      h("td", { text: field(li, "status") }),
      h("td", { text: field(li, "owner") }),
      h("td", { text: field(li, "location") }),
      h("td", { text: field(li, "reviewed") }),
      h("td", { text: field(li, "notes") })
    ]);
  }

  function draw(root, box) {
    var h = J.dom.h;
    var items = Array.prototype.filter.call(root.querySelectorAll("#tracker-list li.jtai-item"), function (li) {
      return !li.hidden;
    });
    var count = root.querySelector("#tracker-count");
    J.dom.clear(box);
    box.appendChild(h("p", { text: (count && count.textContent) || items.length + " items." }));
    box.appendChild(h("table", { class: "jtai-print-table" }, [
      h("thead", {}, [h("tr", {}, ["Item", "Due", "Status", "Owner", "Where it is", "Last reviewed", "Notes"]
        .map(function (name) { return h("th", { scope: "col", text: name }); }))]),
      h("tbody", {}, items.map(row))
    ]));
  }

  App.initPrint = function (root) {
    var list = root.querySelector("#tracker-list");
    if (!list) return;
    var box = J.dom.h("section", { class: "jtai-print-only jtai-tracker-print", id: "tracker-print", "aria-hidden": "true" });
    var button = J.dom.button("Print the tracker as a table", function () {
      draw(root, box);
      window.print();
    }, { attrs: { id: "tracker-print-button" } });
    list.after(box);
    var count = root.querySelector("#tracker-count");
    count.after(J.dom.h("div", { class: "jtai-buttons jtai-no-print" }, [button]));
    var timer = null;
    function later() {
      clearTimeout(timer);
      timer = setTimeout(function () { draw(root, box); }, REDRAW_MS);
    }
    root.addEventListener("change", later);
    root.addEventListener("input", later);
    window.addEventListener("beforeprint", function () { draw(root, box); });
    var print = window.matchMedia && window.matchMedia("print");
    if (print && print.addEventListener) {
      print.addEventListener("change", function (event) { if (event.matches) draw(root, box); });
    }
    draw(root, box);
  };
})(self.JTAI);
