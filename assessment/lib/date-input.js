// needs: lib/dom.js
/* JTAI Ready in the browser: a date a person types, as GOV.UK asks for it (JTAI.dateInput).
 *
 * Three boxes, Day, Month and Year, in a fieldset with a legend, a hint and one error message
 * that says what to fix; only the boxes that need fixing are marked. A whole UK date typed or
 * pasted into any box ("30/11/2026", "30 11 2026", "30112026", "30 Nov 2026" or "2026-11-30")
 * is shared out across the three boxes, so typed dates always work. Month names work in the
 * Month box.
 *
 * Pure part (also for Node): parse({day, month, year}, options) and split(text).
 * Browser part: create(options) builds the boxes; the returned field has element, value(),
 * set(iso), clear(), showError(message, parts), clearError(), focus() and inputs. live(options)
 * builds boxes that save as the person types (forms with no submit button).
 *
 * Loads as a classic script (JTAI.dateInput, after dom.js) or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(null);
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.dateInput = factory(J);
  }
})(typeof self !== "undefined" ? self : this, function (J) {
  "use strict";

  var PARTS = ["day", "month", "year"];
  var LABELS = { day: "Day", month: "Month", year: "Year" };
  var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december"];
  var MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var DEFAULTS = { name: "the date", minYear: 2000, maxYear: 2099 };

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function daysIn(month, year) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  /** "nov", "November", "11" or "011" -> 11; anything else -> NaN. */
  function monthNumber(text) {
    var t = String(text).trim().toLowerCase().replace(/\.$/, "");
    if (/^\d{1,2}$/.test(t)) return Number(t);
    if (t.length >= 3) {
      for (var i = 0; i < MONTHS.length; i += 1) {
        if (MONTHS[i].indexOf(t) === 0 || (t === "sept" && i === 8)) return i + 1;
      }
    }
    return NaN;
  }

  function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** ["day", "month"] -> "day and month". */
  function listParts(parts) {
    return parts.length === 1 ? parts[0] : parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1];
  }

  function failure(message, parts) {
    return { ok: false, empty: false, iso: "", message: message, parts: parts };
  }

  /**
   * Read the three boxes: {ok: true, iso} for a real date, {ok: true, empty: true, iso: ""} when
   * all three are empty, or {ok: false, message, parts} with the message to show and the boxes
   * to mark. options: {name ("the date of notification"), minYear, maxYear}.
   */
  function parse(values, options) {
    var o = Object.assign({}, DEFAULTS, options || {});
    var raw = {};
    PARTS.forEach(function (p) { raw[p] = String(values[p] || "").trim(); });
    var missing = PARTS.filter(function (p) { return !raw[p]; });
    if (missing.length === 3) return { ok: true, empty: true, iso: "", message: "", parts: [] };
    if (missing.length) return failure(capitalise(o.name) + " must include a " + listParts(missing) + ".", missing);
    if (!/^\d{1,2}$/.test(raw.day)) return failure("Day must be a number, for example 27.", ["day"]);
    var month = monthNumber(raw.month);
    if (isNaN(month)) return failure("Month must be a number from 1 to 12, or a month’s name.", ["month"]);
    if (month < 1 || month > 12) return failure("Month must be a number from 1 to 12.", ["month"]);
    if (!/^\d{4}$/.test(raw.year)) return failure("Year must include 4 numbers, for example 2026.", ["year"]);
    var year = Number(raw.year);
    if (year < o.minYear || year > o.maxYear) {
      return failure("Year must be between " + o.minYear + " and " + o.maxYear + ".", ["year"]);
    }
    var day = Number(raw.day);
    var last = daysIn(month, year);
    if (day < 1 || day > last) {
      return failure(MONTH_NAMES[month - 1] + " " + year + " has " + last + " days: day must be from 1 to " + last + ".", ["day"]);
    }
    return { ok: true, empty: false, iso: year + "-" + pad(month) + "-" + pad(day), message: "", parts: [] };
  }

  /**
   * A whole date typed as one piece of text, shared out as {day, month, year}, or null when the
   * text is not a whole date. Day first (UK order), or ISO year first.
   */
  function split(text) {
    var t = String(text || "").trim();
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
    if (m) return { day: m[3], month: m[2], year: m[1] };
    m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
    if (m) return { day: m[1], month: m[2], year: m[3] };
    m = /^(\d{1,2})(?:st|nd|rd|th)?[\s/.\-,]+([A-Za-z]+\.?|\d{1,2})[\s/.\-,]+(\d{4})$/.exec(t);
    if (m && !isNaN(monthNumber(m[2]))) return { day: m[1], month: m[2], year: m[3] };
    return null;
  }

  // ---------------------------------------------------------------------------------------
  // The boxes on the page

  /**
   * Build the boxes. options: {id (prefix of every ID), legend, hint, name (for messages,
   * "the date"), minYear, maxYear, onChange}. The inputs are ID-day, ID-month and ID-year; the
   * hint ID-hint and the error ID-error.
   */
  function create(options) {
    var o = Object.assign({}, DEFAULTS, options);
    var h = J.dom.h;
    var hint = h("p", { class: "jtai-hint", id: o.id + "-hint" }, [o.hint || "For example, 27 3 2026."]);
    var error = h("p", { class: "jtai-error", id: o.id + "-error", hidden: true });
    var inputs = {};
    var items = PARTS.map(function (p) {
      inputs[p] = h("input", { class: "jtai-date__input jtai-date__input--" + p, id: o.id + "-" + p,
        name: o.id + "-" + p, type: "text", inputmode: p === "month" ? "text" : "numeric", autocomplete: "off",
        spellcheck: "false" });
      return h("div", { class: "jtai-date__item" }, [
        h("label", { class: "jtai-date__label", for: o.id + "-" + p, text: LABELS[p] }), inputs[p]]);
    });
    var fieldset = h("fieldset", { class: "jtai-date__fieldset", role: "group", id: o.id,
      "aria-describedby": hint.id }, [
      h("legend", { class: "jtai-date__legend", text: o.legend || "Date" }), hint, error,
      h("div", { class: "jtai-date__boxes" }, items)
    ]);
    var element = h("div", { class: "jtai-field jtai-date" }, [fieldset]);

    function fill(parts) {
      PARTS.forEach(function (p) { inputs[p].value = parts[p]; });
    }

    PARTS.forEach(function (p) {
      inputs[p].addEventListener("input", function () {
        var whole = split(inputs[p].value);
        if (whole) {
          fill(whole);
          inputs.year.focus();
        }
        if (o.onChange) o.onChange();
      });
    });

    function showError(message, parts) {
      error.textContent = "";
      error.appendChild(h("span", { class: "jtai-visually-hidden", text: "Error: " }));
      error.appendChild(document.createTextNode(message));
      error.hidden = false;
      element.classList.add("jtai-date--error");
      fieldset.setAttribute("aria-describedby", hint.id + " " + error.id);
      var marked = parts && parts.length ? parts : PARTS;
      PARTS.forEach(function (p) {
        inputs[p].setAttribute("aria-invalid", marked.indexOf(p) >= 0 ? "true" : "false");
      });
    }

    function clearError() {
      error.textContent = "";
      error.hidden = true;
      element.classList.remove("jtai-date--error");
      fieldset.setAttribute("aria-describedby", hint.id);
      PARTS.forEach(function (p) { inputs[p].removeAttribute("aria-invalid"); });
    }

    return {
      element: element,
      inputs: inputs,
      hint: hint,
      /** {ok, empty, iso, message, parts} for what is in the boxes now. */
      value: function () {
        return parse({ day: inputs.day.value, month: inputs.month.value, year: inputs.year.value }, o);
      },
      /** Show an ISO date ("" empties the boxes). */
      set: function (iso) {
        var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
        fill(m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] } : { day: "", month: "", year: "" });
      },
      clear: function () {
        fill({ day: "", month: "", year: "" });
        clearError();
      },
      showError: showError,
      clearError: clearError,
      /** Focus the first box marked wrong, or the Day box. */
      focus: function () {
        var first = PARTS.filter(function (p) { return inputs[p].getAttribute("aria-invalid") === "true"; })[0];
        inputs[first || "day"].focus();
      }
    };
  }

  /**
   * Boxes that save as the person types, for forms with no submit button. options: those of
   * create(), plus value (ISO or "") and onSave(iso). onSave runs when the boxes hold a real date
   * or are emptied, and only when that differs from the last saved value. An unfinished or wrong
   * date is never saved; when focus leaves the boxes it gets its message, ending "This date has
   * not been saved.", which stays until the date is put right.
   */
  function live(options) {
    var saved = options.value || "";
    var field = create(Object.assign({}, options, { onChange: function () { check(false); } }));
    field.set(saved);

    function check(leaving) {
      var v = field.value();
      if (v.ok) {
        field.clearError();
        if (v.iso !== saved) {
          saved = v.iso;
          options.onSave(v.iso);
        }
      } else if (leaving || field.element.classList.contains("jtai-date--error")) {
        field.showError(v.message + " This date has not been saved.", v.parts);
      }
    }

    field.element.addEventListener("focusout", function (event) {
      if (!field.element.contains(event.relatedTarget)) check(true);
    });
    return field;
  }

  return { parse: parse, split: split, create: create, live: live, monthNumber: monthNumber };
});
