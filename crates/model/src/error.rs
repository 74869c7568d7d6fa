//! The one error type for loading content: every failure a page can show to a reader.

use std::fmt;

/// Why a piece of content could not be shown. `Clone` so views can keep and re-render it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentError {
    /// The request never got an HTTP answer (offline, DNS, CORS, aborted).
    Network { url: String, message: String },
    /// The server answered with a status other than 2xx/404.
    Http { url: String, status: u16 },
    /// The server said 404: the page shows the not-found view.
    NotFound { url: String },
    /// The body was not the JSON we expect; `path` is the JSON path of the first problem
    /// (in the browser build: its line and column, see `decode`).
    Decode {
        url: String,
        path: String,
        message: String,
    },
}

impl ContentError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ContentError::NotFound { .. })
    }

    /// A short sentence for readers; the details go to `Display` for developers.
    pub fn summary(&self) -> &'static str {
        match self {
            ContentError::Network { .. } => {
                "We could not reach the newsroom. Check your connection and try again."
            }
            ContentError::Http { .. } => "The content server had a problem answering this request.",
            ContentError::NotFound { .. } => "This content does not exist.",
            ContentError::Decode { .. } => "This content is malformed and cannot be shown.",
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Network { url, message } => {
                write!(f, "network error loading {url}: {message}")
            }
            ContentError::Http { url, status } => write!(f, "HTTP {status} loading {url}"),
            ContentError::NotFound { url } => write!(f, "not found: {url}"),
            ContentError::Decode { url, path, message } => {
                write!(f, "{url}: invalid content at {path}: {message}")
            }
        }
    }
}

impl std::error::Error for ContentError {}
