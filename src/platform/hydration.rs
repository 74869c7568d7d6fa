//! The snapshot a prerendered page embeds for hydration (`<script type="application/json"
//! id="nf-data">`, see `newsfront_model::snapshot`), read once at startup.

use newsfront_model::snapshot::{Snapshot, ELEMENT_ID};
use std::cell::RefCell;

thread_local! {
    static SNAPSHOT: RefCell<Option<Snapshot>> = const { RefCell::new(None) };
}

/// Reads the embedded snapshot. Returns true when this page was prerendered for the address
/// it is shown at, so the app can hydrate it; otherwise the snapshot is dropped and the app
/// renders from scratch (the app shell, or a prerendered file served for another address).
pub fn start() -> bool {
    let Some(document) = crate::platform::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(snapshot) = document
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
    SNAPSHOT.with(|s| *s.borrow_mut() = Some(snapshot));
    true
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

/// The build time the prerendered markup was computed with.
pub fn now() -> Option<i64> {
    SNAPSHOT.with(|s| s.borrow().as_ref().map(|snap| snap.now))
}
