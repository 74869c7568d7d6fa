//! Small DOM helpers for focus management and the boot shell.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])";

/// Removes the static masthead that `index.html` shows while the wasm loads.
pub fn remove_boot_shell() {
    if let Some(el) = crate::platform::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        el.remove();
    }
}

/// Empties `<body>` of prerendered markup (keeping scripts), before rendering from scratch.
pub fn clear_prerendered_body() {
    let Some(body) = crate::platform::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let mut child = body.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        let keep = node
            .dyn_ref::<Element>()
            .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("script") || el.id() == "boot");
        if !keep {
            let _ = body.remove_child(&node);
        }
    }
}

pub fn focus(el: &HtmlElement) {
    let _ = el.focus();
}

/// True when focus moved to somewhere outside the element that received `focusout`.
pub fn focus_left(ev: &web_sys::FocusEvent) -> bool {
    let Some(current) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<Element>().ok())
    else {
        return true;
    };
    match ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
    {
        Some(next) => !current.contains(Some(&next)),
        None => true,
    }
}

/// Keeps Tab and Shift+Tab inside `container` (a modal drawer). Returns true when it moved focus.
pub fn trap_tab(ev: &web_sys::KeyboardEvent, container: &Element) -> bool {
    if ev.key() != "Tab" {
        return false;
    }
    let Ok(list) = container.query_selector_all(FOCUSABLE) else {
        return false;
    };
    let items: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return false;
    };
    let active = crate::platform::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = |el: &HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<Element>())
    };
    if ev.shift_key()
        && (at(first)
            || active
                .as_ref()
                .is_some_and(|a| !container.contains(Some(a))))
    {
        ev.prevent_default();
        focus(last);
        true
    } else if !ev.shift_key() && at(last) {
        ev.prevent_default();
        focus(first);
        true
    } else {
        false
    }
}

/// True when a click landed on (or inside) a link.
pub fn is_link_click(ev: &web_sys::MouseEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .is_some()
}

/// The control a click landed on (or inside): a button, or a select or input.
pub fn clicked_control(ev: &web_sys::MouseEvent) -> Option<HtmlElement> {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("button, select, input").ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
}

/// Clicks `el` again (a control pressed before its handlers were attached).
pub fn click(el: &HtmlElement) {
    el.click();
}

/// Scrolls the element being read aloud (marked by the view with the reading class) to the
/// middle of the screen.
pub fn scroll_to_reading() {
    let Some(doc) = crate::platform::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!(".{}", crate::features::reading::READING_CLASS);
    if let Some(el) = doc.query_selector(&selector).ok().flatten() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Whether a key press goes to a field the reader is typing in (so a shortcut must not fire).
pub fn is_typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| {
            el.is_content_editable()
                || matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
}
