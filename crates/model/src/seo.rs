//! Structured data for search engines: the JSON-LD `NewsArticle` of an article page.

use crate::article::Article;
use crate::href;
use crate::site::Site;
use serde_json::json;

/// An absolute URL for a content asset (images in metadata must be absolute).
pub fn absolute_asset(site: &Site, content_base: &str, src: &str) -> Option<String> {
    let url = href::resolve(content_base, src)?;
    if url.starts_with("http://") || url.starts_with("https://") {
        Some(url)
    } else {
        Some(href::canonical(&site.base_url, &url))
    }
}

/// The Open Graph locale (`language_TERRITORY`: `ar_AR`, `en_GB`) of a BCP 47 language tag: its
/// region when it names one (`en-GB`, `es-419` has none that Open Graph knows), otherwise the
/// territory Open Graph's own list pairs the language with; extensions (`-u-nu-latn`) are left out.
pub fn og_locale(tag: &str) -> String {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let region = parts
        .take_while(|p| p.len() != 1)
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase);
    let territory = region.unwrap_or_else(|| {
        match language.as_str() {
            "ar" => "AR",
            "en" => "US",
            "es" => "ES",
            "fa" => "IR",
            "he" => "IL",
            "ja" => "JP",
            "ko" => "KR",
            "ur" => "PK",
            "zh" => "CN",
            "sv" => "SE",
            "da" => "DK",
            "el" => "GR",
            "hi" => "IN",
            _ => "",
        }
        .to_string()
    });
    if territory.is_empty() {
        format!("{language}_{}", language.to_ascii_uppercase())
    } else {
        format!("{language}_{territory}")
    }
}

/// JSON-LD for an article, safe to place inside a `<script>` element.
pub fn news_article(article: &Article, site: &Site, content_base: &str) -> String {
    let url = href::canonical(&site.base_url, &href::article(&article.slug));
    let image = article.hero.as_ref().and_then(|h| {
        absolute_asset(site, content_base, &h.src).map(
            |u| json!({"@type": "ImageObject", "url": u, "width": h.width, "height": h.height}),
        )
    });
    let authors: Vec<_> = article
        .authors
        .iter()
        .map(|a| json!({"@type": "Person", "name": a.name, "url": href::canonical(&site.base_url, &href::author(&a.slug))}))
        .collect();
    let logo = absolute_asset(site, content_base, &site.logo.src);
    let value = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.headline,
        "description": article.standfirst,
        "datePublished": article.published.as_str(),
        "dateModified": article.updated.as_ref().unwrap_or(&article.published).as_str(),
        "articleSection": article.section_label,
        "inLanguage": article.language,
        "keywords": article.tags.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
        "image": image.map_or_else(Vec::new, |i| vec![i]),
        "author": authors,
        "publisher": {
            "@type": "Organization",
            "name": site.name,
            "logo": logo.map(|u| json!({"@type": "ImageObject", "url": u, "width": site.logo.width, "height": site.logo.height})),
        },
    });
    // `</script>` or `<!--` inside a string must not end the element early.
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_locales() {
        for (tag, want) in [
            ("ar", "ar_AR"),
            ("ar-u-nu-latn", "ar_AR"),
            ("ar-EG", "ar_EG"),
            ("es", "es_ES"),
            ("es-419", "es_ES"),
            ("en-GB", "en_GB"),
            ("en", "en_US"),
            ("fr", "fr_FR"),
            ("pt-BR", "pt_BR"),
            ("zh-Hant-TW", "zh_TW"),
        ] {
            assert_eq!(og_locale(tag), want, "{tag}");
        }
    }

    #[test]
    fn json_ld_is_complete_and_script_safe() {
        let site: Site =
            crate::decode(include_str!("../../../tests/fixtures/site.json"), "site").unwrap();
        let mut article: Article = crate::decode(
            include_str!("../../../tests/fixtures/article-every-block.json"),
            "a",
        )
        .unwrap();
        article.headline = "Budget </script><script>alert(1)</script> & more".into();
        let text = news_article(&article, &site, "/content/");
        assert!(!text.contains("</script>") && !text.contains('<'));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["@type"], "NewsArticle");
        assert_eq!(v["headline"], article.headline);
        assert_eq!(
            v["url"],
            format!("https://meridianledger.example/article/{}", article.slug)
        );
        assert_eq!(
            v["image"][0]["url"],
            "https://meridianledger.example/content/images/parliament.svg"
        );
        assert_eq!(v["author"][0]["name"], "Sofia Marchetti");
        assert_eq!(v["publisher"]["name"], "The Meridian Ledger");
        assert_eq!(v["datePublished"], article.published.as_str());
    }
}
