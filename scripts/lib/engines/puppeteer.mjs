// Chromium and Firefox ESR through puppeteer-core (never a downloaded
// browser): Debian's /usr/bin/chromium over the DevTools protocol, Debian's
// /usr/bin/firefox-esr over WebDriver BiDi, which Firefox speaks by itself
// (there is no geckodriver in Debian).  Each launch gets a fresh profile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';
import { removeProfile } from './profile.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(repoRoot, 'package.json'));
export const FIREFOX = process.env.LIVERMETS_FIREFOX || '/usr/bin/firefox-esr';

const ENGINES = {
  chromium: { browser: 'chrome', executablePath: CHROMIUM, args: CHROMIUM_ARGS.filter((a) => a !== '--headless') },
  firefox: { browser: 'firefox', executablePath: FIREFOX, args: [] },
};

/** Launches `name` ('chromium' or 'firefox'); resolves to {name, label, page, close()}. */
export async function launchPuppeteer(name) {
  const puppeteer = require('puppeteer-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), `livermets-${name}-`));
  const { browser: kind, executablePath, args } = ENGINES[name];
  const browser = await puppeteer.launch({
    browser: kind, executablePath, args, headless: true, userDataDir: profile,
    defaultViewport: { width: 1366, height: 900 },
  });
  const tab = await browser.newPage();
  const messages = [];
  tab.on('console', (m) => messages.push({ level: m.type() === 'warning' ? 'warn' : m.type(), source: 'console', where: m.location()?.url || '', text: m.text() }));
  tab.on('pageerror', (e) => messages.push({ level: 'error', source: 'page', where: '', text: String(e && e.message || e) }));
  const page = {
    async goto(url) { await tab.goto(url); },
    async reload() { await tab.reload(); },
    async click(selector) { await tab.click(selector); },
    async select(selector, value) { await tab.select(selector, value); },
    async type(selector, text) {
      await tab.click(selector);
      // select what is there, type over it, leave with Tab: what a person does
      await tab.keyboard.down('Control');
      await tab.keyboard.press('a');
      await tab.keyboard.up('Control');
      await tab.keyboard.type(String(text));
      await tab.keyboard.press('Tab');
    },
    evaluate(fn, ...args) { return tab.evaluate(fn, ...args); },
    async setViewport(width, height) { await tab.setViewport({ width, height }); },
    async screenshot(file) { await tab.screenshot({ path: file }); },
    takeConsole() { return messages.splice(0); },
    /** Headless browsers have no print dialog: print the page to PDF over the protocol. */
    async pdf() { return Buffer.from(await tab.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false })); },
  };
  return {
    name,
    label: `${(await browser.version()).replace(/^(Headless)?Chrome\//, 'Chromium ').replace(/^firefox\//, 'Firefox ESR ')} (${browser.protocol})`,
    page,
    async close() {
      await browser.close().catch(() => {});
      removeProfile(profile);
    },
  };
}
