"use strict";
// Shared helpers for the planner's and tracker's Node tests (not a test file itself).
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, requireWeb, webData, parseCSV } = require("./helpers");

function dateVectors() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "vectors", "dates.json"), "utf8"));
}

module.exports = { ROOT, requireWeb, webData, dateVectors, parseCSV };
