// Runs Lighthouse jobs one after another in one headless Chromium, for bench_lighthouse.py.
//
//   node run.mjs jobs.json > results.jsonl
//
// jobs.json: {"chromePath": "...", "chromeFlags": [...], "jobs": [{"id", "url", "preset",
// "categories", "audits"}]}, preset "mobile" (Lighthouse's default: simulated throttling) or
// "desktop"; "audits" (when not empty) limits the run to those audits and what they need.
// Prints one JSON line per job on stdout (the figures the benchmark reads, not the whole
// report); progress goes to stderr.
import { readFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

const items = (lhr, id) => lhr.audits[id]?.details?.items ?? [];

// Points of the performance score each metric lost: weight x (1 - score).
function lostPoints(lhr) {
  const lost = {};
  for (const ref of lhr.categories.performance?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (ref.weight > 0 && audit && audit.score !== null) {
      lost[ref.id] = Math.round(ref.weight * (1 - audit.score) * 10) / 10;
    }
  }
  return lost;
}

function slim(job, lhr) {
  const scores = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    scores[id] = category.score === null ? null : Math.round(category.score * 100);
  }
  const metrics = {};
  for (const [key, id] of Object.entries(METRICS)) {
    metrics[key] = lhr.audits[id]?.numericValue ?? null;
  }
  return {
    ...job,
    lighthouse: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent,
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    warnings: lhr.runWarnings,
    scores,
    metrics,
    lost: lostPoints(lhr),
    renderBlocking: items(lhr, 'render-blocking-resources').map((i) => ({
      url: i.url,
      bytes: i.totalBytes,
      wastedMs: i.wastedMs,
    })),
    layoutShifts: items(lhr, 'layout-shifts').map((i) => ({
      node: i.node?.selector ?? '',
      snippet: i.node?.snippet ?? '',
      score: i.score,
    })),
    bootup: items(lhr, 'bootup-time').map((i) => ({
      url: i.url,
      total: i.total,
      scripting: i.scripting,
    })),
    requests: items(lhr, 'network-requests').map((i) => ({
      url: i.url,
      bytes: i.transferSize,
      type: i.resourceType,
    })),
  };
}

async function main() {
  const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const chrome = await chromeLauncher.launch({
    chromePath: spec.chromePath,
    chromeFlags: spec.chromeFlags,
    logLevel: 'error',
  });
  try {
    for (const [index, job] of spec.jobs.entries()) {
      const started = Date.now();
      const flags = {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: job.categories,
        onlyAudits: job.audits.length ? job.audits : undefined,
        disableFullPageScreenshot: true,
      };
      const config = job.preset === 'desktop' ? desktopConfig : undefined;
      const result = await lighthouse(job.url, flags, config);
      process.stdout.write(`${JSON.stringify(slim(job, result.lhr))}\n`);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stderr.write(`  [${index + 1}/${spec.jobs.length}] ${job.id} ${seconds} s\n`);
    }
  } finally {
    await chrome.kill();
  }
}

await main();
