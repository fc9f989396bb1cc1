//! Stable identifiers: `doc-…` for documents, `cl-…` for claims, slugs for entities, `chart-…`.
//!
//! Ids are plain strings in the file so that a `git diff` stays readable; the newtypes keep a
//! claim id from being used where a document id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The prefix that generated ids of this type carry (empty for free-form slugs).
            pub const PREFIX: &'static str = $prefix;

            /// Wraps an existing id string.
            pub fn new(s: impl Into<String>) -> Self {
                Self(s.into())
            }

            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// `PREFIX` followed by `n`, zero-padded to four digits (`cl-0007`).
            pub fn numbered(n: u64) -> Self {
                Self(format!("{}{:04}", $prefix, n))
            }

            /// The number of a generated id (`cl-0007` → 7), if it has that shape.
            pub fn number(&self) -> Option<u64> {
                self.0.strip_prefix($prefix)?.parse().ok()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// Identifies a [`crate::model::SourceDocument`] (`doc-0001`).
    DocId,
    "doc-"
);
id_type!(
    /// Identifies a [`crate::model::Claim`] (`cl-0001`).
    ClaimId,
    "cl-"
);
id_type!(
    /// Identifies a [`crate::model::Entity`]; a lowercase slug of its name (`openai`, `aws`).
    EntityId,
    ""
);
id_type!(
    /// Identifies a [`crate::model::Chart`] (`chart-0001` or a slug).
    ChartId,
    "chart-"
);

/// Turns a display name into an entity slug: lowercase ASCII letters and digits, `-` between words.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() { "entity".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_ids_round_trip() {
        let id = ClaimId::numbered(7);
        assert_eq!(id.as_str(), "cl-0007");
        assert_eq!(id.number(), Some(7));
        assert_eq!(DocId::from("doc-12").number(), Some(12));
        assert_eq!(DocId::from("other").number(), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Amazon Web Services"), "amazon-web-services");
        assert_eq!(slugify("NVIDIA Corp."), "nvidia-corp");
        assert_eq!(slugify("  "), "entity");
    }
}
