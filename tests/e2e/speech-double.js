// A test double for window.speechSynthesis that records what the app asks it to say.
// Utterances end only when the test calls window.__speech.finish() (or after `autoMs`).
(() => {
  const log = { spoken: [], cancels: 0, current: null, autoMs: 0 };
  const end = (u, type) => {
    if (!u) return;
    const handler = type === 'end' ? u.onend : u.onerror;
    if (handler) handler.call(u, new Event(type));
  };
  log.finish = () => {
    const u = log.current;
    log.current = null;
    end(u, 'end');
  };
  const synth = {
    getVoices: () => [],
    speak(u) {
      log.spoken.push({ text: u.text, rate: u.rate, lang: u.lang });
      log.current = u;
      if (log.autoMs > 0) setTimeout(() => { if (log.current === u) log.finish(); }, log.autoMs);
    },
    cancel() {
      log.cancels += 1;
      const u = log.current;
      log.current = null;
      setTimeout(() => end(u, 'error'), 0);
    },
    pause() {}, resume() {},
    addEventListener() {}, removeEventListener() {},
    get speaking() { return log.current !== null; },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.__speech = log;
})();
