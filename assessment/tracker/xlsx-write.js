// needs: nothing
/* JTAI Ready Annex A readiness tracker: writing a small Excel workbook (.xlsx) in the browser,
 * with no library (JTAI.xlsxWrite).
 *
 * workbook(sheets) -> Uint8Array of an .xlsx file. sheets: [{name, columns: [{heading, width}],
 * rows: [[cell]], freeze (true: the first row stays in view), hidden, validations: [{range, list,
 * title, prompt, error} or {range, date: true, title, error}]}]; a cell is text, a number, {date: "YYYY-MM-DD"}
 * or null. Text is written as inline strings, never as a formula, so "=..." stays text. The zip
 * is "stored" (not packed): a tracker workbook is small. Pure: also loads in Node (tests).
 * Loads as a classic script (JTAI.xlsxWrite) or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.xlsxWrite = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  var MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  var REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  var PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
  var CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
  var STYLE = { text: 1, header: 2, date: 3 };

  /** Text safe inside XML: markup characters escaped, characters XML 1.0 forbids removed. */
  function esc(text) {
    return String(text).replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /** 0 -> "A", 26 -> "AA". */
  function letters(col) {
    var out = "";
    for (var n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    return out;
  }

  /** "2024-04-30" as an Excel date number (days since 30 December 1899). */
  function serial(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - Date.UTC(1899, 11, 30)) / 86400000) : null;
  }

  function cell(value, ref, header) {
    if (value === null || value === undefined || value === "") return header ? "" : '<c r="' + ref + '" s="' + STYLE.text + '"/>';
    if (typeof value === "number") return '<c r="' + ref + '" s="' + STYLE.text + '"><v>' + value + "</v></c>";
    if (typeof value === "object" && value.date) {
      var n = serial(value.date);
      return n === null ? "" : '<c r="' + ref + '" s="' + STYLE.date + '"><v>' + n + "</v></c>";
    }
    return '<c r="' + ref + '" t="inlineStr" s="' + (header ? STYLE.header : STYLE.text) + '"><is><t xml:space="preserve">' +
      esc(value) + "</t></is></c>";
  }

  function validation(v) {
    var common = ' allowBlank="1" showErrorMessage="1" errorTitle="' + esc(v.title || "") + '" error="' + esc(v.error || "") + '"';
    if (v.date) {
      return '<dataValidation type="date" operator="greaterThan"' + common + ' sqref="' + v.range + '"><formula1>36526</formula1></dataValidation>';
    }
    return '<dataValidation type="list"' + common + (v.prompt ? ' showInputMessage="1" promptTitle="' + esc(v.title || "") +
      '" prompt="' + esc(v.prompt) + '"' : "") + ' sqref="' + v.range + '"><formula1>' + esc(v.list) + "</formula1></dataValidation>";
  }

  function sheetXml(sheet) {
    var cols = sheet.columns.map(function (c, i) {
      return '<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + c.width + '" customWidth="1"/>';
    }).join("");
    var rows = [sheet.columns.map(function (c) { return c.heading; })].concat(sheet.rows).map(function (row, r) {
      return '<row r="' + (r + 1) + '">' + row.map(function (v, c) { return cell(v, letters(c) + (r + 1), r === 0); }).join("") + "</row>";
    }).join("");
    var last = letters(sheet.columns.length - 1) + (sheet.rows.length + 1);
    var view = sheet.freeze
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : "";
    var checks = (sheet.validations || []).length
      ? '<dataValidations count="' + sheet.validations.length + '">' + sheet.validations.map(validation).join("") + "</dataValidations>"
      : "";
    return XML + '<worksheet xmlns="' + MAIN + '" xmlns:r="' + REL + '"><dimension ref="A1:' + last + '"/>' + view +
      "<cols>" + cols + "</cols><sheetData>" + rows + "</sheetData>" +
      (sheet.freeze ? '<autoFilter ref="A1:' + last + '"/>' : "") + checks + "</worksheet>";
  }

  var STYLES = XML + '<styleSheet xmlns="' + MAIN + '"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>' +
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

  function parts(sheets) {
    var files = {};
    files["[Content_Types].xml"] = XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="' + CT + 'sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="' + CT + 'styles+xml"/>' +
      sheets.map(function (s, i) {
        return '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="' + CT + 'worksheet+xml"/>';
      }).join("") + "</Types>";
    files["_rels/.rels"] = XML + '<Relationships xmlns="' + PKG + '"><Relationship Id="rId1" Type="' + REL +
      '/officeDocument" Target="xl/workbook.xml"/></Relationships>';
    files["xl/workbook.xml"] = XML + '<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '"><sheets>' +
      sheets.map(function (s, i) {
        return '<sheet name="' + esc(s.name) + '" sheetId="' + (i + 1) + '"' + (s.hidden ? ' state="hidden"' : "") +
          ' r:id="rId' + (i + 1) + '"/>';
      }).join("") + "</sheets></workbook>";
    files["xl/_rels/workbook.xml.rels"] = XML + '<Relationships xmlns="' + PKG + '">' +
      sheets.map(function (s, i) {
        return '<Relationship Id="rId' + (i + 1) + '" Type="' + REL + '/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>';
      }).join("") + '<Relationship Id="rId' + (sheets.length + 1) + '" Type="' + REL + '/styles" Target="styles.xml"/></Relationships>';
    files["xl/styles.xml"] = STYLES;
    sheets.forEach(function (s, i) { files["xl/worksheets/sheet" + (i + 1) + ".xml"] = sheetXml(s); });
    return files;
  }

  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n += 1) {
      var c = n;
      for (var k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table.push(c >>> 0);
    }
    return table;
  })();

  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i += 1) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  /** A stored (unpacked) zip of {name: text}. */
  function zip(files) {
    var encoder = new TextEncoder();
    var chunks = [];
    var central = [];
    var offset = 0;
    Object.keys(files).forEach(function (name) {
      var nameBytes = encoder.encode(name);
      var body = encoder.encode(files[name]);
      var crc = crc32(body);
      var local = new DataView(new ArrayBuffer(30));
      [[0, 0x04034b50, 4], [4, 20, 2], [8, 0, 2], [10, 0, 2], [12, 0x21, 2], [14, crc, 4], [18, body.length, 4],
        [22, body.length, 4], [26, nameBytes.length, 2]].forEach(function (f) { put(local, f); });
      var dir = new DataView(new ArrayBuffer(46));
      [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [10, 0, 2], [14, 0x21, 2], [16, crc, 4], [20, body.length, 4],
        [24, body.length, 4], [28, nameBytes.length, 2], [42, offset, 4]].forEach(function (f) { put(dir, f); });
      chunks.push(new Uint8Array(local.buffer), nameBytes, body);
      central.push(new Uint8Array(dir.buffer), nameBytes);
      offset += 30 + nameBytes.length + body.length;
    });
    var size = central.reduce(function (n, c) { return n + c.length; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    var count = Object.keys(files).length;
    [[0, 0x06054b50, 4], [8, count, 2], [10, count, 2], [12, size, 4], [16, offset, 4]].forEach(function (f) { put(end, f); });
    var all = chunks.concat(central, [new Uint8Array(end.buffer)]);
    var out = new Uint8Array(all.reduce(function (n, c) { return n + c.length; }, 0));
    var at = 0;
    all.forEach(function (c) { out.set(c, at); at += c.length; });
    return out;
  }

  function put(view, field) {
    if (field[2] === 4) view.setUint32(field[0], field[1], true);
    else view.setUint16(field[0], field[1], true);
  }

  function workbook(sheets) {
    return zip(parts(sheets));
  }

  /** The media type of the files this writes. */
  var TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  return { TYPE: TYPE, workbook: workbook, letters: letters, serial: serial, crc32: crc32 };
});
