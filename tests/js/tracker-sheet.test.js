"use strict";
// tracker/xlsx.js (the zip, read with the platform's DecompressionStream) and tracker/sheet.js
// (the workbook's rows as a tracker). The sheet's XML is read with DOMParser: the browser tests
// cover that with the site's real workbook filled in by openpyxl.
const test = require("node:test");
const assert = require("node:assert/strict");
const zlib = require("node:zlib");
const { requireWeb, webData } = require("./planner-helpers");

const X = requireWeb("tracker/xlsx.js");
const S = requireWeb("tracker/sheet.js");
const DATA = webData("planner");
const META = { at: "2024-05-02T09:00:00.000Z", by: S.fileTag("police filled.xlsx"), now: "2024-05-03T09:00:00Z" };
const HEAD = ["ID", "Section", "Item", "Status", "Owner (a role)", "Where the document lives", "Last reviewed", "Notes"];

/** A zip of {name: text} entries, deflated, written the way the format describes. */
function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const raw = Buffer.from(text);
    const packed = zlib.deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(raw.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

test("a zip's entries unpack with DecompressionStream; a missing one is null", async () => {
  const z = X.readZip(zip({ "xl/workbook.xml": "<workbook>caf\u00e9</workbook>", "a.txt": "x" }));
  assert.deepEqual(z.names.sort(), ["a.txt", "xl/workbook.xml"]);
  assert.equal(await z.text("xl/workbook.xml"), "<workbook>caf\u00e9</workbook>");
  assert.equal(await z.text("nope.xml"), null);
});

test("not a zip, a cut-short zip and a zip bomb are refused with a reason", async () => {
  assert.throws(() => X.readZip(new TextEncoder().encode("ID,Status\nA-list-4,Ready\n")), /not a zip file/);
  const whole = zip({ "xl/workbook.xml": "<workbook/>" });
  assert.throws(() => X.readZip(whole.subarray(0, whole.length - 10)), /damaged/);
  const bomb = X.readZip(zip({ "big.xml": "0".repeat(X.MAX_UNPACKED + 1) }));
  await assert.rejects(bomb.text("big.xml"), /unpacks to more than/);
});

test("Excel date numbers and column letters", () => {
  assert.equal(X.serialDate(45412), "2024-04-30");
  assert.equal(X.serialDate(45412.75), "2024-04-30");
  assert.equal(X.columnOf("A1"), 0);
  assert.equal(X.columnOf("M94"), 12);
  assert.equal(X.columnOf("AA2"), 26);
});

test("rows become a tracker: filled cells count as changed by the file, blank cells never", () => {
  const r = S.fromRows([HEAD,
    ["A-list-4", "s", "i", "Ready", "Head of performance", "Drive", 45412, "=1+1 <b>hi</b>"],
    ["A-1.1", "s", "i", "not applicable", "", "", "03/05/2024", ""],
    ["A-1.2", "s", "i", "Not started", "", "", "", ""],
    ["", "", "", "", "", "", "", ""]], DATA, META);
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.count, 3);
  const item = r.tracker.items["A-list-4"];
  assert.deepEqual([item.status, item.owner, item.location, item.reviewed, item.notes],
    ["ready", "Head of performance", "Drive", "2024-04-30", "=1+1 <b>hi</b>"]);
  assert.deepEqual(item.changed.owner, { at: META.at, by: "xlsx:police-filled.xlsx", from: "" });
  assert.equal(r.tracker.items["A-1.1"].reviewed, "2024-05-03");
  assert.deepEqual(r.tracker.items["A-1.2"].changed, {}, "a blank row changes nothing");
});

