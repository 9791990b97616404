// needs: nothing
/* JTAI Ready Annex A readiness tracker: reading one sheet of an Excel workbook (.xlsx) in the
 * browser, with no library (JTAI.xlsx).
 *
 * An .xlsx file is a zip of XML files. The zip's central directory is read here; each entry is
 * unpacked with the browser's own DecompressionStream("deflate-raw") and its XML read with
 * DOMParser. Only what the tracker needs is read: the workbook's sheet names, the shared strings
 * and one sheet's cell values (text, numbers, true/false). Formulas are never run: a formula
 * cell gives the value Excel saved with it. Limits keep a hostile file from using up the page:
 * at most MAX_ENTRIES entries and MAX_UNPACKED bytes unpacked in all, and XML with a DOCTYPE
 * (entity tricks) is refused.
 *
 * readZip(bytes) works in Node too (tests); sheetRows() needs DOMParser.
 * Loads as a classic script (JTAI.xlsx) or with require().
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    var J = root.JTAI = root.JTAI || {};
    J.xlsx = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var MAX_ENTRIES = 200;
  var MAX_UNPACKED = 20 * 1024 * 1024;
  var NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  var NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  function fail(message) {
    var error = new Error(message);
    error.xlsx = true;
    return error;
  }

  /** The zip's entries: {name: {method, size, packedSize, offset}} from the central directory. */
  function directory(bytes) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) throw fail("it is not a zip file, so not an Excel workbook (.xlsx)");
    var end = -1;
    for (var i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i -= 1) {
      if (view.getUint32(i, true) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw fail("the zip file is damaged (no directory at its end)");
    var count = view.getUint16(end + 10, true);
    if (count > MAX_ENTRIES) throw fail("it holds more than " + MAX_ENTRIES + " files, more than an Annex A workbook does");
    var at = view.getUint32(end + 16, true);
    var entries = {};
    var names = new TextDecoder("utf-8");
    for (var n = 0; n < count; n += 1) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw fail("the zip file is damaged (its directory is cut short)");
      var nameLength = view.getUint16(at + 28, true);
      var name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      entries[name] = { method: view.getUint16(at + 10, true), packedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true), offset: view.getUint32(at + 42, true) };
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return { view: view, entries: entries };
  }

  async function inflate(packed, limit) {
    var stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    var reader = stream.getReader();
    var chunks = [];
    var total = 0;
    for (;;) {
      var step = await reader.read();
      if (step.done) break;
      total += step.value.length;
      if (total > limit) {
        await reader.cancel();
        throw fail("it unpacks to more than " + (MAX_UNPACKED / 1048576) + " MB, far more than an Annex A workbook");
      }
      chunks.push(step.value);
    }
    var out = new Uint8Array(total);
    var offset = 0;
    chunks.forEach(function (c) { out.set(c, offset); offset += c.length; });
    return out;
  }

  /**
   * Open a zip held in bytes (a Uint8Array): {names, text(name) -> Promise of the entry's text,
   * or null when there is no such entry}. Throws an Error with .xlsx set when it is not a zip.
   */
  function readZip(bytes) {
    var dir = directory(bytes);
    var budget = MAX_UNPACKED;
    async function text(name) {
      var e = dir.entries[name];
      if (!e) return null;
      var start = e.offset + 30 + dir.view.getUint16(e.offset + 26, true) + dir.view.getUint16(e.offset + 28, true);
      if (e.offset + 30 > bytes.length || start + e.packedSize > bytes.length) throw fail("the zip file is damaged (" + name + " is cut short)");
      var packed = bytes.subarray(start, start + e.packedSize);
      var body;
      if (e.method === 0) body = packed;
      else if (e.method === 8) body = await inflate(packed, budget);
      else throw fail("it is packed in a way this page cannot read");
      budget -= body.length;
      if (budget < 0) throw fail("it unpacks to more than " + (MAX_UNPACKED / 1048576) + " MB");
      return new TextDecoder("utf-8").decode(body);
    }
    return { names: Object.keys(dir.entries), text: text };
  }

  function xml(text, name) {
    if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw fail(name + " holds a document type declaration, which a workbook never needs");
    var doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw fail(name + " is not well-formed XML");
    return doc;
  }

  function children(node, name) {
    return Array.prototype.filter.call(node.getElementsByTagNameNS(NS_MAIN, name), function () { return true; });
  }

  /** All the text of a shared string or inline string (rich text runs joined; phonetic hints left out). */
  function stringOf(node) {
    return children(node, "t").filter(function (t) {
      return !(t.parentNode && t.parentNode.localName === "rPh");
    }).map(function (t) { return t.textContent; }).join("");
  }

  /** "C12" -> 2 (columns count from 0). */
  function columnOf(ref) {
    var letters = /^([A-Z]+)/.exec(ref || "");
    if (!letters) return -1;
    var n = 0;
    for (var i = 0; i < letters[1].length; i += 1) n = n * 26 + (letters[1].charCodeAt(i) - 64);
    return n - 1;
  }

  function cellValue(c, shared) {
    var type = c.getAttribute("t") || "n";
    var v = children(c, "v")[0];
    if (type === "inlineStr") return stringOf(c);
    if (!v) return "";
    if (type === "s") return shared[Number(v.textContent)] || "";
    if (type === "n") return v.textContent === "" ? "" : Number(v.textContent);
    if (type === "b") return v.textContent === "1";
    return v.textContent;
  }

  async function sheetPath(zip, sheetName, optional) {
    var book = await zip.text("xl/workbook.xml");
    var rels = await zip.text("xl/_rels/workbook.xml.rels");
    if (book === null || rels === null) throw fail("it is a zip file but not an Excel workbook (.xlsx)");
    var sheets = children(xml(book, "xl/workbook.xml"), "sheet");
    var found = sheets.filter(function (s) { return s.getAttribute("name") === sheetName; })[0];
    if (!found && optional) return null;
    if (!found) {
      throw fail("it has no sheet called \u201c" + sheetName + "\u201d (its sheets: " +
        sheets.map(function (s) { return "\u201c" + s.getAttribute("name") + "\u201d"; }).join(", ") + ")");
    }
    var id = found.getAttributeNS(NS_REL, "id");
    var rel = Array.prototype.filter.call(xml(rels, "xl/_rels/workbook.xml.rels").getElementsByTagName("Relationship"),
      function (r) { return r.getAttribute("Id") === id; })[0];
    var target = rel ? rel.getAttribute("Target") : "";
    return target.charAt(0) === "/" ? target.slice(1) : "xl/" + target;
  }

  /**
   * The rows of the sheet called sheetName in a workbook's bytes: a Promise of a list of rows,
   * each a list of cell values (text, numbers, true/false; "" for an empty cell); null when the
   * sheet is `optional` and not there. Rejects with an Error whose message says what is wrong
   * (.xlsx set) for a file that is not such a workbook.
   */
  async function sheetRows(bytes, sheetName, optional) {
    var zip = readZip(bytes);
    var path = await sheetPath(zip, sheetName, optional);
    if (path === null) return null;
    var sheetText = await zip.text(path);
    if (sheetText === null) throw fail("the sheet \u201c" + sheetName + "\u201d is missing from the file");
    var stringsText = await zip.text("xl/sharedStrings.xml");
    var shared = stringsText === null ? [] : children(xml(stringsText, "xl/sharedStrings.xml"), "si").map(stringOf);
    return children(xml(sheetText, path), "row").map(function (row) {
      var out = [];
      children(row, "c").forEach(function (c, i) {
        var col = c.hasAttribute("r") ? columnOf(c.getAttribute("r")) : i;
        if (col < 0 || col > 200) return;
        while (out.length < col) out.push("");
        out[col] = cellValue(c, shared);
      });
      return out;
    });
  }

  /** An Excel date serial number (days since 30 December 1899) as YYYY-MM-DD. */
  function serialDate(serial) {
    var d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
    return d.toISOString().slice(0, 10);
  }

  return { MAX_UNPACKED: MAX_UNPACKED, readZip: readZip, sheetRows: sheetRows, serialDate: serialDate, columnOf: columnOf };
});
