//! The `[report]` section: how the reports of the document are written (their language).
//!
//! ```toml
//! [report]
//! lang = "es"
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The language a report is written in: its labels and how its numbers are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English: decimal point, thousands grouped with commas (`1,234,567.8`).
    #[default]
    En,
    /// Spanish: decimal comma, thousands grouped with a narrow no-break space from five
    /// digits on (`1 234 567,8`, `4500`), as the RAE's Ortografía (2010) and ISO 80000-1 write
    /// them.
    Es,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The ISO 639-1 code (`"en"`, `"es"`).
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = Error;

    fn from_str(s: &str) -> Result<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.key() == s)
            .ok_or_else(|| Error::UnknownVariant {
                path: "report.lang".to_string(),
                value: s.to_string(),
                expected: "en, es".to_string(),
            })
    }
}

/// `[report]`: how the document's reports are written.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportSettings {
    /// Language of the reports, `"en"` (default) or `"es"`; a language asked for when the
    /// report is made wins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

impl ReportSettings {
    /// Whether nothing is set (the section is then left out when the document is written).
    pub fn is_empty(&self) -> bool {
        self.lang.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_keys_round_trip() {
        for l in Lang::ALL {
            assert_eq!(l.key().parse::<Lang>().ok(), Some(l));
        }
        let e = "fr".parse::<Lang>().unwrap_err();
        assert_eq!(e.code(), "unknown_variant");
        assert_eq!(e.path(), "report.lang");
    }
}
