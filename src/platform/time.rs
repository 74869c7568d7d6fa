//! Dates in the reader's locale and time zone (Intl.DateTimeFormat).

use wasm_bindgen::JsValue;

/// "27 Nov 2026, 09:30" (or the reader's locale's equivalent) for a Unix time in seconds.
pub fn format_local(unix: i64, with_time: bool) -> Option<String> {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| js_sys::Reflect::set(&options, &k.into(), &v.into()).ok();
    set("day", "numeric")?;
    set("month", "short")?;
    set("year", "numeric")?;
    if with_time {
        set("hour", "2-digit")?;
        set("minute", "2-digit")?;
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options);
    let date = js_sys::Date::new(&JsValue::from_f64(unix as f64 * 1000.0));
    format.format().call1(&format, &date).ok()?.as_string()
}
