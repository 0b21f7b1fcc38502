// Meridian against its browser peers, vis-timeline and TimelineJS, on the same
// synthetic events, in one run on this machine (issue 14's check). Started by
// bench/peers, which builds the data files and fetches the peers; see bench/README.md.
//
//   node bench/peers.mjs --dir build/peers --vis DIR --timelinejs DIR [--runs 3] [--steps 40]
//        [--frames 30] [--timeout 240] SIZE... [--meridian-only SIZE...]
//
// For each run, for each size: `meridian FILE --bench-frames F` (the scrub part
// only), then each peer's page in a fresh headless Chromium (web/chromium.mjs),
// served from 127.0.0.1 (web/serve.mjs) with every other host unresolvable.
// Figures are medians over the runs of each run's figure. PEERS_DEBUG=1 prints
// every scrub step's time.
//
// First paint (peers): from the navigation's start to the first frame painted
// with the timeline's items in the page: vis-timeline's onInitialDrawComplete,
// TimelineJS's "loaded" event, then the next animation frame and a message
// posted from it (it runs once that frame's style, layout and paint are done),
// and further frames while the library still changes the page.
// Meridian's first frame: "first frame shown" of --bench-frames, from the
// process's start (so it includes creating the window and the GL context,
// which the browser had done before the navigation).
//
// Scrub (peers): STEPS steps across the whole span, each timed from the call to
// the painted frame after it (vis-timeline: setWindow(a, a + span/10, no
// animation), until a frame passes with no further "changed" event; TimelineJS:
// goTo(slide) with its animations lasting 1 ms, until the slides and the time
// axis stop moving). Median and p95 of the steps'
// wall times; also the CPU time of all Chromium's processes over the steps,
// divided by STEPS. Meridian's scrub: the playhead dragged across the whole
// span, CPU time of the process per frame (median, p95) and wall median.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Chromium } from '../web/chromium.mjs';
import { serve } from '../web/serve.mjs';

// --- Options ---------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const opt = { runs: 3, steps: 40, frames: 30, timeout: 240, dir: 'build/peers', vis: null, timelinejs: null };
const sizes = [], meridianOnly = [];
for (let i = 0, list = sizes; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--meridian-only') list = meridianOnly;
  else if (a.startsWith('--')) opt[a.slice(2)] = argv[++i];
  else list.push(Number(a));
}
for (const k of ['runs', 'steps', 'frames', 'timeout']) opt[k] = Number(opt[k]);
const dir = resolve(opt.dir);
const meridianBin = resolve('build/meridian');
const width = 1600, height = 900;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => (xs.length ? sorted(xs)[Math.floor(xs.length / 2)] : NaN);
const p95 = (xs) => (xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)] : NaN);
const log = (s) => console.log(`peers: ${s}`);
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

