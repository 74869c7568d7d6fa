//! Newsfront: a news site front-end rendered from JSON content.

#![recursion_limit = "256"]

pub mod app;
pub mod article;
pub mod components;
pub mod data;
pub mod edition;
/// The translations compiled by build.rs from locales/*.json (leptos_i18n); read through [`i18n`].
pub mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}
pub mod features;
pub mod i18n;
pub mod lazy;
pub mod platform;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
pub mod text;

pub use app::App;
