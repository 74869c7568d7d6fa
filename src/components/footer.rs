//! The site footer: logo, description, links, rights line, app and social links, and the
//! display settings (theme, text size).

use crate::components::content_image::ContentImage;
use crate::components::error_panel::ErrorPanel;
use crate::components::paced::paced;
use crate::data::use_site_result;
use crate::edition::link;
use crate::features::display::Display;
use crate::i18n::{t_string, use_i18n};
use crate::lazy::entry_point;
use leptos::prelude::*;
use newsfront_model::layout::sizes;
use newsfront_model::site::{AppLink, FooterLink, SocialLink};
use newsfront_model::{href, Site};

entry_point! {
    /// The footer's code: in the release build a chunk of its own, hydrated once the page is
    /// idle or a control in it is pressed (`components::deferred`, used by the app's frame).
    fn footer_chunk() preload preload_footer {
        view! { <Footer /> }.into_any()
    }
}

/// The footer on every page (empty until `site.json` loads; what is wrong with it when the
/// masthead's part of it reads but the rest does not).
#[component]
pub fn Footer() -> impl IntoView {
    let site = use_site_result();
    view! {
        <footer class="footer">
            {move || site.get().map(|site| match site {
                Ok(site) => view! { <FooterContent site /> }.into_any(),
                Err(error) => view! { <ErrorPanel error /> }.into_any(),
            })}
        </footer>
    }
}

/// The footer for a loaded site, hydrated in slices (its part is `deferred_paced`, in the app's
/// frame): in one go, running its code for the first time was one task of 13-30 ms on this host.
#[component]
pub fn FooterContent(site: Site) -> impl IntoView {
    let i18n = use_i18n();
    let Site {
        name,
        logo,
        footer,
        apps,
        social,
        ..
    } = site;
    let (description, links, rights) = (footer.description, footer.links, footer.rights);
    view! {
        <div class="footer__inner">
            {paced(move || view! {
                <div class="footer__brand">
                    <a href=link(&href::home())><ContentImage image=logo alt=name eager=false sizes=sizes::LOGO /></a>
                    <p class="footer__description">{description}</p>
                </div>
                <nav class="footer__nav" aria-label=move || t_string!(i18n, frame.footer)>
                    <ul class="footer__links">{footer_links(links)}</ul>
                </nav>
            }.into_any())}
            {paced(move || view! {
                <div class="footer__apps">
                    <h2 class="footer__heading">{move || t_string!(i18n, frame.get_the_app)}</h2>
                    <ul class="footer__app-list">{app_links(apps)}</ul>
                </div>
                <ul class="footer__social">{social_links(social)}</ul>
            }.into_any())}
            {paced(|| view! { <Display id="display-footer" /> }.into_any())}
            <p class="footer__rights">{rights}</p>
        </div>
    }
}

/// The footer's own links. Site paths in an edition's `site.json` are that edition's
/// (`/page/about` → `/ar/page/about`).
fn footer_links(links: Vec<FooterLink>) -> AnyView {
    links
        .into_iter()
        .filter_map(|l| Some(view! { <li><a class="footer__link" href=link(&href::safe_url(&l.href)?)>{l.label}</a></li> }))
        .collect_view()
        .into_any()
}

/// The app store links.
fn app_links(apps: Vec<AppLink>) -> AnyView {
    apps.into_iter()
        .filter_map(|a| {
            let url = href::safe_url(&a.url)?;
            // A platform this version does not know shows the link's own label instead of a badge.
            Some(match a.platform.badge() {
                Some(badge) => {
                    // The accessible name must contain the visible badge (WCAG 2.5.3): a label
                    // in another script ("… أندرويد") gets the badge's word after a comma (not in
                    // parentheses, which checkers such as axe leave out of the comparison).
                    let name = if a.label.contains(badge) {
                        a.label
                    } else {
                        format!("{}, {badge}", a.label)
                    };
                    view! {
                        <li><a class="footer__app" href=url rel="noopener" aria-label=name>{badge}</a></li>
                    }
                    .into_any()
                }
                None => view! { <li><a class="footer__app" href=url rel="noopener">{a.label}</a></li> }.into_any(),
            })
        })
        .collect_view()
        .into_any()
}

/// The outlet's social media links.
fn social_links(social: Vec<SocialLink>) -> AnyView {
    social
        .into_iter()
        .filter_map(|s| Some(view! { <li><a class="footer__link" href=href::safe_url(&s.url)? rel="noopener">{s.label}</a></li> }))
        .collect_view()
        .into_any()
}
