// Checks the built app page in headless Chromium (Debian's chromium, software
// WebGL2 by SwiftShader), driven as a person would: the page's own address,
// mouse and keys through the DevTools protocol, files dropped and picked.
// What it looks at: the screenshot's pixels, and window.meridianState, the
// app's state the page publishes after each frame (web/browser/page_state.h).
//
//   - the curated dataset opens; zoomed in, the 1:10m world arrives from its Web Worker;
//   - idle: animation frames go on, nothing is drawn;
//   - an arc at its date: the pixel where the model's geometry puts the arc's
//     middle has the arc's colour at the event's date, and not years before;
//   - a click on a place's marker selects its event (also at 2 device pixels per CSS pixel);
//   - the lesson in presenter mode (?story=&present) steps with PageDown and PageUp,
//     F5 presents (in the browser's full screen) without the browser reloading the page, Esc leaves;
//   - files: dropped on the page, chosen in the file picker (Ctrl+O), ?data= next
//     to the page (fetched again by Ctrl+R; a missing one said so), a damaged one refused;
//     imports: TimelineJS and GeoJSON dropped, a CSV dropped (Enter in the import dialog) and as ?data= (its places
//     found in the gazetteer fetched for it);
//   - settings kept in localStorage;
//   - a PNG export arrives as a download;
//   - the globe looks the same without WEBGL_clip_cull_distance (the fallback).
// Prints the time to the first frame and to the 1:10m world (wall clock, this machine).
// Usage: node web/check-page.mjs SITE_DIR OUT_DIR
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chromium } from './chromium.mjs';
import { readPng } from './png.mjs';
import { serve } from './serve.mjs';

const [site, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node web/check-page.mjs SITE_DIR OUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const curated = JSON.parse(readFileSync(join(root, 'data/iran-dprk.json'), 'utf8'));
const small = JSON.parse(readFileSync(join(root, 'tests/data/small.json'), 'utf8'));

let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`page check: ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ': ' + detail : ''}`);
  return ok;
}

const width = 1280;
const height = 800;
const server = await serve(site, 0, {
  '/lesson/small.json': join(root, 'tests/data/small.json'),
  '/lesson/incidents.csv': join(root, 'tests/data/import/incidents.csv'),
});
const base = `http://127.0.0.1:${server.address().port}/index.html`;
const browser = await Chromium.launch({ width, height });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const state = () => browser.evaluate('window.meridianState');
const frames = () => browser.evaluate('window.meridianFrames');
const iso = (day) => new Date(day * 86400000).toISOString().slice(0, 10);

// Nothing drawn for quietMs (the app rests once it has nothing to show).
async function settle(quietMs = 700, timeoutMs = 30000) {
  const start = Date.now();
  let last = -1, since = Date.now();
  for (;;) {
    const f = await frames().catch(() => null);
    const drawn = f ? f.drawn : -1;
    if (drawn !== last) last = drawn, since = Date.now();
    else if (drawn > 0 && Date.now() - since >= quietMs) return;
    if (Date.now() - start > timeoutMs) throw new Error(`the page did not come to rest in ${timeoutMs} ms`);
    await sleep(100);
  }
}

// Opens the page with QUERY and waits for its first frame (and the 1:10m world if asked) and rest.
async function load(query = '', { world = false } = {}) {
  await browser.open(base + query);
  const firstFrameMs = await browser.waitFor('window.meridianFirstFrameMs', 60000, `the first frame of ${query || 'the page'}`);
  if (world) await browser.waitFor('window.meridianWorld', 60000, 'the 1:10m world');
  await settle();
  return { firstFrameMs, state: await state() };
}

async function probe() {
  return JSON.parse(await browser.evaluate('UTF8ToString(Module._meridianWebMapProbe())'));
}

