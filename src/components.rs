//! Presentational pieces shared by pages.

pub mod caption;
pub mod content_image;
pub mod deferred;
pub mod drawer;
pub mod error_panel;
pub mod footer;
pub mod listing_view;
pub mod local_time;
pub mod main_nav;
pub mod masthead;
pub mod paced;
pub mod page_meta;
pub mod pagination;
pub mod region_nav;
pub mod resource_view;
pub mod teaser_card;
pub mod teaser_list;
