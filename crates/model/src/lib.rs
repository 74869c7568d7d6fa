//! The Newsfront content model: the JSON wire types every file kind decodes into, their
//! validation, and the pure helpers (URLs, time, pagination, reading time) the views and the
//! content tool share. No leptos, no web-sys: everything here compiles and is tested natively.

pub mod article;
pub mod block;
pub mod cycle;
pub mod decode;
pub mod edition;
pub mod error;
pub mod href;
pub mod image;
pub mod layout;
pub mod list;
pub mod listen;
pub mod paginate;
pub mod panels;
pub mod prefs;
pub mod read_next;
pub mod reading;
pub mod saved;
pub mod search;
pub mod seo;
pub mod share;
pub mod site;
pub mod slug;
pub mod snapshot;
pub mod ticker;
pub mod time;
pub mod validate;
pub mod zoom;

pub use article::{Article, ArticleKind, ArticleSource, AuthorRef, Tag, Topic};
pub use block::{Block, Inline, RelatedItem};
pub use decode::decode;
pub use error::ContentError;
pub use image::Image;
pub use list::{
    Author, AuthorsFile, Breaking, BreakingItem, ListKind, ListPage, MostRead, Page, Teaser,
    TopicsFile,
};
pub use site::{NavItem, Site, SiteFrame};
pub use time::Timestamp;