const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
function distToPath(p, path) {
  let best = Infinity;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1], b = path[i];
    if (!a || !b) continue;
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}
// Inside the map, away from its toolbar, date, legend and edges.
function inOpenMap(p, map) {
  return p && p[0] > map.x + 0.22 * map.width && p[0] < map.x + 0.85 * map.width && p[1] > map.y + 0.18 * map.height &&
    p[1] < map.y + 0.78 * map.height;
}
// Away from a place: its marker, and its name beside it (one line of text, about 100 px wide, either side).
function clearOfPlace(p, q) {
  return !q || (dist(p, q) > 36 && !(Math.abs(p[0] - q[0]) < 120 && Math.abs(p[1] - q[1]) < 18));
}

// Does pixel P show colour HEX, or HEX brightened towards white (solid arcs carry a travelling light pulse)?
function showsColour(p, hex) {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const span = c.map((v) => 255 - v);
  const k = Math.max(0, Math.min(0.5, span.reduce((s, d, i) => s + d * (p[i] - c[i]), 0) / (span.reduce((s, d) => s + d * d, 0) || 1)));
  return c.every((v, i) => Math.abs(p[i] - (v + k * span[i])) <= 40);
}
function neighbourhood(png, [x, y], r = 1) {
  const out = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) out.push(png.pixel(x + dx, y + dy));
  return out;
}

