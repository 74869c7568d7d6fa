// The site frame: every menu entry resolves to a real page; menus and drawer work by keyboard.
import { test, expect, openPage } from './fixtures.mjs';
import { Frame } from './pages/frame.mjs';
import { ArticlePage } from './pages/article.mjs';
import { Listing } from './pages/listing.mjs';

test.describe('desktop menus', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop layout only');

  test('every menu and footer link opens a page with a heading', async ({ page }) => {
    test.setTimeout(120_000); // some 35 pages, each opened until the app has started
    const frame = new Frame(page);
    await frame.open('/');
    const links = await frame.menuLinks();
    expect(links.length).toBeGreaterThanOrEqual(6 + 17 + 8 + 4);
    for (const href of links) {
      await openPage(page, href);
      await expect(frame.heading, `heading on ${href}`).toBeVisible();
      await expect(frame.heading, `${href} is not a 404`).not.toHaveText('Page not found');
      await expect(page.getByRole('alert'), `no error on ${href}`).toHaveCount(0);
    }
  });

  test('section links navigate client-side and update the title', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    await frame.sections.getByRole('link', { name: 'Infographs' }).click();
    await expect(page).toHaveURL(/\/section\/infographs$/);
    await expect(frame.heading).toHaveText('Infographs');
    await expect(page).toHaveTitle('Infographs | The Meridian Ledger');
    const story = new Listing(page).storyLinks.first();
    const headline = await story.textContent();
    await story.click();
    await expect(page).toHaveURL(/\/article\//);
    await expect(new ArticlePage(page).headline).toHaveText(headline);
  });

  test('hovering a section opens its submenu', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    const submenu = frame.submenu('Articles');
    await expect(submenu).toHaveCount(1);
    await expect(submenu).toBeHidden();
    await frame.sections.getByRole('link', { name: 'Articles', exact: true }).hover();
    await expect(submenu).toBeVisible();
    await submenu.getByRole('link', { name: 'Opinion' }).click();
    await expect(frame.heading).toHaveText('Opinion');
  });

  test('keyboard only: skip link, submenu open, Escape closes and returns focus', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    await page.keyboard.press('Tab');
    await expect(frame.skipLink).toBeFocused();

    const toggle = frame.submenuToggle('News');
    const submenu = frame.submenu('News');
    await expect(toggle).toHaveAttribute('aria-controls', await submenu.getAttribute('id'));
    for (let i = 0; i < 30 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(submenu.getByRole('link', { name: 'Politics' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();

    // Tabbing out of an open submenu closes it.
    await page.keyboard.press('Enter');
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(submenu).toHaveCount(1);
    await expect(submenu).toBeHidden();
  });
});

test.describe('mobile drawer', () => {
  test.skip(({ isMobile }) => !isMobile, 'mobile layout only');

  test('opens by keyboard, traps focus, Escape closes and returns focus', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    await expect(frame.sections).toBeHidden();
    await frame.menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(frame.drawer).toBeVisible();
    await expect(frame.closeMenuButton).toBeFocused();
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
      const inside = await frame.drawer.evaluate((d) => d.contains(document.activeElement));
      expect(inside, `focus stays in the drawer after ${i + 1} presses`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(frame.drawer).toBeHidden();
    await expect(frame.menuButton).toBeFocused();
  });

  test('a drawer link opens its page and closes the drawer', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    await frame.menuButton.click();
    await frame.drawer.getByRole('link', { name: 'Digital Series' }).click();
    await expect(frame.heading).toHaveText('Digital Series');
    await expect(frame.drawer).toBeHidden();
  });
});
