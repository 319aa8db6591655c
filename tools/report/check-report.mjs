// Opens an HTML report in Debian's headless Chromium (never a downloaded browser), checks that
// every chart rendered and that the page logged no console errors, and saves a screenshot.
//
// Usage: node check-report.mjs REPORT.html SCREENSHOT.png [--chromium PATH] [--expect-charts N]
//          [--expect-table 'CAPTION START=ROWS']... (a table whose caption starts so, with ROWS body rows)
// Exit codes: 0 all checks passed, 1 a check failed (each failure on stderr), 2 bad usage or
// the browser could not start.
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

function parseArguments(argv) {
  const options = { chromium: process.env.RICARDO_CHROMIUM || '/usr/bin/chromium', expectCharts: null,
                    expectTables: [] };
  const positional = [];
  for (let k = 0; k < argv.length; ++k) {
    if (argv[k] === '--chromium') options.chromium = argv[++k];
    else if (argv[k] === '--expect-charts') options.expectCharts = Number(argv[++k]);
    else if (argv[k] === '--expect-table') {
      const [, caption, rows] = /^(.*)=(\d+)$/.exec(argv[++k]) ?? [];
      options.expectTables.push({ caption, rows: Number(rows) });
    }
    else positional.push(argv[k]);
  }
  [options.report, options.screenshot] = positional;
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!options.report || !options.screenshot) {
    console.error('usage: node check-report.mjs REPORT.html SCREENSHOT.png [--chromium PATH] [--expect-charts N]');
    return 2;
  }
  if (!existsSync(options.report)) {
    console.error(`${options.report}: no such file`);
    return 2;
  }
  if (!existsSync(options.chromium)) {
    console.error(`${options.chromium}: Chromium not found (install Debian's chromium package)`);
    return 2;
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ricardo-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      viewport: { width: 1200, height: 900 },
    });
  } catch (e) {
    console.error(`cannot start ${options.chromium}: ${e.message}`);
    await rm(profile, { recursive: true, force: true });
    return 2;
  }
  const failures = [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
    // A self-contained report requests nothing but itself.
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) failures.push(`network request: ${request.url()}`);
    });
    await page.goto(pathToFileURL(path.resolve(options.report)).href, { waitUntil: 'load' });
    const charts = await page.$$eval('figure.chart', (figures) => figures.map((figure) => {
      const svg = figure.querySelector('svg');
      const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
      return {
        id: figure.id,
        hasSvg: Boolean(svg),
        width: box.width,
        height: box.height,
        marks: svg ? svg.querySelectorAll('path, rect, text, line').length : 0,
      };
    }));
    if (charts.length === 0) failures.push('the report has no charts');
    if (options.expectCharts !== null && charts.length !== options.expectCharts) {
      failures.push(`expected ${options.expectCharts} charts, found ${charts.length}`);
    }
    for (const c of charts) {
      if (!c.hasSvg) failures.push(`${c.id}: no SVG`);
      else if (c.width < 50 || c.height < 50) failures.push(`${c.id}: SVG is ${c.width}×${c.height} px`);
      else if (c.marks < 5) failures.push(`${c.id}: SVG has only ${c.marks} marks`);
    }
    const tables = await page.$$eval('table', (all) => all.map((t) => ({
      caption: t.caption?.textContent ?? '',
      rows: t.tBodies[0]?.rows.length ?? 0,
    })));
    for (const want of options.expectTables) {
      const found = tables.find((t) => t.caption.startsWith(want.caption));
      if (!found) failures.push(`no table captioned '${want.caption}…'`);
      else if (found.rows !== want.rows) failures.push(`table '${found.caption}': ${found.rows} rows, expected ${want.rows}`);
    }
    await page.screenshot({ path: options.screenshot, fullPage: true });
    console.log(`${charts.length} charts found: ${charts.map((c) => c.id).join(', ')}`);
    console.log(`screenshot: ${options.screenshot}`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  for (const f of failures) console.error(f);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
