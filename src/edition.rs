//! The edition being read and links that stay inside it (see `newsfront_model::edition`).
//!
//! The address says which edition a page belongs to (`/ar/…`: Arabic; no prefix: the default
//! edition), so the prerendered page and the browser agree without reading anything. Content
//! paths are then read from that edition's folder (`data::use_content` adds it), and views build
//! their links with [`link`], which puts the prefix in front of the default edition's path.

use crate::data::{use_content_at_root, Content};
use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use newsfront_model::edition::{self, Edition, EditionsFile};
use std::collections::BTreeMap;

/// Provided once, inside the router.
#[derive(Clone, Copy)]
pub struct EditionContext {
    /// The current edition's prefix (`""`, `"ar"`), from the address.
    pub prefix: Memo<String>,
    /// `editions.json` from the built content (a publisher with one edition may have none).
    pub list: Content<EditionsFile>,
    /// The edition at `prefix`, once the list has loaded: worked out once per address, not
    /// by every date, number and head tag that asks.
    pub current: Memo<Option<Edition>>,
    /// A page's versions in other editions: its path, and edition code → site path there (an
    /// article's translations). Set by the article page once it runs in the browser, so the
    /// edition switcher lands on the same story; read only while that page is shown.
    pub translations: RwSignal<Option<(String, BTreeMap<String, String>)>>,
}

pub fn provide_edition() -> EditionContext {
    let location = use_location();
    let list = use_content_at_root::<EditionsFile>(|| edition::FILE.to_string());
    let prefix = Memo::new(move |_| {
        let named = location
            .pathname
            .with(|path| edition::prefix_of(path).to_string());
        // `/totally/unknown` is a page of the default edition that does not exist, not an
        // edition called "totally": its frame is the default edition's.
        match list.get() {
            Some(Ok(list)) if list.by_prefix(&named).is_none() => String::new(),
            Some(Err(_)) => String::new(),
            _ => named,
        }
    });
    let current = Memo::new(move |_| {
        let prefix = prefix.get();
        list.get()
            .and_then(Result::ok)
            .and_then(|list| list.by_prefix(&prefix).cloned())
    });
    let context = EditionContext {
        prefix,
        list,
        current,
        translations: RwSignal::new(None),
    };
    provide_context(context);
    context
}

pub fn use_edition() -> Option<EditionContext> {
    use_context::<EditionContext>()
}

/// `path`, a site path of the default edition (`href::article(…)`), inside the edition being
/// read (`/ar/article/…`). Absolute URLs are left alone.
pub fn link(path: &str) -> String {
    match use_edition() {
        Some(context) => context
            .prefix
            .with_untracked(|p| edition::localize(p, path)),
        None => path.to_string(),
    }
}

/// The folder of the edition being read, relative to the content base (`""`, `"ar/"`); tracked.
pub fn content_dir() -> String {
    use_edition().map_or_else(String::new, |c| c.prefix.with(|p| edition::content_dir(p)))
}

/// The same, read once (a view built for one edition: a feed, a link).
pub fn content_dir_untracked() -> String {
    use_edition().map_or_else(String::new, |c| {
        c.prefix.with_untracked(|p| edition::content_dir(p))
    })
}

/// The edition being read, once `editions.json` has loaded (tracked).
pub fn current() -> Option<Edition> {
    use_edition()?.current.get()
}

/// Whether the edition being read runs right to left.
pub fn is_rtl() -> bool {
    use_edition().is_some_and(|context| {
        context.current.with(|e| {
            e.as_ref()
                .is_some_and(|e| e.direction == edition::Direction::Rtl)
        })
    })
}

/// The site path of the story `slug` in the edition `code` (`None`: no such edition).
pub fn article_in(list: &EditionsFile, code: &str, slug: &str) -> Option<String> {
    let there = list.by_code(code)?;
    Some(edition::localize(
        &there.prefix,
        &newsfront_model::href::article(slug),
    ))
}

/// Paths of the story in other editions (edition code → site path), from an article's
/// `translations` (edition code → slug); links to editions the list does not have are left out.
pub fn translation_paths(
    list: &EditionsFile,
    translations: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    translations
        .iter()
        .filter_map(|(code, slug)| Some((code.clone(), article_in(list, code, slug)?)))
        .collect()
}

/// Tells the edition switcher where this page is in other editions (after hydration: the
/// prerendered switcher points at the other editions' front pages, as it does without script).
pub fn announce_translations(path: String, translations: BTreeMap<String, String>) {
    let Some(context) = use_edition() else {
        return;
    };
    Effect::new(move |_| {
        let paths = context
            .list
            .get()
            .and_then(Result::ok)
            .map(|list| translation_paths(&list, &translations))
            .unwrap_or_default();
        context.translations.set(Some((path.clone(), paths)));
    });
}

