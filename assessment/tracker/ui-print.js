// needs: lib/dates.js lib/dom.js lib/jtai.js
/* JTAI Ready Annex A readiness tracker: printing it as a table.
 *
 * The tracker on screen is a table of form fields; on paper that would be rows of empty boxes.
 * This adds a "Print the tracker" button and a table that only print shows (lib/print.css): one
 * row per item shown, in the order shown, with its agency, deadline, status, owner, where it is,
 * when it was last reviewed and the notes, read from the saved tracker. The table is redrawn
 * whenever a field changes and just before printing, so it always matches the screen.
 *
 * app.js calls initPrint(root) once the list is drawn, like the tracker's other views.
 */
(function (J) {
  "use strict";

  var App = J.app("tracker");
  var REDRAW_MS = 300;

  function row(r) {
    var h = J.dom.h;
    var due = r.deadline_label + (r.date ? " (" + J.dates.shortDate(r.date) + ")" : "") +
      (r.timing ? " (" + (r.timing === "overdue" ? "Overdue" : "Due soon") + ")" : "");
    return h("tr", { "data-id": r.id }, [
      h("td", {}, [h("strong", { text: r.item.label }), h("br"), r.agency_name]),
      h("td", { text: due }),
      h("td", { text: r.status_label }),
      h("td", { text: r.owner }),
      h("td", { text: r.location }),
      h("td", { text: r.reviewed ? J.dom.longDate(r.reviewed) : "" }),
      h("td", { text: r.notes })
    ]);
  }

  /** The rows shown on screen, in the order shown. */
  function shownRows(root) {
    var rows = {};
    App.rows().forEach(function (r) { rows[r.id] = r; });
    return Array.prototype.filter.call(root.querySelectorAll("#tracker-list tr[data-id]"), function (tr) {
      return !tr.hidden;
    }).map(function (tr) { return rows[tr.getAttribute("data-id")]; });
  }

  function draw(root, box) {
    var h = J.dom.h;
    var items = shownRows(root);
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
    var list = root.querySelector("#tracker-table");
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
    later();
  };
})(self.JTAI);