// --- The peers' data: vis-timeline items from the Meridian file --------------------------------
// A date as Meridian draws it: "1987" is that whole year, "1987-03" that month (a range item);
// a day is a point in time (a box item), as in vis-timeline's own examples.
function visDates(date, end) {
  const parts = (d) => d.split('-').map(Number);
  const iso = (y, m, d) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const after = (d) => {  // the first day after the period D names
    const [y, m] = parts(d);
    if (d.length === 4) return iso(y + 1, 1, 1);
    if (d.length === 7) return m === 12 ? iso(y + 1, 1, 1) : iso(y, m + 1, 1);
    const t = new Date(`${d}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  };
  const [y, m = 1, d = 1] = parts(date);
  const start = iso(y, m, d);
  if (end) return { start, end: after(end) };
  if (date.length < 10) return { start, end: after(date) };
  return { start };
}

function writeVisItems(meridianFile, out) {
  const data = JSON.parse(readFileSync(meridianFile, 'utf8'));
  const label = new Map((data.categories ?? []).map((c) => [c.id, c.label ?? c.id]));
  const items = data.events.map((e) => ({ id: e.id, content: e.title, ...visDates(e.date, e.end),
    ...(e.category ? { group: e.category } : {}) }));
  const groups = [...new Set(items.map((i) => i.group).filter(Boolean))].map((id) => ({ id, content: label.get(id) ?? id }));
  writeFileSync(out, JSON.stringify({ items, groups }));
}

// --- The pages ---------------------------------------------------------------------------------
// Both: window.bench = {firstPaintMs, error}; window.nextPaint() resolves after the next painted frame.
const nextPaintJs = `
window.bench = {};
window.nextPaint = () => new Promise((done) => requestAnimationFrame(() => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => done(performance.now());
  ch.port2.postMessage(0);
}));
window.onerror = (m) => { window.bench.error = String(m); };
// The measurement's own cost: a step that changes one tiny element (a frame with nothing changed
// is not drawn at once: Chromium waits for its next tick).
window.tick = async () => {
  const t0 = performance.now();
  let el = document.getElementById('tick');
  if (!el) el = document.body.appendChild(Object.assign(document.createElement('div'),
    { id: 'tick', style: 'position: fixed; left: 0; top: 0; font-size: 2px' }));
  el.textContent = String(t0);
  return (await nextPaint()) - t0;
};`;

const visPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>vis-timeline</title>
<style>html, body { margin: 0; height: 100%; } #tl { width: 100vw; height: 100vh; }</style></head>
<body><div id="tl"></div>
<script src="vis-timeline/vis-timeline-graph2d.min.js"></script>
<script>${nextPaintJs}
window.changes = 0;
fetch('data/' + new URLSearchParams(location.search).get('data')).then((r) => r.json()).then((data) => {
  const items = new vis.DataSet(data.items), groups = new vis.DataSet(data.groups);
  window.timeline = new vis.Timeline(document.getElementById('tl'), items, groups, {
    height: '100vh',
    // Its first draw done, then painted frames while it keeps redrawing (more groups, stacking).
    onInitialDrawComplete: async () => {
      bench.itemsAtFirstDraw = document.querySelectorAll('.vis-item-content').length;
      let seen = window.changes, ms = await nextPaint();
      for (let i = 0; i < 50 && window.changes !== seen; i++) {
        seen = window.changes;
        const t = await nextPaint();
        if (window.changes !== seen) ms = t;
      }
      bench.itemsInPage = document.querySelectorAll('.vis-item-content').length;
      bench.firstPaintMs = ms;
    },
  });
  timeline.on('changed', () => { window.changes++; });
}).catch((e) => { bench.error = String(e); });
// One scrub step: the window [a, a + w] (ms since 1970), then painted frames until one passes with no redraw.
window.step = async (a, w) => {
  const t0 = performance.now();
  let seen = window.changes;
  timeline.setWindow(new Date(a), new Date(a + w), { animation: false });
  let t1 = await nextPaint();
  for (let i = 0; i < 20 && window.changes !== seen; i++) {
    seen = window.changes;
    const t = await nextPaint();
    if (window.changes !== seen) t1 = t;  // that frame redrew again
  }
  return t1 - t0;
};
</script></body></html>
`;

const timelinejsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
<link rel="stylesheet" href="timelinejs/css/timeline.css">
<style>html, body { margin: 0; height: 100%; }</style></head>
<body><div id="tl" style="width: 100vw; height: 100vh"></div>
<script src="timelinejs/js/timeline.js"></script>
<script>${nextPaintJs}
window.timeline = new TL.Timeline('tl', 'data/' + new URLSearchParams(location.search).get('data'), { duration: 1 });  // 1 ms: its animations take 0 as 1000
// Loaded, then painted frames until the slides and the time axis stop moving.
timeline.on('loaded', async () => {
  let ms = await nextPaint(), seen = where();
  for (let i = 0; i < 50; i++) {
    const t = await nextPaint();
    if (where() === seen) break;
    seen = where();
    ms = t;
  }
  bench.slides = document.querySelectorAll('.tl-slide').length;
  bench.markers = document.querySelectorAll('.tl-timemarker').length;
  bench.firstPaintMs = ms;
});
// One scrub step: slide N (0 is the title), then painted frames until the slides and the
// time axis stop moving (with a duration of 1 ms they are in place in the first).
function where() {
  return [...document.querySelectorAll('.tl-slider-container, .tl-timenav-slider')]
    .map((e) => e.style.left + ' ' + e.style.transform).join();
}
window.step = async (n) => {
  const t0 = performance.now();
  timeline.goTo(n);
  let t1 = await nextPaint(), seen = where();
  for (let i = 0; i < 20; i++) {
    const t = await nextPaint();
    if (where() === seen) break;
    seen = where();
    t1 = t;
  }
  return t1 - t0;
};
</script></body></html>
`;

// --- CPU time of Chromium's processes (the browser, its renderer, GPU and utility processes) -----
const ticksPerSec = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
function processTreeCpuSec(rootPid) {
  const parent = new Map(), cpu = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(f[1]));
      cpu.set(Number(name), (Number(f[11]) + Number(f[12])) / ticksPerSec);
    } catch { /* gone */ }
  }
  let total = 0;
  for (const [pid, sec] of cpu) {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) {
      if (p === rootPid) {
        total += sec;
        break;
      }
    }
  }
  return total;
}

// --- One peer, one size, one run -----------------------------------------------------------------
async function measurePeer(peer, n, baseUrl) {
  const browser = await Chromium.launch({ width, height, extraArgs: [
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    // Frames as soon as the page changes, not at a 60 Hz display's pace (--bench-frames does not wait either).
    '--disable-frame-rate-limit'] });
  const r = { peer, n };
  try {
    await browser.page('Network.enable');
    await browser.page('Network.setCacheDisabled', { cacheDisabled: true });
    const data = peer === 'vis' ? `synthetic-${n}.vis.json` : `synthetic-${n}.timeline.json`;
    await browser.open(`${baseUrl}/${peer === 'vis' ? 'vis' : 'timelinejs'}.html?data=${data}`);
    await browser.waitFor('window.bench && (window.bench.firstPaintMs || window.bench.error)', opt.timeout * 1000,
      `the first paint of ${peer} at ${n} events`);
    const b = await browser.evaluate('window.bench');
    if (b.error) throw new Error(`the page: ${b.error}`);
    r.firstPaintMs = b.firstPaintMs;
    r.drawn = peer === 'vis' ? `${b.itemsInPage} items drawn at the first paint (${b.itemsAtFirstDraw} at its onInitialDrawComplete)` : `${b.slides} slides, ${b.markers} time-axis markers`;
    await sleep(500);
    await browser.page('HeapProfiler.enable');
    await browser.page('HeapProfiler.collectGarbage');
    r.heapAfterPaintMiB = (await browser.page('Runtime.getHeapUsage')).usedSize / 1048576;
    r.domNodes = (await browser.page('Memory.getDOMCounters')).nodes;

    // The scrub: step 0 (untimed) zooms in / goes to the first event.
    const K = opt.steps;
    let stepArgs;
    if (peer === 'vis') {
      const range = await browser.evaluate('(() => { const r = timeline.getItemRange(); return [+r.min, +r.max]; })()');
      const w = (range[1] - range[0]) / 10;
      stepArgs = (i) => `${range[0] + ((range[1] - range[0] - w) * i) / K}, ${w}`;
    } else {
      stepArgs = (i) => `${1 + Math.round(((n - 1) * i) / K)}`;
    }
    await browser.evaluate(`step(${stepArgs(0)})`);
    const times = [], inView = [];
    const cpu0 = processTreeCpuSec(browser.child.pid);
    const scrubStart = Date.now();
    for (let i = 1; i <= K; i++) {
      times.push(await browser.evaluate(`step(${stepArgs(i)})`));
      if (peer === 'vis') inView.push(await browser.evaluate("document.querySelectorAll('.vis-item-content').length"));
      if (Date.now() - scrubStart > opt.timeout * 1000) throw new Error(`the scrub took over ${opt.timeout} s (${i} of ${K} steps)`);
    }
    if (process.env.PEERS_DEBUG) log(`${peer} ${n} steps: ${times.map((t) => t.toFixed(0)).join(" ")}`);
    r.cpuPerStepMs = (1000 * (processTreeCpuSec(browser.child.pid) - cpu0)) / K;
    r.scrubMedianMs = median(times);
    r.scrubP95Ms = p95(times);
    if (peer === 'vis') r.drawn += `; ${Math.round(median(inView))} in the page while scrubbing (median)`;
    // The floor: a step that changes one tiny element (what a painted frame costs the page at least).
    const ticks = [];
    for (let i = 0; i < 10; i++) ticks.push(await browser.evaluate('tick()'));
    r.floorMs = median(ticks);
    r.heapMiB = (await browser.page('Runtime.getHeapUsage')).usedSize / 1048576;
  } catch (e) {
    r.error = e.message;
  } finally {
    await browser.close();
  }
  return r;
}

// --- Meridian ------------------------------------------------------------------------------------
function measureMeridian(n) {
  const file = join(dir, 'data', `synthetic-${n}.json`);
  return new Promise((done) => {
    const child = spawn(meridianBin, [file, '--bench-frames', String(opt.frames)], {
      env: { ...process.env, LIBGL_ALWAYS_SOFTWARE: '1', MERIDIAN_BENCH_PARTS: 'scrub' },
      stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const r = { peer: 'meridian', n, output: out };
      const first = out.match(/first frame shown\s+at\s+([\d.]+) s.*CPU\s+([\d.]+) s/);
      const scrub = out.match(/^scrub\s+\d+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/m);
      const renderer = out.match(/renderer: ([^;]*);/);
      const memory = out.match(/memory: (\d+) MiB resident, (\d+) MiB peak/);
      if (!first || !scrub) {
        r.error = `meridian exited with ${code}: ${(err || out).trim().split('\n').slice(-3).join(' / ')}`;
      } else {
        r.firstFrameMs = 1000 * Number(first[1]);
        r.firstFrameCpuMs = 1000 * Number(first[2]);
        [r.scrubMedianMs, r.scrubP95Ms, , r.uiMs, r.paintMs, r.scrubWallMs] = scrub.slice(1).map(Number);
        r.renderer = renderer?.[1];
        r.residentMiB = memory ? Number(memory[1]) : NaN;
        r.peakMiB = memory ? Number(memory[2]) : NaN;
      }
      done(r);
    });
  });
}

// --- The run -------------------------------------------------------------------------------------
const site = join(dir, 'site');
mkdirSync(join(site, 'data'), { recursive: true });
writeFileSync(join(site, 'vis.html'), visPage);
writeFileSync(join(site, 'timelinejs.html'), timelinejsPage);
const peers = [];
if (opt.vis) peers.push('vis');
if (opt.timelinejs) peers.push('timelinejs');
for (const n of sizes) {
  const visFile = join(site, 'data', `synthetic-${n}.vis.json`);
  if (opt.vis && !existsSync(visFile)) writeVisItems(join(dir, 'data', `synthetic-${n}.json`), visFile);
}
const versions = {
  vis: opt.vis && JSON.parse(readFileSync(join(opt.vis, 'package.json'), 'utf8')).version,
  timelinejs: opt.timelinejs && JSON.parse(readFileSync(join(opt.timelinejs, 'package.json'), 'utf8')).version,
  chromium: execFileSync('chromium', ['--version']).toString().trim(),
};
const machine = `${cpus().length} cores (${cpus()[0].model.trim()}), ${Math.round(
  Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)[1]) / 1048576)} GiB`;
log(`${machine}; load average at the start ${load()}`);
log(`peers: ${peers.map((p) => `${p} ${versions[p]}`).join(', ') || 'none'}; ${versions.chromium} (headless, software raster)`);

const server = await serve(site, 0);
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const results = [];  // every measurement of every run
const failedAt = {};  // peer -> the size it failed at (larger sizes are skipped)
const loads = [];
for (let run = 1; run <= opt.runs; run++) {
  for (const n of [...sizes, ...meridianOnly]) {
    loads.push(loadavg()[0]);
    const m = await measureMeridian(n);
    results.push({ ...m, run });
    log(m.error ? `run ${run}, ${n} events, Meridian: ${m.error}` :
      `run ${run}, ${n} events, Meridian: first frame ${m.firstFrameMs.toFixed(0)} ms (${m.firstFrameCpuMs.toFixed(0)} ms CPU); ` +
      `scrub CPU ${m.scrubMedianMs} / ${m.scrubP95Ms} ms (ui+map ${m.uiMs}, paint ${m.paintMs}), wall ${m.scrubWallMs} ms; ` +
      `${m.residentMiB} MiB resident, ${m.peakMiB} peak; load ${load()}`);
    if (!sizes.includes(n)) continue;
    for (const peer of peers) {
      if (failedAt[peer] !== undefined && failedAt[peer] <= n) continue;
      loads.push(loadavg()[0]);
      const r = await measurePeer(peer, n, baseUrl);
      results.push({ ...r, run });
      if (r.error && r.firstPaintMs === undefined) failedAt[peer] = n;
      log(`run ${run}, ${n} events, ${peer}: ` + (r.firstPaintMs !== undefined ? `first paint ${r.firstPaintMs.toFixed(0)} ms (${r.drawn}, ` +
        `${r.domNodes} DOM nodes, JS heap ${r.heapAfterPaintMiB.toFixed(1)} MiB); ` : '') +
        (r.error ? r.error : `scrub ${r.scrubMedianMs.toFixed(1)} / ${r.scrubP95Ms.toFixed(1)} ms (p95), ` +
          `CPU ${r.cpuPerStepMs.toFixed(0)} ms a step in all Chromium's processes; a one-element step ${r.floorMs.toFixed(1)} ms; ` +
          `JS heap after ${r.heapMiB.toFixed(1)} MiB`) + `; load ${load()}`);
    }
  }
}
server.close();

