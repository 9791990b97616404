/* JTAI Ready: the date on the line only print shows ("Printed 30 November 2026"), set when the
 * page opens and again just before it prints. A file, not an inline script, because of the
 * Content-Security-Policy (overrides/main.html). */
(function () {
  "use strict";
  var months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  function stamp() {
    var d = new Date();
    document.querySelectorAll("[data-jtai-printed]").forEach(function (el) {
      el.textContent = "Printed " + d.getDate() + " " + months[d.getMonth()] + " " + d.getFullYear();
    });
  }
  stamp();
  window.addEventListener("beforeprint", stamp);
})();
