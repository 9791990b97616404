/* mkdocs-material 9.8.1 partials/javascripts/content.html, moved out of the page so that the
   Content-Security-Policy needs no inline script (overrides/main.html): opens the content tab
   that the address's #fragment names. */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
})();
