//! Component tests in headless Chromium (wasm-bindgen-test): components render from fixture
//! data; assertions are on roles, attributes and text.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use newsfront::article::body::ArticleBody;
use newsfront::components::error_panel::ErrorPanel;
use newsfront::components::footer::FooterContent;
use newsfront::components::listing_view::ListingView;
use newsfront::components::masthead::MastheadContent;
use newsfront::components::teaser_card::TeaserCard;
use newsfront::data::{Content, SiteFile, SiteResource};
use newsfront_model::{decode, Article, Block, ContentError, ListPage, Site, SiteFrame};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn site() -> Site {
    decode(include_str!("fixtures/site.json"), "site.json").expect("site fixture")
}

/// `site` as the app loads it: its frame decoded, the rest when asked for.
fn site_file(site: &Site) -> SiteFile {
    SiteFile::new(&serde_json::to_string(site).expect("site")).expect("site frame")
}

fn mount<F, N>(f: F) -> HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let doc = document();
    let host: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    // The interface strings (English: no edition in the address).
    leptos::mount::mount_to(host.clone(), move || {
        newsfront::edition::provide_interface_language();
        f()
    })
    .forget();
    host
}

/// Lets effects and render effects run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn masthead_renders_every_menu_entry_and_region() {
    // The logo comes from the whole site, as the app has loaded it.
    let site_slot = Content::<SiteFile>::manual(Some(Ok(site_file(&site()))));
    let host = mount(move || {
        provide_context(SiteResource(site_slot));
        view! { <Router><MastheadContent site=SiteFrame::from(site()) /></Router> }
    });
    tick().await;
    let sections = one(&host, "nav[aria-label='Sections']");
    let labels: Vec<String> = all(&sections, ".main-nav__link").iter().map(text).collect();
    assert_eq!(
        labels,
        [
            "News",
            "Articles",
            "Videos",
            "Infographs",
            "In Pictures",
            "LIVE"
        ]
    );
    let subs: Vec<String> = all(&sections, ".main-nav__sublink")
        .iter()
        .map(text)
        .collect();
    assert_eq!(subs.len(), 8 + 4 + 5);
    assert!(subs.contains(&"Arts & Culture".to_string()));
    let live = all(&sections, ".main-nav__link--live");
    assert_eq!(live[0].get_attribute("href").as_deref(), Some("/live"));
    let regions: Vec<String> = all(&one(&host, "nav[aria-label='Regions']"), "a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(regions.len(), 8);
    assert_eq!(regions[7], "US & Canada");
    let editions: Vec<String> = all(&one(&host, "nav[aria-label='Editions']"), "a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(editions, ["Ar", "Es"]);
    let logo = one(&host, ".masthead__logo img");
    assert_eq!(
        logo.get_attribute("alt").as_deref(),
        Some("The Meridian Ledger")
    );
    assert_eq!(logo.get_attribute("width").as_deref(), Some("240"));
}

#[wasm_bindgen_test]
async fn submenu_toggle_opens_and_escape_closes_returning_focus() {
    let host =
        mount(|| view! { <Router><MastheadContent site=SiteFrame::from(site()) /></Router> });
    tick().await;
    let toggle: HtmlElement = one(&host, "button[aria-controls='submenu-news']").unchecked_into();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    toggle.click();
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(one(&host, "#submenu-news")
        .class_list()
        .contains("main-nav__submenu--open"));
    let sub: HtmlElement = one(&host, "#submenu-news a").unchecked_into();
    sub.focus().unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    sub.dispatch_event(&esc).unwrap();
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        document().active_element().as_ref(),
        Some(toggle.unchecked_ref::<Element>())
    );
}

#[wasm_bindgen_test]
async fn drawer_opens_as_modal_dialog() {
    let host =
        mount(|| view! { <Router><MastheadContent site=SiteFrame::from(site()) /></Router> });
    tick().await;
    let dialog = one(&host, "[role='dialog']");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    assert!(dialog.has_attribute("hidden"));
    let toggle: HtmlElement = one(&host, ".drawer__toggle").unchecked_into();
    toggle.click();
    tick().await;
    assert!(!dialog.has_attribute("hidden"));
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(all(&dialog, ".drawer__sublink").len(), 17 + 8);
}

