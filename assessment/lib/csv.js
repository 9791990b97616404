// needs: nothing
/* JTAI Ready: the one CSV writer, shared by the self-assessment, the planner and the tracker.
 *
 * UTF-8 with a byte order mark and CRLF line ends (Excel opens it cleanly), every cell quoted,
 * UK dates (DD/MM/YYYY), and any cell a spreadsheet would run as a formula (starting = + - @,
 * tab or carriage return) prefixed with an apostrophe.
 *
 * Loads as a classic script (JTAI.csv) or with require() in Node.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.csv = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var BOM = "\uFEFF";
  var EOL = "\r\n";

  /** "2025-03-07" -> "07/03/2025"; anything else unchanged. */
  function ukDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : (iso || "");
  }

  function cell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    text = text.replace(/\r\n?/g, "\n");
    return "\"" + text.replace(/"/g, "\"\"") + "\"";
  }

  /** A whole file from a header and rows (lists of values). */
  function file(header, rows) {
    var lines = [header].concat(rows).map(row);
    return BOM + lines.join(EOL) + EOL;
  }

  /** One line of quoted cells, without its line end. */
  function row(values) {
    return values.map(cell).join(",");
  }

  return { BOM: BOM, EOL: EOL, ukDate: ukDate, cell: cell, row: row, file: file };
});