// --- The table: medians over the runs ------------------------------------------------------------
const pick = (peer, n, key) => median(results.filter((r) => r.peer === peer && r.n === n && Number.isFinite(r[key])).map((r) => r[key]));
const fmtS = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—');
const fmtMs = (ms) => (!Number.isFinite(ms) ? '—' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const failure = (peer, n) => {
  const r = results.find((x) => x.peer === peer && x.n === n && x.error);
  if (failedAt[peer] !== undefined && failedAt[peer] < n) return `skipped (failed at ${failedAt[peer].toLocaleString('en')})`;
  if (r && /timed out/.test(r.error)) return `no paint in ${opt.timeout} s`;
  return r ? r.error.replace(/\|/g, '/') : 'not run';
};
const renderer = results.find((r) => r.renderer)?.renderer ?? '?';
console.log('');
console.log(`Machine: ${machine}; load average (1 min) ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} ` +
  `during the measurements; Meridian's renderer: ${renderer}; ${versions.chromium}, headless, software raster; ` +
  `window ${width}×${height}; medians of ${opt.runs} runs; scrub: Meridian ${opt.frames} frames, the peers ${opt.steps} steps.`);
console.log('');
const head = ['events', 'Meridian first frame', 'Meridian scrub CPU med / p95 (wall med), ms'];
if (peers.includes('vis')) head.push(`vis-timeline ${versions.vis} first paint`, 'vis-timeline scrub med / p95 (CPU/step), ms');
if (peers.includes('timelinejs')) head.push(`TimelineJS ${versions.timelinejs} first paint`, 'TimelineJS scrub med / p95 (CPU/step), ms');
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const n of [...sizes, ...meridianOnly]) {
  const row = [n.toLocaleString('en'), fmtS(pick('meridian', n, 'firstFrameMs')),
    `${fmtMs(pick('meridian', n, 'scrubMedianMs'))} / ${fmtMs(pick('meridian', n, 'scrubP95Ms'))} (${fmtMs(pick('meridian', n, 'scrubWallMs'))})`];
  for (const peer of peers) {
    if (!sizes.includes(n)) {
      row.push('—', '—');
      continue;
    }
    const fp = pick(peer, n, 'firstPaintMs'), sm = pick(peer, n, 'scrubMedianMs');
    row.push(Number.isFinite(fp) ? fmtS(fp) : failure(peer, n));
    row.push(Number.isFinite(sm) ? `${fmtMs(sm)} / ${fmtMs(pick(peer, n, 'scrubP95Ms'))} (${fmtMs(pick(peer, n, 'cpuPerStepMs'))})` :
      Number.isFinite(fp) ? failure(peer, n) : '—');
  }
  console.log(`| ${row.join(' | ')} |`);
}
console.log('');
for (const peer of peers) {
  for (const n of sizes) {
    const rs = results.filter((r) => r.peer === peer && r.n === n && r.firstPaintMs !== undefined);
    if (!rs.length) continue;
    console.log(`${peer} at ${n}: ${rs[rs.length - 1].drawn}; ${median(rs.map((r) => r.domNodes))} DOM nodes alive; JS heap ` +
      `${pick(peer, n, 'heapAfterPaintMiB').toFixed(1)} MiB after the first paint, ${pick(peer, n, 'heapMiB').toFixed(1)} after the scrub; ` +
      `a step changing one tiny element ${fmtMs(pick(peer, n, 'floorMs'))} ms`);
  }
}
for (const n of [...sizes, ...meridianOnly]) {
  if (Number.isFinite(pick('meridian', n, 'scrubMedianMs')))
    console.log(`meridian at ${n}: scrub CPU per frame ${fmtMs(pick('meridian', n, 'uiMs'))} ms UI and map + ` +
      `${fmtMs(pick('meridian', n, 'paintMs'))} ms painting (medians); first frame ${fmtMs(pick('meridian', n, 'firstFrameCpuMs'))} ms of CPU; ` +
      `${pick('meridian', n, 'residentMiB')} MiB resident, ${pick('meridian', n, 'peakMiB')} peak`);
}

