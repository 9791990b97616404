// needs: nothing
/* JTAI Ready Annex A readiness tracker: reading one sheet of an Excel workbook (.xlsx) in the
 * browser, with no library (JTAI.xlsx).
 *
 * An .xlsx file is a zip of XML files. The zip's central directory is read here; each entry is
 * unpacked with the browser's own DecompressionStream("deflate-raw") and its XML read with
 * DOMParser (the shared strings, which can be many, in one pass over their text). Only what the
 * tracker needs is read, once: the workbook's sheet names, the shared strings
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
    if (bytes.length >= 8 && view.getUint32(0, false) === 0xd0cf11e0 && view.getUint32(4, false) === 0xa1b11ae1) {
      throw fail("it is protected with a password (encrypted), or saved in the old Excel 97 format, so this page cannot read it: " +
        "open it in Excel, save a copy as an Excel workbook (.xlsx) with no password, and import that");
    }
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
      var step;
      try {
        step = await reader.read();
      } catch {
        throw fail("the zip file is damaged (part of it cannot be unpacked)");
      }
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
    return Array.prototype.slice.call(node.getElementsByTagNameNS(NS_MAIN, name));
  }

  /** The element children of node named `name` (in the spreadsheet namespace), walked directly. */
  function kids(node, name) {
    var out = [];
    for (var c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (c.localName === name && c.namespaceURI === NS_MAIN) out.push(c);
    }
    return out;
  }

  /**
   * All the text of a shared string or inline string: its <t>, or its rich text runs' <t> joined
   * (phonetic hints, <rPh>, left out). Walks the element's own children: no query per string.
   */
  function stringOf(node) {
    var text = "";
    for (var c = node.firstElementChild; c; c = c.nextElementSibling) {
      if (c.namespaceURI !== NS_MAIN) continue;
      if (c.localName === "t") {
        text += c.textContent;
      } else if (c.localName === "r") {
        for (var t = c.firstElementChild; t; t = t.nextElementSibling) {
          if (t.localName === "t" && t.namespaceURI === NS_MAIN) text += t.textContent;
        }
      }
    }
    return text;
  }

  var NAMED = { lt: "<", gt: ">", amp: "&", quot: "\"", apos: "'" };

  /** XML text with its character references and line ends as a parser gives them. */
  function decode(text) {
    var out = text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
    if (out.indexOf("&") < 0) return out;
    return out.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, function (_, e) {
      if (e.charAt(0) !== "#") return NAMED[e];
      var code = e.charAt(1) === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : "\ufffd";
    });
  }

  /**
   * The shared strings of xl/sharedStrings.xml, in one pass over its text: each <si>'s <t> text
   * (rich text runs joined, phonetic hints in <rPh> left out). A DOMParser took 28 s on a file of
   * 1.1 million strings (issue 23); this reads it in well under a second. Text with comments or
   * CDATA sections, which a workbook's strings never need, is refused.
   */
  function sharedStrings(text) {
    if (text.indexOf("<!--") >= 0 || text.indexOf("<![CDATA[") >= 0) throw fail("xl/sharedStrings.xml holds comments or CDATA, which a workbook never needs");
    var out = [];
    var current = null;
    var start = -1;
    var hints = 0;
    for (var i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i)) {
      var end = text.indexOf(">", i);
      if (end < 0) break;
      var closing = text.charCodeAt(i + 1) === 47;
      var name = tagName(text, closing ? i + 2 : i + 1, end);
      var empty = text.charCodeAt(end - 1) === 47;
      if (name === SI) {
        if (closing) {
          if (current !== null) out.push(current);
          current = null;
        } else if (empty) {
          out.push("");
        } else {
          current = "";
          hints = 0;
        }
      } else if (name === PHONETIC) {
        if (!empty) hints += closing ? -1 : 1;
      } else if (name === T && closing) {
        if (start >= 0 && current !== null && hints === 0) current += decode(text.slice(start, i));
        start = -1;
      } else if (name === T && !empty) {
        start = end + 1;
      }
      i = end + 1;
    }
    return out;
  }

  var SI = 1;
  var T = 2;
  var PHONETIC = 3;

  /** Which of si, t and rPh the tag whose name starts at `from` is (any prefix left out), else 0. */
  function tagName(text, from, end) {
    var to = from;
    var c = text.charCodeAt(to);
    while (to < end && c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 47) {
      if (c === 58) from = to + 1;
      to += 1;
      c = text.charCodeAt(to);
    }
    var length = to - from;
    var first = text.charCodeAt(from);
    if (length === 1) return first === 116 ? T : 0;
    if (length === 2) return first === 115 && text.charCodeAt(from + 1) === 105 ? SI : 0;
    if (length === 3) return first === 114 && text.charCodeAt(from + 1) === 80 && text.charCodeAt(from + 2) === 104 ? PHONETIC : 0;
    return 0;
  }

  /** "C12" -> 2 (columns count from 0). */
  function columnOf(ref) {
    var letters = /^([A-Z]+)/.exec(ref || "");
    if (!letters) return -1;
    var n = 0;
    for (var i = 0; i < letters[1].length; i += 1) n = n * 26 + (letters[1].charCodeAt(i) - 64);
    return n - 1;
  }

  /** 2 -> "C" (the column's letters in a cell's address). */
  function letters(col) {
    var out = "";
    for (var n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    return out;
  }

  /**
   * A cell the page cannot read: {unreadable: what is wrong}. A shared-string cell whose index is
   * not a whole number, or is not in the file's list of shared strings, is one: read as blank it
   * would wipe an answer (issue 23).
   */
  function unreadable(reason) {
    return { unreadable: reason };
  }

  function isUnreadable(value) {
    return value !== null && typeof value === "object" && typeof value.unreadable === "string";
  }

  function sharedValue(text, shared) {
    var index = /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : -1;
    if (index >= 0 && index < shared.length) return shared[index];
    var shown = "\u201c" + String(text).slice(0, 20) + "\u201d";
    return unreadable(index < 0 ? "it refers to shared text " + shown + ", which is not a number the file can have"
      : "it refers to shared text number " + index + ", but the file has only " + shared.length);
  }

  function cellValue(c, shared) {
    var type = c.getAttribute("t") || "n";
    if (type === "inlineStr") {
      var inline = kids(c, "is")[0];
      return inline ? stringOf(inline) : "";
    }
    var v = kids(c, "v")[0];
    if (!v) return type === "s" ? unreadable("it is shared text with no reference") : "";
    if (type === "s") return sharedValue(v.textContent, shared);
    if (type === "n") return v.textContent === "" ? "" : Number(v.textContent);
    if (type === "b") return v.textContent === "1";
    return v.textContent;
  }

  function sheetPath(book, rels, sheetName, optional) {
    var sheets = children(book, "sheet");
    var found = sheets.filter(function (s) { return s.getAttribute("name") === sheetName; })[0];
    if (!found && optional) return null;
    if (!found) {
      throw fail("it has no sheet called \u201c" + sheetName + "\u201d (its sheets: " +
        sheets.map(function (s) { return "\u201c" + s.getAttribute("name") + "\u201d"; }).join(", ") + ")");
    }
    var id = found.getAttributeNS(NS_REL, "id");
    var rel = Array.prototype.filter.call(rels.getElementsByTagName("Relationship"),
      function (r) { return r.getAttribute("Id") === id; })[0];
    var target = rel ? rel.getAttribute("Target") : "";
    return target.charAt(0) === "/" ? target.slice(1) : "xl/" + target;
  }

  function rowsOf(doc, shared) {
    var data = kids(doc.documentElement, "sheetData")[0];
    return (data ? kids(data, "row") : []).map(function (row) {
      var out = [];
      var line = row.getAttribute("r");
      kids(row, "c").forEach(function (c, i) {
        var col = c.hasAttribute("r") ? columnOf(c.getAttribute("r")) : i;
        if (col < 0 || col > 200) return;
        while (out.length < col) out.push("");
        var value = cellValue(c, shared);
        if (isUnreadable(value)) value.cell = c.getAttribute("r") || letters(col) + (line || "?");
        out[col] = value;
      });
      return out;
    });
  }

  /** The text of an element in docProps/core.xml found by its local name ("" when not there). */
  function propOf(doc, name) {
    var all = doc.getElementsByTagName("*");
    for (var i = 0; i < all.length; i += 1) if (all[i].localName === name) return all[i].textContent.trim();
    return "";
  }

  /**
   * Open a workbook held in bytes, reading its sheet list, relationships and shared strings once:
   * a Promise of {rows(sheetName, optional) -> Promise of rows, props() -> Promise of
   * {modifiedBy, modified}}. Rows are lists of cell values (text, numbers, true/false; "" for an
   * empty cell; {unreadable, cell} for a cell the page cannot read); rows() gives null when the
   * sheet is `optional` and not there. Rejects with an Error whose message says what is wrong
   * (.xlsx set) for a file that is not such a workbook.
   */
  async function open(bytes) {
    var zip = readZip(bytes);
    var bookText = await zip.text("xl/workbook.xml");
    var relsText = await zip.text("xl/_rels/workbook.xml.rels");
    if (bookText === null || relsText === null) throw fail("it is a zip file but not an Excel workbook (.xlsx)");
    var book = xml(bookText, "xl/workbook.xml");
    var rels = xml(relsText, "xl/_rels/workbook.xml.rels");
    var stringsText = await zip.text("xl/sharedStrings.xml");
    if (stringsText !== null && /<!DOCTYPE|<!ENTITY/i.test(stringsText)) throw fail("xl/sharedStrings.xml holds a document type declaration, which a workbook never needs");
    var shared = stringsText === null ? [] : sharedStrings(stringsText);
    stringsText = null;
    return {
      rows: async function (sheetName, optional) {
        var path = sheetPath(book, rels, sheetName, optional);
        if (path === null) return null;
        var sheetText = await zip.text(path);
        if (sheetText === null) throw fail("the sheet \u201c" + sheetName + "\u201d is missing from the file");
        return rowsOf(xml(sheetText, path), shared);
      },
      props: async function () {
        var text = await zip.text("docProps/core.xml");
        if (text === null) return { modifiedBy: "", modified: "" };
        var doc = xml(text, "docProps/core.xml");
        return { modifiedBy: propOf(doc, "lastModifiedBy").slice(0, 200), modified: propOf(doc, "modified") };
      }
    };
  }

  /** The rows of one sheet (open(bytes).rows(sheetName, optional)). */
  async function sheetRows(bytes, sheetName, optional) {
    return (await open(bytes)).rows(sheetName, optional);
  }

  /** An Excel date serial number (days since 30 December 1899) as YYYY-MM-DD. */
  function serialDate(serial) {
    var d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
    return d.toISOString().slice(0, 10);
  }

  return { MAX_UNPACKED: MAX_UNPACKED, readZip: readZip, open: open, sheetRows: sheetRows, serialDate: serialDate, columnOf: columnOf,
    letters: letters, isUnreadable: isUnreadable, sharedStrings: sharedStrings };
});
