//! Shows a content resource: a loading placeholder, the page, the 404 page or an error panel.

use crate::components::error_panel::ErrorPanel;
use crate::components::paced::paced;
use crate::data::Content;
use crate::i18n::{t_string, use_i18n};
use crate::routes::not_found::NotFound;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// Renders `resource` with `render` once it has loaded.
///
/// The page is paced (`components::paced`): decoding the file and building the page's view are
/// two units of work, and while hydrating, the second may start in a task of its own.
///
/// Each new value is mounted fresh rather than patched into the previous page: when the same
/// view type is rebuilt in place (article A → article B), leptos_meta's head tags inside
/// reactive children are dropped and not re-mounted. Alternating the `Either` branch makes the
/// renderer replace the old page, so head metadata always belongs to the page on screen.
pub fn resource_view<T, V>(
    resource: Content<T>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let render = Arc::new(render);
    let flip = StoredValue::new(false);
    move || {
        let page = match resource.get() {
            None => view! { <div class="loading" aria-busy="true"><span class="visually-hidden">{move || t_string!(i18n, pages.loading)}</span></div> }.into_any(),
            Some(Ok(value)) => {
                let render = Arc::clone(&render);
                paced(move || render(value).into_any()).into_any()
            }
            Some(Err(e)) if e.is_not_found() => view! { <NotFound /> }.into_any(),
            Some(Err(error)) => {
                leptos::logging::warn!("{error}");
                view! { <ErrorPanel error retry=Callback::new(move |_| resource.refetch()) /> }.into_any()
            }
        };
        flip.update_value(|f| *f = !*f);
        if flip.get_value() {
            Either::Left(page)
        } else {
            Either::Right(page)
        }
    }
}
