//! The interface strings: the translations `build.rs` compiles from `locales/` (leptos_i18n's
//! generated module, [`crate::generated::i18n`]), and the language they are shown in.
//!
//! The language is the edition's (the address decides, `crate::edition`), so the page needs no
//! more than a signal of it: [`provide_i18n`] puts one in the context, [`use_i18n`] reads it, and
//! `t_string!(i18n, area.key)` looks a string up in its current language (tracked). leptos_i18n's
//! own context also asks the browser for its languages and parses them with ICU4X, and keeps a
//! cookie: about 20 KB of wasm every page loaded before it was interactive, for nothing here.

use leptos::prelude::*;

pub use crate::generated::i18n::{td_string, Locale};

/// The interface language of the page (a handle on a signal: `Copy`).
#[derive(Clone, Copy)]
pub struct I18n(Signal<Locale>);

impl I18n {
    /// The current language (tracked).
    pub fn locale(self) -> Locale {
        self.0.get()
    }
}

/// Makes `locale` the interface language of this part of the page and everything under it.
pub fn provide_i18n(locale: Signal<Locale>) {
    provide_context(I18n(locale));
}

/// The interface language in context; the default one when none was provided.
pub fn use_i18n() -> I18n {
    use_context().unwrap_or_else(|| I18n(Signal::stored(Locale::default())))
}

/// `t_string!(i18n, area.key)` (values after: `, count = n`): the string in the language of
/// `i18n` (an [`I18n`]), tracked.
macro_rules! t_string {
    ($i18n:expr, $($key:tt)*) => {
        $crate::i18n::td_string!($crate::i18n::I18n::locale($i18n), $($key)*)
    };
}
pub(crate) use t_string;