test("a workbook with missing columns, unknown items, bad values or nothing in it is refused", () => {
  const bad = (rows, code, pattern) => {
    const r = S.fromRows(rows, DATA, META);
    assert.equal(r.ok, false);
    assert.equal(r.code, code);
    assert.match(r.message + " " + r.details.join(" "), pattern);
    assert.match(r.message, /Nothing was imported and your saved tracker has not changed\.$/);
  };
  bad([["ID", "Status"]], "schema", /Missing: Owner \(role or name\), Where the document lives, Last reviewed, Notes/);
  bad([HEAD, ["A-99.9", "", "", "Ready", "", "", "", ""]], "unknown-id", /Row 2: there is no Annex A item .A-99\.9/);
  bad([HEAD, ["A-list-4", "", "", "Done", "", "", "", ""]], "schema", /Row 2 \(List 4 \(assessment\): Statutory assessments\): Status: .Done. is not a status/);
  bad([HEAD, ["A-list-4", "", "", "", "", "", "31/02/2024", ""]], "schema", /Last reviewed: .31\/02\/2024. is not a date/);
  bad([HEAD, ["A-list-4", "", "", "", "x".repeat(201), "", "", ""]], "schema", /longer than 200/);
  bad([HEAD, ["A-list-4"], ["A-list-4"]], "schema", /listed twice/);
  bad([HEAD], "empty", /has no items/);
});

const W = requireWeb("tracker/xlsx-write.js");
const T = requireWeb("tracker/tracker.js");

test("the page's own workbook: a zip with a hidden Sent sheet; text never becomes a formula", async () => {
  assert.equal(W.crc32(new TextEncoder().encode("123456789")).toString(16), "cbf43926");
  assert.equal(W.serial("2024-04-30"), 45412);
  assert.equal(W.letters(0) + W.letters(25) + W.letters(26) + W.letters(701) + W.letters(702), "AZAAZZAAA");
  let t = T.newTracker(DATA, "2024-05-01T10:00:00Z", "b-manager");
  t = T.update(t, DATA, "A-case-police-1", "owner", "=HYPERLINK(\"x\") & <b>\u0007", "2024-05-01T10:01:00.000Z").tracker;
  const rows = T.rows(DATA, t, {}).filter((r) => r.id === "A-case-police-1");
  const zipped = X.readZip(W.workbook(S.toSheets(DATA, t, rows, "Items for Police.")));
  const book = await zipped.text("xl/workbook.xml");
  assert.match(book, /<sheet name="Sent" sheetId="4" state="hidden"/);
  const sheet = await zipped.text("xl/worksheets/sheet1.xml");
  assert.match(sheet, /t="inlineStr" s="1"><is><t xml:space="preserve">=HYPERLINK\(&quot;x&quot;\) &amp; &lt;b&gt;<\/t>/);
  assert.doesNotMatch(sheet, /<f>/);
  assert.match(sheet, /<dataValidation type="list"[^>]*sqref="H2:H2"><formula1>Lists!\$A\$2:\$A\$5<\/formula1>/);
});

test("a workbook the page wrote: unchanged cells keep what was sent, changed ones build on it", () => {
  const sent = S.readSent([["ID", "Field", "Value", "At", "By", "From"],
    ["A-list-4", "owner", "Business manager", "2024-05-01T10:01:00.000Z", "b-manager", ""],
    ["A-list-4", "notes", "Sent note", "2024-05-01T10:02:00.000Z", "b-manager", ""],
    ["A-list-4", "status", "not-started", "", "", ""],
    ["A-list-4", "colour", "red", "", "", ""]]);
  const r = S.fromRows([HEAD, ["A-list-4", "", "", "Not started", "DI Smith", "", "", ""]], DATA, Object.assign({ sent: sent }, META));
  assert.equal(r.ok, true);
  const changed = r.tracker.items["A-list-4"].changed;
  assert.deepEqual(changed.owner, { at: META.at, by: META.by, from: "2024-05-01T10:01:00.000Z" });
  assert.deepEqual(changed.notes, { at: META.at, by: META.by, from: "2024-05-01T10:02:00.000Z" }, "a cleared cell is a change");
  assert.equal(r.tracker.items["A-list-4"].notes, "");
  assert.equal(changed.status, undefined, "sent blank, still blank: no change");
});

