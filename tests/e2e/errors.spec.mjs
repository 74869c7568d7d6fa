// Unknown routes and bad content: a clear page, never a dead one.
import { test, expect, clientRendered, openPage } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';

for (const path of ['/article/no-such-story', '/section/no-such-section', '/tag/nothing-here', '/totally/unknown/route']) {
  test(`unknown ${path} shows the 404 page with working menus`, async ({ page }) => {
    const frame = new Frame(page);
    await frame.open(path);
    await expect(frame.heading).toHaveText('Page not found');
    await expect(page).toHaveTitle(/Page not found/);
    await page.getByRole('link', { name: 'Go to the front page' }).click();
    await expect(page).toHaveURL(/\/$/);
  });
}

test('malformed list JSON shows an error panel and the menus keep working', async ({ page, isMobile }) => {
  await clientRendered(page);
  await page.route('**/content/lists/section/economy/1.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"kind": "section", "items": [' }));
  const frame = new Frame(page);
  await frame.open('/section/economy');
  const alert = frame.main.getByRole('alert');
  await expect(alert).toContainText('malformed');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(frame.regionLink('Europe')).toBeVisible();
  await frame.regionLink('Europe').click();
  await expect(frame.heading).toHaveText('Europe');
});

test('a failing server shows an error, and Try again recovers', async ({ page }) => {
  await clientRendered(page);
  let fail = true;
  await page.route('**/content/articles/city-allows-rooftop-beehives.json', (route) =>
    fail ? route.fulfill({ status: 500, body: 'boom' }) : route.fallback());
  const frame = new Frame(page);
  await frame.open('/article/city-allows-rooftop-beehives');
  const alert = frame.main.getByRole('alert');
  await expect(alert).toContainText('HTTP 500');
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(frame.heading).toContainText('beehives');
});

test('a broken site.json leaves the page content readable', async ({ page }) => {
  await clientRendered(page);
  await page.route('**/content/site.json', (route) => route.fulfill({ status: 503, body: '' }));
  const frame = new Frame(page);
  await openPage(page, '/section/politics');
  await expect(frame.heading).toHaveText('Politics');
  await expect(frame.mastheadAlert).toContainText('content server');
});

test('a site.json whose footer is malformed keeps the masthead and menus; the footer says what is wrong', async ({ page }) => {
  // The frame's part of site.json reads (data::SiteFile); the whole file does not decode.
  await clientRendered(page);
  await page.route('**/content/site.json', async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    site.footer = { links: 'none', rights: 7 };
    await route.fulfill({ response, json: site });
  });
  const frame = new Frame(page);
  await openPage(page, '/section/politics');
  await expect(frame.heading).toHaveText('Politics');
  await expect(frame.regionLink('Europe')).toBeVisible();
  await expect(frame.mastheadAlert).toHaveCount(0);
  await expect(page.getByRole('contentinfo').getByRole('alert')).toContainText('malformed');
});
