// Measures the built page in headless Chromium (software WebGL2, this machine):
// what it transfers, the time to its first frame, and its frame times; and, with
// --timelinejs, TimelineJS's page on the same events, side by side (issue 16).
// A measurement, not a test: it prints figures and fails only when a page does not load.
//
//   node web/bench-page.mjs SITE_DIR [--runs N] [--timelinejs DIST_DIR EVENTS_TIMELINE_JSON]
//
// Each load is a fresh navigation with the browser's cache off, served from
// 127.0.0.1 by web/serve.mjs (no compression: the gzip column says what a host
// that compresses would send); every other host name is unresolvable, as in a
// classroom without internet (TimelineJS's media links then fail at once).
// "First frame": Meridian's first drawn frame (window.meridianFirstFrameMs: the
// frame's callback, after which the browser paints it); TimelineJS's "loaded"
// event and the animation frame after it. Both from the navigation's start.
// Frame times: the timeline playing (Space) for 3 s: frames drawn per second
// and each frame's time in the page's thread (the GPU's part, SwiftShader in
// the browser's GPU process, is not in it).
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Chromium } from './chromium.mjs';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const site = args[0];
if (!site || site.startsWith('--')) {
  console.error('usage: node web/bench-page.mjs SITE_DIR [--runs N] [--timelinejs DIST_DIR EVENTS_TIMELINE_JSON]');
  process.exit(2);
}
const runsAt = args.indexOf('--runs');
const runs = runsAt > 0 ? Number(args[runsAt + 1]) : 5;
const tlAt = args.indexOf('--timelinejs');
const timelinejs = tlAt > 0 ? { dist: args[tlAt + 1], events: args[tlAt + 2] } : null;