try {
  // --- The page as it opens ------------------------------------------------------
  const t0 = Date.now();
  await browser.open(base);
  const firstFrameMs = await browser.waitFor('window.meridianFirstFrameMs', 60000, 'the first frame');
  await settle();
  let s = await state();
  console.log(`page check: first frame ${Math.round(firstFrameMs)} ms after navigation (${Date.now() - t0} ms wall)`);
  check(s.loaded && s.events === curated.events.length && s.title === curated.title, 'the curated dataset opens',
    `${s.events} events, "${s.title}"`);
  check(s.problems === 0 && s.mapError === '', 'no problem with the data or the map', s.mapError);
  const early = await browser.evaluate('window.meridianWorld || ""');
  check(early === '', 'the 1:10m world is not fetched while the map shows the whole world', early);
  const canvas = await browser.evaluate("[document.getElementById('canvas').width, innerWidth]");
  check(canvas[0] === canvas[1] && s.map.width > 0, 'the canvas fills the page', `${canvas[0]} px wide`);
  await browser.screenshot(join(out, 'page.png'));

  // Idle: animation frames go on, nothing is drawn.
  const before = await frames();
  await sleep(1500);
  const after = await frames();
  check(after.callbacks > before.callbacks && after.drawn === before.drawn, 'idle: no frame drawn in 1.5 s',
    `${after.callbacks - before.callbacks} animation frames, ${after.drawn - before.drawn} drawn`);
  const camera = s.camera;
  const view = `view=${camera.lon},${camera.lat},${camera.zoom}`;

  // Zoomed in on the Korean peninsula, the 1:10m world arrives from its worker.
  {
    const t1 = Date.now();
    await browser.open(base + '?view=127,38.5,10');
    await browser.waitFor('window.meridianFirstFrameMs', 60000, 'the first frame zoomed in');
    const world = await browser.waitFor('window.meridianWorld', 60000, 'the 1:10m world');
    console.log(`page check: zoomed in, the 1:10m world in ${Date.now() - t1} ms (${world})`);
    check(/^\d+ countries/.test(world) && Number(world.split(' ')[0]) > 200,
      'zoomed in, the 1:10m world is fetched after the first frame and triangulated in a Web Worker', world);
    await settle();
    const z = await state();
    check(z.mapError === '' && z.camera.zoom >= 9, 'the zoomed-in view, with no map problem', `zoom ${z.camera.zoom} ${z.mapError}`);
    await load('');  // back to the page as it opens: the checks below probe its map
  }

  // --- An arc at its date -----------------------------------------------------------
  // The date as a window over the event's days (?from=&to=: the map shows what
  // overlaps them). The arc is one whose middle no other arc or marker shown then
  // comes near, so its pixel can only be its own; and the day before it began,
  // when it is not shown (nor anything else near there), the pixel is not its colour.
  const overlaps = (e, from, to) => e.first < to && from < e.last;
  const windowOf = (from, to) => `from=${iso(from)}&to=${iso(to - 1)}`;
  // Nothing shown in [from, to) near POINT but SELF: no other arc, no marker, no place's name.
  function clearAt(point, from, to, self, p, legRoom = 12, markerRoom = 16) {
    const legs = p.legs.filter((l) => overlaps(l, from, to));
    const markers = p.markers.filter((m) => m.at && overlaps(m, from, to));
    return legs.every((l) => l === self || distToPath(point, l.path) > legRoom) &&
      markers.every((m) => m === self || dist(point, m.at) > markerRoom) &&
      legs.every((l) => l === self || (clearOfPlace(point, l.from) && clearOfPlace(point, l.to))) &&
      markers.every((m) => m === self || m.event === self.event || clearOfPlace(point, m.at));
  }

  {
    const p = await probe();
    const candidates = p.legs.filter((l) => l.confidence === 'confirmed' && !l.crossesAntimeridian &&
      inOpenMap(l.middle, s.map) && clearOfPlace(l.middle, l.from) && clearOfPlace(l.middle, l.to) &&
      clearAt(l.middle, l.first, l.last, l, p) && clearAt(l.middle, l.first - 1, l.first, l, p));
    candidates.sort((a, b) => dist(b.from, b.to) - dist(a.from, a.to));
    if (check(candidates.length > 0, 'an arc to look at (confirmed, its middle clear of every other arc and marker shown)',
      `${candidates.length} of ${p.legs.length} legs`)) {
      const leg = candidates[0];
      await load(`?${windowOf(leg.first, leg.last)}&${view}`, { world: false });
      const now = (await probe()).legs.find((l) => l.event === leg.event && l.bundle === leg.bundle);
      await browser.screenshot(join(out, 'arc.png'));
      const shown = neighbourhood(readPng(join(out, 'arc.png')), now.middle);
      check(shown.some((px) => showsColour(px, leg.color)),
        `the arc of ${leg.event} at its date: its colour ${leg.color} where the model puts its middle`,
        `(${now.middle.map(Math.round)}) ${JSON.stringify(shown[4])}`);
      await load(`?${windowOf(leg.first - 1, leg.first)}&${view}`, { world: false });
      await browser.screenshot(join(out, 'arc-before.png'));
      const earlier = neighbourhood(readPng(join(out, 'arc-before.png')), now.middle);
      check(!earlier.some((px) => showsColour(px, leg.color)), 'and the day before it began, not there',
        JSON.stringify(earlier[4]));
    }
  }

  // --- A click on a marker selects its event (at 1 and at 2 device pixels per CSS pixel)
  for (const scale of [1, 2]) {
    await browser.setDeviceScale(width, height, scale);
    const p = await probe();
    const target = p.markers.find((m) => !m.endpoint && m.at && inOpenMap(m.at, s.map) &&
      clearAt(m.at, m.first, m.last, m, p, 16, 24));
    if (!check(Boolean(target), `a place marker clear of everything shown with it (device scale ${scale})`)) continue;
    const { state: opened } = await load(`?${windowOf(target.first, target.last)}&${view}`, { world: false });
    check(opened.devicePixelRatio === scale && Math.abs(opened.scale - scale) < 1e-6,
      `device scale ${scale}: the UI is laid out in device pixels, fonts at ${scale}x`);
    const at = (await probe()).markers.find((m) => m.event === target.event && !m.endpoint).at;
    await browser.move(at[0] - 20, at[1] - 20);
    await browser.move(at[0], at[1]);
    await browser.waitFor(`window.meridianState.hovered === ${JSON.stringify(target.event)}`, 5000, 'the hover').catch(() => 0);
    await browser.click(at[0], at[1]);
    const picked = await browser.waitFor(`window.meridianState.selected === ${JSON.stringify(target.event)}`, 5000,
      'the selection').catch(() => false);
    check(picked, `a click on the marker of ${target.event} selects it (device scale ${scale})`,
      picked ? '' : `selected ${(await state()).selected}`);
  }
  await browser.setDeviceScale(width, height, 1);

  // --- The lesson, presented with a clicker's keys ------------------------------------
  {
    const story = curated.stories[0];
    const { state: p } = await load(`?story=${encodeURIComponent(story.id)}&present`, { world: false });
    check(p.presenting && p.story === story.id && p.step === 0, `?story=${story.id}&present presents its first step`);
    await browser.press('PageDown', 'PageDown', 34);
    const next = await browser.waitFor('window.meridianState.step === 1', 5000, 'step 2').catch(() => false);
    check(next, 'PageDown goes to the next step', next ? '' : `step ${(await state()).step}`);
    await browser.press('PageUp', 'PageUp', 33);
    const back = await browser.waitFor('window.meridianState.step === 0', 5000, 'step 1').catch(() => false);
    check(back, 'PageUp goes back');
    await load('', { world: false });
    await browser.evaluate('window.meridianNotReloaded = true');
    await browser.press('F5', 'F5', 116);
    const presented = await browser.waitFor('window.meridianState.presenting', 5000, 'presenting').catch(() => false);
    check(presented && (await browser.evaluate('window.meridianNotReloaded === true')),
      'F5 presents the lesson, and the browser does not reload the page');
    const full = await browser.waitFor('document.fullscreenElement !== null', 5000, 'full screen').catch(() => false);
    check(full, 'presenting puts the page in the browser\'s full screen');
    await browser.press('Escape', 'Escape', 27);
    const left = await browser.waitFor('!window.meridianState.presenting && document.fullscreenElement === null', 5000,
      'leaving').catch(() => false);
    check(left, 'Esc leaves the presentation and the full screen');
  }

  // --- Files ---------------------------------------------------------------------------
  {
    await load('', { world: false });
    await browser.dropFile('#canvas', 'small.json', readFileSync(join(root, 'tests/data/small.json'), 'utf8'));
    const dropped = await browser.waitFor(`window.meridianState.file === '/uploads/small.json'`, 10000, 'the dropped file')
      .then(state).catch(() => state());
    check(dropped.file === '/uploads/small.json' && dropped.events === small.events.length && dropped.title === small.title,
      'a file dropped on the page opens', `${dropped.file}: ${dropped.events} events`);
    await browser.dropFile('#canvas', 'impossible-date.json',
      readFileSync(join(root, 'tests/data/bad/impossible-date.json'), 'utf8'));
    const refused = await browser.waitFor(`window.meridianState.problemsFile === '/uploads/impossible-date.json'`, 10000,
      'the damaged file').then(state).catch(() => state());
    check(refused.problems > 0 && refused.file === '/uploads/small.json' && refused.events === small.events.length,
      'a damaged file is refused, its problems listed, the data shown unchanged',
      `${refused.problems} problem(s); showing ${refused.file}`);

    // Imports that need no native library: a TimelineJS file, and a table whose
    // places are named (the gazetteer is fetched for it, once).
    await browser.dropFile('#canvas', 'timeline.json', readFileSync(join(root, 'tests/data/import/timeline.json'), 'utf8'));
    const timeline = await browser.waitFor(`window.meridianState.file === '/uploads/timeline.json'`, 10000,
      'the TimelineJS file').then(state).catch(() => state());
    check(timeline.file === '/uploads/timeline.json' && timeline.events === 3 && timeline.title === 'A test timeline',
      'a TimelineJS file dropped on the page is imported', `${timeline.file}: ${timeline.events} events, "${timeline.title}"`);
    await browser.dropFile('#canvas', 'features.geojson',
      readFileSync(join(root, 'tests/data/import/features.geojson'), 'utf8'));
    const geo = await browser.waitFor(`window.meridianState.file === '/uploads/features.geojson'`, 10000,
      'the GeoJSON file').then(state).catch(() => state());
    check(geo.file === '/uploads/features.geojson' && geo.events === 5, 'a GeoJSON file dropped on the page is imported',
      `${geo.file}: ${geo.events} events`);
    const gazetteerBefore = await browser.evaluate("FS.analyzePath('/assets/gazetteer/gazetteer.tsv').exists");
    await browser.dropFile('#canvas', 'incidents.csv', readFileSync(join(root, 'tests/data/import/incidents.csv'), 'utf8'));
    // A table's columns are shown to be checked (the import dialog): Enter imports them as guessed.
    const asked = await browser.waitFor(`window.meridianState.import.stage === 'mapping'`, 30000, 'the import dialog')
      .then(() => true).catch(() => false);
    check(asked, 'a dropped CSV file opens the import dialog with its columns to check', JSON.stringify((await state()).import));
    await browser.press('Enter', 'Enter', 13);
    const table = await browser.waitFor(`window.meridianState.file === '/uploads/incidents.csv'`, 30000,
      'the CSV file').then(state).catch(() => state());
    const gazetteerAfter = await browser.evaluate("FS.analyzePath('/assets/gazetteer/gazetteer.tsv').exists");
    if (!check(table.file === '/uploads/incidents.csv' && table.events === 6 && table.places >= 3 && !gazetteerBefore &&
      gazetteerAfter, 'a CSV file dropped on the page is imported, its places found by name in the gazetteer fetched for it',
      `${table.file}: ${table.events} events at ${table.places} places; "${table.status}"; import dialog ` +
      JSON.stringify(table.import))) await browser.screenshot(join(out, 'csv-drop.png'));

    await browser.page('Page.setInterceptFileChooserDialog', { enabled: true });
    const chooser = browser.nextEvent('Page.fileChooserOpened', 10000);
    await browser.evaluate("document.getElementById('canvas').focus()");
    await browser.ctrlPress('o', 'KeyO', 79);
    const picked = await chooser.then(async ({ backendNodeId }) => {
      await browser.page('DOM.setFileInputFiles', { files: [join(root, 'data/iran-dprk.json')], backendNodeId });
      return browser.waitFor(`window.meridianState.file === '/uploads/iran-dprk.json'`, 10000, 'the picked file');
    }).catch((e) => e.message);
    check(picked === true, 'Ctrl+O opens the browser\'s file picker and the chosen file opens', picked === true ? '' : picked);
    await browser.page('Page.setInterceptFileChooserDialog', { enabled: false });

    const { state: fetched, firstFrameMs: fetchedFirstFrame } = await load('?data=lesson/small.json', { world: false });
    check(fetched.file === '/fetched/small.json' && fetched.events === small.events.length,
      '?data= opens a file next to the page', `${fetched.file}: ${fetched.events} events`);
    await browser.ctrlPress('r', 'KeyR', 82);
    const refetched = await browser.waitFor("/^Reloaded small\\.json/.test(window.meridianState.status)", 10000,
      'the reload').then(state).catch(() => state());
    check(/^Reloaded small\.json/.test(refetched.status) && refetched.file === '/fetched/small.json' &&
      (await browser.evaluate('window.meridianFirstFrameMs')) === fetchedFirstFrame,
      'Ctrl+R fetches the ?data= file again (and the browser does not reload the page)', refetched.status);
    const { state: csv } = await load('?data=lesson/incidents.csv', { world: false });
    check(csv.file === '/fetched/incidents.csv' && csv.events === 6 && csv.places >= 3,
      '?data= opens a CSV file next to the page, its places found in the gazetteer', `${csv.events} events at ${csv.places} places`);
    const { state: missing } = await load('?data=lesson/missing.json', { world: false });
    check(/Could not load lesson\/missing\.json \(HTTP 404/.test(missing.status) && missing.events === curated.events.length,
      'a ?data= file that is not there is said so, and the built-in data shown', missing.status);
  }

  // --- Settings kept in the browser's storage ------------------------------------------------
  // The splitter between the map and the side panels, dragged 120 px left: the
  // layout is a setting, so the map is narrower when the page opens next time.
  {
    const { state: first } = await load('', { world: false });
    const m = first.map;
    await browser.drag(m.x + m.width + 2, m.y + m.height / 2, m.x + m.width - 118, m.y + m.height / 2);
    await settle();
    const narrower = (await state()).map.width;
    const stored = await browser.waitFor("Boolean(localStorage.getItem('meridian.settings'))", 5000,
      'the settings in localStorage').catch(() => false);
    const { state: again } = await load('', { world: false });
    check(stored && Math.abs(narrower - (m.width - 120)) < 8 && Math.abs(again.map.width - narrower) < 2,
      'settings are kept in localStorage: the layout changed once is there next time',
      `map ${m.width} px wide, dragged to ${narrower}, reopened at ${again.map.width}`);
    await browser.evaluate("localStorage.removeItem('meridian.settings'), true");
  }

  // --- A PNG export, downloaded -----------------------------------------------------------
  {
    const downloads = join(out, 'downloads');
    rmSync(downloads, { recursive: true, force: true });
    mkdirSync(downloads, { recursive: true });
    await browser.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await load('', { world: false });
    await browser.ctrlPress('e', 'KeyE', 69);
    const dialog = await browser.waitFor('window.meridianState.windows.Export', 5000, 'the export dialog').catch(() => null);
    if (check(Boolean(dialog), 'Ctrl+E opens the export dialog')) {
      // Its Export button: the first of the two at the dialog's bottom left.
      const [x, y, , h] = dialog;
      await browser.click(x + 30, y + h - 20);
      // The file name the dialog suggests (the data file's name and "-map.png"), as the browser saved it.
      const named = await browser.waitFor("(m => /^Downloaded (.+\\.png):/.exec(m)?.[1])(window.meridianState.export.message)",
        30000, 'the export').catch(() => null);
      const file = join(downloads, named ?? 'none.png');
      const start = Date.now();
      while (!existsSync(file) && Date.now() - start < 10000) await sleep(200);
      await sleep(300);
      let size = 'no file';
      try {
        const png = readPng(file);
        size = `${png.width}x${png.height}`;
      } catch (e) {
        size = e.message;
      }
      const message = (await state()).export.message;
      check(size === '1920x1080' && named === 'iran-dprk-map.png',
        'the export\'s PNG arrives as a download', `${size}; "${message}"`);
    }
  }

  // --- The globe without WEBGL_clip_cull_distance ----------------------------------------------
  {
    const globe = `?projection=globe&time=2006-10-09`;
    await load(globe, { world: false });
    await browser.screenshot(join(out, 'globe.png'));
    await browser.page('Page.addScriptToEvaluateOnNewDocument', { source: 'window.meridianNoClipDistance = true;' });
    const { state: fallback } = await load(globe, { world: false });
    await browser.screenshot(join(out, 'globe-fallback.png'));
    const a = readPng(join(out, 'globe.png')), b = readPng(join(out, 'globe-fallback.png'));
    const m = fallback.map;
    let differ = 0, total = 0;
    for (let y = Math.ceil(m.y); y < m.y + m.height; y += 2)
      for (let x = Math.ceil(m.x); x < m.x + m.width; x += 2) {
        const p = a.pixel(x, y), q = b.pixel(x, y);
        total++;
        if (p.some((v, i) => Math.abs(v - q[i]) > 24)) differ++;
      }
    check(fallback.mapError === '' && differ / total < 0.01,
      'the globe without WEBGL_clip_cull_distance looks the same (clip distance as a fragment discard)',
      `${(100 * differ / total).toFixed(2)}% of the map's pixels differ`);
  }

  const problems = browser.console.filter((l) => /exception|abort|error/i.test(l) && !/Could not load|HTTP 404/.test(l));
  check(problems.length === 0, 'no exception or error in the console', problems.join(' | '));
} catch (e) {
  check(false, 'the page ran', e.message);
} finally {
  await browser.close();
  server.close();
}
console.log(`page check: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
