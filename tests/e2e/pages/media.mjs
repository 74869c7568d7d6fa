// Page objects for media blocks: the infographic viewer, the outside-player facade, and the
// LIVE page.

export class Infograph {
  constructor(page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Zoom' });
    this.zoomIn = this.toolbar.getByRole('button', { name: 'Zoom in' });
    this.zoomOut = this.toolbar.getByRole('button', { name: 'Zoom out' });
    this.reset = this.toolbar.getByRole('button', { name: 'Reset zoom' });
    /** "150%": announced as it changes. */
    this.level = this.toolbar.getByText(/^\d+%$/);
    this.download = this.toolbar.getByRole('link', { name: 'Download full resolution' });
    this.viewport = page.getByRole('group', { name: /^Infographic/ });
  }

  /** The panned and zoomed layer inside the viewport (decorative, by class). */
  get canvas() {
    return this.viewport.locator('.infograph__canvas');
  }
}

export class LivePage {
  constructor(page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.video = page.getByRole('main').locator('video');
    this.problem = page.getByRole('main').getByRole('alert');
    this.updates = page.getByRole('region', { name: 'Live updates' });
    this.items = this.updates.getByRole('listitem');
  }

  /** An update's text (a paragraph after its time: no role or name of its own). */
  text(item) {
    return item.locator('.live-updates__text');
  }

  newUpdatesButton(count) {
    return this.updates.getByRole('button', { name: `${count} new update${count === 1 ? '' : 's'}` });
  }
}
