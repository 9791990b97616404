// needs: examples/findings.js lib/dom.js lib/jtai.js
/* JTAI Ready worked examples: the training exercise.
 *
 * Choose an example; see one finding at a time; tick the criteria it gives evidence about;
 * compare with the model mapping (matches, misses, extras) and its reasons; get a score at the
 * end; start again. Native form controls only, so it all works by keyboard. Focus moves to the
 * heading of each new step. Nothing is stored: the state lives in this script until the page
 * is closed or reloaded.
 */
(function (J) {
  "use strict";

  J.app("examples").views.training = function (root) {
    var X = J.examples;
    var data = J.data.findings;

    var base = root.getAttribute("data-base") || "";
    var lookup = X.index(data);
    var mixed = X.fromEveryLetter(data);  // a set drawn from every letter, offered first
    var choices = (mixed ? [mixed] : []).concat(data.examples);
    if (mixed) lookup.examples[mixed.id] = mixed;
    var K = J.dom;
    var el = K.h;
    var RESULT_WORDS = { right: "right", partly: "partly right", wrong: "not right" };
    var state = { example: null, index: 0, marks: [] };

    /** Replace the exercise's content; move focus to its heading unless this is the first view. */
    function show(children, quiet) {
      K.clear(root);
      children.forEach(function (child) { if (child) root.appendChild(child); });
      var heading = root.querySelector("h2");
      if (heading && !quiet) heading.focus();
    }

    function heading(text) {
      return el("h2", { tabindex: "-1", class: "jtai-step-heading", text: text });
    }

    function criterionName(id) {
      return id + ": " + lookup.criteria[id].title;
    }

    /** Criteria by code and short title, never a bare code: "EC1 (Title), EC6 (Title)". */
    function names(ids) {
      return ids.map(function (id) { return id + " (" + lookup.criteria[id].title + ")"; }).join(", ");
    }

    // Step 1: choose an example ---------------------------------------------------------

    function start(preselect, quiet) {
      if (!data.examples.length) {  // a framework with no worked examples yet (a new theme)
        show([heading("No worked examples yet"), el("p", { text: "This framework has no worked " +
          "examples yet, so there is nothing to practise on." })], quiet);
        return;
      }
      var fromAddress = !preselect && !state.example;
      var wanted = preselect || (state.example && state.example.id) || X.param("example");
      if (!lookup.examples[wanted]) wanted = choices[0].id;
      var radios = choices.map(function (ex) {
        var id = K.uid("example");
        return el("div", { class: "jtai-choice" }, [
          el("input", { type: "radio", id: id, name: "example", value: ex.id,
            checked: ex.id === wanted }),
          el("label", { for: id,
            text: ex.title + " (" + X.plural(ex.findings.length, "finding", "findings") + ")" })
        ]);
      });
      var form = el("form", { class: "jtai-training-start", on: { submit: begin } }, [
        el("fieldset", {}, [el("legend", { text: "Which example do you want to practise on?" })]
          .concat(radios)),
        el("button", { type: "submit", class: "md-button md-button--primary",
          text: "Start the exercise" }),
        el("button", { type: "button", class: "md-button", id: "jtai-present",
          text: "Present to a group (projector view)", on: { click: presentChosen } })
      ]);
      show([heading("Choose an example"), fromAddress ? addressNote() : null, form], quiet);
    }

    /** An example asked for in the address that cannot be read or is not here, said once. */
    function addressNote() {
      return X.ignoredNotice(el, { example: "example" }, function (name, value) { return !!lookup.examples[value]; });
    }

    /** The presenter view (presenter.js) for the example chosen; back here when it is left. */
    function presentChosen() {
      var picked = root.querySelector("input[name=example]:checked");
      var example = lookup.examples[picked ? picked.value : choices[0].id];
      J.app("examples").parts.present(root, example, { lookup: lookup, base: base,
        criterionName: criterionName, findingCard: findingCard,
        onLeave: function (id) { start(id); } });
    }

    function begin(event) {
      event.preventDefault();
      var picked = root.querySelector("input[name=example]:checked");
      state = { example: lookup.examples[picked ? picked.value : choices[0].id],
        index: 0, marks: [] };
      question();
    }

    // Step 2: one finding, tick the criteria -------------------------------------------

    function progress() {
      var ex = state.example;
      return el("p", { class: "jtai-progress", text: ex.title + ": finding " + (state.index + 1) +
        " of " + ex.findings.length });
    }

    /** Where a finding comes from: its area and, for a letter, a link to the letter. */
    function fromLine(finding) {
      var ex = lookup.exampleOf[finding.id];
      if (!ex || !ex.letter) return null;
      return el("p", { class: "jtai-finding-card__from" }, [
        ex.area + ": ",
        el("a", { href: ex.letter.address, text: ex.letter.title + " (the letter)" }),
        finding.item ? ", " + finding.section + ", point " + finding.item + "." : ", " + finding.section + "."
      ]);
    }

    function findingCard(finding) {
      var agencies = finding.agencies.map(function (a) { return lookup.agencies[a].name; });
      return el("div", { class: "jtai-finding jtai-finding-card" }, [
        el("p", {}, [el("span", { class: "jtai-tag jtai-tag--" + finding.type,
          text: lookup.types[finding.type].label })]),
        el("p", { class: "jtai-finding-card__text", text: X.words(finding) }),
        fromLine(finding),
        agencies.length ? el("p", { class: "jtai-finding-card__agencies",
          text: "Agencies: " + agencies.join("; ") + "." }) : null
      ]);
    }

    function question() {
      var finding = state.example.findings[state.index];
      var hintId = K.uid("hint");
      var errorId = K.uid("error");
      var error = el("p", { id: errorId, class: "jtai-error", role: "alert" });
      var groups = data.focus_areas.map(function (g) {
        return el("fieldset", { class: "jtai-group" }, [el("legend", { text: g.title })]
          .concat(g.criteria.map(function (id) {
            var inputId = K.uid("criterion");
            return el("div", { class: "jtai-choice" }, [
              el("input", { type: "checkbox", id: inputId, name: "criterion", value: id }),
              el("label", { for: inputId, text: criterionName(id) })
            ]);
          })));
      });
      var outer = el("fieldset", { class: "jtai-criteria", "aria-describedby": hintId }, [
        el("legend", { text: "Which criteria does this finding give evidence about?" }),
        el("p", { id: hintId, class: "jtai-hint",
          text: "Choose one or more. Most findings bear on one to three criteria." }),
        error
      ].concat(groups));
      var form = el("form", { class: "jtai-question", novalidate: true,
        on: { submit: function (e) { check(e, form, outer, error, errorId); } } }, [
        outer,
        el("button", { type: "submit", class: "md-button md-button--primary",
          text: "Check my answer" })
      ]);
      show([heading("Finding " + (state.index + 1) + " of " + state.example.findings.length),
        progress(), findingCard(finding), form]);
    }

    function check(event, form, fieldset, error, errorId) {
      event.preventDefault();
      var chosen = Array.prototype.map.call(
        form.querySelectorAll("input[name=criterion]:checked"), function (i) { return i.value; });
      if (!chosen.length) {
        error.textContent = "Choose at least one criterion, then check your answer.";
        fieldset.setAttribute("aria-describedby", fieldset.getAttribute("aria-describedby")
          .split(" ")[0] + " " + errorId);
        form.querySelector("input[name=criterion]").focus();
        return;
      }
      var finding = state.example.findings[state.index];
      var marked = X.mark(finding, chosen);
      marked.finding = finding;
      marked.chosen = chosen;
      state.marks.push(marked);
      feedback(finding, marked);
    }

    // Step 3: the model mapping and how the choice compares -----------------------------

    function verdict(m) {
      var chose = m.matches.length + m.extras.length;
      var parts = [];
      if (m.matches.length) parts.push(m.matches.length + (m.matches.length === 1 ? " matches" : " match") +
        " our mapping");
      if (m.extras.length) parts.push(m.extras.length + (m.extras.length === 1 ? " is" : " are") +
        " not in it");
      var found = m.misses.length
        ? "You missed " + m.misses.length + " of the " + X.plural(m.model.length, "criterion", "criteria") +
          " in our mapping."
        : "You found every criterion in our mapping.";
      return "You chose " + X.plural(chose, "criterion", "criteria") + ": " + parts.join(" and ") +
        ". " + found;
    }

    function feedback(finding, m) {
      var rationale = {};
      finding.criteria.forEach(function (c) { rationale[c.id] = c.rationale; });
      var model = el("ul", { class: "jtai-mapping" }, m.model.map(function (id) {
        var matched = m.matches.indexOf(id) >= 0;
        return el("li", { class: "jtai-mapping__item jtai-mapping__item--" + (matched ? "match" : "miss"),
          "data-criterion": id, "data-outcome": matched ? "match" : "miss" }, [
          el("p", {}, [
            el("strong", {}, [el("a", { href: base + lookup.criteria[id].url, text: criterionName(id) })]),
            " ",
            el("span", { class: "jtai-outcome", text: matched ? "Match: you chose this." :
              "Missed: you did not choose this." })
          ]),
          el("p", { text: rationale[id] })
        ]);
      }));
      var extras = m.extras.length ? [
        el("h3", { text: "Your other choices" }),
        el("ul", { class: "jtai-mapping" }, m.extras.map(function (id) {
          return el("li", { class: "jtai-mapping__item jtai-mapping__item--extra",
            "data-criterion": id, "data-outcome": "extra" }, [
            el("p", {}, [
              el("strong", { text: criterionName(id) }), " ",
              el("span", { class: "jtai-outcome",
                text: "Extra: not in our mapping. Could you argue for it?" })
            ])
          ]);
        }))
      ] : [];
      var last = state.index + 1 >= state.example.findings.length;
      var next = el("button", { type: "button", class: "md-button md-button--primary",
        text: last ? "See your score" : "Next finding",
        on: { click: function () {
          if (last) { end(); } else { state.index += 1; question(); }
        } } });
      show([heading("Finding " + (state.index + 1) + ": " + RESULT_WORDS[m.result]),
        progress(), findingCard(finding),
        el("p", { class: "jtai-verdict", "data-result": m.result, text: verdict(m) }),
        el("h3", { text: "Our mapping" }), model].concat(extras, [el("p", {}, [next])]));
    }

    // Step 4: the score ------------------------------------------------------------------

    function end() {
      var total = X.score(state.marks);
      var rows = state.marks.map(function (m, i) {
        return el("li", { "data-result": m.result }, [
          el("strong", { text: "Finding " + (i + 1) + ": " + RESULT_WORDS[m.result] + "." }),
          " You chose " + (names(m.chosen) || "nothing") + ". Our mapping: " + names(m.model) + "."
        ]);
      });
      var again = el("button", { type: "button", class: "md-button md-button--primary",
        text: "Start again", on: { click: function () {
          state = { example: state.example, index: 0, marks: [] };
          question();
        } } });
      var other = el("button", { type: "button", class: "md-button", text: "Choose another example",
        on: { click: function () { start(state.example.id); } } });
      show([heading("Your score"),
        el("p", { id: "jtai-score", class: "jtai-score", "data-right": String(total.right),
          "data-partly": String(total.partly), "data-wrong": String(total.wrong),
          text: X.scoreSentence(total) }),
        el("ol", { class: "jtai-score-list" }, rows),
        el("p", {}, state.example.mixed ? [
          "See ", el("a", { href: base + state.example.url, text: "the worked examples" }),
          " for every letter\u2019s findings with their mapping and the questions to discuss."
        ] : [
          "See ", el("a", { href: base + state.example.url, text: state.example.title }),
          " for every finding with its mapping and the questions to discuss."
        ]),
        el("p", { class: "jtai-actions" }, [again, " ", other])]);
    }

    start("", true);  // on load, leave focus where the browser puts it
  };
})(self.JTAI);