#[wasm_bindgen_test]
async fn listing_shows_lead_grid_and_pagination() {
    let list: ListPage = decode(include_str!("fixtures/list-section.json"), "list").unwrap();
    let first = list.items[0].headline.clone();
    let host = mount(move || view! { <ListingView list /> });
    tick().await;
    assert_eq!(text(&one(&host, "h1")), "News");
    assert_eq!(text(&one(&host, ".card--lead .card__title")), first);
    assert_eq!(all(&host, ".listing__grid .card").len(), 4);
    let next = all(&host, "nav[aria-label='Pages'] a[rel='next']");
    assert_eq!(
        next[0].get_attribute("href").as_deref(),
        Some("/section/news?page=2")
    );
    assert_eq!(text(&one(&host, "[aria-current='page']")), "1");
    for img in all(&host, ".card img") {
        assert!(img.get_attribute("width").is_some() && img.get_attribute("height").is_some());
    }
    // The lead image is above the fold: not lazy. The rest are.
    assert_eq!(
        one(&host, ".card--lead img")
            .get_attribute("loading")
            .as_deref(),
        Some("eager")
    );
    assert_eq!(
        one(&host, ".listing__grid img")
            .get_attribute("loading")
            .as_deref(),
        Some("lazy")
    );
}

#[wasm_bindgen_test]
async fn article_body_renders_every_block_safely() {
    let article: Article = decode(include_str!("fixtures/article-every-block.json"), "a").unwrap();
    let host = mount(move || view! { <ArticleBody blocks=article.body /> });
    tick().await;
    assert!(all(&host, ".read-more")
        .iter()
        .all(|el| text(el).starts_with("Read more: ")));
    assert!(!all(&host, ".read-more").is_empty());
    let related = one(&host, ".related");
    assert_eq!(text(&one(&related, "h2")), "Related News");
    assert_eq!(all(&related, "li a").len(), 2);
    assert!(!all(&host, "blockquote footer").is_empty());
    assert_eq!(all(&host, "ol.list li").len(), 2);
    assert_eq!(
        one(&host, "video").get_attribute("preload").as_deref(),
        Some("none")
    );
    assert_eq!(
        text(&one(&host, ".embed-card__title")),
        "Full budget report (PDF)"
    );
    // The javascript: link keeps its words but is not a link; unknown blocks and inlines vanish.
    let html = host.inner_html();
    assert!(html.contains("this trap"));
    assert!(all(&host, "a").iter().all(|a| !a
        .get_attribute("href")
        .unwrap_or_default()
        .to_lowercase()
        .starts_with("javascript")));
    assert!(!html.contains("hologram") && !html.contains("hidden</"));
    assert_eq!(text(&one(&host, "em")), "careful");
    let external = all(&host, "a[href='https://example.org/minutes']");
    assert_eq!(
        external[0].get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
}

// Regression (issue 12): the player decision read site.json once, untracked, so on a
// client-rendered page where the article arrived first an allowed player stayed a link card.
#[wasm_bindgen_test]
async fn allowed_player_appears_when_site_json_arrives_after_the_article() {
    let site_slot = Content::<SiteFile>::manual(None);
    let blocks = vec![Block::Embed {
        url: "https://player.example/v/42".into(),
        title: "Harbour cranes at dawn".into(),
        provider: Some("Example Player".into()),
        player: true,
        poster: None,
    }];
    let host = mount(move || {
        provide_context(SiteResource(site_slot));
        view! { <ArticleBody blocks /> }
    });
    tick().await;
    assert!(
        all(&host, "button").is_empty(),
        "no player before site.json"
    );
    assert_eq!(
        text(&one(&host, ".embed-card__title")),
        "Harbour cranes at dawn"
    );
    let mut site = site();
    site.embed_hosts = vec!["player.example".into()];
    site_slot.set(Ok(site_file(&site)));
    tick().await;
    let play = one(&host, "button");
    assert!(play
        .get_attribute("aria-label")
        .unwrap_or_default()
        .contains("Harbour cranes at dawn"));
    assert!(all(&host, ".embed-card").is_empty());
}

// Regression (issue 12): caption tracks were labelled `en` whatever the article's language.
#[wasm_bindgen_test]
async fn video_captions_carry_the_article_language() {
    let block: Block = decode(
        r#"{"type": "video", "src": "media/clip.mp4", "captions": "media/clip.vtt",
            "poster": {"src": "images/clip.svg", "width": 1280, "height": 720, "alt": "Clip"}}"#,
        "block",
    )
    .expect("video block");
    let host = mount(move || view! { <ArticleBody blocks=vec![block] lang="ar" /> });
    tick().await;
    assert_eq!(
        one(&host, "track").get_attribute("srclang").as_deref(),
        Some("ar")
    );
}

