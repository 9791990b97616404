"use strict";
// The export envelope and the import checks (which mirror assessment/export.schema.json).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, requireWeb, webData } = require("./helpers");

const IO = requireWeb("lib/importexport.js");
const DATA = webData("assessment");
const DIR = path.join(ROOT, "tests", "fixtures", "imports");
const CASES = JSON.parse(fs.readFileSync(path.join(DIR, "cases.json"), "utf8")).cases;
const read = (file) => fs.readFileSync(path.join(DIR, file)).toString("utf8");
const valid = () => JSON.parse(read("valid.json"));
const parse = (obj) => IO.parseImport(typeof obj === "string" ? obj : JSON.stringify(obj), DATA);

for (const c of CASES) {
  test(`import file ${c.file}: ${c.code}`, () => {
    const result = IO.parseImport(read(c.file), DATA);
    if (c.code === "ok") {
      assert.equal(result.ok, true, JSON.stringify(result));
      return;
    }
    assert.equal(result.ok, false);
    assert.equal(result.code, c.code, JSON.stringify(result));
    assert.match(result.message, /Nothing was imported and your saved work has not changed\.$/);
  });
}

test("schema checks agree with the schema's verdict on every JSON case file", () => {
  // Files the schema rejects: schema, wrong-format (as objects), newer-version. Files it accepts:
  // ok, unknown-id, other-framework (IDs are checked against the data, not the schema).
  for (const c of CASES) {
    let obj;
    try {
      obj = JSON.parse(read(c.file).replace(/^\uFEFF/, ""));
    } catch {
      continue;
    }
    if (obj === null || typeof obj !== "object") continue;
    const schemaValid = IO.schemaErrors(obj).length === 0;
    const expectValid = ["ok", "unknown-id", "other-framework"].includes(c.code);
    assert.equal(schemaValid, expectValid, `${c.file}: ${JSON.stringify(IO.schemaErrors(obj))}`);
  }
});

test("refusals name each problem with its path", () => {
  const r = IO.parseImport(read("wrong-types.json"), DATA);
  assert.ok(r.details.includes("$.format_version: must be 1"), r.details.join("\n"));
  assert.ok(r.details.includes("$.answers.EC1.indicators.EC1.1: expected text, found a number"));
  assert.ok(r.details.includes("$.answers.EC1.actions[0].due: expected a date, found a number"));
  assert.ok(r.details.includes("$.answers.EC4.documents: expected a list, found text"));
  const u = IO.parseImport(read("unknown-references.json"), DATA);
  assert.deepEqual(u.details, [
    "$.respondent.agency: there is no agency \u201cfire-service\u201d",
    "$.answers.EC1.documents[0]: there is no Annex A item for EC1 called \u201cA-9.9\u201d",
    "$.answers.EC1.actions[0].lead: there is no agency \u201cfire-service\u201d"
  ]);
  const p = IO.parseImport(read("proto.json"), DATA);
  assert.deepEqual(p.details, ["$.__proto__: is not part of this format"]);
  assert.equal({}.polluted, undefined);
});

test("long lists of problems are cut short, with a count of the rest", () => {
  const v = valid();
  for (let i = 1; i <= 12; i += 1) v[`extra${i}`] = i;
  const r = parse(v);
  assert.equal(r.details.length, 8);
  assert.equal(r.more, 4);
});

test("clear messages for each kind of refusal", () => {
  assert.match(parse("").message, /^This file is empty\./);
  assert.match(parse("nope").message, /could not be read as JSON/);
  assert.match(parse({ ...valid(), format_version: 7 }).message, /newer version of JTAI Ready \(format version 7\)/);
  assert.match(parse({ ...valid(), framework_id: "dva-2024" }).message,
    /different inspection framework \(\u201cdva-2024\u201d\)\. This page is for the Serious youth violence JTAI/);
  assert.match(parse({ hello: "world" }).message, /not a JTAI Ready self-assessment export/);
});

test("files over 5 MB are refused before they are parsed", () => {
  const big = IO.parseImport("{}", DATA, { bytes: 30 * 1024 * 1024 });
  assert.equal(big.code, "too-large");
  assert.match(big.message, /too big .* \(30\.0 MB; the limit is 5\.0 MB\)/);
  const text = JSON.stringify({ ...valid(), title: "x" }) + " ".repeat(IO.MAX_BYTES);
  assert.equal(IO.parseImport(text, DATA).code, "too-large");
});

test("markup is imported as text, with a warning naming where it is", () => {
  const r = IO.parseImport(read("markup.json"), DATA);
  assert.equal(r.ok, true);
  assert.equal(r.record.answers.EC1.evidence.know, "<script>window.__jtaiPwned=1</script>Practice is <em>good</em>");
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0], /looks like web page code .* at \$\.title, \$\.respondent\.role, \$\.answers\.EC1\.evidence\.know and 1 more/);
});

test("a different framework version imports with a warning", () => {
  const r = parse({ ...valid(), framework_version: "2022-01-01" });
  assert.equal(r.ok, true);
  assert.match(r.warnings[0], /framework guidance of 2022-01-01/);
});

test("imported records are normalised: every optional field present", () => {
  const r = IO.parseImport(read("valid.json"), DATA);
  assert.deepEqual(r.record.answers.EC17, {
    indicators: { "EC17.1": "consistently", "EC17.2": "consistently" },
    evidence: { know: "", how: "", doing: "" }, documents: [], confidence: "", override: null, actions: []
  });
});

test("a new record fits the schema and round-trips through export and import", () => {
  const rec = IO.newRecord(DATA, { title: "Round trip", now: "2025-01-02T03:04:05.678Z" });
  assert.match(rec.id, /^sa-[0-9a-f]{16}$/);
  assert.deepEqual(IO.schemaErrors(rec), []);
  rec.answers.EC2 = IO.emptyAnswer();
  rec.answers.EC2.indicators["EC2.1"] = "partly";
  const back = IO.parseImport(IO.exportJSON(rec), DATA);
  assert.equal(back.ok, true);
  assert.deepEqual(back.record, rec);
});

test("ids are random and file names are tidy", () => {
  assert.notEqual(IO.randomId("x"), IO.randomId("x"));
  assert.equal(IO.fileName({ title: "Police: spring / 2025!" }, "json", "2025-03-04"),
    "jtai-police-spring-2025-2025-03-04.json");
  assert.equal(IO.fileName({ title: "" }, "csv", "2025-03-04"), "jtai-self-assessment-2025-03-04.csv");
});

test("validDate accepts real dates only", () => {
  assert.equal(IO.validDate("2024-02-29"), true);
  assert.equal(IO.validDate("2025-02-29"), false);
  assert.equal(IO.validDate("2025-13-01"), false);
  assert.equal(IO.validDate("25-01-01"), false);
});
