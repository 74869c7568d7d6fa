//! Every browser API call lives here, behind small functions that return `Option`/`Result`.
//! Callers run them in effects and event handlers, never while rendering.

pub mod clock;
pub mod config;
pub mod dom;
pub mod fetch;
pub mod media;
pub mod pwa;
pub mod share;
pub mod speech;
pub mod storage;
pub mod time;
