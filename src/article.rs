//! The article: its header and the body renderer (one match over the block enum).

pub mod article_view;
pub mod body;
pub mod inline;
