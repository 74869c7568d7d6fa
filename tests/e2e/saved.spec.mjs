// Saved articles (issue 14): Save on article pages and story cards, the masthead count, the
// Saved page (newest saved first, remove, clear all), kept across visits, bad stored data
// ignored. Reading a saved article offline after cache eviction is in pwa.spec.mjs (it needs
// the service worker).
import { test, expect, openPage, reloadPage } from './fixtures.mjs';
import { ArticlePage } from './pages/article.mjs';

const FIRST = '/article/notes-from-a-night-ferry';
const SECOND = '/article/algorithms-need-a-right-of-appeal';

test('Save on an article and on a card; the Saved page lists them newest first; remove and clear all', async ({ page }) => {
  const count = page.locator('.masthead__saved-count');
  await openPage(page, FIRST);
  const headline = await new ArticlePage(page).headline.textContent();
  const save = page.locator('.article__tools').getByRole('button', { name: 'Save' });
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await expect(count).toHaveText('');
  await save.click();
  await expect(page.locator('.article__tools').getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true');
  await expect(count).toHaveText(' (1)');

  // A story card on the front page, saved later: first on the Saved page.
  await openPage(page, '/');
  const card = page.locator('.card').filter({ has: page.locator(`a[href="${SECOND}"]`) }).first();
  const cardHeadline = (await card.locator('.card__link').textContent()).trim();
  await card.getByRole('button', { name: `Save: ${cardHeadline}` }).click();
  // A toggle keeps its name; its state is aria-pressed.
  await expect(card.getByRole('button', { name: `Save: ${cardHeadline}` })).toHaveAttribute('aria-pressed', 'true');
  await expect(count).toHaveText(' (2)');

  await page.locator('.masthead__saved').click();
  await expect(page).toHaveURL(/\/saved$/);
  const titles = page.locator('.saved__list .card__link');
  await expect(titles).toHaveText([cardHeadline, headline.trim()]);
  // Kept across visits (a new page load reads the device's list).
  await reloadPage(page);
  await expect(titles).toHaveText([cardHeadline, headline.trim()]);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('newsfront.saved')).length)).toBe(2);

  const unsave = page.locator('.saved__list').getByRole('button', { name: `Save: ${cardHeadline}` });
  await expect(unsave).toHaveAttribute('aria-pressed', 'true');
  await unsave.click();
  await expect(titles).toHaveText([headline.trim()]);
  await expect(count).toHaveText(' (1)');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(titles).toHaveCount(0);
  await expect(page.locator('.saved__empty')).toBeVisible();
  await expect(count).toHaveText('');
});

test('the Saved page is prerendered per edition and lists only that edition\'s articles', async ({ page, request }) => {
  for (const path of ['/saved', '/ar/saved', '/es/saved']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
  }
  await openPage(page, FIRST);
  await page.locator('.article__tools').getByRole('button', { name: 'Save' }).click();
  await openPage(page, '/es/saved');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Artículos guardados');
  await expect(page.locator('.saved__empty')).toBeVisible();
  await expect(page.locator('.masthead__saved-count')).toHaveText('');
});

test('bad saved data on the device is ignored, with no panic', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('newsfront.saved', '[7, {"saved_at":"soon"}, {"edition":"","saved_at":1,"teaser":{"slug":3}}, null');
  });
  await openPage(page, '/saved');
  await expect(page.locator('.saved__empty')).toBeVisible();
  await page.evaluate(() => localStorage.setItem('newsfront.saved', '{"not":"a list"}'));
  await openPage(page, FIRST);
  await page.locator('.article__tools').getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.masthead__saved-count')).toHaveText(' (1)');
});
