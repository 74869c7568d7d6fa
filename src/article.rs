//! The article: its header and the body renderer (one match over the block enum).

pub mod article_view;
pub mod body;
pub mod gallery;
pub mod infograph;
pub mod inline;
pub mod player_facade;
pub mod video_player;
