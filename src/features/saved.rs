//! Saved articles: the Save button (article pages and story cards), the masthead's Saved link
//! with its count, and the list every view shares. The list and the files kept for offline
//! reading live on the device (`platform::saved`, `newsfront_model::saved`); the Saved page is
//! `routes::saved`.

use crate::data::content_url;
use crate::edition::{link, use_edition};
use crate::i18n::{t_string, use_i18n};
use crate::platform::saved as store;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_use::{use_event_listener, use_window};
use newsfront_model::saved::{page_images, shared_files, SavedList, KEY};
use newsfront_model::{href, Teaser};

/// The saved list, shared by every Save button, the count and the Saved page. Empty while the
/// page is prerendered and hydrated (the markup is the same on the server and in the browser);
/// read from the device on first use, by a Save button or the Saved page ([`Saved::load`], in
/// their code: the masthead's count reads the stored text without decoding it, so the first
/// module carries no decoder for the list).
#[derive(Clone, Copy)]
pub struct Saved {
    pub list: RwSignal<SavedList>,
    /// True while `list` holds the device's list (false again when another tab changed it,
    /// until it is read again).
    pub ready: RwSignal<bool>,
    /// Bumped when another tab changes the stored list.
    changed: RwSignal<u32>,
}

/// Provides [`Saved`]; call once in the root.
pub fn provide_saved() -> Saved {
    let saved = Saved {
        list: RwSignal::new(SavedList::default()),
        ready: RwSignal::new(false),
        changed: RwSignal::new(0),
    };
    // Saved or removed in another tab: read again where it is used.
    let _ = use_event_listener(use_window(), ev::storage, move |e| {
        if e.key().as_deref() == Some(KEY) {
            saved.ready.set(false);
            saved.changed.update(|n| *n += 1);
        }
    });
    provide_context(saved);
    saved
}

impl Saved {
    /// Reads the device's list unless `list` holds it; from an effect (tracked: read again
    /// after another tab changed it).
    pub fn load(self) {
        self.ready.track();
        self.ensure();
    }

    /// Like [`Saved::load`], untracked: before the list is changed.
    fn ensure(self) {
        if !self.ready.get_untracked() {
            self.list.set(store::list());
            self.ready.set(true);
        }
    }

    /// How many articles are saved in `edition` (tracked): from the list once read, else
    /// counted in the stored text.
    pub fn count(self, edition: &str) -> usize {
        if self.ready.get() {
            self.list.with(|l| l.of_edition(edition).count())
        } else {
            self.changed.track();
            store::count(edition)
        }
    }
}

pub fn use_saved() -> Saved {
    use_context::<Saved>().unwrap_or_else(provide_saved)
}

/// [`use_saved`] for a view that shows or changes the list: it is read once the view is
/// mounted.
pub fn use_saved_list() -> Saved {
    let saved = use_saved();
    Effect::new(move |_| saved.load());
    saved
}

/// True once the view calling it is mounted (its first effect has run): what only the device
/// knows is shown from then on, so the markup hydrated is the build's.
fn once_mounted() -> ReadSignal<bool> {
    let (mounted, set_mounted) = signal(false);
    Effect::new(move |_| set_mounted.set(true));
    mounted
}

/// The edition being read, as saved items name it (`""`, `"ar"`).
pub fn edition_prefix() -> String {
    use_edition().map_or_else(String::new, |c| c.prefix.get_untracked())
}

/// Where an article's files are, worked out when the reader presses Save (from the edition
/// and the slug alone: nothing is computed for the many cards whose button is never pressed).
struct Files {
    page: String,
    json: String,
    site: String,
    editions: String,
}

impl Files {
    fn of(edition: &str, slug: &str) -> Files {
        let dir = newsfront_model::edition::content_dir(edition);
        Files {
            page: newsfront_model::edition::localize(edition, &href::article(slug)),
            json: content_url(&format!("{dir}{}", href::content::article(slug))),
            site: content_url(&format!("{dir}{}", href::content::SITE)),
            editions: content_url(newsfront_model::edition::FILE),
        }
    }

