//! Dates in the reader's locale and time zone (Intl.DateTimeFormat).

use wasm_bindgen::JsValue;

thread_local! {
    /// The two formatters (date only, date and time), made once: constructing an
    /// `Intl.DateTimeFormat` costs far more than formatting with one, and a listing formats a
    /// date per card in the effects right after hydration.
    static FORMATS: [js_sys::Intl::DateTimeFormat; 2] = [formatter(false), formatter(true)];
}

fn formatter(with_time: bool) -> js_sys::Intl::DateTimeFormat {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    };
    set("day", "numeric");
    set("month", "short");
    set("year", "numeric");
    if with_time {
        set("hour", "2-digit");
        set("minute", "2-digit");
    }
    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options)
}

/// "27 Nov 2026, 09:30" (or the reader's locale's equivalent) for a Unix time in seconds.
pub fn format_local(unix: i64, with_time: bool) -> Option<String> {
    crate::platform::window()?;
    let date = js_sys::Date::new(&JsValue::from_f64(unix as f64 * 1000.0));
    FORMATS.with(|f| {
        let format = &f[usize::from(with_time)];
        format.format().call1(format, &date).ok()?.as_string()
    })
}
