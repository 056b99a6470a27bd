//! The formats of an export (`GET /v1/admin/surveys/{id}/export?format=`).

use serde::{Deserialize, Serialize};

/// How an export is written: CSV (the default) or one JSON object per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    #[default]
    Csv,
    Ndjson,
}

impl ExportFormat {
    /// Its name in the query string, and the file's extension.
    pub fn name(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Ndjson => "ndjson",
        }
    }

    /// The media type it is sent and saved as.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Csv => "text/csv; charset=utf-8",
            Self::Ndjson => "application/x-ndjson",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ExportFormat;

    #[test]
    fn formats_read_as_their_names() {
        for format in [ExportFormat::Csv, ExportFormat::Ndjson] {
            assert_eq!(
                serde_json::from_value::<ExportFormat>(format.name().into()).ok(),
                Some(format)
            );
        }
        assert_eq!(ExportFormat::default(), ExportFormat::Csv);
    }
}
