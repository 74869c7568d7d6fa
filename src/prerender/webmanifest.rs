//! The web app manifest of each edition (`/manifest.webmanifest`, `/ar/manifest.webmanifest`),
//! written by the prerender step from the edition's built `site.json`: installing from an
//! edition installs that edition, with its name, language, direction, start page and shortcuts
//! (the first sections of its menu and its LIVE page) in its own language. Frame links the
//! edition's manifest (`crate::app`).

use crate::i18n::td_string;
use newsfront_model::edition::{self, Edition, EditionsFile};
use newsfront_model::{href, Site};
use serde_json::{json, Value};
use std::path::Path;

/// How many sections of the menu become shortcuts (the LIVE page is added after them).
const SECTION_SHORTCUTS: usize = 3;
const SHORTCUT_ICON: &str = "/icons/shortcut-96.png";

/// The manifest of `edition`, whose front page is `site`. `screenshots`: the folder (site path)
/// holding its `narrow.png` and `wide.png`, when the build has them.
pub fn manifest(
    site: &Site,
    edition: &Edition,
    theme_color: &str,
    screenshots: Option<&str>,
) -> Value {
    let locale = crate::edition::interface_locale(&edition.language);
    let home = edition::localize(&edition.prefix, &href::home());
    let shortcut = |name: &str, path: String| {
        json!({
            "name": name,
            "url": edition::localize(&edition.prefix, &path),
            "icons": [{ "src": SHORTCUT_ICON, "sizes": "96x96", "type": "image/png" }],
        })
    };
    let mut shortcuts: Vec<Value> = site
        .nav
        .iter()
        .filter(|item| !item.live)
        .take(SECTION_SHORTCUTS)
        .map(|item| shortcut(&item.label, href::section(&item.slug)))
        .collect();
    if let Some(live) = site.nav.iter().find(|item| item.live) {
        shortcuts.push(shortcut(&live.label, href::live()));
    }
    let icon = |size: u32, purpose: &str| {
        let variant = if purpose == "maskable" {
            "icon-maskable"
        } else {
            "icon"
        };
        json!({
            "src": format!("/icons/{variant}-{size}.png"),
            "sizes": format!("{size}x{size}"),
            "type": "image/png",
            "purpose": purpose,
        })
    };
    let mut out = json!({
        "id": home,
        "name": site.name,
        "short_name": site.short_name.as_deref().unwrap_or(&site.name),
        "description": site.slogan,
        "lang": edition.language,
        "dir": edition.direction.as_str(),
        "start_url": home,
        "scope": home,
        "display": "standalone",
        "orientation": "any",
        "theme_color": theme_color,
        "background_color": "#ffffff",
        "categories": ["news"],
        "icons": [icon(192, "any"), icon(512, "any"), icon(192, "maskable"), icon(512, "maskable")],
        "shortcuts": shortcuts,
    });
    if let Some(dir) = screenshots {
        out["screenshots"] = json!([
            {
                "src": format!("{dir}/narrow.png"), "sizes": "390x844", "type": "image/png",
                "form_factor": "narrow", "label": td_string!(locale, frame.screenshot_narrow),
            },
            {
                "src": format!("{dir}/wide.png"), "sizes": "1280x800", "type": "image/png",
                "form_factor": "wide", "label": td_string!(locale, frame.screenshot_wide),
            },
        ]);
    }
    out
}

