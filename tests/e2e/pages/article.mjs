// Page object for the article page: header, Listen, Share, body, tags and the side panels.
import { readFileSync } from 'node:fs';
import { distDir } from '../fixtures.mjs';

/** An article's source as the build serves it (dist/content/articles/<slug>.json). */
export function articleSource(slug) {
  return JSON.parse(readFileSync(`${distDir}content/articles/${slug}.json`, 'utf8'));
}

export class ArticlePage {
  constructor(page) {
    this.page = page;
    this.headline = page.getByRole('heading', { level: 1 });
    /** The article whose heading is the page's headline. */
    this.article = page.getByRole('main').getByRole('article').filter({ has: this.headline });
    this.tags = this.article.getByRole('list', { name: 'Tags' });
    this.listen = new Listen(page);
    this.share = new Share(page);
    this.mostRead = new Panel(page, 'Most Read');
    this.readNext = new Panel(page, 'Read Next');
  }

  /** The hero figure (one figure among the body's, with no role or name of its own). */
  get hero() {
    return this.article.locator('.article__hero');
  }

  /** The body (a plain container, no role); its blocks carry `data-block` (their index). */
  get body() {
    return this.article.locator('.article__body');
  }

  block(index) {
    return this.body.locator(`[data-block="${index}"]`);
  }
}

/** A side panel (Most Read, Read Next, Coverage: …): a region named by its heading. */
export class Panel {
  constructor(page, name) {
    this.region = page.getByRole('region', { name });
    this.items = this.region.getByRole('listitem');
    /** Each item's headline link (the other link of an item is its section). */
    this.storyLinks = this.region.getByRole('link').and(page.locator('[href^="/article/"]'));
    this.sectionLinks = this.region.getByRole('link').and(page.locator('[href^="/section/"]'));
  }

  async hrefs() {
    return this.storyLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  }
}

/** The Listen control. Its container has no role: the one class name lives here. */
export class Listen {
  constructor(page) {
    this.page = page;
    this.root = page.locator('.listen');
    this.startButton = this.button('Listen');
    this.pauseButton = this.button('Pause');
    this.resumeButton = this.button('Resume');
    this.nextButton = this.button('Next paragraph');
    this.previousButton = this.button('Previous paragraph');
    this.stopButton = this.button('Stop listening');
    this.speed = this.root.getByLabel('Speed');
    this.status = this.root.getByRole('status');
    /** "3 / 12": the utterance being read, of all. */
    this.position = this.root.getByText(/^\d+ \/ \d+$/);
  }

  button(name) {
    return this.root.getByRole('button', { name, exact: true });
  }
}

/** The Share control: a button, and (without the system share sheet) the menu it controls. */
export class Share {
  constructor(page) {
    this.button = page.getByRole('button', { name: 'Share', exact: true });
    /** The menu, by the id the button's aria-controls names (it has no role of its own). */
    this.menuId = 'share-menu';
    this.menu = page.locator(`#${this.menuId}`);
    this.networkLinks = this.menu.getByRole('link');
    this.copyButton = this.menu.getByRole('button', { name: 'Copy link' });
    this.message = this.menu.getByRole('status');
  }
}
