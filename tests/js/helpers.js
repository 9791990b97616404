"use strict";
// Shared helpers for the self-assessment's Node tests (not a test file itself).
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "assessment-data.js");

function requireAssessment(name) {
  return require(path.join(ROOT, "assessment", name));
}

/** The stand-in for the generated data.js, evaluated as a browser would (window.JTAI_DATA). */
function fixtureData() {
  const sandbox = { window: {} };
  vm.runInNewContext(fs.readFileSync(FIXTURE, "utf8"), sandbox, { filename: FIXTURE });
  return JSON.parse(JSON.stringify(sandbox.window.JTAI_DATA));
}

function vectors() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "vectors", "scoring.json"), "utf8"));
}

/** A data object (same shape as data.js) for a mini framework described in the vectors file. */
function miniData(v, name) {
  const base = fixtureData();
  const fw = v.frameworks[name];
  return Object.assign(base, {
    focus_areas: fw.focus_areas.map((id) => ({ id, title: id })),
    criteria: fw.criteria.map((c) => ({
      id: c.id, title: c.id, text: c.id, focus: c.focus, agencies: [], url: "",
      indicators: c.indicators.map((id) => ({ id, text: id })), annex_a: []
    }))
  });
}

function dataFor(v, name) {
  return name === "mini" ? miniData(v, name) : fixtureData();
}

/** Read a dotted path ("coverage.criteria_scored") from an object. */
function pick(obj, dotted) {
  return dotted.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

/** A small RFC 4180 reader, to check a CSV file parses back to the same cells. */
function parseCSV(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === "\"" && text[i + 1] === "\"") { cell += "\""; i += 1; }
      else if (ch === "\"") quoted = false;
      else cell += ch;
    } else if (ch === "\"") quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i += 1; }
    else cell += ch;
  }
  return rows;
}

module.exports = { ROOT, requireAssessment, fixtureData, vectors, dataFor, pick, parseCSV };
