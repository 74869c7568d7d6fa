//! HTTP GET of content files, mapping every failure to a `ContentError`.

use newsfront_model::ContentError;

/// A handle that cancels a request nobody waits for any more (an `AbortController`): the
/// browser stops the download, and the request's future ends with a network error.
/// Outside the browser (the prerender step) it controls nothing.
#[derive(Clone)]
pub struct Abort(Option<web_sys::AbortController>);

impl Abort {
    pub fn new() -> Abort {
        Abort(crate::platform::window().and_then(|_| web_sys::AbortController::new().ok()))
    }

    pub fn abort(&self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

impl Default for Abort {
    fn default() -> Self {
        Abort::new()
    }
}

pub async fn get_text(url: &str) -> Result<String, ContentError> {
    get_text_abortable(url, None).await
}

/// `get_text` that `abort` can cancel.
pub async fn get_text_abortable(url: &str, abort: Option<&Abort>) -> Result<String, ContentError> {
    let signal = abort.and_then(|a| a.0.as_ref()).map(|c| c.signal());
    let resp = gloo_net::http::Request::get(url)
        .header("Accept", "application/json")
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| ContentError::Network {
            url: url.to_string(),
            message: e.to_string(),
        })?;
    let status = resp.status();
    // A development server answers unknown paths with the HTML app shell: that is a 404 for us.
    let is_html = resp
        .headers()
        .get("content-type")
        .is_some_and(|t| t.starts_with("text/html"));
    if status == 404 || (resp.ok() && is_html) {
        return Err(ContentError::NotFound {
            url: url.to_string(),
        });
    }
    if !resp.ok() {
        return Err(ContentError::Http {
            url: url.to_string(),
            status,
        });
    }
    resp.text().await.map_err(|e| ContentError::Network {
        url: url.to_string(),
        message: e.to_string(),
    })
}

/// The answer to a conditional GET.
pub enum Conditional {
    NotModified,
    Fresh {
        text: String,
        etag: Option<String>,
        last_modified: Option<String>,
    },
}

/// GET with `If-None-Match` / `If-Modified-Since`, bypassing the HTTP cache so a 304 reaches us.
pub async fn get_conditional(
    url: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
) -> Result<Conditional, ContentError> {
    let mut req = gloo_net::http::Request::get(url)
        .cache(web_sys::RequestCache::NoStore)
        .header("Accept", "application/json");
    if let Some(tag) = etag {
        req = req.header("If-None-Match", tag);
    }
    if let Some(date) = last_modified {
        req = req.header("If-Modified-Since", date);
    }
    let resp = req.send().await.map_err(|e| ContentError::Network {
        url: url.to_string(),
        message: e.to_string(),
    })?;
    match resp.status() {
        304 => return Ok(Conditional::NotModified),
        404 => {
            return Err(ContentError::NotFound {
                url: url.to_string(),
            })
        }
        s if !resp.ok() => {
            return Err(ContentError::Http {
                url: url.to_string(),
                status: s,
            })
        }
        _ => {}
    }
    let etag = resp.headers().get("etag");
    let last_modified = resp.headers().get("last-modified");
    let text = resp.text().await.map_err(|e| ContentError::Network {
        url: url.to_string(),
        message: e.to_string(),
    })?;
    Ok(Conditional::Fresh {
        text,
        etag,
        last_modified,
    })
}
