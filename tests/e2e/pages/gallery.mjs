// Page object for a gallery article: the thumbnail grid and the photo viewer (lightbox).

export class Gallery {
  constructor(page) {
    this.page = page;
    this.thumbs = page.getByRole('main').getByRole('button', { name: /^Open photo \d+ of \d+/ });
    this.viewer = page.getByRole('dialog', { name: 'Photo viewer' });
    /** "3 / 6": the photo shown, of all. */
    this.counter = this.viewer.getByText(/^\d+ \/ \d+$/);
    this.photo = this.viewer.getByRole('figure');
    this.closeButton = this.viewer.getByRole('button', { name: 'Close' });
    this.nextButton = this.viewer.getByRole('button', { name: 'Next photo' });
    this.previousButton = this.viewer.getByRole('button', { name: 'Previous photo' });
  }

  /** Drags across the photo from 70% to 30% of its width, as a finger swiping left. */
  async swipeLeft() {
    const box = await this.photo.boundingBox();
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * 0.7, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
    await this.page.mouse.up();
  }
}