#[wasm_bindgen_test]
async fn error_panel_explains_and_offers_retry() {
    let error = ContentError::Http {
        url: "/content/x.json".into(),
        status: 500,
    };
    let host = mount(move || view! { <ErrorPanel error retry=Callback::new(|_| ()) /> });
    tick().await;
    let panel = one(&host, "[role='alert']");
    assert!(text(&panel).contains("The content server had a problem"));
    assert!(text(&panel).contains("HTTP 500 loading /content/x.json"));
    assert_eq!(text(&one(&panel, "button")), "Try again");
}

#[wasm_bindgen_test]
async fn footer_lists_required_links() {
    let host = mount(|| view! { <FooterContent site=site() /> });
    tick().await;
    let links: Vec<String> = all(&host, "nav[aria-label='Footer'] a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        links,
        ["Privacy Policy", "About Us", "Contact Us", "Authors"]
    );
    assert!(text(&host).contains("All Rights Reserved"));
    assert_eq!(all(&host, ".footer__app").len(), 2);
}

#[wasm_bindgen_test]
async fn teaser_card_links_section_and_article() {
    let list: ListPage = decode(include_str!("fixtures/list-section.json"), "list").unwrap();
    let teaser = list.items[1].clone();
    let slug = teaser.slug.clone();
    let host = mount(move || view! { <TeaserCard teaser /> });
    tick().await;
    assert_eq!(
        one(&host, ".card__link").get_attribute("href"),
        Some(format!("/article/{slug}"))
    );
    assert!(one(&host, "time").get_attribute("datetime").is_some());
}

