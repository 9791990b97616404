// needs: lib/dom.js lib/jtai.js lib/plan-store.js lib/storage.js
/* JTAI Ready preparation planner: the notification-day checklist (issue 14).
 *
 * The tasks are on the page already (generator/templates/planner.md.j2, from timeline.yml's
 * notification_checklist, each citing its paragraphs). This keeps the ticks in this browser
 * through JTAI.planStore under its own key, {format, version, ticked: {task id: ISO date and
 * time}}, ignoring IDs the page no longer has; and prints the checklist alone on one A4 page
 * (planner/planner.css). Needs plan-store.js and dom.js.
 */
(function (root) {
  "use strict";

  var J = root.JTAI;
  var KEY = J.storage.scoped("jtai-ready:planner-checklist");
  var FORMAT = "jtai-ready-checklist";

  /** The saved ticks, {task id: when}, keeping only the IDs in `known`. */
  function loadTicks(known) {
    var saved = J.planStore.load(KEY);
    var ticked = saved && saved.format === FORMAT && saved.ticked && typeof saved.ticked === "object"
      ? saved.ticked : {};
    var out = {};
    known.forEach(function (id) {
      if (typeof ticked[id] === "string" && ticked[id]) out[id] = ticked[id];
    });
    return out;
  }

  function start(section) {
    var boxes = Array.prototype.slice.call(section.querySelectorAll("input[type=checkbox][data-task]"));
    var saved = document.getElementById("planner-checklist-saved");
    var buttons = document.getElementById("planner-checklist-buttons");
    var ticks = loadTicks(boxes.map(function (b) { return b.getAttribute("data-task"); }));

    function show() {
      boxes.forEach(function (b) { b.checked = !!ticks[b.getAttribute("data-task")]; });
    }

    function save(message) {
      var result = J.planStore.save(KEY, { format: FORMAT, version: 1, ticked: ticks });
      var done = Object.keys(ticks).length;
      saved.textContent = result.ok
        ? message + " " + done + " of " + boxes.length + " tasks done. Saved in this browser."
        : result.message;
    }

    boxes.forEach(function (b) {
      b.addEventListener("change", function () {
        var id = b.getAttribute("data-task");
        if (b.checked) ticks[id] = J.dom.nowStamp();
        else delete ticks[id];
        save(b.checked ? "Ticked." : "Unticked.");
      });
    });

    document.getElementById("planner-checklist-clear").addEventListener("click", function () {
      ticks = {};
      show();
      save("Every task unticked.");
    });

    // Printing from this button prints the checklist alone; any other print prints the plan.
    var html = document.documentElement;
    root.addEventListener("afterprint", function () { html.classList.remove("jtai-print-checklist"); });
    document.getElementById("planner-checklist-print").addEventListener("click", function () {
      html.classList.add("jtai-print-checklist");
      root.print();
    });

    show();
    if (!J.planStore.canSave()) {
      saved.textContent = "This browser is not saving for this site: your ticks last until you close the page.";
    }
    buttons.hidden = false;
  }

  J.app("planner").parts.checklist = function () {
    var section = document.getElementById("planner-checklist");
    if (section) start(section);
  };
})(self);
