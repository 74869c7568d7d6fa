// The site frame: every menu entry resolves to a real page; menus and drawer work by keyboard.
import { test, expect, Frame } from './fixtures.mjs';

test.describe('desktop menus', () => {
  test.skip(({ isMobile }) => isMobile, 'desktop layout only');

  test('every menu and footer link opens a page with a heading', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    const links = await frame.menuLinks();
    expect(links.length).toBeGreaterThanOrEqual(6 + 17 + 8 + 4);
    for (const href of links) {
      await page.goto(href);
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading, `heading on ${href}`).toBeVisible();
      await expect(heading, `${href} is not a 404`).not.toHaveText('Page not found');
      await expect(page.getByRole('alert'), `no error on ${href}`).toHaveCount(0);
    }
  });

  test('section links navigate client-side and update the title', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    await frame.sections.getByRole('link', { name: 'Infographs' }).click();
    await expect(page).toHaveURL(/\/section\/infographs$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Infographs');
    await expect(page).toHaveTitle('Infographs | The Meridian Ledger');
    await page.locator('.card__link').first().click();
    await expect(page).toHaveURL(/\/article\//);
    await expect(page.locator('.article__headline')).toBeVisible();
  });

  test('hovering a section opens its submenu', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    const submenu = page.locator('#submenu-articles');
    await expect(submenu).toBeHidden();
    await frame.sections.getByRole('link', { name: 'Articles', exact: true }).hover();
    await expect(submenu).toBeVisible();
    await submenu.getByRole('link', { name: 'Opinion' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opinion');
  });

  test('keyboard only: skip link, submenu open, Escape closes and returns focus', async ({ page }) => {
    const frame = new Frame(page);
    await frame.open('/');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

    const toggle = page.getByRole('button', { name: 'News submenu' });
    for (let i = 0; i < 30 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(page.locator('#submenu-news').getByRole('link', { name: 'Politics' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();

    // Tabbing out of an open submenu closes it.
    await page.keyboard.press('Enter');
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#submenu-news')).toBeHidden();
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
    await expect(frame.drawer.getByRole('button', { name: 'Close menu' })).toBeFocused();
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
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Digital Series');
    await expect(frame.drawer).toBeHidden();
  });
});
