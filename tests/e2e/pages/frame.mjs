// Page object for the site frame: the masthead (menus, drawer, ticker) and the footer.
import { expect, openPage } from '../fixtures.mjs';
import { Ticker } from './ticker.mjs';

export class Frame {
  constructor(page) {
    this.page = page;
    this.masthead = page.getByRole('banner');
    // The menus by their place, not their (translated) names: the page object serves every edition.
    this.sections = page.locator('nav.main-nav');
    /** The section menu's links, shown or not (on a phone the menu is behind the drawer). */
    this.sectionLinks = page.locator('nav.main-nav').getByRole('link', { includeHidden: true });
    this.regions = page.locator('nav.region-nav');
    this.footer = page.locator('nav.footer__nav');
    this.menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    this.drawer = page.getByRole('dialog', { name: 'Site menu' });
    this.closeMenuButton = this.drawer.getByRole('button', { name: 'Close menu' });
    this.skipLink = page.getByRole('link', { name: 'Skip to content' });
    /** The error the masthead shows when site.json cannot be read. */
    this.mastheadAlert = this.masthead.getByRole('alert');
    this.ticker = new Ticker(page);
    this.main = page.getByRole('main');
    this.heading = page.getByRole('heading', { level: 1 });
  }

  /** Opens `path` (failing unless the app starts) and waits for the menus. */
  async open(path) {
    await openPage(this.page, path);
    await expect(this.regions).toBeVisible();
  }

  /** The button that opens a section's submenu ("News submenu"). */
  submenuToggle(section) {
    return this.sections.getByRole('button', { name: `${section} submenu`, exact: true });
  }

  /** A section's submenu: the list in the same menu entry as its toggle (found hidden or shown). */
  submenu(section) {
    // (A `has` locator is matched inside each entry, so it starts from the page, not the nav.)
    const toggle = this.page.getByRole('button', { name: `${section} submenu`, exact: true });
    return this.sections.getByRole('listitem')
      .filter({ has: toggle })
      .getByRole('list', { includeHidden: true });
  }

  regionLink(name) {
    return this.regions.getByRole('link', { name, exact: true });
  }

  /** Every internal link of the menus and the footer, without duplicates. */
  async menuLinks() {
    const hrefs = [];
    for (const nav of [this.sections, this.regions, this.footer]) {
      hrefs.push(...(await nav.getByRole('link', { includeHidden: true }).evaluateAll((as) => as.map((a) => a.getAttribute('href')))));
    }
    return [...new Set(hrefs.filter((h) => h && h.startsWith('/')))];
  }

  /** The boot shell: the static masthead the page shows until the app has its data. */
  get bootShell() {
    return this.page.locator('#boot');
  }

  /** Height of the boot shell's masthead (null once it is gone) and of the app's. */
  async bootMastheadHeight() {
    return this.page.evaluate(() => document.querySelector('#boot .masthead')?.getBoundingClientRect().height ?? null);
  }

  async mastheadHeight() {
    return (await this.masthead.boundingBox()).height;
  }
}
