// needs: lib/jtai.js
/* JTAI Ready in the browser: start every app on the page. Always the last script of a bundle.
 *
 * Each element with data-jtai-app="NAME" is handed to JTAI.apps[NAME].start(element), once, when
 * the document is ready. Lookups inside an app are scoped to that element. An app that is not
 * in the bundle, or that fails to start, leaves a message in its element instead of a blank box.
 */
(function (root) {
  "use strict";

  var J = root.JTAI;

  function fail(element, text) {
    var p = document.createElement("p");
    p.className = "jtai-alert jtai-alert-error";
    p.setAttribute("role", "alert");
    p.textContent = text;
    element.insertBefore(p, element.firstChild);
  }

  function startOne(element) {
    if (element.getAttribute("data-jtai-started")) return;
    element.setAttribute("data-jtai-started", "true");
    var name = element.getAttribute("data-jtai-app");
    var app = J.apps[name];
    if (!app || typeof app.start !== "function") {
      fail(element, "This part of the page could not start (no app called " + name + "). Reload the page.");
      return;
    }
    try {
      app.start(element);
    } catch (err) {
      fail(element, "This part of the page stopped with an error. Reload the page; your saved work is kept.");
      throw err;
    }
  }

  function boot() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-jtai-app]"), startOne);
  }

  J.boot = boot;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})(self);
