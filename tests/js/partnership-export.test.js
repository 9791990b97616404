"use strict";
// The partnership view's files: the JSON export (read back by the loader) and the two CSVs.
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData, parseCSV, record } = require("./helpers");

const P = requireWeb("partnership/aggregate.js");
const L = requireWeb("partnership/loader.js");
const X = requireWeb("partnership/export.js");
const DATA = webData("assessment");
const TODAY = "2025-04-01";
const CREATED = "2025-04-01T12:00:00.000Z";

const RECORDS = [
  record(DATA, { id: "sa-police-old", agency: "police", title: "Police review", date: "2025-01-01",
    updated: "2025-01-01T09:00:00.000Z", answers: {
      EC1: { indicators: ["partly", "partly", "partly", "partly"],
        actions: [{ id: "old1", lead: "police", due: "2025-01-31", status: "not-started" }] } } }),
  record(DATA, { id: "sa-police", agency: "police", title: "Police review", date: "2025-03-01",
    updated: "2025-03-01T09:00:00.000Z", answers: {
      EC1: { indicators: ["consistently", "consistently", "consistently", "consistently"],
        actions: [{ id: "p1", what: "Joint audit of screening", lead: "health", due: "2025-02-01", status: "in-progress" }] },
      EC2: { indicators: ["partly", "partly", "partly", "partly", "partly"],
        actions: [{ id: "p2", what: "=HYPERLINK(\"x\")", lead: "", due: "", status: "not-started" }] } } }),
  record(DATA, { id: "sa-health", agency: "health", title: "Health review", date: "2025-03-02",
    updated: "2025-03-02T09:00:00.000Z", answers: {
      EC1: { indicators: ["mostly", "mostly", "partly", null],
        override: { outcome: "area-for-improvement", reason: "-2 bands after audit" } },
      EC2: ["dont-know", "dont-know", "dont-know", "dont-know", "dont-know"] } }),
  record(DATA, { id: "sa-workshop", agency: "", title: "=1+2 workshop", date: "2025-03-05",
    updated: "2025-03-05T09:00:00.000Z", answers: {
      EC1: ["partly", "partly", "partly", "partly"],
      EC4: { indicators: [], actions: [{ id: "w1", what: "Agree a chronology template", lead: "partnership",
        due: "2025-06-30", status: "not-started" }] } } })
];
const SET = RECORDS.map((r) => ({ record: r, source: `${r.id}.json` }));
const COMBINED = P.combine(DATA, RECORDS, { today: TODAY });

test("the JSON export: its head, the combined view and every assessment loaded", () => {
  const text = X.toJSON(DATA, COMBINED, SET, CREATED);
  assert.ok(text.endsWith("}\n"));
  const file = JSON.parse(text);
  assert.deepEqual(Object.keys(file), ["format", "format_version", "framework_id", "framework_version",
    "app_version", "created", "disagreement_gap", "columns", "flagged", "criteria", "actions", "board", "assessments"]);
  assert.equal(file.format, "jtai-ready-partnership");
  assert.equal(file.format_version, 2);
  assert.deepEqual(file.board, { updated: "", cover_note: "", criteria: [], rounds: [] }, "nothing recorded for the board");
  assert.equal(file.framework_id, DATA.framework.id);
  assert.equal(file.framework_version, DATA.framework.version);
  assert.equal(file.app_version, DATA.app_version);
  assert.equal(file.created, CREATED);
  assert.equal(file.disagreement_gap, 2);
  assert.deepEqual(file.columns.map((c) => c.key), ["agency:police", "agency:health", "assessment:sa-workshop"]);
  assert.deepEqual(file.columns[0], { key: "agency:police", id: "sa-police", title: "Police review", agency: "police",
    label: "Police", date: "2025-03-01", updated: "2025-03-01T09:00:00.000Z", overall_score: 3,
    criteria_rated: 2, criteria_total: 21 });
  assert.deepEqual(file.flagged, ["EC1"]);
  assert.equal(file.criteria.length, 21);
  assert.deepEqual(file.criteria[0].cells["agency:health"], { state: "rated", score: 2.67,
    suggested: "no-significant-finding", outcome: "area-for-improvement", overridden: true,
    override_reason: "-2 bands after audit" });
  assert.deepEqual(file.actions.map((a) => [a.lead, a.from, a.overdue]),
    [["health", "agency:police", true], ["partnership", "assessment:sa-workshop", false], ["", "agency:police", false]]);
  assert.deepEqual(file.assessments, RECORDS);
});

test("the JSON export reads back through the loader to the same set, and the same file again", () => {
  const text = X.toJSON(DATA, COMBINED, SET, CREATED);
  const { set, results } = L.readFiles(DATA, [], [{ name: "partnership.json", text }]);
  assert.equal(results[0].ok, true);
  assert.deepEqual(results[0].skipped, []);
  assert.equal(results[0].added.length, RECORDS.length);
  assert.deepEqual(set.map((e) => e.record), SET.map((e) => e.record));
  const again = P.combine(DATA, set.map((e) => e.record), { today: TODAY });
  assert.equal(X.toJSON(DATA, again, set, CREATED), text);
});

const grid = parseCSV(X.gridCSV(DATA, COMBINED).slice(1));
const head = grid[0];
const at = (criterion, agency) => {
  const found = grid.filter((r) => r[0] === criterion && r[head.indexOf("Agency")] === agency);
  assert.equal(found.length, 1, `${criterion} ${agency}`);
  return Object.fromEntries(head.map((h, i) => [h, found[0][i]]));
};

