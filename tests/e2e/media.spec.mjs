// Media sections: video teasers and players, the click-to-load facade, infographics, galleries.
import { test, expect } from './fixtures.mjs';

const VIDEO = '/article/explainer-how-heat-pumps-work';
const GALLERY = '/article/in-pictures-lantern-festival';

test('the Videos section shows video teasers with poster and duration', async ({ page }) => {
  await page.goto('/section/videos');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Videos');
  const badges = page.locator('.card__badge');
  await expect(badges.first()).toHaveText(/^▶ \d+:\d\d$/);
  expect(await page.locator('.card img').count()).toBeGreaterThanOrEqual(5);
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
  await page.goto(VIDEO);
  const video = page.locator('video').first();
  await expect(video).toHaveAttribute('preload', 'none');
  await expect(video).toHaveAttribute('poster', /heat-pump\.svg$/);
  await expect(video.locator('track[kind="captions"]')).toHaveAttribute('src', /explainer-how-heat-pumps-work\.vtt$/);
  await expect(page.locator('.article__hero')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(media, 'no video bytes before play').toEqual([]);
  await video.evaluate((v) => { v.muted = true; return v.play(); });
  await expect.poll(() => media.length).toBeGreaterThan(0);

  await page.goto('/article/two-videos');
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
  await page.goto('/article/the-weekly-debate-water-rights');
  const play = page.getByRole('button', { name: /^Play video:/ });
  await expect(play).toBeVisible();
  await page.waitForTimeout(500);
  expect(thirdParty).toEqual([]);
  await expect(page.locator('iframe')).toHaveCount(0);
  await play.click();
  await expect(page.locator('iframe.facade__frame')).toHaveAttribute('src', 'https://player.example.com/embed/the-weekly-debate-water-rights');
  await expect.poll(() => thirdParty.length).toBe(1);
});

test('an infographic zooms and pans by button and keyboard, with download and description', async ({ page }) => {
  await page.goto('/article/infograph-where-the-delta-water-goes');
  const level = page.locator('.infograph__level');
  await expect(level).toHaveText('100%');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(level).toHaveText('150%');
  const viewport = page.locator('.infograph__viewport');
  await viewport.focus();
  await page.keyboard.press('+');
  await expect(level).toHaveText('225%');
  const before = await page.locator('.infograph__canvas').getAttribute('style');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.infograph__canvas')).not.toHaveAttribute('style', before);
  await page.keyboard.press('0');
  await expect(level).toHaveText('100%');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect(level).toHaveText('100%');
  await expect(page.getByRole('link', { name: 'Download full resolution' })).toHaveAttribute('href', /infograph-delta\.svg$/);
  await expect(viewport).toHaveAttribute('aria-describedby', 'infograph-description');
  await expect(page.locator('#infograph-description')).toContainText('The graphic shows');
});

test('a gallery opens a lightbox that works by keyboard and swipe and deep-links the photo', async ({ page }) => {
  await page.goto(GALLERY);
  const thumbs = page.locator('.gallery__thumb');
  await expect(thumbs).toHaveCount(6);
  await thumbs.nth(2).click();
  const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.lightbox__counter')).toHaveText('3 / 6');
  await expect(page).toHaveURL(/\?photo=3$/);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(dialog.locator('.lightbox__counter')).toHaveText('4 / 6');
  await expect(page).toHaveURL(/\?photo=4$/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.locator('.lightbox__counter')).toHaveText('2 / 6');
  await dialog.getByRole('button', { name: 'Next photo' }).click();
  await expect(dialog.locator('.lightbox__counter')).toHaveText('3 / 6');

  // Swipe left: next photo.
  const box = await dialog.locator('.lightbox__figure').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.7, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
  await page.mouse.up();
  await expect(dialog.locator('.lightbox__counter')).toHaveText('4 / 6');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(thumbs.nth(3)).toBeFocused();
  await expect(page).not.toHaveURL(/photo=/);

  await page.goto(`${GALLERY}?photo=6`);
  await expect(page.getByRole('dialog', { name: 'Photo viewer' }).locator('.lightbox__counter')).toHaveText('6 / 6');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('dialog', { name: 'Photo viewer' }).locator('.lightbox__counter')).toHaveText('1 / 6');
});

test('every media menu entry opens a populated page', async ({ page }) => {
  for (const slug of ['videos', 'newsfeed', 'video-features', 'explainers', 'tv', 'digital-series', 'infographs', 'in-pictures']) {
    await page.goto(`/section/${slug}`);
    await expect(page.locator('.card').first(), slug).toBeVisible();
  }
});
