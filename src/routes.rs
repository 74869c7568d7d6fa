//! One page per file; each loads its data through `data::load` and renders a view component.

pub mod article;
pub mod authors;
pub mod home;
pub mod listing;
pub mod live;
pub mod not_found;
pub mod static_page;
