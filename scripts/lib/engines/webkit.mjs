// WebKit (WebKitGTK, the engine code Safari shares) driven over W3C WebDriver
// with plain fetch: Debian's WebKitWebDriver starts our small WebKitGTK shell
// (webkit-shell.py) on an Xvfb display.  The shell writes the engine's console
// to a file, which is how console errors are read here: WebKitWebDriver has
// no BiDi and no log endpoint.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startXvfb, stopProcess } from './xvfb.mjs';
import { removeProfile } from './profile.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHELL = path.join(here, 'webkit-shell.py');
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';  // the W3C web element identifier
export const KEY = { tab: '\uE004', control: '\uE009' };

/** The WebKitGTK version, as the library's package states it (no browser start). */
export function webkitVersion() {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).replace(/-.*/, '');
  } catch { return 'unknown'; }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/**
 * Parses the engine's console file: "[<url>:<line>:<col>: ]CONSOLE [SOURCE] LEVEL text".
 * A message may run over several lines (a stack); continuation lines join it.
 */
export function parseConsole(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const m = line.match(/^(?:(.*?): )?CONSOLE (?:([A-Z]+) )?(ERROR|WARN|WARNING|LOG|INFO|DEBUG) (.*)$/);
    if (m) out.push({ level: m[3] === 'WARNING' ? 'warn' : m[3].toLowerCase(), source: (m[2] || 'JS').toLowerCase(), where: m[1] || '', text: m[4] });
    else if (out.length && line && !/^\S+: |^\(|^Gtk|^\*\*/.test(line)) out[out.length - 1].text += '\n' + line;
  }
  return out;
}

/** The shell needs WebKitGTK's Python bindings: say so plainly, rather than let the driver wait. */
function checkShell() {
  try {
    execFileSync('/usr/bin/python3', ['-c', "import gi; gi.require_version('Gtk', '3.0'); gi.require_version('WebKit2', '4.1')"],
      { stdio: 'pipe' });
  } catch (e) {
    throw new Error(`webkit: the test shell cannot load WebKitGTK (packages python3-gi and gir1.2-webkit2-4.1; run scripts/setup): ${String(e.stderr || e.message).trim().split('\n').pop()}`);
  }
}

/** Ends the helpers if this process is stopped before close(): a crash, a timeout, Ctrl-C. */
function killOnExit(pids, profile) {
  const kill = () => {
    for (const pid of pids) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    removeProfile(profile);
  };
  const onSignal = (sig) => { kill(); process.exit(sig === 'SIGINT' ? 130 : 143); };
  process.once('exit', kill);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.removeListener('exit', kill);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  };
}