/// Where an edition link of the masthead (`href`: that edition's front page, `/ar/`) leads
/// from the page at `pathname`: the same story there when this page announced one, else `href`.
pub fn switch_target(href: &str, pathname: &str) -> String {
    let Some(context) = use_edition() else {
        return href.to_string();
    };
    let prefix = edition::prefix_of(href);
    let code = context
        .list
        .get()
        .and_then(Result::ok)
        .and_then(|list| list.by_prefix(prefix).map(|e| e.code.clone()));
    context.translations.with(|t| {
        t.as_ref()
            .filter(|(path, _)| {
                newsfront_model::href::page_key(path, "")
                    == newsfront_model::href::page_key(pathname, "")
            })
            .and_then(|(_, paths)| paths.get(code.as_deref()?))
            .cloned()
            .unwrap_or_else(|| href.to_string())
    })
}

/// `hreflang` alternates of the page at `path` in the edition `current`, which is also at
/// `others` (edition code → path): each edition's language with its path, this page's own, and
/// `x-default` for the default edition's. Nothing when the page has no other version.
pub fn alternates(
    current: Option<&Edition>,
    path: &str,
    others: &BTreeMap<String, String>,
) -> Vec<(String, String)> {
    let (Some(current), Some(context)) = (current, use_edition()) else {
        return Vec::new();
    };
    let Some(list) = context.list.get().and_then(Result::ok) else {
        return Vec::new();
    };
    if others.is_empty() {
        return Vec::new();
    }
    let mut out = vec![(current.language.clone(), path.to_string())];
    for (code, there) in others {
        if let Some(e) = list.by_code(code) {
            out.push((e.language.clone(), there.clone()));
        }
    }
    let default = list.default_edition().map(|e| e.code.as_str());
    let default_path = if default == Some(current.code.as_str()) {
        Some(path.to_string())
    } else {
        default.and_then(|code| others.get(code).cloned())
    };
    if let Some(p) = default_path {
        out.push(("x-default".to_string(), p));
    }
    out
}

/// The front pages of the other editions (edition code → path), the home page's alternates.
pub fn other_homes() -> BTreeMap<String, String> {
    let Some(context) = use_edition() else {
        return BTreeMap::new();
    };
    let prefix = context.prefix.get_untracked();
    context
        .list
        .get_untracked()
        .and_then(Result::ok)
        .map(|list| {
            list.editions
                .iter()
                .filter(|e| e.prefix != prefix)
                .map(|e| (e.code.clone(), edition::localize(&e.prefix, "/")))
                .collect()
        })
        .unwrap_or_default()
}

/// A page of an edition under its prefix (`/:edition/…`), or "not found" when the first
/// segment of the address names no edition (`/nonsense/`).
///
/// The prefix is only kept when it names an edition (or while the list is loading), so "known"
/// can only turn false once, when a client-rendered page learns the list; moving between two
/// editions' pages of one route keeps it true and keeps the page.
pub fn in_edition(page: AnyView) -> AnyView {
    let context = use_edition();
    let known = Memo::new(move |_| context.is_some_and(|context| !context.prefix.get().is_empty()));
    let page = std::sync::Mutex::new(Some(page));
    (move || {
        if known.get() {
            page.lock()
                .ok()
                .and_then(|mut page| page.take())
                .unwrap_or_else(|| ().into_any())
        } else {
            view! { <crate::routes::not_found::NotFoundPage /> }.into_any()
        }
    })
    .into_any()
}

/// The translation the build has for a language tag, by its primary language subtag (`ar`,
/// `ar-u-nu-latn`, `es-419` → `ar`, `es`); the default one's when it has none. (leptos_i18n's
/// `find_locale` does the same for the build's translations, which have no region or script,
/// but parses the tag with ICU4X: 9 KB of wasm every page loaded before it was interactive.)
pub fn interface_locale(tag: &str) -> Locale {
    use leptos_i18n::Locale as _;
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    Locale::get_all()
        .iter()
        .copied()
        .find(|l| l.as_str().eq_ignore_ascii_case(primary))
        .unwrap_or_default()
}

/// The interface language of the edition being read: its language tag's, matched against the
/// translations the build has (`ar-u-nu-latn` → `ar`); the default one's when none matches.
pub fn provide_interface_language() {
    let locale = Memo::new(move |_| {
        current().map_or_else(Locale::default, |e| interface_locale(&e.language))
    });
    crate::i18n::provide_i18n(locale.into());
}
