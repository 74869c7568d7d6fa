// Unknown routes and bad content: a clear page, never a dead one.
import { test, expect, Frame, clientRendered } from './fixtures.mjs';

for (const path of ['/article/no-such-story', '/section/no-such-section', '/tag/nothing-here', '/totally/unknown/route']) {
  test(`unknown ${path} shows the 404 page with working menus`, async ({ page }) => {
    const frame = new Frame(page);
    await frame.open(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
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
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('malformed');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Regions' }).getByRole('link', { name: 'Europe' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Regions' }).getByRole('link', { name: 'Europe' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Europe');
});

test('a failing server shows an error, and Try again recovers', async ({ page }) => {
  await clientRendered(page);
  let fail = true;
  await page.route('**/content/articles/city-allows-rooftop-beehives.json', (route) =>
    fail ? route.fulfill({ status: 500, body: 'boom' }) : route.fallback());
  const frame = new Frame(page);
  await frame.open('/article/city-allows-rooftop-beehives');
  await expect(page.getByRole('alert')).toContainText('HTTP 500');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('beehives');
});

test('a broken site.json leaves the page content readable', async ({ page }) => {
  await clientRendered(page);
  await page.route('**/content/site.json', (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto('/section/politics');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politics');
  await expect(page.locator('.masthead [role=alert]')).toContainText('content server');
});