test("a cell whose shared text cannot be read refuses the workbook, naming the cell and the item", () => {
  const broken = { unreadable: "it refers to shared text number 9999, but the file has only 40", cell: "I2" };
  const r = S.fromRows([HEAD, ["A-list-4", "", "", "Ready", broken, "", "", ""]], DATA, META);
  assert.equal(r.ok, false);
  assert.equal(r.code, "unreadable");
  assert.match(r.details[0], /^Cell I2 on the sheet .Annex A tracker. \(List 4 \(assessment\): Statutory assessments\): it refers to shared text number 9999/);
  const inSent = S.fromRows([HEAD, ["A-list-4", "", "", "Ready", "", "", "", ""]], DATA,
    Object.assign({ sentRows: [["ID"], ["A-list-4", "owner", { unreadable: "x", cell: "C2" }]] }, META));
  assert.equal(inSent.ok, false, "a damaged hidden Sent sheet refuses the workbook too");
  assert.match(inSent.details[0], /Cell C2 on the sheet .Sent./);
});

test("whose workbook it is comes from its content: the About sheet, else who saved it, else its cells", () => {
  const about = [["title"], ["Agency", "Police"], ["Sent back by (your role or name)", "DI Smith"]];
  assert.deepEqual(S.senderOf(about, DATA, "someone"), { agency: "police", person: "DI Smith" });
  assert.deepEqual(S.senderOf([], DATA, "J Jones"), { agency: "", person: "J Jones" });
  const rowsA = [HEAD, ["A-list-4", "", "", "Ready", "DI Smith", "", "", ""]];
  const rowsB = [HEAD, ["A-list-4", "", "", "Ready", "DS Jones", "", "", ""]];
  const nobody = { agency: "police", person: "" };
  assert.notEqual(S.sourceTag(nobody, rowsA), S.sourceTag(nobody, rowsB), "two returns naming nobody are two sources");
  assert.equal(S.sourceTag(nobody, rowsA), S.sourceTag(nobody, rowsA), "the same file again is the same source");
  assert.notEqual(S.sourceTag({ agency: "police", person: "A" }, rowsA), S.sourceTag({ agency: "police", person: "B" }, rowsA));
  assert.match(S.sourceTag({ agency: "police", person: "D.I. Smith (Police) & co" }, rowsA), /^[A-Za-z0-9:_.-]{1,80}$/);
});

test("shared strings are read in one pass: rich text joined, phonetic hints left out, references decoded", () => {
  const xml = '<?xml version="1.0"?>\r\n<sst xmlns="x" count="6"><si><t>Plain</t></si><si><t/></si><si/>' +
    '<si><r><rPr><b/></rPr><t xml:space="preserve">Rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>hint</t></rPh></si>' +
    '<si><t>&lt;b&gt; &amp;amp; &#169; &#x1F600; &quot;q&apos; line\r\nend</t></si><x:si><x:t>Prefixed</x:t></x:si><si><t>&#xD800;</t></si></sst>';
  assert.deepEqual(X.sharedStrings(xml), ["Plain", "", "", "Rich text", "<b> &amp; \u00a9 \u{1F600} \"q' line\nend", "Prefixed", "\ufffd"]);
  assert.throws(() => X.sharedStrings("<sst><!-- x --><si><t>a</t></si></sst>"), /comments or CDATA/);
});

test("the owner column says 'role or name'; a workbook sent before, headed 'Owner (a role)', still reads", () => {
  const now = HEAD.map((h) => (h === "Owner (a role)" ? "Owner (role or name)" : h));
  assert.ok(S.WORKBOOK_COLUMNS.some((c) => c[0] === "Owner (role or name)"));
  assert.ok(!S.WORKBOOK_COLUMNS.some((c) => c[0] === "Owner (a role)"));
  for (const head of [now, HEAD]) {
    const r = S.fromRows([head, ["A-list-4", "", "", "Ready", "Jo Bloggs", "", "", ""]], DATA, META);
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.tracker.items["A-list-4"].owner, "Jo Bloggs");
  }
});
