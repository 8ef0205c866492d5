//! The result, as data (serde) and as text for a person.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::compare::{Conflict, Side};
use crate::date::Date;
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::extract::{Modality, Polarity};

/// What a check found: every document read, every conflict, and every
/// input that was skipped.
///
/// Its JSON form is the crate's contract with other tools:
///
/// ```
/// use gainsay::{Detector, Document, Report};
///
/// let docs = [
///     Document::parse("a", "date: 2025-03-01\n\nThe ceasefire is holding, officials said."),
///     Document::parse("b", "date: 2025-03-01\n\nThe ceasefire collapsed on Saturday."),
/// ];
/// let report = Detector::new().check(&docs);
/// assert_eq!(report.documents.len(), 2);
/// assert_eq!(report.conflicts.len(), 1);
/// let json = report.to_json();
/// assert_eq!(Report::from_json(&json).unwrap(), report);
/// assert!(report.to_string().contains("status-clash"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Every document read, in id order.
    pub documents: Vec<DocumentSummary>,
    /// Every conflict found, by subject then score.
    pub conflicts: Vec<Conflict>,
    /// Inputs that could not be read, and why.
    #[serde(default)]
    pub skipped: Vec<Skipped>,
}

/// One document as the report lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocumentSummary {
    /// The document's id.
    pub id: String,
    /// The path it was read from, if any.
    pub path: Option<String>,
    /// Its date, if known.
    pub date: Option<Date>,
    /// Its outlet, if known.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Its title, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// How many sentences were read.
    pub sentences: usize,
    /// How many statements were extracted.
    pub statements: usize,
    /// Problems met while reading it.
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl DocumentSummary {
    pub(crate) fn new(doc: &Document, sentences: usize, statements: usize) -> DocumentSummary {
        DocumentSummary {
            id: doc.id().to_string(),
            path: doc.path().map(str::to_string),
            date: doc.date(),
            outlet: doc.outlet().map(str::to_string),
            title: doc.title().map(str::to_string),
            sentences,
            statements,
            warnings: doc.warnings().to_vec(),
        }
    }
}

/// An input that was not read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Skipped {
    /// The input's path or name.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

impl Report {
    /// Records an input that was not read, so that the report accounts for it.
    ///
    /// ```
    /// let mut report = gainsay::Report::default();
    /// report.skip("feed/broken.txt", "not valid UTF-8");
    /// assert_eq!(report.skipped[0].reason, "not valid UTF-8");
    /// ```
    pub fn skip(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            path: path.into(),
            reason: reason.into(),
        });
    }

    /// The report as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A report read back from its JSON.
    pub fn from_json(text: &str) -> Result<Report, Error> {
        serde_json::from_str(text).map_err(|e| {
            Error::new(ErrorKind::Config {
                message: format!(
                    "not a report: line {}, column {}: {e}",
                    e.line(),
                    e.column()
                ),
            })
        })
    }

    fn document(&self, id: &str) -> Option<&DocumentSummary> {
        self.documents.iter().find(|d| d.id == id)
    }

    fn write_side(&self, f: &mut fmt::Formatter<'_>, label: &str, side: &Side) -> fmt::Result {
        let doc = self.document(&side.document);
        let mut source = side.document.clone();
        if let Some(outlet) = doc.and_then(|d| d.outlet.as_deref()) {
            source.push_str(&format!(", {outlet}"));
        }
        match side.date {
            Some(date) => source.push_str(&format!(", {date}")),
            None => source.push_str(", undated"),
        }
        let mut how = side.status.replace('_', " ");
        if side.polarity == Polarity::Negated {
            how = format!("not {how}");
        }
        if side.modality != Modality::Asserted {
            how.push_str(&format!(", {}", side.modality.name().replace('_', " ")));
        }
        if let Some(speaker) = &side.speaker {
            how.push_str(&format!(", per {speaker}"));
        }
        writeln!(f, "  {label} [{source}] {how}")?;
        writeln!(f, "    \"{}\"", one_line(&side.sentence))?;
        writeln!(
            f,
            "    bytes {}..{}; status words: \"{}\"",
            side.start, side.end, side.evidence_text
        )
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} conflicts",
            self.documents.len(),
            self.conflicts.len()
        )?;
        for doc in &self.documents {
            let date = doc
                .date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into());
            writeln!(
                f,
                "  {} ({}): {} sentences, {} statements",
                doc.id, date, doc.sentences, doc.statements
            )?;
            for warning in &doc.warnings {
                writeln!(f, "    warning: {warning}")?;
            }
        }
        for skipped in &self.skipped {
            writeln!(f, "  skipped {}: {}", skipped.path, skipped.reason)?;
        }
        let mut subject: Option<(&str, &str)> = None;
        for (i, c) in self.conflicts.iter().enumerate() {
            if subject != Some((&c.subject, &c.predicate)) {
                writeln!(f, "\n== {} ({}) ==", c.subject, c.predicate)?;
                subject = Some((&c.subject, &c.predicate));
            }
            writeln!(
                f,
                "\n#{} {} [{}] score {:.2}, {}",
                i + 1,
                c.kind.name(),
                c.rule,
                c.score,
                c.temporal.name().replace('_', " ")
            )?;
            self.write_side(f, "A", &c.a)?;
            self.write_side(f, "B", &c.b)?;
            writeln!(f, "  why: {}", c.explanation)?;
        }
        Ok(())
    }
}
