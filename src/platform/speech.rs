//! Web Speech API: speak one utterance at a time, cancel, detect support.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

fn synth() -> Option<SpeechSynthesis> {
    let window = crate::platform::window()?;
    let value = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    // Not `dyn_into`: a polyfill or test double is not an instance of the native class.
    Some(value.unchecked_into())
}

/// True when the browser can speak (and can construct utterances).
pub fn is_supported() -> bool {
    let has_utterance = crate::platform::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"SpeechSynthesisUtterance".into()).ok())
        .is_some_and(|v| v.is_function());
    has_utterance && synth().is_some()
}

/// Speaks `text`; `on_done(finished)` runs once: `true` when it ended, `false` when the engine
/// reported an error (which includes being cancelled).
pub fn speak(text: &str, lang: &str, rate: f32, on_done: impl FnOnce(bool) + 'static) -> bool {
    let (Some(synth), Ok(utterance)) = (synth(), SpeechSynthesisUtterance::new_with_text(text))
    else {
        return false;
    };
    utterance.set_lang(lang);
    utterance.set_rate(rate);
    if let Some(voice) = voice_for(&synth, lang) {
        utterance.set_voice(Some(&voice));
    }
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(
        Box::new(on_done) as Box<dyn FnOnce(bool)>
    )));
    let (d1, d2) = (done.clone(), done);
    let on_end = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(f) = d1.take() {
            f(true)
        }
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        if let Some(f) = d2.take() {
            f(false)
        }
    });
    utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The utterance owns its handlers for its lifetime; they run at most once.
    on_end.forget();
    on_error.forget();
    synth.speak(&utterance);
    true
}

pub fn cancel() {
    if let Some(s) = synth() {
        s.cancel();
    }
}

/// Whether the device can speak `lang`: `Some(false)` when it lists voices and none is of that
/// language (the engine would read Arabic with an English voice), `None` while it lists none
/// yet (some engines fill the list late; the engine then picks).
pub fn has_voice(lang: &str) -> Option<bool> {
    let synth = synth()?;
    if synth.get_voices().length() == 0 {
        return None;
    }
    Some(voice_for(&synth, lang).is_some())
}

/// A voice whose language matches `lang` (exact, then by primary subtag).
fn voice_for(synth: &SpeechSynthesis, lang: &str) -> Option<web_sys::SpeechSynthesisVoice> {
    let voices = synth.get_voices();
    let all: Vec<web_sys::SpeechSynthesisVoice> =
        voices.iter().filter_map(|v| v.dyn_into().ok()).collect();
    let primary = lang.split('-').next().unwrap_or(lang).to_ascii_lowercase();
    all.iter()
        .find(|v| v.lang().eq_ignore_ascii_case(lang))
        .or_else(|| {
            all.iter().find(|v| {
                v.lang().to_ascii_lowercase().split(['-', '_']).next() == Some(primary.as_str())
            })
        })
        .cloned()
}
