// Page object for listing pages (home, sections, regions, tags…): teaser cards and pagination.

export class Listing {
  constructor(page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.cards = this.main.getByRole('article');
    /** The lead story: the first card. */
    this.lead = this.cards.first();
    /** Each card's headline link. */
    this.storyLinks = this.cards.getByRole('heading').getByRole('link');
    this.pages = page.getByRole('navigation', { name: 'Pages' });
    this.currentPage = this.pages.locator('[aria-current="page"]');
  }

  /** A card's media badge ("▶ 1:35", "Gallery", "Infograph"): a label on the picture, no role. */
  videoBadges() {
    return this.main.getByText(/^▶ \d+:\d\d$/);
  }
}
