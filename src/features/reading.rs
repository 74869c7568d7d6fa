//! What Listen is reading aloud now: written by the Listen control, read by the article view
//! and body, which mark that element with the `is-reading` class through the view (never by
//! querying the document), so renaming a block's class cannot break the highlight.

use leptos::prelude::*;
use newsfront_model::listen::Unit;

/// Class of the element being read aloud (styled in `style/listen.css`; views set it with
/// `class:is-reading`, which must spell the same name).
pub const READING_CLASS: &str = "is-reading";

/// The unit being read (`None` when Listen is idle).
#[derive(Clone, Copy)]
pub struct Reading {
    current: RwSignal<Option<Unit>>,
}

impl Reading {
    /// Whether `unit` is the one being read (tracked).
    pub fn is(&self, unit: Unit) -> bool {
        self.current.with(|c| *c == Some(unit))
    }

    /// The unit being read (tracked).
    pub fn current(&self) -> Option<Unit> {
        self.current.get()
    }

    pub fn set(&self, unit: Option<Unit>) {
        self.current.set(unit);
    }
}

/// Provides the reading state for one article; call in the article view, above Listen and body.
pub fn provide_reading() -> Reading {
    let reading = Reading {
        current: RwSignal::new(None),
    };
    provide_context(reading);
    reading
}

/// The article's reading state, when a view above provided one.
pub fn use_reading() -> Option<Reading> {
    use_context::<Reading>()
}

/// For `class:is-reading=is_reading(reading, unit)`: whether `unit` is being read aloud.
pub fn is_reading(
    reading: Option<Reading>,
    unit: Unit,
) -> impl Fn() -> bool + Send + Sync + Copy + 'static {
    move || reading.is_some_and(|r| r.is(unit))
}
