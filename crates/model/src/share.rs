//! Share links: pure string building, tested natively (the canonical URL is `href::canonical`).

/// A share target in the fallback menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    pub network: &'static str,
    pub label: &'static str,
    pub href: String,
}

/// Kept for callers in `src/article/` (owned elsewhere); the URL helpers live in `href`.
pub use crate::href::canonical;

/// X first (as on the reference page), then Facebook, WhatsApp, Telegram, LinkedIn, email.
pub fn links(title: &str, url: &str) -> Vec<ShareLink> {
    let (t, u) = (crate::href::segment(title), crate::href::segment(url));
    vec![
        ShareLink {
            network: "x",
            label: "X",
            href: format!("https://x.com/intent/post?text={t}&url={u}"),
        },
        ShareLink {
            network: "facebook",
            label: "Facebook",
            href: format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
        },
        ShareLink {
            network: "whatsapp",
            label: "WhatsApp",
            href: format!("https://wa.me/?text={t}%20{u}"),
        },
        ShareLink {
            network: "telegram",
            label: "Telegram",
            href: format!("https://t.me/share/url?url={u}&text={t}"),
        },
        ShareLink {
            network: "linkedin",
            label: "LinkedIn",
            href: format!("https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        },
        ShareLink {
            network: "email",
            label: "Email",
            href: format!("mailto:?subject={t}&body={u}"),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_encode_title_and_url() {
        let l = links(
            "Rates & rents: what now?",
            "https://news.example/article/a-b",
        );
        assert_eq!(l[0].network, "x");
        assert_eq!(
            l[0].href,
            "https://x.com/intent/post?text=Rates%20%26%20rents%3A%20what%20now%3F&url=https%3A%2F%2Fnews.example%2Farticle%2Fa-b"
        );
        assert_eq!(
            l.iter().map(|s| s.network).collect::<Vec<_>>(),
            ["x", "facebook", "whatsapp", "telegram", "linkedin", "email"]
        );
        assert!(l[5].href.starts_with("mailto:?subject=Rates%20%26"));
        assert!(l
            .iter()
            .all(|s| !s.href.contains(' ') && !s.href.contains('#')));
    }
}
