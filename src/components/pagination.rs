//! Page links for a listing.

use crate::i18n::{t_string, use_i18n};
use leptos::prelude::*;
use newsfront_model::href;
use newsfront_model::paginate::window;

/// "Previous · 1 … 4 5 6 … 10 · Next" for `route`.
#[component]
pub fn Pagination(route: String, page: u32, total: u32) -> impl IntoView {
    let i18n = use_i18n();
    if total <= 1 {
        return ().into_any();
    }
    let prev = (page > 1).then(|| href::paged(&route, page - 1));
    let next = (page < total).then(|| href::paged(&route, page + 1));
    let links = window(page, total)
        .into_iter()
        .map(|p| match p {
            Some(n) if n == page => view! { <li><span class="pagination__current" aria-current="page">{crate::text::digits(&n.to_string())}</span></li> }.into_any(),
            Some(n) => view! { <li><a class="pagination__link" href=href::paged(&route, n) aria-label=move || crate::text::digits(&t_string!(i18n, pages.page_n, n = n).to_string())>{crate::text::digits(&n.to_string())}</a></li> }.into_any(),
            None => view! { <li class="pagination__gap" aria-hidden="true">"…"</li> }.into_any(),
        })
        .collect_view();
    view! {
        <nav class="pagination" aria-label=move || t_string!(i18n, pages.pagination)>
            <ul class="pagination__list">
                {prev.map(|h| view! { <li><a class="pagination__link" href=h rel="prev">{move || t_string!(i18n, pages.previous_page)}</a></li> })}
                {links}
                {next.map(|h| view! { <li><a class="pagination__link" href=h rel="next">{move || t_string!(i18n, pages.next_page)}</a></li> })}
            </ul>
        </nav>
    }
    .into_any()
}