/// Issue 12: an unknown app platform showed as "Android"; an unknown network must not blank the
/// footer or the masthead.
#[wasm_bindgen_test]
async fn unknown_app_platform_and_network_still_show_their_links() {
    use newsfront_model::site::{AppPlatform, Network};
    let mut s = site();
    s.apps[0].platform = AppPlatform::Other("harmony".into());
    s.social[0].network = Network::Other("mastodon".into());
    let label = s.apps[0].label.clone();
    let social = s.social[0].label.clone();
    let footer_site = s.clone();
    let host = mount(move || view! { <FooterContent site=footer_site /> });
    tick().await;
    let apps: Vec<String> = all(&host, ".footer__app").iter().map(text).collect();
    assert_eq!(apps, [label, "iOS".to_string()]);
    assert!(text(&host).contains(&social));
    let host =
        mount(move || view! { <Router><MastheadContent site=SiteFrame::from(s) /></Router> });
    tick().await;
    let glyphs: Vec<String> = all(&host, ".masthead__social a [aria-hidden]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(glyphs[0], "↗");
    assert_eq!(glyphs.len(), 2);
}

// Issue 15: a publisher with an image CDN gets a <picture> whose URLs come from the template,
// at the layout's widths up to the image's own (none wider), AVIF and WebP before JPEG.
#[wasm_bindgen_test]
async fn an_image_cdn_template_builds_the_picture() {
    use newsfront::components::content_image::ContentImage;
    let mut site = site();
    site.image_cdn = Some("https://img.example/{path}?w={width}&fm={format}".into());
    let site_slot = Content::<SiteFile>::manual(Some(Ok(site_file(&site))));
    let image: newsfront_model::Image = decode(
        r#"{"src": "images/harbour.jpg", "width": 1000, "height": 600, "alt": "A harbour"}"#,
        "image.json",
    )
    .expect("image");
    let vector = newsfront_model::Image {
        src: "images/logo.svg".into(),
        ..image.clone()
    };
    let host = mount(move || {
        provide_context(SiteResource(site_slot));
        view! { <ContentImage image sizes="100vw" /><ContentImage image=vector /> }
    });
    tick().await;
    let sources = all(&host, "picture source");
    assert_eq!(sources.len(), 2);
    assert_eq!(
        sources[0].get_attribute("type").as_deref(),
        Some("image/avif")
    );
    assert_eq!(
        sources[0].get_attribute("srcset").as_deref(),
        Some("https://img.example/images/harbour.jpg?w=360&fm=avif 360w, https://img.example/images/harbour.jpg?w=640&fm=avif 640w, https://img.example/images/harbour.jpg?w=1000&fm=avif 1000w")
    );
    assert_eq!(
        sources[1].get_attribute("type").as_deref(),
        Some("image/webp")
    );
    let img = one(&host, "picture img");
    assert!(img
        .get_attribute("srcset")
        .is_some_and(|s| s.contains("w=1000&fm=jpeg 1000w") && !s.contains("w=1280")));
    assert_eq!(img.get_attribute("sizes").as_deref(), Some("100vw"));
    // Vector art is not sent to the CDN.
    assert_eq!(all(&host, "picture").len(), 1);
    assert!(all(&host, "img")[1].get_attribute("srcset").is_none());
}

// Issue 15: a photograph's average colour fills its box while it loads; a colour that is not a
// plain `#rrggbb` is not written into the page.
#[wasm_bindgen_test]
async fn a_photograph_shows_its_colour_until_it_loads() {
    use newsfront::components::content_image::ContentImage;
    let image: newsfront_model::Image = decode(
        r##"{"src": "images/harbour.jpg", "width": 1000, "height": 600, "alt": "A harbour", "color": "#3a5f7d"}"##,
        "image.json",
    )
    .expect("image");
    let hostile = newsfront_model::Image {
        color: Some("red;background-image:url(https://x.example/)".into()),
        ..image.clone()
    };
    let host = mount(move || view! { <ContentImage image /><ContentImage image=hostile /> });
    tick().await;
    let imgs = all(&host, "img");
    assert_eq!(
        imgs[0].get_attribute("style").as_deref(),
        Some("background-color:#3a5f7d")
    );
    assert!(imgs[1].get_attribute("style").is_none());
}

#[wasm_bindgen_test]
async fn work_after_hydration_waits_for_the_last_of_nested_hydrations() {
    use newsfront::platform::hydration;
    use std::cell::Cell;
    use std::rc::Rc;
    // A part hydrated in slices (the article's tools) may begin while the page's routes are
    // still finishing theirs: the work waiting for the routes must not be dropped or run early.
    let ran = Rc::new(Cell::new(0));
    hydration::begin();
    let r = ran.clone();
    hydration::after_hydration(move || r.set(r.get() + 1));
    hydration::begin();
    let r = ran.clone();
    hydration::after_hydration(move || r.set(r.get() + 10));
    hydration::finished();
    assert_eq!(ran.get(), 0, "ran before the inner hydration was over");
    assert!(hydration::under_way());
    hydration::finished();
    assert_eq!(ran.get(), 11);
    assert!(!hydration::under_way());
    let r = ran.clone();
    hydration::after_hydration(move || r.set(r.get() + 100));
    assert_eq!(ran.get(), 111, "after the last one, work runs at once");
}
