//! Presentational pieces shared by pages.

pub mod content_image;
pub mod drawer;
pub mod error_panel;
pub mod footer;
pub mod listing_view;
pub mod main_nav;
pub mod masthead;
pub mod pagination;
pub mod region_nav;
pub mod resource_view;
pub mod teaser_card;