    /// Everything the article needs offline: its page and the site files and images that page
    /// names, its content file, the edition's site files (for the offline app shell).
    async fn all(self) -> Vec<String> {
        let html = store::text(&self.page).await;
        let mut urls = vec![self.page, self.json, self.site, self.editions];
        if let Some(html) = html {
            urls.extend(shared_files(&html));
            urls.extend(page_images(&html));
        }
        urls
    }
}

/// Saves the article or removes it (whichever it is not), on the device and in the list.
fn toggle(saved: Saved, edition: &str, teaser: &Teaser) {
    // (Pressed before the view's effect read the list: the stored one is changed, not an
    // empty one.)
    saved.ensure();
    let slug = &teaser.slug;
    let files = Files::of(edition, slug);
    if saved.list.with_untracked(|l| l.contains(edition, slug)) {
        saved.list.update(|l| {
            l.remove(edition, slug);
        });
        saved.list.with_untracked(store::store);
        spawn_local(async move { store::unpin(files.all().await).await });
    } else {
        let now = js_sys::Date::now();
        saved.list.update(|l| l.add(edition, teaser.clone(), now));
        saved.list.with_untracked(store::store);
        spawn_local(async move {
            store::pin(files.all().await).await;
        });
    }
}

/// Saves or removes one article: the article page's button, whose visible label says which.
#[component]
pub fn SaveButton(teaser: Teaser) -> impl IntoView {
    let i18n = use_i18n();
    let saved = use_saved_list();
    let edition = edition_prefix();
    // Read from the list only once mounted: hydrated after the page (the article's tools are
    // a deferred part, `components::deferred`), the list is loaded by then, and the markup to
    // hydrate is the build's, which says "Save".
    let mounted = once_mounted();
    let is_saved = {
        let (edition, slug) = (edition.clone(), teaser.slug.clone());
        Memo::new(move |_| mounted.get() && saved.list.with(|l| l.contains(&edition, &slug)))
    };
    let label = move || {
        if is_saved.get() {
            t_string!(i18n, article.saved)
        } else {
            t_string!(i18n, article.save)
        }
    };
    view! {
        <button class="save button" type="button" aria-pressed=move || is_saved.get().to_string()
            on:click=move |_| toggle(saved, &edition, &teaser)>
            <span class="save__icon" aria-hidden="true"></span>
            <span class="save__label">{label}</span>
        </button>
    }
}

/// A story card's Save button: an icon whose name stays "Save: headline" while `aria-pressed`
/// says whether it is saved (a toggle button's name does not change with its state). One of
/// many on a listing, so it is as light as a button can be: one reactive attribute, the glyph
/// drawn by CSS from that attribute, the files worked out only when pressed.
#[component]
pub fn SaveToggle(teaser: Teaser) -> impl IntoView {
    let i18n = use_i18n();
    let saved = use_saved_list();
    let edition = edition_prefix();
    let name = t_string!(
        i18n,
        article.save_headline,
        headline = crate::text::isolate(&teaser.headline)
    )
    .to_string();
    let pressed = {
        let (edition, slug) = (edition.clone(), teaser.slug.clone());
        move || saved.list.with(|l| l.contains(&edition, &slug)).to_string()
    };
    view! {
        <button class="save button save--compact" type="button" aria-pressed=pressed aria-label=name
            on:click=move |_| toggle(saved, &edition, &teaser)>
            <span class="save__icon" aria-hidden="true"></span>
        </button>
    }
}

/// The masthead's link to the Saved page, with the number of articles saved in this edition
/// (its place kept while the list is read, so nothing moves).
#[component]
pub fn SavedLink() -> impl IntoView {
    let i18n = use_i18n();
    let saved = use_saved();
    let edition = edition_prefix();
    // Once mounted: the markup hydrated is the build's, with nothing saved.
    let mounted = once_mounted();
    let count = Memo::new(move |_| {
        if mounted.get() {
            saved.count(&edition)
        } else {
            0
        }
    });
    view! {
        <a class="masthead__saved" href=link(&href::saved())>
            <span aria-hidden="true">"★ "</span>
            <span class="masthead__label">{move || t_string!(i18n, frame.saved)}</span>
            <span class="masthead__saved-count">
                {move || (count.get() > 0).then(|| crate::text::digits(&format!(" ({})", count.get())))}
            </span>
        </a>
    }
}
