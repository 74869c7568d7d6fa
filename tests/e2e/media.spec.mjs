// Media sections: video teasers and players, the click-to-load facade, infographics, galleries.
import { test, expect, openPage } from './fixtures.mjs';
import { ArticlePage } from './pages/article.mjs';
import { Gallery } from './pages/gallery.mjs';
import { Listing } from './pages/listing.mjs';
import { Infograph } from './pages/media.mjs';

const VIDEO = '/article/explainer-how-heat-pumps-work';
const GALLERY = '/article/in-pictures-lantern-festival';

test('the Videos section shows video teasers with poster and duration', async ({ page }) => {
  const listing = new Listing(page);
  await openPage(page, '/section/videos');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Videos');
  const badges = listing.videoBadges();
  await expect(badges.first()).toBeVisible();
  await expect(badges.first()).toHaveAttribute('aria-label', /^Video, \d+:\d\d$/);
  expect(await listing.cards.getByRole('img').count()).toBeGreaterThanOrEqual(5);
});

test('a video loads nothing before play, has captions, and only one plays at a time', async ({ page }) => {
  const media = [];
  page.on('request', (r) => { if (/\.webm($|\?)/.test(r.url())) media.push(r.url()); });
  // The fixture: the real article with a second clip, to check that starting one pauses the other.
  await page.route('**/content/articles/two-videos.json', async (route) => {
    const article = await (await page.request.get(`/content${VIDEO.replace('/article', '/articles')}.json`)).json();
    const second = { ...article.body[0], src: 'media/newsfeed-morning-briefing.webm' };
    article.body.splice(3, 0, second);
    await route.fulfill({ json: article });
  });
  const articlePage = new ArticlePage(page);
  await openPage(page, VIDEO);
  const video = articlePage.article.locator('video').first();
  await expect(video).toHaveAttribute('preload', 'none');
  await expect(video).toHaveAttribute('poster', /heat-pump\.svg$/);
  await expect(video.locator('track[kind="captions"]')).toHaveAttribute('src', /explainer-how-heat-pumps-work\.vtt$/);
  await expect(articlePage.hero).toHaveCount(0);
  await expect(articlePage.headline).toBeVisible();
  await page.waitForTimeout(500);
  expect(media, 'no video bytes before play').toEqual([]);
  await video.evaluate((v) => { v.muted = true; return v.play(); });
  await expect.poll(() => media.length).toBeGreaterThan(0);

  await openPage(page, '/article/two-videos');
  const [first, second] = [page.locator('video').nth(0), page.locator('video').nth(1)];
  await first.evaluate((v) => { v.muted = true; return v.play(); });
  await expect.poll(() => first.evaluate((v) => !v.paused)).toBe(true);
  await second.evaluate((v) => { v.muted = true; return v.play(); });
  await expect.poll(() => first.evaluate((v) => v.paused)).toBe(true);
  expect(await second.evaluate((v) => v.paused)).toBe(false);
});

test('an outside player loads nothing until the reader asks', async ({ page }) => {
  const thirdParty = [];
  await page.route('https://player.example.com/**', (route) => {
    thirdParty.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p>player</p>' });
  });
  await openPage(page, '/article/the-weekly-debate-water-rights');
  const play = page.getByRole('button', { name: /^Play video:/ });
  await expect(play).toBeVisible();
  await page.waitForTimeout(500);
  expect(thirdParty).toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);
  await play.click();
  await expect(play).toHaveCount(0);
  await expect(page.locator('iframe')).toHaveAttribute('src', 'https://player.example.com/embed/the-weekly-debate-water-rights');
  await expect.poll(() => thirdParty.length).toBe(1);
});

test('an infographic zooms and pans by button and keyboard, with download and description', async ({ page }) => {
  const infograph = new Infograph(page);
  await openPage(page, '/article/infograph-where-the-delta-water-goes');
  const { level, viewport } = infograph;
  await expect(level).toHaveText('100%');
  await infograph.zoomIn.click();
  await expect(level).toHaveText('150%');
  await viewport.focus();
  await page.keyboard.press('+');
  await expect(level).toHaveText('225%');
  const before = await infograph.canvas.getAttribute('style');
  await page.keyboard.press('ArrowDown');
  await expect(infograph.canvas).not.toHaveAttribute('style', before);
  await page.keyboard.press('0');
  await expect(level).toHaveText('100%');
  await infograph.zoomOut.click();
  await expect(level).toHaveText('100%');
  await expect(infograph.download).toHaveAttribute('href', /infograph-delta\.svg$/);
  await expect(viewport).toHaveAccessibleDescription(/The graphic shows/);
});

test('a gallery opens a lightbox that works by keyboard and swipe and deep-links the photo', async ({ page }) => {
  const gallery = new Gallery(page);
  await openPage(page, GALLERY);
  const { thumbs, viewer, counter } = gallery;
  await expect(thumbs).toHaveCount(6);
  await thumbs.nth(2).click();
  await expect(viewer).toBeVisible();
  await expect(counter).toHaveText('3 / 6');
  await expect(page).toHaveURL(/\?photo=3$/);
  await expect(gallery.closeButton).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText('4 / 6');
  await expect(page).toHaveURL(/\?photo=4$/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(counter).toHaveText('2 / 6');
  await gallery.nextButton.click();
  await expect(counter).toHaveText('3 / 6');

  // Swipe left: next photo.
  await gallery.swipeLeft();
  await expect(counter).toHaveText('4 / 6');

  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(thumbs.nth(3)).toBeFocused();
  await expect(page).not.toHaveURL(/photo=/);

  await openPage(page, `${GALLERY}?photo=6`);
  await expect(counter).toHaveText('6 / 6');
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText('1 / 6');
});

test('every media menu entry opens a populated page', async ({ page }) => {
  for (const slug of ['videos', 'newsfeed', 'video-features', 'explainers', 'tv', 'digital-series', 'infographs', 'in-pictures']) {
    await openPage(page, `/section/${slug}`);
    await expect(new Listing(page).cards.first(), slug).toBeVisible();
  }
});
