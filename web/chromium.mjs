// Drives Debian's headless Chromium through the DevTools protocol over a pipe
// (--remote-debugging-pipe: no port, no WebSocket, no npm package), for the
// page checks: open a URL, evaluate JavaScript, wait for a condition, take a
// screenshot, send mouse and key events.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class Chromium {
  static async launch({ width = 800, height = 600, executable = '/usr/bin/chromium', log = null } = {}) {
    const profile = mkdtempSync(join(tmpdir(), 'meridian-chromium-'));
    // Offline and quiet, a fresh profile each run; SwiftShader gives WebGL2 without a GPU.
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`, `--window-size=${width},${height}`, '--remote-debugging-pipe', 'about:blank'];
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', log ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (log) child.stderr.on('data', (d) => log(d.toString()));
    const browser = new Chromium(child, profile);
    const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    browser.session = sessionId;
    await browser.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false },
      sessionId);
    await browser.send('Page.enable', {}, sessionId);
    await browser.send('Runtime.enable', {}, sessionId);
    return browser;
  }

  constructor(child, profile) {
    this.child = child;
    this.profile = profile;
    this.nextId = 1;
    this.pending = new Map();
    this.console = [];
    this.eventWaiters = [];  // {method, resolve}
    let buffer = '';
    child.stdio[4].on('data', (chunk) => {
      buffer += chunk.toString();
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
        this.receive(message);
      }
    });
    child.on('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`chromium exited (${code})`));
      this.pending.clear();
    });
  }

  receive(message) {
    if (message.id && this.pending.has(message.id)) {
      const { resolve, reject, method } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else if (message.method && this.eventWaiters.some((w) => w.method === message.method)) {
      const i = this.eventWaiters.findIndex((w) => w.method === message.method);
      this.eventWaiters.splice(i, 1)[0].resolve(message.params);
    } else if (message.method === 'Runtime.consoleAPICalled') {
      this.console.push(message.params.args.map((a) => a.value ?? a.description ?? '').join(' '));
    } else if (message.method === 'Runtime.exceptionThrown') {
      this.console.push('exception: ' + message.params.exceptionDetails.text + ' ' +
        (message.params.exceptionDetails.exception?.description ?? ''));
    }
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.child.stdio[3].write(JSON.stringify(message) + '\0');
    });
  }

  page(method, params = {}) { return this.send(method, params, this.session); }

  async open(url) { await this.page('Page.navigate', { url }); }

  // The value of a JavaScript expression in the page.
  async evaluate(expression) {
    const r = await this.page('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.text}`);
    return r.result.value;
  }

  // Polls EXPRESSION until it is truthy; returns its value, or throws after timeoutMs.
  async waitFor(expression, timeoutMs, what = expression) {
    const start = Date.now();
    for (;;) {
      const value = await this.evaluate(expression).catch(() => undefined);
      if (value) return value;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // The next event METHOD (e.g. "Page.fileChooserOpened"): its params, or throws after timeoutMs.
  nextEvent(method, timeoutMs) {
    return new Promise((resolve, reject) => {
      const waiter = { method, resolve };
      this.eventWaiters.push(waiter);
      setTimeout(() => {
        const i = this.eventWaiters.indexOf(waiter);
        if (i >= 0) {
          this.eventWaiters.splice(i, 1);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`));
        }
      }, timeoutMs);
    });
  }

  // Drops a file (NAME with TEXT) on the element SELECTOR, as a person dragging it from the desktop would.
  async dropFile(selector, name, text) {
    await this.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' }));
      const target = document.querySelector(${JSON.stringify(selector)});
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      return true;
    })()`);
  }

  async screenshot(file) {
    const { data } = await this.page('Page.captureScreenshot', { format: 'png' });
    writeFileSync(file, Buffer.from(data, 'base64'));
  }

  async click(x, y) {
    for (const type of ['mousePressed', 'mouseReleased'])
      await this.page('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
  }

  // key: a DOM key name ("PageDown", " ") with its code ("PageDown", "Space") and keyCode (34, 32).
  async press(key, code, keyCode) {
    for (const type of ['rawKeyDown', 'keyUp'])
      await this.page('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: keyCode });
  }

  async close() {
    try { await this.send('Browser.close'); } catch { /* already gone */ }
    await new Promise((r) => (this.child.exitCode !== null ? r() : this.child.on('exit', r)));
    rmSync(this.profile, { recursive: true, force: true });
  }
}
