// Opens every page of a site in Chromium (puppeteer-core) from file://,
// and reports, one line each: console errors, failed requests (a missing
// file, or anything from elsewhere), links that do not resolve, cards not
// reachable by keyboard, and axe-core's serious and critical violations.
// Prints "ok N pages" when all is well; exits 1 otherwise.
// usage: node browse.js CHROMIUM SITE_DIR SCREENSHOT.png
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const path = require('path');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

(async () => {
  const [chromium, dir, shot] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
  });
  const problems = [];
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  for (const name of pages) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`${name}: console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`${name}: request failed: ${r.url()}`));
    page.on('request', (r) => { if (!r.url().startsWith('file://')) problems.push(`${name}: loads from elsewhere: ${r.url()}`); });
    await page.goto('file://' + path.resolve(dir, name), { waitUntil: 'load' });
    // Every link to the site resolves, fragment included.
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) {
      const [file, frag] = href.split('#');
      const target = file ? path.resolve(dir, file) : path.resolve(dir, name);
      if (!fs.existsSync(target)) { problems.push(`${name}: link to a missing file: ${href}`); continue; }
      if (frag && !fs.readFileSync(target, 'utf8').includes(`id="${frag}"`))
        problems.push(`${name}: link to a missing id: ${href}`);
    }
    // Cards: focusable, and named.
    const cards = await page.$$eval('svg a[tabindex="0"]', (as) => as.map((a) => a.getAttribute('aria-label') || ''));
    if (name !== 'index.html' && (cards.length < 2 || cards.some((c) => !c.trim())))
      problems.push(`${name}: ${cards.length} focusable cards, or one without a name`);
    if (cards.length) {
      // The keyboard reaches a card: Tab until one has the focus.
      let focused = null;
      for (let k = 0; k < 40 && !focused; k++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => {
          const a = document.activeElement;
          return a && a.closest('svg') ? a.getAttribute('aria-label') : null;
        });
      }
      if (!focused) problems.push(`${name}: a card does not take the keyboard focus`);
    }
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        problems.push(`${name}: axe ${v.impact}: ${v.id} (${v.nodes.length}): ${v.help}`);
    if (name === 'index.html' && shot) await page.screenshot({ path: shot, fullPage: false });
    await page.close();
  }
  await browser.close();
  for (const p of problems) console.log(p);
  if (problems.length) process.exit(1);
  console.log(`ok ${pages.length} pages`);
})().catch((e) => { console.log(`browser test could not run: ${e.message}`); process.exit(2); });
