"use strict";
// Warnings for text that looks like a child's details.
const test = require("node:test");
const assert = require("node:assert/strict");

const { requireWeb } = require("./helpers");
const P = requireWeb("lib/pii.js");
const kinds = (text) => P.check(text).map((f) => f.kind);

test("NHS numbers: the modulus 11 check digit decides", () => {
  assert.equal(P.nhsValid("9434765919"), true); // NHS Digital's published test number
  assert.equal(P.nhsValid("943 476 5919"), true);
  assert.equal(P.nhsValid("943-476-5919"), true);
  assert.equal(P.nhsValid("9434765918"), false); // wrong check digit
  assert.equal(P.nhsValid("1000000010"), false); // sum 12, remainder 1: check would be 10, never valid
  assert.equal(P.nhsValid("943476591"), false);
  assert.equal(P.nhsValid("4010232137"), true);
});

test("NHS numbers are found in text in the usual layouts", () => {
  assert.deepEqual(kinds("Child's NHS no 943 476 5919 was shared"), ["nhs"]);
  assert.deepEqual(kinds("ref:9434765919."), ["nhs"]);
  assert.deepEqual(kinds("943-476-5919"), ["nhs"]);
});

test("ten-digit numbers that fail the check, and longer numbers, are not NHS numbers", () => {
  assert.deepEqual(kinds("Case 9434765918 closed"), []);
  assert.deepEqual(kinds("Call 0161 234 5678"), []);
  assert.deepEqual(kinds("Account 19434765919"), []);
  assert.deepEqual(kinds("In 2023 there were 1,204 referrals and 35 audits."), []);
});

test("UPNs: the modulus 23 check letter decides (permanent and temporary)", () => {
  assert.equal(P.upnValid("B801200005001"), true); // python-stdnum's documented example
  // 2*2+4*7+9*1+10*6+12*4+13*9 = 266; 266 mod 23 = 13 -> P (A=0 ... H=7, J=8 ... N=12, P=13).
  assert.equal(P.upnValid("P207000016049"), true);
  assert.equal(P.upnValid("p207000016049"), true);
  assert.equal(P.upnValid("A801200005001"), false);
  assert.equal(P.upnValid("B207000016049"), false);
  assert.equal(P.upnValid("B80120000500"), false);
  // Temporary UPN: 11 digits then a letter, which counts by its place in A-Z without I, O, S.
  // 2*8+3*0+4*1+5*2+6*0+7*0+8*0+9*0+10*5+11*0+12*0+13*1(B) = 93; 93 mod 23 = 1 -> B.
  assert.equal(P.upnValid("B80120000500B"), true);
  assert.equal(P.upnValid("C80120000500B"), false);
  assert.equal(P.upnValid("B80120000500I"), false);
});

test("UPNs are found in text; wrong check letters are not", () => {
  assert.deepEqual(kinds("UPN B801200005001 on the list"), ["upn"]);
  assert.deepEqual(kinds("UPN A801200005001 on the list"), []);
});

test("dates of birth after DOB, date of birth, born or birthday", () => {
  for (const text of [
    "DOB 12/03/2010", "D.O.B.: 12-03-10", "dob: 2010-03-12", "date of birth 12.3.2010",
    "born on 12 March 2010", "born 3rd Feb 2011", "Birthday is March 12, 2010",
    "birth date: 1st of June 2012"
  ]) {
    assert.deepEqual(kinds(text), ["dob"], text);
  }
});

test("other dates and ages are not dates of birth", () => {
  assert.deepEqual(kinds("Audit due 12/03/2025"), []);
  assert.deepEqual(kinds("Children as young as 11 carry knives."), []);
  assert.deepEqual(kinds("Children born in 2010 are now in year 10"), []);
});

test("full UK postcodes, not outward codes alone", () => {
  for (const pc of ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB", "W1A 0AX", "ls1 4ap", "GIR 0AA", "M11AE"]) {
    assert.deepEqual(kinds(`lives at ${pc} now`), ["postcode"], pc);
  }
  assert.deepEqual(kinds("Hotspots in the M1 and LS1 areas"), []);
  assert.deepEqual(kinds("Q1 2024 and Q3 figures"), []);
});

test("several kinds at once, and one plain message naming each kind once", () => {
  const found = P.check("DOB 01/02/2010, NHS 943 476 5919, SW1A 1AA, 943 476 5919");
  assert.deepEqual(found.map((f) => f.kind).sort(), ["dob", "nhs", "nhs", "postcode"]);
  const msg = P.message(found);
  assert.match(msg, /an NHS number, a date of birth and a full postcode/);
  assert.match(msg, /Do not enter information about individual children/);
  assert.equal(P.message([]), "");
});

test("plain practice text gives no warning", () => {
  const text = "We audited 20 cases in March 2024. Strategy meetings were held within 3 working " +
    "days in 17 of them. The MACE panel meets fortnightly; schools attend 90% of meetings.";
  assert.deepEqual(P.check(text), []);
  assert.deepEqual(P.check(""), []);
  assert.deepEqual(P.check(null), []);
});