/// Writes the manifest of every edition listed in the built content's `editions.json` (one, at
/// `/`, without it) into `site_dir`; only files whose text changed are written. Returns the files
/// written, relative to `site_dir`.
pub fn write_all(
    site_dir: &Path,
    content_dir: &Path,
    theme_color: &str,
) -> Result<Vec<String>, String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let editions = match read(&content_dir.join(edition::FILE)) {
        Ok(text) => serde_json::from_str::<EditionsFile>(&text)
            .map_err(|e| format!("{}: {e}", edition::FILE))?,
        Err(_) => EditionsFile::single("en"),
    };
    let mut written = Vec::new();
    for e in &editions.editions {
        let site_file = content_dir
            .join(edition::content_dir(&e.prefix))
            .join(href::content::SITE);
        let site: Site = serde_json::from_str(&read(&site_file)?)
            .map_err(|err| format!("{}: {err}", site_file.display()))?;
        // `/screenshots/` for the default edition, `/screenshots/ar/` for another.
        let shots = match e.prefix.as_str() {
            "" => "/screenshots".to_string(),
            prefix => format!("/screenshots/{prefix}"),
        };
        let has_shots = site_dir
            .join(shots.trim_start_matches('/'))
            .join("narrow.png")
            .is_file();
        let value = manifest(&site, e, theme_color, has_shots.then_some(shots.as_str()));
        let text = serde_json::to_string_pretty(&value).map_err(|err| err.to_string())? + "\n";
        let file = edition::localize(&e.prefix, edition::MANIFEST)
            .trim_start_matches('/')
            .to_string();
        let target = site_dir.join(&file);
        if std::fs::read_to_string(&target).ok().as_deref() != Some(text.as_str()) {
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
            }
            std::fs::write(&target, text)
                .map_err(|err| format!("cannot write {}: {err}", target.display()))?;
            written.push(file);
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsfront_model::edition::Direction;

    fn site(text: &str) -> Site {
        serde_json::from_str(text).unwrap()
    }

    const SITE: &str = r#"{"name":"ميريديان ليدجر","short_name":"ميريديان","slogan":"صحافة واضحة",
        "logo":{"src":"images/logo.svg","width":240,"height":48,"alt":""},"footer":{"links":[],"rights":""},
        "nav":[{"slug":"news","label":"أخبار"},{"slug":"live","label":"مباشر","live":true},
               {"slug":"articles","label":"مقالات"},{"slug":"videos","label":"فيديو"},
               {"slug":"in-pictures","label":"بالصور"}]}"#;

    fn arabic() -> Edition {
        Edition {
            code: "ar".into(),
            language: "ar".into(),
            direction: Direction::Rtl,
            name: "العربية".into(),
            prefix: "ar".into(),
        }
    }

    #[test]
    fn an_edition_tag_finds_its_translation_by_its_language() {
        use crate::edition::interface_locale;
        use crate::i18n::Locale;
        for (tag, want) in [
            ("ar", Locale::ar),
            ("ar-u-nu-latn", Locale::ar),
            ("es-419", Locale::es),
            ("ES", Locale::es),
            ("en-GB", Locale::en),
            ("fr", Locale::en),
            ("", Locale::en),
        ] {
            assert_eq!(interface_locale(tag), want, "{tag}");
        }
    }

    #[test]
    fn an_edition_installs_as_itself() {
        let m = manifest(&site(SITE), &arabic(), "#0b2545", Some("/screenshots/ar"));
        assert_eq!(m["id"], "/ar/");
        assert_eq!(m["start_url"], "/ar/");
        assert_eq!(m["scope"], "/ar/");
        assert_eq!(m["lang"], "ar");
        assert_eq!(m["dir"], "rtl");
        assert_eq!(m["short_name"], "ميريديان");
        let shortcuts: Vec<(&str, &str)> = m["shortcuts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["name"].as_str().unwrap(), s["url"].as_str().unwrap()))
            .collect();
        assert_eq!(
            shortcuts,
            [
                ("أخبار", "/ar/section/news"),
                ("مقالات", "/ar/section/articles"),
                ("فيديو", "/ar/section/videos"),
                ("مباشر", "/ar/live"),
            ]
        );
        assert_eq!(m["screenshots"][0]["src"], "/screenshots/ar/narrow.png");
        assert_ne!(m["screenshots"][0]["label"], "The front page on a phone");
    }

    #[test]
    fn the_default_edition_is_at_the_root_and_a_missing_short_name_is_the_name() {
        let en = Edition {
            code: "en".into(),
            language: "en".into(),
            direction: Direction::Ltr,
            name: "English".into(),
            prefix: String::new(),
        };
        let text = SITE.replace(r#""short_name":"ميريديان","#, "");
        let m = manifest(&site(&text), &en, "#000", None);
        assert_eq!(m["id"], "/");
        assert_eq!(m["short_name"], "ميريديان ليدجر");
        assert_eq!(m["dir"], "ltr");
        assert!(m.get("screenshots").is_none());
    }
}
