//! Every browser API call lives here, behind small functions that return `Option`/`Result`.

pub mod config;
pub mod dom;
pub mod fetch;
