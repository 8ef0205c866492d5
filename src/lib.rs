//! gainsay reads several news articles about the same story and flags where
//! the sources contradict each other.
//!
//! # Quick start
//!
//! ```
//! use gainsay::{ConflictKind, Detector, Document};
//!
//! let docs = [
//!     Document::parse("herald", "date: 2025-06-02\n\n\
//!         The minister said the negotiations had produced a breakthrough."),
//!     Document::parse("courier", "date: 2025-06-02\n\n\
//!         The negotiations produced no breakthrough, officials said."),
//! ];
//! let report = Detector::new().check(&docs);
//! let conflict = &report.conflicts[0];
//! assert_eq!(conflict.kind, ConflictKind::Negation);
//! assert_eq!(conflict.subject, "talks");
//! assert!(conflict.explanation.contains("breakthrough"));
//! ```
//!
//! # The pipeline
//!
//! Data flows one way, one module per stage:
//!
//! 1. [`Document`]: one article, with its id, date, outlet and title, read
//!    from a file with optional header lines.
//! 2. Segmentation ([`Segmenter`], [`SentenceSplitter`]): sentences as byte
//!    spans.
//! 3. Extraction: each sentence gives [`Statement`]s: subject, predicate,
//!    status, [`Polarity`], [`Modality`], speaker, date, evidence span. The
//!    words it knows come from the [`Lexicon`], which is data.
//! 4. Resolution: "the talks" is tied to the event named earlier, "he said"
//!    to the person named earlier, aliases and spelling variants to one key.
//! 5. Comparison: statements are grouped by key and compared across
//!    documents only; each [`Conflict`] names its rule, its [`ConflictKind`],
//!    a score, a [`Temporal`] note and both sides' evidence.
//! 6. [`Report`]: serde data, and text for a person.
//!
//! # Reading articles
//!
//! - plain text, with optional header lines: [`Document::parse`],
//!   [`Document::from_path`];
//! - JSON records `{id, text, date?, outlet?, title?, url?}`, the shape
//!   scrapers and news APIs emit: [`Document::from_json`] (one record or an
//!   array), [`Document::from_jsonl`] (JSON Lines, a bad line is an error of
//!   its own and the rest are read) and [`Document::read_jsonl`] (the same
//!   from any reader, a line at a time, for a day of articles);
//! - HTML pages reduced to their text: `Document::from_html`, with the
//!   `html` feature (on by default).
//!
//! The `crosscheck` example reads all of these from files, folders and
//! standard input, and prints reports as text, JSON or JSON Lines.
//!
//! # What is not an assertion
//!
//! Conditionals ("if the talks fail"), aims ("to prevent the talks from
//! collapsing"), questions and what is only called for or planned ("the
//! council called for an end to the strike", [`Modality::Proposed`]) are
//! never compared. A denial is only as wide as its words: "the bridge did
//! not reopen to trucks" does not deny that it reopened. Hedged statements and
//! other parties' claims are compared with a lower score; expectations
//! ("the talks will resume") only with other expectations.
//!
//! # Conflict kinds
//!
//! | kind | rule | example |
//! | --- | --- | --- |
//! | `status` | `status-clash` | "the talks made progress" / "the talks collapsed" |
//! | `negation` | `polarity-flip` | "a breakthrough" / "no breakthrough" |
//! | `certainty` | `certainty-gap` | "X carried out strikes" / "strikes by X, which it has not confirmed" |
//! | `cause` | `cause-clash` | "fighting erupted after rebels attacked" / "after the army shelled" |
//! | `number` | `count-mismatch` | "at least 40 killed" / "15 killed" |
//! | `negation` | `clause-negation` | "the bridge was reopened" / "was not reopened" |
//! | `status` | `antonym-clash` | "the senate approved the bill" / "rejected the bill" |
//! | `role` | `role-reversal` | "A defeated B" / "B defeated A" |
//! | `date` | `date-mismatch` | "fighting broke out on May 9" / "on May 12" |
//!
//! The kinds, [`Polarity`], [`Modality`] and [`Temporal`] display as the
//! names their JSON uses (`ConflictKind::Number.to_string() == "number"`).
//!
//! # Cargo features
//!
//! - `html` (on by default): [`Document::from_html`], HTML pages reduced to
//!   their text, via the html2text crate. Without it the crate reads plain
//!   text and JSON records only.
//! - `parallel`: [`Detector::check`] extracts and compares on all cores,
//!   via rayon. The report is the same, byte for byte, as on one core.
//!
//! (`slow-tests` only turns on the crate's own slowest tests, for CI.)
#![doc = include_str!("../LEXICON.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod compare;
mod date;
mod detector;
mod document;
mod error;
mod extract;
mod lexicon;
mod report;
mod resolve;
mod segment;
mod span;
mod syntax;
mod wordnet;

pub use compare::{Conflict, ConflictKind, Member, Side, Temporal};
pub use date::Date;
#[doc(hidden)]
pub use detector::stages as __stages;
pub use detector::{Detector, DetectorBuilder};
pub use document::Document;
pub use error::{Error, ErrorKind};
pub use extract::{Cue, Modality, Polarity, Quantity, Speaker, Statement, Subject};
pub use lexicon::Lexicon;
pub use report::{DocumentSummary, Report, Skipped, TextStyle};
pub use segment::{Segmenter, SentenceSplitter};
pub use span::Span;
#[doc(hidden)]
pub use syntax::tagger::stages as __tagger;

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
