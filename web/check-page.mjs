// Checks the built page in headless Chromium (Debian's chromium, software WebGL2),
// as a person would see it:
//   - the page's own report (#status): no error, the font from the data bundle,
//     a WebGL2 context, the app's five map shader programs built as GLSL ES 3.00, the curated dataset read by the model, the 1:110m world
//     triangulated, the 1:10m world fetched lazily and triangulated in a worker;
//   - pixels of a screenshot: the clear colour, the quad drawn by a GLSL ES 3.00
//     shader in the canvas's centre, the ImGui window's background;
//   - idle: animation frames go on but nothing is drawn while nothing changes;
//   - input: a key press reaches the page through SDL's event queue and redraws;
//   - files: one dropped on the canvas and one chosen in the file picker are opened,
//     a damaged one is refused with its line and column, a download is saved.
// Prints the time to the first frame and to the 1:10m world (wall clock, this machine).
// Usage: node web/check-page.mjs SITE_DIR OUT_DIR "PNG_PROBE_COMMAND"
import { execSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Chromium } from './chromium.mjs';
import { serve } from './serve.mjs';

const [site, out, probe] = process.argv.slice(2);
if (!probe) {
  console.error('usage: node web/check-page.mjs SITE_DIR OUT_DIR "PNG_PROBE_COMMAND"');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let passed = 0;
let failed = 0;
function check(ok, what, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`page check: ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ': ' + detail : ''}`);
}

