// needs: nothing
/* JTAI Ready: warnings for text that looks like a child's details.
 *
 * Pure functions, no DOM. The self-assessment and the Annex A tracker warn (never block) when
 * free text contains:
 * - an NHS number: 10 digits (spaces or hyphens allowed as 3-3-4) with a valid modulus 11 check
 *   digit;
 * - a unique pupil number (UPN): a check letter and 12 digits, or a temporary UPN (a check letter,
 *   11 digits and a letter), with a valid modulus 23 check letter (DfE / GDSC rules);
 * - a date of birth: a date written after "DOB", "date of birth", "born" or "birthday";
 * - a full UK postcode (outward and inward code, for example SW1A 1AA).
 *
 * Loads as a classic script (JTAI.pii) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.pii = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var LABELS = {
    nhs: "an NHS number",
    upn: "a unique pupil number (UPN)",
    dob: "a date of birth",
    postcode: "a full postcode"
  };

  /** NHS number: weights 10..2 on the first 9 digits; 11 - (sum mod 11) is the check digit. */
  function nhsValid(text) {
    var digits = String(text).replace(/[\s-]/g, "");
    if (!/^\d{10}$/.test(digits)) return false;
    var sum = 0;
    for (var i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
    var check = 11 - (sum % 11);
    if (check === 11) check = 0;
    return check !== 10 && check === Number(digits[9]);
  }

  // 0 -> A ... 22 -> Z, leaving out I, O and S.
  var UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

  /** UPN: characters 2 to 13 weighted 2 to 13, sum mod 23 gives the check letter (character 1). */
  function upnValid(text) {
    var upn = String(text).toUpperCase();
    var permanent = /^[A-Z]\d{12}$/.test(upn);
    var temporary = /^[A-Z]\d{11}[A-Z]$/.test(upn);
    if (!permanent && !temporary) return false;
    var sum = 0;
    for (var i = 1; i < 13; i += 1) {
      var ch = upn[i];
      var value = /\d/.test(ch) ? Number(ch) : UPN_LETTERS.indexOf(ch);
      if (value < 0) return false;
      sum += value * (i + 1);
    }
    return UPN_LETTERS[sum % 23] === upn[0];
  }

  var NHS_RE = /(^|[^\d])(\d{3}[ -]?\d{3}[ -]?\d{4})(?!\d)/g;
  var UPN_RE = /(^|[^A-Za-z0-9])([A-Za-z]\d{11}[A-Za-z0-9])(?![A-Za-z0-9])/g;
  var POSTCODE_RE = new RegExp(
    "(^|[^A-Za-z0-9])((?:GIR ?0AA)|(?:[A-PR-UWYZ](?:\\d{1,2}|[A-HK-Y]\\d{1,2}|\\d[A-HJKPSTUW]|" +
    "[A-HK-Y]\\d[ABEHMNPRV-Y]) ?\\d[ABD-HJLNP-UW-Z]{2}))(?![A-Za-z0-9])", "gi");
  var MONTHS = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" +
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
  var DATE = "(?:\\d{1,2}[\\/.\\-]\\d{1,2}[\\/.\\-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}|" +
    "\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + ",?\\s+\\d{2,4}|" +
    MONTHS + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{2,4})";
  var DOB_RE = new RegExp(
    "\\b(?:d\\.?\\s?o\\.?\\s?b\\.?|date\\s+of\\s+birth|born(?:\\s+on)?|birthday|birth\\s+date)" +
    "\\s*(?:is|was|:|-|=)?\\s*(" + DATE + ")", "gi");

  function collect(re, text, kind, test, out) {
    re.lastIndex = 0;
    var m;
    while ((m = re.exec(text)) !== null) {
      var value = m[2] !== undefined ? m[2] : m[1];
      if (!test || test(value)) {
        out.push({ kind: kind, label: LABELS[kind], match: value });
      }
    }
  }

  /** Everything in the text that looks like a child's details: [{kind, label, match}]. */
  function check(text) {
    var found = [];
    if (typeof text !== "string" || text.length < 5) return found;
    collect(NHS_RE, text, "nhs", nhsValid, found);
    collect(UPN_RE, text, "upn", upnValid, found);
    collect(DOB_RE, text, "dob", null, found);
    collect(POSTCODE_RE, text, "postcode", null, found);
    return found;
  }

  /** One sentence for the user, or "" when nothing was found. */
  function message(found) {
    if (!found.length) return "";
    var kinds = [];
    found.forEach(function (f) {
      if (kinds.indexOf(f.label) < 0) kinds.push(f.label);
    });
    var list = kinds.length > 1
      ? kinds.slice(0, -1).join(", ") + " and " + kinds[kinds.length - 1]
      : kinds[0];
    return "This looks like it contains " + list + ". Do not enter information about " +
      "individual children: remove it if it could identify a child.";
  }

  return { check: check, message: message, nhsValid: nhsValid, upnValid: upnValid };
});
