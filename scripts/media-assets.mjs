// Generates the demo outlet's short video clips (WebM, recorded from an animated canvas in
// Debian's Chromium with MediaRecorder) and their WebVTT captions into content/media/, and adds
// a `video` block to each video article that lacks one. Run with `make media-assets`.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const SECONDS = 8;
// This one is published through an outside player instead (a click-to-load facade).
const EXTERNAL = new Set(['the-weekly-debate-water-rights']);
mkdirSync(`${root}content/media`, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.setContent('<canvas id="c" width="640" height="360"></canvas>');

const files = readdirSync(`${root}content/articles`).filter((f) => f.endsWith('.json')).sort();
let hue = 200;
for (const file of files) {
  const path = `${root}content/articles/${file}`;
  const article = JSON.parse(readFileSync(path, 'utf8'));
  if (article.kind !== 'video') continue;
  hue = (hue + 47) % 360;
  if (EXTERNAL.has(article.slug)) {
    if (!article.body.some((b) => b.type === 'embed' && b.player)) {
      article.body.unshift({
        type: 'embed', player: true, provider: 'Meridian Player',
        url: `https://player.example.com/embed/${article.slug}`,
        title: `Watch: ${article.headline}`, poster: article.hero,
      });
      writeFileSync(path, `${JSON.stringify(article, null, 2)}\n`);
    }
    continue;
  }
  const base64 = await page.evaluate(async ({ title, hue, seconds }) => {
    const canvas = document.getElementById('c');
    const ctx = canvas.getContext('2d');
    const stream = canvas.captureStream(25);
    const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 250_000 });
    const chunks = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const words = title.split(' ');
    const lines = [];
    for (const w of words) {
      const last = lines.at(-1);
      if (last && (last + ' ' + w).length < 34) lines[lines.length - 1] = last + ' ' + w; else lines.push(w);
    }
    const start = performance.now();
    const draw = () => {
      const t = (performance.now() - start) / 1000;
      const g = ctx.createLinearGradient(0, 0, 640, 360);
      g.addColorStop(0, `hsl(${hue} 55% 22%)`);
      g.addColorStop(1, `hsl(${(hue + 40) % 360} 60% 38%)`);
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, 640, 360);
      for (let i = 0; i < 6; i++) {
        ctx.beginPath();
        ctx.fillStyle = `hsla(${(hue + i * 30) % 360} 70% 70% / 0.18)`;
        ctx.arc(80 + i * 100 + Math.sin(t + i) * 30, 180 + Math.cos(t * 0.8 + i) * 90, 40 + i * 6, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.fillStyle = '#b3122b';
      ctx.fillRect(32, 32, 118, 28);
      ctx.fillStyle = '#fff';
      ctx.font = 'bold 16px sans-serif';
      ctx.fillText('MERIDIAN', 44, 52);
      ctx.font = 'bold 28px Georgia, serif';
      lines.slice(0, 4).forEach((l, i) => ctx.fillText(l, 32, 130 + i * 38));
      ctx.fillStyle = 'rgba(255,255,255,0.3)';
      ctx.fillRect(32, 320, 576, 6);
      ctx.fillStyle = '#fff';
      ctx.fillRect(32, 320, 576 * Math.min(t / seconds, 1), 6);
    };
    draw();
    recorder.start(500);
    await new Promise((resolve) => {
      const tick = () => { draw(); if (performance.now() - start < seconds * 1000) requestAnimationFrame(tick); else resolve(); };
      tick();
    });
    await new Promise((resolve) => { recorder.onstop = resolve; recorder.stop(); });
    const blob = new Blob(chunks, { type: 'video/webm' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, { title: article.headline, hue, seconds: SECONDS });
  writeFileSync(`${root}content/media/${article.slug}.webm`, Buffer.from(base64, 'base64'));

  const sentences = article.standfirst.split(/(?<=[.!?])\s+/).filter(Boolean);
  const cue = (i, a, b, text) => `${i}\n00:00:0${a}.000 --> 00:00:0${b}.000\n${text}\n`;
  const vtt = ['WEBVTT\n', cue(1, 0, 4, article.headline), cue(2, 4, SECONDS, sentences[0] ?? article.standfirst)].join('\n');
  writeFileSync(`${root}content/media/${article.slug}.vtt`, vtt);

  if (!article.body.some((b) => b.type === 'video')) {
    article.body.unshift({
      type: 'video', src: `media/${article.slug}.webm`, poster: article.hero,
      captions: `media/${article.slug}.vtt`, duration_seconds: SECONDS, caption: article.hero.caption,
    });
    writeFileSync(path, `${JSON.stringify(article, null, 2)}\n`);
  }
  console.log(`content/media/${article.slug}.webm`);
}
await browser.close();