const server = await serve(site, 0);
const url = `http://127.0.0.1:${server.address().port}/index.html`;
const browser = await Chromium.launch({ width: 800, height: 600, log: (t) => appendFileSync(join(out, 'chromium.log'), t) });
try {
  const started = Date.now();
  await browser.open(url);
  const firstFrameMs = await browser.waitFor('window.meridianFirstFrameMs', 60000, 'the first frame');
  const status = await browser.waitFor(
    `(s => /triangles \\(in a worker\\)|error/.test(s) && s)(document.getElementById('status').textContent)`, 120000,
    'the 1:10m world (or an error)');
  const fineMs = Date.now() - started;
  console.log(`page check: status: ${status}`);
  console.log(`page check: first frame ${Math.round(firstFrameMs)} ms after navigation; 1:10m world in ${fineMs} ms`);

  check(!/error/.test(status), 'no error reported');
  check(/font=ok/.test(status), 'the font from the data bundle');
  check(/webgl2=yes/.test(status), 'a WebGL2 context');
  const shaders = /app shaders: (\d+) of (\d+) linked/.exec(status);
  check(shaders && shaders[1] === shaders[2], "the app's map shaders compile and link as GLSL ES 3.00",
    (/app shaders: ([^|]*)/.exec(status) ?? [])[1]);
  const events = Number((/dataset: (\d+) events/.exec(status) ?? [])[1] ?? 0);
  check(events > 0, 'the curated dataset read by the model', `${events} events`);
  const coarse = Number((/1:110m: (\d+) countries/.exec(status) ?? [])[1] ?? 0);
  check(coarse > 0, 'the 1:110m world from the data bundle', `${coarse} countries`);
  const fine = Number((/1:10m: (\d+) countries, (\d+) triangles \(in a worker\)/.exec(status) ?? [])[1] ?? 0);
  check(fine > coarse, 'the 1:10m world fetched lazily and triangulated in a worker', `${fine} countries`);

  // Pixels (colours as in web/smoke/smoke_page.cpp).
  const png = join(out, 'page.png');
  await browser.screenshot(png);
  const run = (args) => execSync(`${probe} ${args}`, { encoding: 'utf8' }).trim();
  const [width, height] = run(`size ${png}`).split(' ').map(Number);
  const expect = (x, y, rgb, what) => {
    const n = Number(run(`count ${png} ${x - 2} ${y - 2} ${x + 3} ${y + 3} ${rgb} 8`));
    check(n === 25, `${what} at (${x}, ${y}) is #${rgb}`, n === 25 ? '' : `${n} of 25 pixels; pixel ${run(`pixel ${png} ${x} ${y}`)}`);
  };
  expect(width >> 1, height >> 1, 'ff8000', 'the GLSL ES 3.00 quad');
  expect(width - 20, 20, '1a1a1e', 'the clear colour');
  expect(100, 140, '005ac8', "the ImGui window's background");

  // Idle: a second with nothing happening draws nothing (animation frames still tick).
  const before = await browser.evaluate('window.meridianFrames');
  await new Promise((r) => setTimeout(r, 1000));
  const after = await browser.evaluate('window.meridianFrames');
  check(after.callbacks > before.callbacks && after.drawn === before.drawn, 'idle: no frame drawn in 1 s',
    `${after.callbacks - before.callbacks} animation frames, ${after.drawn - before.drawn} drawn`);

  // Input: a key press goes through SDL's event queue and redraws.
  await browser.evaluate("document.getElementById('canvas').focus()");
  await browser.press('PageDown', 'PageDown', 34);
  const redrawn = await browser.waitFor(`window.meridianFrames.drawn > ${after.drawn}`, 10000, 'a redraw').catch(() => false);
  check(redrawn, 'a key press (PageDown) reaches the page and redraws');

  // A file dropped on the canvas arrives as SDL_DROPFILE and the model opens it.
  const statusNow = () => browser.evaluate("document.getElementById('status').textContent");
  await browser.dropFile('#canvas', 'small.json', readFileSync(join(root, 'tests/data/small.json'), 'utf8'));
  const dropped = await browser.waitFor(
    `(s => /opened: small\\.json: /.test(s) && s)(document.getElementById('status').textContent)`, 10000,
    'the dropped file').catch(() => statusNow());
  const droppedEvents = Number((/opened: small\.json: (\d+) events/.exec(dropped) ?? [])[1] ?? 0);
  check(droppedEvents > 0, 'a file dropped on the canvas is opened', (/opened: ([^|]*)/.exec(dropped) ?? [])[1]);

  // A damaged file: the page stays up and says where the problem is (file:line:column).
  await browser.dropFile('#canvas', 'impossible-date.json',
    readFileSync(join(root, 'tests/data/bad/impossible-date.json'), 'utf8'));
  const bad = await browser.waitFor(
    `(s => /opened: impossible-date\\.json: /.test(s) && s)(document.getElementById('status').textContent)`, 10000,
    'the damaged file').catch(() => statusNow());
  check(/opened: impossible-date\.json: error: \/uploads\/impossible-date\.json:\d+:\d+: /.test(bad),
    'a damaged file is refused with file, line and column', (/opened: ([^|]*)/.exec(bad) ?? [])[1]);

  // The file picker (key O), answered as a person choosing the curated file.
  await browser.page('Page.setInterceptFileChooserDialog', { enabled: true });
  const chooser = browser.nextEvent('Page.fileChooserOpened', 10000);
  await browser.press('o', 'KeyO', 79);
  const picked = await chooser.then(async ({ backendNodeId }) => {
    await browser.page('DOM.setFileInputFiles', { files: [join(root, 'data/iran-dprk.json')], backendNodeId });
    return browser.waitFor(
      `(s => /opened: iran-dprk\\.json: /.test(s) && s)(document.getElementById('status').textContent)`, 10000,
      'the picked file');
  }).catch((e) => e.message);
  check(/opened: iran-dprk\.json: \d+ events/.test(picked), 'a file chosen in the file picker is opened',
    (/opened: ([^|]*)/.exec(picked) ?? [picked])[1] ?? picked);

  // A download (key D): a file of the wasm file system saved by the browser.
  const downloads = join(out, 'downloads');
  rmSync(downloads, { recursive: true, force: true });
  mkdirSync(downloads, { recursive: true });
  await browser.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await browser.press('d', 'KeyD', 68);
  const downloaded = join(downloads, 'meridian-check.txt');
  const saved = await new Promise((resolve) => {
    const start = Date.now();
    const poll = () => {
      const text = existsSync(downloaded) ? readFileSync(downloaded, 'utf8') : '';
      if (text.includes('events') || Date.now() - start > 10000) resolve(text);
      else setTimeout(poll, 100);
    };
    poll();
  });
  check(/^\d+ events, /.test(saved), 'a file offered as a download is saved', saved.trim());

  const problems = browser.console.filter((l) => /exception|error|abort/i.test(l));
  check(problems.length === 0, 'no exception or error in the console', problems.join(' | '));
} catch (e) {
  check(false, 'the page ran', e.message);
} finally {
  await browser.close();
  server.close();
}
console.log(`page check: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
