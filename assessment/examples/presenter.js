// needs: lib/dom.js lib/jtai.js
/* JTAI Ready worked examples: the training exercise on a projector (presenter view).
 *
 * One finding at a time in large type, with the site's menus, header, footer and "Back to top"
 * hidden. Our mapping stays hidden until the presenter reveals it, after the group has discussed
 * the finding. Keys (listed on screen): Right arrow next finding, Left arrow previous, R show or
 * hide our mapping, Escape leave the presenter view. Buttons do the same for mouse, touch and
 * Tab. The view marks <html> with "jtai-presenting"; examples.css does the rest.
 */
(function (J) {
  "use strict";

  var PRESENTING = "jtai-presenting";
  var KEYS = [["→", "next finding"], ["←", "previous finding"], ["R", "show or hide our mapping"],
    ["Esc", "leave the presenter view"]];

  /**
   * Present `example`'s findings in `root`. ctx: {lookup, base, criterionName, findingCard,
   * onLeave}. Returns nothing; the view removes its key handler when it is left.
   */
  function present(root, example, ctx) {
    var K = J.dom;
    var el = K.h;
    var index = 0;
    var revealed = false;

    function mapping(finding) {
      return el("ul", { class: "jtai-mapping" }, finding.criteria.map(function (c) {
        return el("li", { class: "jtai-mapping__item", "data-criterion": c.id }, [
          el("p", {}, [el("strong", {}, [el("a", { href: ctx.base + ctx.lookup.criteria[c.id].url,
            text: ctx.criterionName(c.id) })])]),
          el("p", { text: c.rationale })
        ]);
      }));
    }

    function keysList() {
      return el("dl", { class: "jtai-presenter__keys", "aria-label": "Keyboard shortcuts" }, KEYS.map(function (k) {
        return el("div", {}, [el("dt", {}, [el("kbd", { text: k[0] })]), el("dd", { text: k[1] })]);
      }));
    }

    function draw(focusOn) {
      var finding = example.findings[index];
      var answerId = "jtai-presenter-answer";
      var answer = el("section", { id: answerId, class: "jtai-presenter__answer", hidden: !revealed,
        "aria-labelledby": "jtai-presenter-answer-title" }, [
        el("h3", { id: "jtai-presenter-answer-title", text: "Our mapping" }), mapping(finding)]);
      var reveal = K.button(revealed ? "Hide our mapping (R)" : "Show our mapping (R)", toggle,
        { className: "jtai-presenter__reveal", attrs: { "aria-expanded": revealed ? "true" : "false", "aria-controls": answerId } });
      var heading = el("h2", { tabindex: "-1", class: "jtai-step-heading",
        text: example.title + ": finding " + (index + 1) + " of " + example.findings.length });
      K.clear(root);
      root.appendChild(el("div", { class: "jtai-presenter" }, [
        heading,
        ctx.findingCard(finding),
        el("p", { class: "jtai-presenter__question", text: "Which criteria does this finding give evidence about?" }),
        el("div", { class: "jtai-presenter__buttons" }, [
          K.button("Previous finding (←)", function () { go(-1); }, { attrs: { disabled: index === 0 } }),
          reveal,
          K.button("Next finding (→)", function () { go(1); },
            { attrs: { disabled: index + 1 >= example.findings.length } }),
          K.button("Leave the presenter view (Esc)", leave)
        ]),
        answer,
        keysList()
      ]));
      (focusOn === "reveal" ? reveal : heading).focus();
      if (focusOn === "reveal" && revealed) answer.scrollIntoView({ block: "nearest" });
    }

    function go(step) {
      var next = index + step;
      if (next < 0 || next >= example.findings.length) return;
      index = next;
      revealed = false;
      draw("heading");
    }

    function toggle() {
      revealed = !revealed;
      draw("reveal");
    }

    function onKey(event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      var actions = { ArrowRight: function () { go(1); }, ArrowLeft: function () { go(-1); },
        r: toggle, R: toggle, Escape: leave };
      var action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      event.stopImmediatePropagation(); // before the theme's own keys
      action();
    }

    function leave() {
      window.removeEventListener("keydown", onKey, true);
      document.documentElement.classList.remove(PRESENTING);
      ctx.onLeave(example.id);
    }

    document.documentElement.classList.add(PRESENTING);
    window.addEventListener("keydown", onKey, true);
    window.scrollTo(0, 0);
    draw("heading");
  }

  J.app("examples").parts.present = present;
})(self.JTAI);
