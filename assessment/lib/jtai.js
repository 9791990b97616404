// needs: nothing
/* JTAI Ready in the browser: the one namespace. Always the first script of every bundle.
 *
 * window.JTAI holds everything: the shared modules (JTAI.dom, JTAI.storage, JTAI.scoring…), the
 * generated data (JTAI.data.assessment, JTAI.data.planner, JTAI.data.findings) and the apps
 * (JTAI.apps). An app is started in one way only: a root element names it,
 * <div data-jtai-app="planner">, and boot.js, the last script of every bundle, calls the app's
 * start(root) once the page is ready. An app's own scripts add their views to JTAI.app(name).
 *
 * Loads as a classic script or with require() in Node (which gets the same namespace).
 */
(function (root) {
  "use strict";

  var J = root.JTAI = root.JTAI || {};
  J.data = J.data || {};
  J.apps = J.apps || {};

  /** The app called `name`, made on first use: {views: {}, parts: {}, start: function (root)}. */
  J.app = function (name) {
    if (!J.apps[name]) J.apps[name] = { name: name, views: {}, parts: {} };
    return J.apps[name];
  };

  if (typeof module === "object" && module.exports) module.exports = J;
})(typeof self !== "undefined" ? self : globalThis);