test("grid CSV: BOM, CRLF, one row per criterion and column, in order", () => {
  const text = X.gridCSV(DATA, COMBINED);
  assert.equal(text[0], "\uFEFF");
  assert.ok(text.endsWith("\r\n"));
  assert.doesNotMatch(text.replace(/\r\n/g, ""), /\r/);
  assert.equal(grid.length, 1 + 21 * 3);
  assert.ok(grid.every((r) => r.length === head.length));
  assert.deepEqual(head.slice(0, 7), ["Criterion", "Criterion title", "Agreement", "Bands apart", "Agency",
    "Assessment", "Assessment date"]);
  assert.deepEqual(grid.slice(1, 7).map((r) => [r[0], r[4]]), [
    ["EC1", "Police"], ["EC1", "Health services"], ["EC1", "'=1+2 workshop"],
    ["EC2", "Police"], ["EC2", "Health services"], ["EC2", "'=1+2 workshop"]]);
  assert.deepEqual([...new Set(grid.slice(1).map((r) => r[0]))], DATA.criteria.map((c) => c.id));
});

test("grid CSV: the numbers, words and UK dates for each cell", () => {
  assert.deepEqual(at("EC1", "Police"), {
    "Criterion": "EC1", "Criterion title": DATA.criteria[0].title,
    "Agreement": "Agencies disagree (2 bands apart)", "Bands apart": "2", "Agency": "Police",
    "Assessment": "Police review", "Assessment date": "01/03/2025", "Answered": "Rated", "Score": "4.00",
    "Suggested outcome": "Strength", "Outcome": "Strength", "Overridden": "No", "Reason for override": "",
    "Indicators rated": "4", "Don't know": "0", "Not assessed": "0",
    "Lowest score": "2.00", "Median score": "2.67", "Highest score": "4.00",
    "Partnership's agreed position": "", "Next step": "", "Partnership's agreed outcome": "" });
  const health = at("EC1", "Health services");
  assert.equal(health["Score"], "2.67");
  assert.equal(health["Suggested outcome"], "No significant finding");
  assert.equal(health["Outcome"], "Area for improvement");
  assert.equal(health["Overridden"], "Yes");
  assert.equal(health["Reason for override"], "'-2 bands after audit");
  assert.equal(health["Indicators rated"], "3");
  assert.equal(health["Not assessed"], "1");
  const dk = at("EC2", "Health services");
  assert.equal(dk["Agreement"], "Rated by one agency only");
  assert.equal(dk["Bands apart"], "");
  assert.equal(dk["Answered"], "Don\u2019t know only");
  assert.equal(dk["Score"], "");
  assert.equal(dk["Outcome"], "");
  assert.equal(dk["Don't know"], "5");
  const workshop = at("EC2", "'=1+2 workshop");
  assert.equal(workshop["Assessment"], "'=1+2 workshop");
  assert.equal(workshop["Assessment date"], "05/03/2025");
  assert.equal(workshop["Answered"], "Not assessed");
  const none = at("EC3", "Police");
  assert.equal(none["Agreement"], "Not rated by any agency");
  assert.equal(none["Lowest score"], "");
  assert.equal(none["Median score"], "");
});

test("actions CSV: one row per action, by lead in the grid's group order; the older assessment left out", () => {
  const text = X.actionsCSV(DATA, COMBINED);
  assert.equal(text[0], "\uFEFF");
  assert.ok(text.endsWith("\r\n"));
  const rows = parseCSV(text.slice(1));
  assert.deepEqual(rows[0], ["Lead agency", "Due", "Status", "Overdue", "Criterion", "Criterion title", "Action",
    "Recorded by"]);
  const title = (id) => DATA.criteria.find((c) => c.id === id).title;
  assert.deepEqual(rows.slice(1), [
    ["Health services", "01/02/2025", "In progress", "Yes", "EC1", title("EC1"), "Joint audit of screening", "Police"],
    ["The partnership, jointly", "30/06/2025", "Not started", "No", "EC4", title("EC4"), "Agree a chronology template",
      "'=1+2 workshop"],
    ["No lead given", "", "Not started", "No", "EC2", title("EC2"), "'=HYPERLINK(\"x\")", "Police"]
  ]);
});

test("statusLabel: the words for each agreement status", () => {
  assert.equal(X.statusLabel({ status: "disagree", gap: 3 }), "Agencies disagree (3 bands apart)");
  assert.equal(X.statusLabel({ status: "disagree", gap: 2 }), "Agencies disagree (2 bands apart)");
  assert.equal(X.statusLabel({ status: "differ", gap: 1 }), "Agencies differ by one band");
  assert.equal(X.statusLabel({ status: "differ", gap: 2 }), "Agencies differ by 2 bands");
  assert.equal(X.statusLabel({ status: "agree", gap: 0 }), "Agencies agree");
  assert.equal(X.statusLabel({ status: "single", gap: 0 }), "Rated by one agency only");
  assert.equal(X.statusLabel({ status: "none", gap: null }), "Not rated by any agency");
  assert.equal(X.scoreText(null), "");
  assert.equal(X.scoreText(3), "3.00");
  assert.equal(X.scoreText(2.5), "2.50");
});
