//! Newsfront: a news site front-end rendered from JSON content.

#![recursion_limit = "256"]

pub mod app;
pub mod article;
pub mod components;
pub mod data;
pub mod edition;
pub mod features;
pub mod lazy;
pub mod platform;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;

pub use app::App;
