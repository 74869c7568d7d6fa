//! Decoding JSON text into model types, reporting the JSON path of the first problem.

use crate::error::ContentError;
use serde::de::DeserializeOwned;

/// Decodes `text` (fetched from `url`) into `T`.
pub fn decode<T: DeserializeOwned>(text: &str, url: &str) -> Result<T, ContentError> {
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
