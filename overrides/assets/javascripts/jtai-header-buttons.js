/* JTAI Ready: the theme's header buttons that open the menu and search on a narrow screen are
   labels for hidden checkboxes, so the keyboard cannot reach them; and the closed menu stays in
   the Tab order while it sits off screen, so a keyboard user tabs through about 100 links they
   cannot see (WCAG 2.1.1 Keyboard, 2.4.7 Focus visible, 2.4.11 Focus not obscured; issue 24).

   Here each becomes a button that Tab reaches, named, saying whether it is open, and working
   with Enter and Space. Opening the menu moves focus to its first link, opening search to its
   box; Escape closes it and
   returns focus to the button, as closing search does when focus would otherwise be lost. jtai.css hides the closed menu, which takes it out of the Tab
   order. The theme's own handling (its toggles, search focusing its box) is left as it is: a
   button press clicks the checkbox, as the theme does itself. Loaded on every page by
   overrides/main.html. */
(function () {
  "use strict";

  var BUTTONS = [
    { toggle: "__drawer", name: "Menu" },
    { toggle: "__search", name: "Search" }
  ];

  /* The first link of the menu that can be seen where it stands: the theme slides in the level
     of the menu the page is in over the top level, so a link can have a size yet be hidden. */
  function firstSeenLinkIn(selector) {
    var links = document.querySelectorAll(selector + " a[href], " + selector + " label[tabindex]");
    for (var i = 0; i < links.length; i += 1) {
      var box = links[i].getBoundingClientRect();
      var hit = box.width && box.height &&
        document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (hit && (hit === links[i] || links[i].contains(hit))) return links[i];
    }
    return null;
  }

  /* Focus it once the menu has slid in (a few frames; at once with reduced motion). */
  function focusMenu(selector, framesLeft) {
    var link = firstSeenLinkIn(selector);
    if (link) link.focus();
    else if (framesLeft > 0) {
      requestAnimationFrame(function () { focusMenu(selector, framesLeft - 1); });
    }
  }

  function setUp(spec) {
    var toggle = document.getElementById(spec.toggle);
    var button = document.querySelector('label.md-header__button[for="' + spec.toggle + '"]');
    if (!toggle || !button) return;
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", spec.name);
    var sync = function () {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    };
    sync();
    toggle.addEventListener("change", function () {
      sync();
      // Closed (Escape in search, a tap on the shade): focus back on the button, not lost. The
      // theme blurs its search box just after closing, hence the next frame.
      requestAnimationFrame(function () {
        var lost = !document.activeElement || document.activeElement === document.body;
        if (!toggle.checked && lost && button.offsetParent) button.focus();
      });
    });
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation(); // the theme clicks a focused label on Enter: that would undo this
      toggle.click();
      sync();
      if (!toggle.checked) return;
      if (spec.toggle === "__drawer") focusMenu(".md-sidebar--primary", 60);
      else document.querySelector(".md-search__input").focus();
    });
    if (spec.toggle === "__drawer") {
      document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !toggle.checked) return;
        toggle.click();
        sync();
        button.focus();
      });
    }
  }

  BUTTONS.forEach(setUp);
})();
