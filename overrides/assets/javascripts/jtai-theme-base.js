/* mkdocs-material 9.8.1 partials/javascripts/base.html, moved out of the page so that the
   Content-Security-Policy needs no inline script (overrides/main.html). The theme sets the scope to
   the site's root from the page; this file is in assets/javascripts/ under that root, so the root
   is two folders up from its own address. */
var __md_scope = new URL("../..", document.currentScript.src),
  __md_hash = function (e) {
    return [...e].reduce(function (e, _) {
      return (e << 5) - e + _.charCodeAt(0);
    }, 0);
  },
  __md_get = function (e, _ = localStorage, t = __md_scope) {
    return JSON.parse(_.getItem(t.pathname + "." + e));
  },
  __md_set = function (e, _, t = localStorage, a = __md_scope) {
    try {
      t.setItem(a.pathname + "." + e, JSON.stringify(_));
    } catch (e) {}
  };
