// Drives the survey widget on survey-service's demo page in Debian's headless Chromium, against a running service:
//   SURVEY_BASE_URL=http://127.0.0.1:8082 SURVEY_API_KEY=dev-key node widget.test.mjs
// Creates its own invitations through the API (unique ticket ids per run), so it can run against any database.
// Optional: CHROMIUM (default /usr/bin/chromium), SURVEY_SCREENSHOTS=<folder> to keep a picture of each page.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const base = requiredUrl('SURVEY_BASE_URL');
const apiKey = process.env.SURVEY_API_KEY || stop('SURVEY_API_KEY is not set');
const screenshots = process.env.SURVEY_SCREENSHOTS;
// Ticket ids are unique per run; a caller that passes SURVEY_RUN_ID knows them too (W-<run>-csat, ...).
const run = process.env.SURVEY_RUN_ID || `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const ENGLISH_CSAT = 'How satisfied are you with the support you received?';
const TIMEOUT = 10_000;

const requested = []; // every URL any page asked for, to prove nothing came from elsewhere
const results = [];

function stop(message) {
  console.error(`widget browser test: ${message}`);
  process.exit(2);
}

function requiredUrl(name) {
  const value = process.env[name] || stop(`${name} is not set`);
  return new URL(value.endsWith('/') ? value : `${value}/`);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  assert(a === e, `${what}: expected ${e}, got ${a}`);
}

async function api(method, path, body, trusted = false) {
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (trusted) headers.Authorization = `Bearer ${apiKey}`;
  const res = await fetch(new URL(path, base), { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, text };
}

async function invitation(fields) {
  const res = await api('POST', 'v1/invitations', fields, true);
  assert(res.status === 201, `POST /v1/invitations ${JSON.stringify(fields)} answered ${res.status}: ${res.text}`);
  return res.json;
}

async function storedResponse(invitationId) {
  const res = await api('GET', `v1/invitations/${invitationId}`, null, true);
  assert(res.status === 200, `GET /v1/invitations/${invitationId} answered ${res.status}: ${res.text}`);
  return res.json.response;
}

// What the widget should show: the survey as the API answers it for the same browser locale.
async function survey(token, browserLocale) {
  const res = await api('GET', `v1/surveys/${encodeURIComponent(token)}?locale=${encodeURIComponent(browserLocale)}`);
  assert(res.status === 200, `GET /v1/surveys/{token} answered ${res.status}: ${res.text}`);
  return res.json;
}

// Polls until read() returns what is expected; on time-out the error shows the last value seen.
async function until(read, expected, what) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  for (;;) {
    last = await read().catch((e) => `<${e.message.split('\n')[0]}>`);
    if (last === expected) return;
    if (Date.now() > deadline) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function check(name, body) {
  try {
    await body();
    results.push(true);
    console.log(`PASS ${name}`);
  } catch (e) {
    results.push(false);
    console.log(`FAIL ${name}\n     ${e.message.replaceAll('\n', '\n     ')}`);
  }
}

const demo = (...tokens) => new URL(`demo/?${tokens.map((t) => `token=${encodeURIComponent(t)}`).join('&')}`, base).href;
const widgets = (page) => page.locator('.sp-survey');
const status = (widget) => widget.getByRole('status').textContent().then((t) => t.trim());

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}).catch((e) => stop(`could not start Chromium (${executablePath}; apt-get install chromium): ${e.message}`));

// A page in a fresh context with the given browser language; its requests and uncaught errors are recorded.
async function open(url, locale, name) {
  const context = await browser.newContext({ locale, viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.errors = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.shot = async (suffix = '') => {
    if (!screenshots) return;
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, `${name}${suffix}.png`), fullPage: true });
  };
  if (url) await page.goto(url);
  return page;
}

async function close(page) {
  await page.shot();
  const errors = page.errors;
  await page.context().close();
  assert(errors.length === 0, `uncaught errors on the page: ${errors.join('; ')}`);
}

try {
  const csat = await invitation({ kind: 'CSAT', ticketId: `W-${run}-csat`, locale: 'sv' });
  const nps = await invitation({ kind: 'NPS', ticketId: `W-${run}-nps` });
  const expired = await invitation({ kind: 'CSAT', ticketId: `W-${run}-expired`,
    sentAt: '2020-01-01T00:00:00Z', expiresAt: '2020-01-02T00:00:00Z' });
  const answered = await invitation({ kind: 'CES', ticketId: `W-${run}-answered`, locale: 'no' });
  const first = await api('POST', `v1/surveys/${answered.token}/responses`, { score: 6 });
  assert(first.status === 201, `answering through the API answered ${first.status}: ${first.text}`);
  const raced = await invitation({ kind: 'CSAT', ticketId: `W-${run}-raced`, locale: 'en' });
  const flaky = await invitation({ kind: 'CSAT', ticketId: `W-${run}-flaky`, locale: 'de' });

  await check('a Swedish CSAT survey renders its question, 1..5 buttons and end labels in Swedish '
      + '(the invitation\'s locale wins over an English browser)', async () => {
    const expected = await survey(csat.token, 'en-US');
    assertEqual(expected.locale, 'sv', 'locale the API chose');
    assert(expected.question !== ENGLISH_CSAT, `the API's question is not Swedish: ${expected.question}`);
    const page = await open(demo(csat.token), 'en-US', 'csat-sv');
    const widget = widgets(page).first();
    const group = widget.getByRole('group', { name: expected.question });
    await group.waitFor();
    const names = await group.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') || b.textContent));
    assertEqual(names, [`1 – ${expected.lowLabel}`, '2', '3', '4', `5 – ${expected.highLabel}`], 'button names');
    assertEqual(await widget.locator('.sp-survey__low').textContent(), expected.lowLabel, 'visible low label');
    assertEqual(await widget.locator('.sp-survey__high').textContent(), expected.highLabel, 'visible high label');
    assert(await widget.locator('.sp-survey__low').isVisible(), 'low label is not visible');
    assertEqual(await widget.getAttribute('lang'), 'sv', 'widget lang attribute');
    await page.shot('-before');

    await widget.getByRole('button', { name: '4', exact: true }).click();
    await until(() => status(widget), 'Tack för ditt svar!', 'thank-you message');
    assertEqual(await widget.getByRole('button').count(), 0, 'buttons left after answering');
    await close(page);
  });

  await check('the click on 4 is stored: GET /v1/invitations/{id} has response score 4', async () => {
    const response = await storedResponse(csat.id);
    assert(response, 'the invitation has no response');
    assertEqual(response.score, 4, 'stored score');
  });

  await check('an NPS survey without a locale uses the browser\'s (German) and shows 11 buttons 0..10, '
      + 'answerable with the keyboard with a visible focus', async () => {
    const expected = await survey(nps.token, 'de-DE');
    assertEqual(expected.locale, 'de', 'locale the API chose for a de-DE browser');
    const page = await open(demo(nps.token), 'de-DE', 'nps-de');
    const widget = widgets(page).first();
    const group = widget.getByRole('group', { name: expected.question });
    await group.waitFor();
    const texts = await group.getByRole('button').allTextContents();
    assertEqual(texts, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], 'NPS buttons');

    // Tab from the page start reaches the first score; arrows are not needed: buttons are in tab order.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      const style = getComputedStyle(e);
      return { name: e.getAttribute('aria-label') || e.textContent, outline: style.outlineStyle, width: style.outlineWidth };
    });
    assertEqual(focused.name, `0 – ${expected.lowLabel}`, 'first Tab stop');
    assert(focused.outline !== 'none' && parseFloat(focused.width) >= 2, `focus is not visible: ${JSON.stringify(focused)}`);
    await group.getByRole('button', { name: '9', exact: true }).focus();
    await page.keyboard.press('Enter');
    await until(() => status(widget), 'Vielen Dank für Ihr Feedback!', 'thank-you message');
    await until(() => page.evaluate(() => document.activeElement.className), 'sp-survey__msg', 'focus after answering');
    assertEqual((await storedResponse(nps.id) || {}).score, 9, 'stored NPS score');
    await close(page);
  });

  await check('three widgets on one page each handle their own token: expired, already answered, unknown link',
      async () => {
    const page = await open(demo(expired.token, answered.token, `forged-${run}`), 'hr-HR', 'states');
    await until(() => widgets(page).count(), 3, 'widgets on the page');
    // The expired and unknown tokens never learn a locale, so they speak the browser's language (Croatian); the
    // answered survey speaks its invitation's ("no", Norwegian bokmål).
    await until(() => status(widgets(page).nth(0)), 'Anketa je istekla.', 'expired widget');
    await until(() => status(widgets(page).nth(1)), 'Du har allerede svart på undersøkelsen. Takk!', 'answered widget');
    await until(() => status(widgets(page).nth(2)), 'Poveznica na anketu nije valjana.', 'unknown-token widget');
    assertEqual(await page.locator('.sp-survey button:visible').count(), 0, 'buttons offered in final states');
    assertEqual((await storedResponse(answered.id) || {}).score, 6, 'the answered invitation\'s score');
    await close(page);
  });

  await check('answering a survey that was answered meanwhile (409) says so and keeps the first answer', async () => {
    const page = await open(demo(raced.token), 'en-US', 'raced');
    const widget = widgets(page).first();
    await widget.getByRole('button', { name: '5 – ', exact: false }).waitFor();
    const other = await api('POST', `v1/surveys/${raced.token}/responses`, { score: 2 });
    assertEqual(other.status, 201, 'answer through the API');
    await widget.getByRole('button', { name: /^5/ }).click();
    await until(() => status(widget), 'You have already answered this survey. Thank you!', 'message after 409');
    assertEqual((await storedResponse(raced.id) || {}).score, 2, 'stored score');
    await close(page);
  });

  await check('a network failure, a 429 and a 503 each offer "try again", which retries and then works', async () => {
    const page = await open(null, 'sv-SE', 'retry');
    const surveyUrl = new URL(`v1/surveys/${flaky.token}`, base).href;
    let gets = 0;
    await page.route((url) => url.href.startsWith(`${surveyUrl}?`), (route) => {
      gets += 1;
      if (gets === 1) return route.abort('internetdisconnected');
      if (gets === 2) {
        return route.fulfill({ status: 429, headers: { 'Retry-After': '1' }, contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'slow down' }) });
      }
      return route.continue();
    });
    let posts = 0;
    await page.route(`${surveyUrl}/responses`, (route) => {
      posts += 1;
      return posts === 1
        ? route.fulfill({ status: 503, contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'db down' }) })
        : route.continue();
    });
    await page.goto(demo(flaky.token));
    const widget = widgets(page).first();
    // Before the survey answers, the widget speaks the browser's language (Swedish).
    await until(() => status(widget), 'Kunde inte nå enkäten. Försök igen.', 'message after a network failure');
    await widget.getByRole('button', { name: 'Försök igen' }).click();
    await until(() => status(widget), 'För många försök. Vänta en stund och försök igen.', 'message after 429');
    await widget.getByRole('button', { name: 'Försök igen' }).click(); // appears once Retry-After has passed
    const expected = await survey(flaky.token, 'sv-SE');
    await widget.getByRole('group', { name: expected.question }).waitFor();
    await widget.getByRole('button', { name: '3', exact: true }).click();
    await until(() => status(widget), 'Die Umfrage ist nicht erreichbar. Bitte versuchen Sie es erneut.',
      'message after a 503 (in the invitation\'s German)');
    await widget.getByRole('button', { name: 'Erneut versuchen' }).click();
    await until(() => status(widget), 'Vielen Dank für Ihr Feedback!', 'thank-you after retrying');
    assertEqual([gets, posts], [3, 2], 'requests (GETs, POSTs) the widget made');
    assertEqual((await storedResponse(flaky.id) || {}).score, 3, 'stored score');
    await close(page);
  });

  await check('server text is shown as text, never as markup', async () => {
    const page = await open(null, 'en-US', 'escaping');
    const markup = '<img src="x" onerror="window.pwned=1"><b>bold</b>';
    await page.route((url) => url.pathname.startsWith('/v1/surveys/'), (route) => route.fulfill({
      status: 200, contentType: 'application/json',
      body: JSON.stringify({ kind: 'CSAT', question: markup, scale: { min: 1, max: 5 }, lowLabel: markup,
        highLabel: '<i>x</i>', locale: 'en', answered: false, expiresAt: '2099-01-01T00:00:00Z' }),
    }));
    await page.goto(demo(`escaping-${run}`));
    const widget = widgets(page).first();
    await widget.getByRole('group', { name: markup }).waitFor();
    assertEqual(await widget.locator('img, b, i').count(), 0, 'elements made from server text');
    assertEqual(await widget.locator('.sp-survey__low').textContent(), markup, 'low label text');
    assertEqual(await page.evaluate(() => window.pwned), undefined, 'window.pwned');
    await close(page);
  });

  await check('the demo page without a token says how to get one', async () => {
    const page = await open(new URL('demo/', base).href, 'en-US', 'no-token');
    assert(await page.getByText('No token in the address').isVisible(), 'no instructions shown');
    assert((await page.locator('#curl').textContent()).includes(new URL('v1/invitations', base).href),
      'the instructions do not name this service\'s invitation endpoint');
    await close(page);
  });

  await check('the pages loaded nothing from any other origin', async () => {
    const foreign = requested.filter((u) => !u.startsWith('data:') && new URL(u).origin !== base.origin);
    assertEqual(foreign, [], 'requests to other origins');
    assert(requested.some((u) => u === new URL('widget.js', base).href), 'widget.js was never requested');
  });
} catch (e) {
  results.push(false);
  console.log(`FAIL setting up: ${e.stack || e.message}`);
} finally {
  await browser.close();
}

const failed = results.filter((ok) => !ok).length;
console.log(failed === 0
  ? `widget browser test: all ${results.length} checks passed`
  : `widget browser test: ${failed} of ${results.length} checks failed`);
process.exit(failed === 0 ? 0 : 1);
