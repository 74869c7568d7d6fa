//! Shows a content resource: a loading placeholder, the page, the 404 page or an error panel.

use crate::components::error_panel::ErrorPanel;
use crate::routes::not_found::NotFound;
use leptos::prelude::*;
use newsfront_model::ContentError;

/// Renders `resource` with `render` once it has loaded.
pub fn resource_view<T, V>(
    resource: LocalResource<Result<T, ContentError>>,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || {
        match resource.get() {
        None => view! { <div class="loading" aria-busy="true"><span class="visually-hidden">"Loading…"</span></div> }.into_any(),
        Some(Ok(value)) => render(value).into_any(),
        Some(Err(e)) if e.is_not_found() => view! { <NotFound /> }.into_any(),
        Some(Err(error)) => {
            leptos::logging::warn!("{error}");
            view! { <ErrorPanel error retry=Callback::new(move |_| resource.refetch()) /> }.into_any()
        }
    }
    }
}
