"use strict";
// Shared helpers for the Node tests (not a test file itself).
//
// The tests read the generator's real output, never a hand-kept copy: `make test` (and
// `make test-fast`) write it first with `python -m generator data --out build/web-data`.
// JTAI_WEB_DATA names another folder.
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const WEB_DATA = process.env.JTAI_WEB_DATA || path.join(ROOT, "build", "web-data");

/** A browser module from assessment/, as Node loads it: requireWeb("lib/scoring.js"). */
function requireWeb(rel) {
  return require(path.join(ROOT, "assessment", rel));
}

/** A fresh copy of the generated browser data called `name` (assessment, planner, findings). */
function webData(name) {
  const file = path.join(WEB_DATA, `${name}.json`);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`python -m generator data --out ${WEB_DATA}\` ` +
      "(make test does) so the Node tests read the generator's real output");
  }
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function vectors() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "vectors", "scoring.json"), "utf8"));
}

/** A data object (same shape as data.js) for a mini framework described in the vectors file. */
function miniData(v, name) {
  const base = webData("assessment");
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
  return name === "mini" ? miniData(v, name) : webData("assessment");
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

function partnershipVectors() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "vectors", "partnership.json"), "utf8"));
}

/**
 * A checked, normalised assessment record from a vector's short form: {id, title, agency, date,
 * updated, answers}, where a criterion's answer is its indicator ratings in order (null: not
 * answered) or {indicators: [...], override, actions} (an action's `what` may be left out).
 */
function record(data, spec) {
  const IO = requireWeb("lib/importexport.js");
  const r = IO.newRecord(data, { title: spec.title || spec.id, now: spec.updated || "2025-01-01T12:00:00.000Z" });
  r.id = spec.id;
  r.respondent.agency = spec.agency || "";
  r.respondent.date = spec.date || "";
  for (const [cid, given] of Object.entries(spec.answers || {})) {
    const answer = Array.isArray(given) ? { indicators: given } : { ...given };
    const ids = data.criteria.find((c) => c.id === cid).indicators.map((i) => i.id);
    const indicators = {};
    (answer.indicators || []).forEach((rating, i) => { if (rating !== null) indicators[ids[i]] = rating; });
    const actions = (answer.actions || []).map((a) => ({ what: `Action ${a.id}`, ...a }));
    r.answers[cid] = Object.assign(IO.emptyAnswer(), answer, { indicators, actions });
  }
  const checked = IO.checkObject(r, data);
  if (!checked.ok) throw new Error(`vector record ${spec.id}: ${checked.reason} ${checked.details.join("; ")}`);
  return checked.record;
}

module.exports = { ROOT, requireWeb, webData, vectors, dataFor, pick, parseCSV,
  partnershipVectors, record };
