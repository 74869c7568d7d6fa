//! Reader features with browser behaviour: each view here drives pure state from the model
//! crate (`newsfront_model::listen`, `share`) through `platform/`.

pub mod display;
pub mod edition_offer;
pub mod feed;
pub mod listen;
pub mod pwa;
pub mod reading;
pub mod saved;
pub mod search_entry;
pub mod share;
pub mod ticker;
