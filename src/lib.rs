//! Newsfront: a news site front-end rendered from JSON content.

pub mod app;
pub mod article;
pub mod components;
pub mod data;
pub mod features;
pub mod platform;
pub mod routes;

pub use app::App;
