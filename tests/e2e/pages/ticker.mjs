// Page object for the breaking-news ticker in the masthead.
import { expect } from '@playwright/test';

export class Ticker {
  constructor(page) {
    this.page = page;
    // By its place, not its (translated) name: the page object serves every edition.
    this.region = page.locator('section.ticker');
    /** The items readers (and screen readers) get: the scrolling copy is aria-hidden. */
    this.items = this.region.getByRole('listitem');
    /** Every item drawn on screen, the decorative copy included. */
    this.onScreenItems = this.region.locator('li').filter({ visible: true });
    this.label = this.region.getByRole('heading', { level: 2 });
    this.announcer = this.region.getByRole('status');
    /** The pause button; its name says what pressing it does ("Pause …" / "Play …"). */
    this.pauseToggle = this.region.getByRole('button', { name: /^(Pause|Play) breaking news$/ });
    this.pauseButton = this.region.getByRole('button', { name: 'Pause breaking news' });
    this.playButton = this.region.getByRole('button', { name: 'Play breaking news' });
    this.nextButton = this.region.getByRole('button', { name: 'Next headline' });
    this.previousButton = this.region.getByRole('button', { name: 'Previous headline' });
  }

  /**
   * Waits until the ticker's code has arrived and hydrated it: it is fetched once the page is
   * idle (src/components/deferred.rs), and until then its buttons do nothing and it does not poll.
   */
  async ready() {
    await expect(this.page.locator('.masthead__ticker[data-live]')).toBeAttached({ timeout: 15_000 });
  }

  /** An item's headline (a link when it has a story, plain text otherwise: no role to find it by). */
  text(item) {
    return item.locator('.ticker__text');
  }

  time(item) {
    return item.locator('time');
  }

  /** The headlines of the items, in order. */
  async texts() {
    return this.text(this.items).allTextContents();
  }

  /** The moving strip and the window it moves in (decorative: found by class). */
  get track() {
    return this.region.locator('.ticker__track');
  }

  get viewport() {
    return this.region.locator('.ticker__viewport');
  }

  async animation() {
    return this.track.evaluate((el) => {
      const style = getComputedStyle(el);
      return { name: style.animationName, state: style.animationPlayState };
    });
  }

  /** Whether the ticker shows its stale look (a class: the label says it in words too). */
  get staleClass() {
    return /ticker--stale/;
  }
}
