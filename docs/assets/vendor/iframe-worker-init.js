/* The worker frame's set-up for iframe-worker-shim.js: the shim's original inline script, as a
   file so that the site's Content-Security-Policy (script-src 'self') allows it. It runs inside
   the hidden frame that stands in for a web worker when the site is opened from file://, and gives
   that frame a worker's postMessage, importScripts and error reporting. */
(function () {
  "use strict";
  var worker = document.currentScript.getAttribute("data-worker");
  window.postMessage = function (message, origin) {
    parent.postMessage(message, origin || "*");
  };
  window.importScripts = function (...urls) {
    return urls.reduce(function (loaded, url) {
      return loaded.then(function () {
        return new Promise(function (resolve) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = resolve;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  window.addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error: event.error }));
  });
})();
