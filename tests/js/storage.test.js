"use strict";
// Keeping assessments in the browser: every failure is returned, never thrown.
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb } = require("./helpers");

const St = requireWeb("lib/storage.js");

function failing(name, code) {
  const backend = St.memoryBackend();
  backend.setItem = () => {
    const e = new Error("nope");
    e.name = name;
    if (code) e.code = code;
    throw e;
  };
  return backend;
}

const rec = (id, updated) => ({ id, title: id, updated, framework_id: "syv-2023", answers: {} });

test("save, load, list (newest first), remove", () => {
  const s = St.create(St.memoryBackend());
  assert.equal(s.available, true);
  assert.deepEqual(s.save(rec("a", "2025-01-01T00:00:00.000Z")), { ok: true });
  s.save(rec("b", "2025-02-01T00:00:00.000Z"));
  assert.deepEqual(s.list().map((r) => r.id), ["b", "a"]);
  assert.equal(s.load("a").title, "a");
  assert.equal(s.exists("b"), true);
  assert.deepEqual(s.remove("a"), { ok: true });
  assert.equal(s.load("a"), null);
  assert.deepEqual(s.list().map((r) => r.id), ["b"]);
});

test("the current assessment is remembered", () => {
  const s = St.create(St.memoryBackend());
  assert.equal(s.currentId(), null);
  s.setCurrent("b");
  assert.equal(s.currentId(), "b");
});

test("other keys and damaged records are left alone, not listed", () => {
  const backend = St.memoryBackend();
  backend.setItem("someone-else", "x");
  backend.setItem(`${St.PREFIX}broken`, "{not json");
  const s = St.create(backend);
  s.save(rec("ok", "2025-01-01T00:00:00.000Z"));
  assert.deepEqual(s.list().map((r) => r.id), ["ok"]);
  assert.equal(s.load("broken"), null);
  assert.equal(backend.getItem(`${St.PREFIX}broken`), "{not json");
});

test("a full store says so", () => {
  for (const [name, code] of [["QuotaExceededError"], ["NS_ERROR_DOM_QUOTA_REACHED"], ["Error", 22]]) {
    const r = St.create(failing(name, code)).save(rec("a", "x"));
    assert.equal(r.ok, false);
    assert.equal(r.reason, "full");
    assert.match(r.message, /storage for this site is full/);
  }
});

test("a blocked store says so; other errors are reported too", () => {
  assert.equal(St.create(failing("SecurityError")).save(rec("a", "x")).reason, "disabled");
  const other = St.create(failing("Weird")).save(rec("a", "x"));
  assert.equal(other.reason, "error");
  assert.match(other.message, /could not save \(nope\)/);
});

test("without a browser, a memory store stands in", () => {
  const s = St.create();
  assert.equal(s.available, false);
  assert.deepEqual(s.save(rec("a", "x")), { ok: true });
  assert.equal(s.load("a").id, "a");
});

test("entries() lists every saved assessment, damaged text included, as it is", () => {
  const backend = St.memoryBackend();
  const s = St.create(backend);
  s.save(rec("a", "2025-01-01T00:00:00.000Z"));
  backend.setItem(St.PREFIX + "cut", '{"format":"jtai-ready-assessment","id":"cut","ans');
  const entries = s.entries();
  assert.deepEqual(entries.map((e) => e.id).sort(), ["a", "cut"]);
  const cut = entries.find((e) => e.id === "cut");
  assert.equal(cut.record, null);
  assert.equal(cut.text, '{"format":"jtai-ready-assessment","id":"cut","ans');
  assert.equal(s.raw("cut"), cut.text);
  assert.deepEqual(s.list().map((r) => r.id), ["a"], "list() still gives only what can be read");
});

test("keepAside never overwrites an earlier copy kept aside: it numbers them", () => {
  const backend = St.memoryBackend();
  const v = St.values(backend);
  assert.deepEqual(v.keepAside("jtai-ready:tracker", "first {"), { ok: true, key: "jtai-ready:tracker:unreadable" });
  assert.deepEqual(v.keepAside("jtai-ready:tracker", "second ["), { ok: true, key: "jtai-ready:tracker:unreadable-2" });
  assert.deepEqual(v.keepAside("jtai-ready:tracker", "third"), { ok: true, key: "jtai-ready:tracker:unreadable-3" });
  assert.equal(v.text("jtai-ready:tracker:unreadable"), "first {");
  assert.equal(v.text("jtai-ready:tracker:unreadable-2"), "second [");
  assert.deepEqual(v.keepAside("jtai-ready:tracker", "mine", "this-tab"), { ok: true, key: "jtai-ready:tracker:this-tab" });
  const full = St.values(failing("QuotaExceededError", 22));
  assert.equal(full.keepAside("k", "text").reason, "full");
});

test("when a copy was last saved to a file is remembered per name, and damaged notes read as never", () => {
  const backend = St.memoryBackend();
  const v = St.values(backend);
  assert.equal(v.lastCopy("tracker"), "");
  assert.deepEqual(v.noteCopy("tracker", "2025-03-01T10:00:00.000Z"), { ok: true });
  assert.equal(v.lastCopy("tracker"), "2025-03-01T10:00:00.000Z");
  assert.equal(v.lastCopy("self-assessment:sa-1"), "");
  backend.setItem(St.COPIES, "{cut");
  assert.equal(v.lastCopy("tracker"), "");
  backend.setItem(St.COPIES, JSON.stringify({ tracker: { toString: 1 } }));
  assert.equal(v.lastCopy("tracker"), "");
});

test("each framework keeps its own assessments; the default's keys are as they always were", () => {
  const shared = St.memoryBackend(); // one browser's localStorage, two frameworks' pages
  const mine = St.create(shared);
  const tiny = St.forScope("tiny-2025").create(shared);
  mine.save(rec("a", "2025-01-01T00:00:00.000Z"));
  tiny.save(rec("b", "2025-02-01T00:00:00.000Z"));
  tiny.setCurrent("b");
  assert.deepEqual(mine.list().map((r) => r.id), ["a"]);
  assert.deepEqual(tiny.list().map((r) => r.id), ["b"]);
  assert.equal(mine.currentId(), null);
  assert.notEqual(shared.getItem("jtai-ready:assessment:a"), null);
  assert.notEqual(shared.getItem("jtai-ready:tiny-2025:assessment:b"), null);
  assert.equal(St.scoped("jtai-ready:tracker"), "jtai-ready:tracker");
  assert.equal(St.forScope("tiny-2025").scoped("jtai-ready:tracker"), "jtai-ready:tiny-2025:tracker");
});