// --- The goals (issue 14) ---------------------------------------------------------------------
if (peers.includes('vis')) {
  const big = Math.max(...sizes, ...meridianOnly);
  const ms = pick('meridian', big, 'scrubMedianMs'), mw = pick('meridian', big, 'scrubWallMs');
  const vs = pick('vis', 1000, 'scrubMedianMs'), vc = pick('vis', 1000, 'cpuPerStepMs');
  const mf = pick('meridian', 1000, 'firstFrameMs'), vf = pick('vis', 1000, 'firstPaintMs');
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log('');
  console.log(`Goal: Meridian's scrub frame at ${big.toLocaleString('en')} events below vis-timeline's at 1,000: ` +
    `wall ${fmtMs(mw)} ms against ${fmtMs(vs)} ms: ${verdict(mw < vs)} (${(mw / vs).toFixed(2)}×); ` +
    `CPU ${fmtMs(ms)} ms against ${fmtMs(vc)} ms in all Chromium's processes: ${verdict(ms < vc)} (${(ms / vc).toFixed(2)}×)`);
  console.log(`Goal: Meridian's first frame at 1,000 events ≤ 1/3 of vis-timeline's first paint at 1,000: ` +
    `${fmtS(mf)} against ${fmtS(vf)} / 3 = ${fmtS(vf / 3)}: ${verdict(mf <= vf / 3)} (${(mf / vf).toFixed(2)} of it)`);
}
