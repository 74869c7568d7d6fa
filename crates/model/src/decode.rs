//! Decoding JSON text into model types, reporting the JSON path of the first problem.

use crate::error::ContentError;
use serde::de::DeserializeOwned;

/// Decodes `text` (fetched from `url`) into `T`.
///
/// Natively (the content tool, the prerender step, tests) the error names the JSON path of the
/// first problem (`serde_path_to_error`). In the browser it names the line and column instead:
/// tracking the path wraps every type's deserializer in a second copy, which cost the wasm build
/// tens of kilobytes, and the content tool has already validated the same files with paths.
pub fn decode<T: DeserializeOwned>(text: &str, url: &str) -> Result<T, ContentError> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|err| {
            let path = err.path().to_string();
            ContentError::Decode {
                url: url.to_string(),
                path: if path == "." {
                    "$".to_string()
                } else {
                    format!("$.{path}")
                },
                message: err.into_inner().to_string(),
            }
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        serde_json::from_str(text).map_err(|err| {
            let at = format!(" at line {} column {}", err.line(), err.column());
            let message = err.to_string();
            ContentError::Decode {
                url: url.to_string(),
                path: format!("line {}, column {}", err.line(), err.column()),
                message: message.strip_suffix(&at).unwrap_or(&message).to_string(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Image;

    #[test]
    fn reports_path_of_wrong_type() {
        let err = decode::<Image>(
            r#"{"src":"a.svg","width":"wide","height":2,"alt":""}"#,
            "x.json",
        )
        .unwrap_err();
        match err {
            ContentError::Decode { path, url, .. } => {
                assert_eq!(path, "$.width");
                assert_eq!(url, "x.json");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn reports_syntax_errors() {
        let err = decode::<Image>("{not json", "x.json").unwrap_err();
        assert!(matches!(err, ContentError::Decode { .. }));
        assert!(err.to_string().contains("x.json"));
    }
}
