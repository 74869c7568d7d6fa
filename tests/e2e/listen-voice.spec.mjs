// Listen against a real speech engine, not a double: Chromium with --enable-speech-dispatcher
// speaks through speech-dispatcher + espeak-ng into PulseAudio's null sink (make browser-tools
// installs them, make test-e2e starts PulseAudio). The engine's own start/end events must drive
// the player: the highlight moves from the headline to the standfirst only when the engine says
// the headline has been spoken. A spy (not a replacement) records which voice each utterance got.
import { test, expect, openPage, clientRendered } from './fixtures.mjs';
import { ArticlePage, articleSource } from './pages/article.mjs';
import { chromiumArgs } from './playwright.config.mjs';

const SLUG = 'coalition-talks-stall-over-budget-rules';

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [...chromiumArgs, '--enable-speech-dispatcher'],
  },
});

// Speech is one engine per machine: one project, one test at a time.
test.describe.configure({ mode: 'serial' });
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the engine is the same for every viewport');
});

/** Records what the app hands the real engine, then lets the engine speak it. */
const spy = () => {
  window.__utterances = [];
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (u) => {
    const entry = { text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null, started: false, ended: false };
    window.__utterances.push(entry);
    u.addEventListener('start', () => { entry.started = true; });
    u.addEventListener('end', () => { entry.ended = true; });
    speak(u);
  };
};

const utterances = (page) => page.evaluate(() => window.__utterances);

async function voicesReady(page) {
  await page.waitForFunction(() => speechSynthesis.getVoices().length > 0, null, { timeout: 15_000 })
    .catch(() => { throw new Error('the speech engine lists no voices: is speech-dispatcher installed (make browser-tools)?'); });
}

test('the engine has Arabic, Spanish and English voices', async ({ page }) => {
  await openPage(page, `/article/${SLUG}`);
  await voicesReady(page);
  const langs = await page.evaluate(() => speechSynthesis.getVoices().map((v) => v.lang.toLowerCase()));
  for (const lang of ['ar', 'es', 'en']) {
    expect(langs.some((l) => l.split(/[-_]/)[0] === lang), `a voice for ${lang}`).toBe(true);
  }
});

test('Listen follows the real engine: the highlight advances when the engine finishes', async ({ page }) => {
  await page.addInitScript(spy);
  const article = new ArticlePage(page);
  await openPage(page, `/article/${SLUG}`);
  await voicesReady(page);
  await article.listen.startButton.click();
  await expect(article.headline).toHaveClass(/is-reading/);
  const standfirst = article.article.getByText(articleSource(SLUG).standfirst, { exact: true });
  // Only the engine's `end` event for the headline can move the player on.
  await expect(standfirst).toHaveClass(/is-reading/, { timeout: 20_000 });
  await expect(article.headline).not.toHaveClass(/is-reading/);
  const [first] = await utterances(page);
  expect(first).toMatchObject({ lang: 'en', started: true, ended: true });
  expect(first.voice).toMatch(/^en/i);
  await article.listen.stopButton.click();
  await expect(standfirst).not.toHaveClass(/is-reading/);
  await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(false);
});

// Original text written for this test (a fictional story), in each language.
const versions = {
  es: { headline: 'La feria del libro abre con colas en el puerto', standfirst: 'Los editores locales esperan su mejor año.' },
  ar: { headline: 'معرض الكتاب يفتح أبوابه قرب الميناء', standfirst: 'الناشرون المحليون يتوقعون موسما جيدا هذا العام.' },
};

for (const [lang, text] of Object.entries(versions)) {
  test(`Listen reads an article in ${lang} with a ${lang} voice, to the end of the headline`, async ({ page }) => {
    await page.addInitScript(spy);
    await clientRendered(page);
    await page.route(`**/content/articles/${SLUG}.json`, async (route) => {
      const response = await route.fetch();
      const article = await response.json();
      Object.assign(article, text, { language: lang });
      await route.fulfill({ response, json: article });
    });
    const article = new ArticlePage(page);
    await openPage(page, `/article/${SLUG}`);
    await expect(article.headline).toHaveText(text.headline);
    await voicesReady(page);
    await article.listen.startButton.click();
    await expect.poll(async () => (await utterances(page))[0]?.ended ?? false, { timeout: 20_000 }).toBe(true);
    const [first] = await utterances(page);
    expect(first.text).toBe(text.headline);
    expect(first.lang).toBe(lang);
    expect(first.voice?.toLowerCase().split(/[-_]/)[0]).toBe(lang);
    await article.listen.stopButton.click();
  });
}
