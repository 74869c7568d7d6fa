//! The snapshot a prerendered page embeds for hydration (`<script type="application/json"
//! id="nf-data">`, see `newsfront_model::snapshot`), read once at startup, completed with the
//! shared copies of site-wide files and the page's own file that the loader script fetched
//! alongside the app.

use newsfront_model::snapshot::{fingerprint, Snapshot, ELEMENT_ID};
use std::cell::RefCell;

/// Work waiting for the end of the page's hydration.
type Waiting = Vec<Box<dyn FnOnce()>>;

thread_local! {
    static SNAPSHOT: RefCell<Option<Snapshot>> = const { RefCell::new(None) };
    /// While an asynchronous hydration runs: the work waiting for its end (`after_hydration`).
    static WAITING: RefCell<Option<Waiting>> = const { RefCell::new(None) };
    /// How many asynchronous hydrations are under way (a deferred part hydrated in slices may
    /// start while another one is still finishing, `components::deferred`).
    static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Marks the start of the page's hydration, or of a part's. It is asynchronous (a route's code
/// may be a chunk still to fetch), and effects of the parts already hydrated run while it
/// waits: work that may change what a later part renders (the idle signal) must wait for
/// `finished`. Nested, the work waits for the end of the last one.
pub fn begin() {
    DEPTH.set(DEPTH.get() + 1);
    WAITING.with(|w| {
        w.borrow_mut().get_or_insert_with(Vec::new);
    });
}

/// Marks the end of a hydration; at the end of the last one, runs the work that waited.
pub fn finished() {
    DEPTH.set(DEPTH.get().saturating_sub(1));
    if DEPTH.get() > 0 {
        return;
    }
    let waiting = WAITING.with(|w| w.borrow_mut().take());
    for f in waiting.into_iter().flatten() {
        f();
    }
}

/// Whether the page's hydration is under way (between `begin` and `finished`): a view made now
/// is hydrated, not built (`components::deferred`).
pub fn under_way() -> bool {
    WAITING.with(|w| w.borrow().is_some())
}

/// Runs `f` once the page is hydrated: at once when no hydration is under way (none started,
/// or it is over, or the app was rendered from scratch).
pub fn after_hydration(f: impl FnOnce() + 'static) {
    let f: Box<dyn FnOnce()> = Box::new(f);
    let now = WAITING.with(|w| match w.borrow_mut().as_mut() {
        Some(waiting) => {
            waiting.push(f);
            None
        }
        None => Some(f),
    });
    if let Some(f) = now {
        f();
    }
}

/// Where the loader (`scripts/sw-build.mjs`) leaves the shared copies it fetched:
/// `window.nfShared[url]` is the text of the copy at `url`.
const LOADED_COPIES: &str = "nfShared";

/// Where the loader leaves the page's own file (`Snapshot::fetched`): `window.nfOwn[path]`.
const LOADED_OWN: &str = "nfOwn";

/// Reads the embedded snapshot. Returns true when this page was prerendered for the address
/// it is shown at and every file it was rendered from is at hand, so the app can hydrate it;
/// otherwise the snapshot is dropped and the app renders from scratch (the app shell, a
/// prerendered file served for another address, or a shared copy that could not be loaded,
/// e.g. offline and never cached).
pub fn start() -> bool {
    let Some(window) = crate::platform::window() else {
        return false;
    };
    let Some(document) = window.document() else {
        return false;
    };
    let Some(mut snapshot) = document
        .get_element_by_id(ELEMENT_ID)
        .and_then(|el| el.text_content())
        .and_then(|text| Snapshot::from_script_json(&text))
    else {
        return false;
    };
    let location = document.location();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    if !snapshot.matches(&path, &search) {
        return false;
    }
    for (file, url) in std::mem::take(&mut snapshot.shared) {
        let Some(text) = loaded_text(&window, LOADED_COPIES, &url) else {
            leptos::logging::log!("{url} is not available: the page is rendered again");
            return false;
        };
        snapshot.files.insert(file, Some(text));
    }
    for (file, expected) in std::mem::take(&mut snapshot.fetched) {
        let text = loaded_text(&window, LOADED_OWN, &file)
            .filter(|text| fingerprint(text.as_bytes()) == expected);
        let Some(text) = text else {
            leptos::logging::log!(
                "{file} is not the version the page was built from: the page is rendered again"
            );
            return false;
        };
        snapshot.files.insert(file, Some(text));
    }
    SNAPSHOT.with(|s| *s.borrow_mut() = Some(snapshot));
    true
}

/// `window[global][key]` as text: what the loader fetched, if it did.
fn loaded_text(window: &web_sys::Window, global: &str, key: &str) -> Option<String> {
    let files = js_sys::Reflect::get(window, &global.into()).ok()?;
    js_sys::Reflect::get(&files, &key.into()).ok()?.as_string()
}

/// The embedded text of a content file (`Some(None)`: the build found it missing). Each file
/// is handed out once: only the first render uses it, later loads fetch fresh copies.
pub fn take_file(path: &str) -> Option<Option<String>> {
    SNAPSHOT.with(|s| {
        s.borrow_mut()
            .as_mut()
            .and_then(|snap| snap.files.remove(path))
    })
}

/// The code entry point the prerendered page's route needs (`Snapshot::entry`).
pub fn entry() -> Option<String> {
    SNAPSHOT.with(|s| s.borrow().as_ref().and_then(|snap| snap.entry.clone()))
}

/// Whether the prerendered page's routes hydrate with it (`Snapshot::at_once`, `routes`).
pub fn at_once() -> bool {
    SNAPSHOT.with(|s| s.borrow().as_ref().is_some_and(|snap| snap.at_once))
}

/// The build time the prerendered markup was computed with.
pub fn now() -> Option<i64> {
    SNAPSHOT.with(|s| s.borrow().as_ref().map(|snap| snap.now))
}
