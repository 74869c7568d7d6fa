//! The wall clock. (Page visibility comes from `leptos_use::use_document_visibility`.)

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
