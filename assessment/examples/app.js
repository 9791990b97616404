// needs: lib/jtai.js
/* JTAI Ready worked examples: the app. Its root names the view it shows,
 * <div data-jtai-app="examples" data-jtai-view="explorer"> (or "training"); explorer.js and
 * training.js add those views.
 */
(function (J) {
  "use strict";

  var App = J.app("examples");

  App.start = function (root) {
    var view = App.views[root.getAttribute("data-jtai-view")];
    if (!view) throw new Error("No worked-examples view called " + root.getAttribute("data-jtai-view"));
    view(root);
  };
})(self.JTAI);
