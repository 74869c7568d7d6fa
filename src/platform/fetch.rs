//! HTTP GET of content files, mapping every failure to a `ContentError`.

use newsfront_model::ContentError;

pub async fn get_text(url: &str) -> Result<String, ContentError> {
    let resp = gloo_net::http::Request::get(url)
        .header("Accept", "application/json")
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