const width = 1280, height = 800;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1e6).toFixed(2)} MB`;
const gzipCache = new Map();
function gzipSize(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipCache.get(file);
}

// What the page fetched from the server, each as its file in DIR: [{path, size, gzip, startMs}].
async function fetched(browser, dir) {
  const entries = await browser.evaluate(`[performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
    .map((e) => ({ url: e.name, start: e.startTime }))`);
  const out = [];
  for (const e of entries) {
    const u = new URL(e.url);
    if (u.hostname !== '127.0.0.1') continue;
    const file = normalize(join(dir, decodeURIComponent(u.pathname)));
    let size = -1;
    try { size = statSync(file).size; } catch { continue; }
    out.push({ path: u.pathname, size, gzip: gzipSize(file), startMs: e.start });
  }
  return out;
}

function sizes(list, beforeMs) {
  const before = list.filter((f) => f.startMs <= beforeMs);
  const sum = (xs, k) => xs.reduce((s, f) => s + f[k], 0);
  return { files: before.length, bytes: sum(before, 'size'), gzip: sum(before, 'gzip'),
    allFiles: list.length, allBytes: sum(list, 'size'), allGzip: sum(list, 'gzip') };
}

// Loads URL RUNS times; the sizes are the last load's, once SETTLED (what the page fetches after its first frame).
async function loadTimes(browser, url, firstFrameExpr, dir, settled = 'true') {
  const times = [];
  let last = null;
  for (let i = 0; i < runs; i++) {
    await browser.open('about:blank');
    await browser.open(url);
    const ms = await browser.waitFor(firstFrameExpr, 60000, `the first frame of ${url}`);
    times.push(ms);
    await browser.waitFor(settled, 60000, `${settled} in ${url}`);
    await sleep(1000);
    last = sizes(await fetched(browser, dir), ms);
  }
  return { times, sizes: last };
}

function report(name, { times, sizes: s }) {
  console.log(`bench page: ${name}: first frame ${Math.round(median(times))} ms (median of ${times.length}; ` +
    `${Math.round(Math.min(...times))}-${Math.round(Math.max(...times))})`);
  console.log(`bench page: ${name}: before it: ${s.files} files, ${kb(s.bytes)} (${kb(s.gzip)} gzipped); ` +
    `all fetched by the page: ${s.allFiles} files, ${kb(s.allBytes)} (${kb(s.allGzip)} gzipped; a worker's own fetches not counted)`);
}

console.log(`bench page: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ` +
  `${width}x${height} CSS px at 1 device px each; software WebGL2 (SwiftShader)`);
const browser = await Chromium.launch({ width, height,
  extraArgs: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
let status = 0;
const servers = [];
try {
  await browser.page('Network.enable');
  await browser.page('Network.setCacheDisabled', { cacheDisabled: true });

  // --- Meridian ---------------------------------------------------------------------------
  const server = await serve(site, 0);
  servers.push(server);
  const base = `http://127.0.0.1:${server.address().port}/index.html`;
  const meridian = await loadTimes(browser, base, 'window.meridianFirstFrameMs', resolve(site));
  report('Meridian', meridian);
  // The 1:10m world is fetched only zoomed in (here on the Korean peninsula).
  await browser.open(base + '?view=127,38.5,10');
  const worldMs = await browser.waitFor('window.meridianWorld && performance.now()', 60000, 'the 1:10m world');
  console.log(`bench page: Meridian: zoomed in, the 1:10m world in place ${Math.round(worldMs)} ms after the navigation`);
  await browser.open(base);
  await browser.waitFor('window.meridianFirstFrameMs', 60000, 'the first frame');

  // Frame times: idle, then the timeline playing.
  await sleep(1500);
  const f0 = await browser.evaluate('window.meridianFrames');
  await sleep(2000);
  const f1 = await browser.evaluate('window.meridianFrames');
  console.log(`bench page: Meridian: idle: ${f1.drawn - f0.drawn} frames drawn in 2 s (${f1.callbacks - f0.callbacks} animation frames)`);
  await browser.evaluate("document.getElementById('canvas').focus(), true");
  await browser.press(' ', 'Space', 32);
  await sleep(500);
  const p0 = await browser.evaluate('[window.meridianFrames, performance.now()]');
  await sleep(3000);
  const p1 = await browser.evaluate('[window.meridianFrames, performance.now()]');
  await browser.press(' ', 'Space', 32);
  const drawn = p1[0].drawn - p0[0].drawn;
  const seconds = (p1[1] - p0[1]) / 1000;
  console.log(`bench page: Meridian: playing: ${(drawn / seconds).toFixed(1)} frames/s drawn; ` +
    `${((p1[0].drawMs - p0[0].drawMs) / Math.max(1, drawn)).toFixed(1)} ms a frame in the page's thread ` +
    `(the slowest since the page opened: ${p1[0].drawMsMax.toFixed(0)} ms)`);

  // --- TimelineJS on the same events ---------------------------------------------------------
  if (timelinejs) {
    const dir = mkdtempSync(join(tmpdir(), 'meridian-timelinejs-'));
    cpSync(join(timelinejs.dist, 'js'), join(dir, 'js'), { recursive: true });
    cpSync(join(timelinejs.dist, 'css'), join(dir, 'css'), { recursive: true });
    copyFileSync(timelinejs.events, join(dir, 'events.json'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="css/timeline.css">
<style>html, body { margin: 0; height: 100%; }</style></head>
<body><div id="timeline-embed" style="width: 100%; height: 100vh"></div>
<script src="js/timeline.js"></script>
<script>
  var timeline = new TL.Timeline('timeline-embed', 'events.json');
  timeline.on('loaded', function () {
    requestAnimationFrame(function () { window.firstFrameMs = performance.now(); });
  });
</script></body></html>
`);
    const tlServer = await serve(dir, 0);
    servers.push(tlServer);
    const tl = await loadTimes(browser, `http://127.0.0.1:${tlServer.address().port}/index.html`, 'window.firstFrameMs', dir);
    const slides = await browser.evaluate("document.querySelectorAll('.tl-slide').length");
    report(`TimelineJS ${JSON.parse(readFileSync(join(timelinejs.dist, '..', 'package.json'), 'utf8')).version} ` +
      `(${slides} slides)`, tl);
    rmSync(dir, { recursive: true, force: true });
  }
} catch (e) {
  console.error(`bench page: ${e.message}`);
  status = 1;
} finally {
  for (const s of servers) s.close();
  await browser.close();
}
process.exit(status);