export async function launchWebKit() {
  checkShell();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'livermets-webkit-'));
  const consoleFile = path.join(profile, 'console.log');
  const printDir = path.join(profile, 'print');
  fs.mkdirSync(printDir);
  fs.writeFileSync(consoleFile, '');
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    env: {
      ...process.env, DISPLAY: xvfb.display,
      LIVERMETS_WEBKIT_PROFILE: profile, LIVERMETS_WEBKIT_CONSOLE: consoleFile, LIVERMETS_WEBKIT_PRINT_TO: printDir,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let driverLog = '';
  driver.stderr.on('data', (b) => { driverLog += b; });
  const base = `http://127.0.0.1:${port}`;
  const forget = killOnExit([driver.pid, xvfb.pid], profile);
  const stop = async () => {
    forget();
    await stopProcess(driver);
    await xvfb.stop();
    removeProfile(profile);
  };
  try {
    for (let i = 0; ; i += 1) {
      try { if ((await fetch(base + '/status')).ok) break; } catch { /* not listening yet */ }
      if (i > 200 || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start: ${driverLog.trim()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const call = async (method, route, body) => {
      const res = await fetch(base + route, {
        method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`WebDriver ${method} ${route}: ${json.value?.error}: ${json.value?.message}`);
      return json.value;
    };
    const session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'livermets-webkit',
          'webkitgtk:browserOptions': { binary: SHELL, args: ['--automation'] },
        },
      },
    }).catch((e) => {
      // the shell's own complaint (a missing package, say) is in its console file
      throw new Error(`${e.message}\n${fs.readFileSync(consoleFile, 'utf8').slice(-2000)}`);
    });
    const s = (route) => `/session/${session.sessionId}${route}`;
    const find = async (selector) => (await call('POST', s('/element'), { using: 'css selector', value: selector }))[ELEMENT];
    let consoleRead = 0;
    const page = {
      async goto(url) { await call('POST', s('/url'), { url }); },
      async reload() { await call('POST', s('/refresh'), {}); },
      async click(selector) {
        await call('POST', s(`/element/${await find(selector)}/click`), {}).catch((e) => { throw new Error(`click on ${selector}: ${e.message}`); });
      },
      /** Picks an option of a <select>: WebDriver clicks the option itself. */
      async select(selector, value) {
        await this.click(`${selector} option[value="${value}"]`);
      },
      async type(selector, text) {
        const id = await find(selector);
        await call('POST', s(`/element/${id}/click`), {});
        // select what is there (Ctrl+A), type over it, leave with Tab: what a person does
        await call('POST', s('/actions'), { actions: [{ type: 'key', id: 'kb', actions: [
          { type: 'keyDown', value: KEY.control }, { type: 'keyDown', value: 'a' }, { type: 'keyUp', value: 'a' }, { type: 'keyUp', value: KEY.control },
          ...[...String(text)].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]),
          { type: 'keyDown', value: KEY.tab }, { type: 'keyUp', value: KEY.tab },
        ] }] });
        await call('DELETE', s('/actions'));
      },
      /** Runs fn(...args) in the page (a promise is awaited); JSON in, JSON out. */
      async evaluate(fn, ...args) {
        return call('POST', s('/execute/async'), {
          script: `const done = arguments[arguments.length - 1];
            Promise.resolve().then(() => (${fn}).apply(null, Array.from(arguments).slice(0, -1)))
              .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: e && e.message ? e.name + ': ' + e.message : String(e) }));`,
          args,
        }).then((r) => { if (r && 'error' in r) throw new Error('in the page: ' + r.error); return r.ok; });
      },
      async setViewport(width, height) {
        await call('POST', s('/window/rect'), { width, height });
      },
      async screenshot(file) {
        fs.writeFileSync(file, Buffer.from(await call('GET', s('/screenshot')), 'base64'));
      },
      /** The console messages logged since the last call. */
      takeConsole() {
        const all = parseConsole(fs.readFileSync(consoleFile, 'utf8'));
        const fresh = all.slice(consoleRead);
        consoleRead = all.length;
        return fresh;
      },
      /** Prints the page through WebKit's print path (the shell prints on SIGUSR1; see webkit-shell.py). */
      async pdf() {
        const before = fs.readdirSync(printDir).filter((f) => f.endsWith('.pdf')).length;
        process.kill(Number(fs.readFileSync(path.join(profile, 'shell.pid'), 'utf8')), 'SIGUSR1');
        const target = path.join(printDir, `print-${before + 1}.pdf`);
        for (let i = 0; !fs.existsSync(target); i += 1) {
          if (fs.existsSync(target + '.failed')) throw new Error('WebKit could not print: ' + fs.readFileSync(target + '.failed', 'utf8'));
          if (i > 300) throw new Error('WebKit did not print (no PDF after 30 s)');
          await new Promise((r) => setTimeout(r, 100));
        }
        return fs.readFileSync(target);
      },
    };
    return {
      name: 'webkit',
      label: `WebKitGTK ${session.capabilities.browserVersion || webkitVersion()}`,
      page,
      async close() {
        await call('DELETE', s('')).catch(() => {});
        await stop();
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
