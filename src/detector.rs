//! The detector: a lexicon and a splitter, built once, used from any thread.

use std::sync::Arc;

use crate::compare::{self, Conflict, Held, Settings, Texts};

/// See [`DetectorBuilder::max_listed_sources`].
const DEFAULT_MAX_LISTED_SOURCES: usize = 3;
/// See [`DetectorBuilder::max_listed_members`].
const DEFAULT_MAX_LISTED_MEMBERS: usize = 1000;
/// Documents read at a time by [`Detector::check`].
const BATCH: usize = 64;
use crate::document::Document;
use crate::error::Error;
use crate::extract::{self, Statement};
use crate::lexicon::Lexicon;
use crate::report::{DocumentSummary, Report};
use crate::resolve;
use crate::segment::{Segmenter, SentenceSplitter};
use crate::span::Span;

/// Finds where documents about one story contradict each other.
///
/// A detector is immutable and `Send + Sync`: build it once and share it.
///
/// ```
/// use gainsay::{Detector, Document};
///
/// let docs = [
///     Document::new("wire", "The peace talks have made real progress, the mediator said."),
///     Document::new("daily", "The peace talks collapsed on Tuesday."),
/// ];
/// let report = Detector::new().check(&docs);
/// assert_eq!(report.conflicts.len(), 1);
/// let c = &report.conflicts[0];
/// assert_eq!((c.a.status.as_str(), c.b.status.as_str()), ("collapsed", "progress"));
/// assert_eq!(c.rule, "status-clash");
/// ```
#[derive(Clone, Debug)]
pub struct Detector {
    lexicon: Arc<Lexicon>,
    segmenter: Arc<dyn Segmenter>,
    settings: Settings,
}

/// Configures a [`Detector`].
///
/// ```
/// use gainsay::Detector;
///
/// let detector = Detector::builder().min_score(0.5).build().unwrap();
/// assert!(Detector::builder().min_score(1.5).build().is_err());
/// # let _ = detector;
/// ```
#[derive(Debug, Default)]
pub struct DetectorBuilder {
    lexicon: Option<Lexicon>,
    segmenter: Option<Arc<dyn Segmenter>>,
    min_score: f64,
    max_listed_sources: Option<usize>,
    max_listed_members: Option<usize>,
}

impl DetectorBuilder {
    /// Uses this lexicon instead of the built-in one.
    ///
    /// ```
    /// use gainsay::{Detector, Document, Lexicon};
    ///
    /// let lexicon = Lexicon::builtin()
    ///     .extend_with_json(r#"{"frames": [{"name": "talks", "statuses": {"collapsed": {"phrases": ["torpedoed"]}}}]}"#)
    ///     .unwrap();
    /// let detector = Detector::builder().lexicon(lexicon).build().unwrap();
    /// let doc = Document::new("a", "The talks were torpedoed.");
    /// assert_eq!(detector.statements(&doc)[0].status, "collapsed");
    /// ```
    pub fn lexicon(mut self, lexicon: Lexicon) -> DetectorBuilder {
        self.lexicon = Some(lexicon);
        self
    }

    /// Uses this sentence splitter instead of [`SentenceSplitter`].
    ///
    /// ```
    /// use gainsay::{Detector, Document, Segmenter, Span};
    ///
    /// /// One sentence per line.
    /// #[derive(Debug)]
    /// struct Lines;
    ///
    /// impl Segmenter for Lines {
    ///     fn segment(&self, text: &str) -> Vec<Span> {
    ///         let mut spans = Vec::new();
    ///         let mut at = 0;
    ///         for line in text.split_inclusive('\n') {
    ///             let trimmed = line.trim();
    ///             if !trimmed.is_empty() {
    ///                 let start = at + (line.len() - line.trim_start().len());
    ///                 spans.push(Span::new(start, start + trimmed.len()));
    ///             }
    ///             at += line.len();
    ///         }
    ///         spans
    ///     }
    /// }
    ///
    /// let detector = Detector::builder().segmenter(Lines).build().unwrap();
    /// let doc = Document::new("a", "One. Two.\nThree.");
    /// assert_eq!(detector.sentences(&doc).len(), 2);
    /// ```
    pub fn segmenter(mut self, segmenter: impl Segmenter + 'static) -> DetectorBuilder {
        self.segmenter = Some(Arc::new(segmenter));
        self
    }

    /// Reports only conflicts scored at least this (0 to 1; default 0).
    ///
    /// ```
    /// use gainsay::{Detector, Document};
    ///
    /// let docs = [Document::new("a", "The talks may have stalled."), Document::new("b", "The talks made progress.")];
    /// assert_eq!(Detector::new().check(&docs).conflicts.len(), 1);
    /// let strict = Detector::builder().min_score(0.8).build().unwrap();
    /// assert!(strict.check(&docs).conflicts.is_empty());
    /// ```
    pub fn min_score(mut self, score: f64) -> DetectorBuilder {
        self.min_score = score;
        self
    }

    /// When both sides of a disagreement have at most this many documents,
    /// every clashing pair of sentences is reported (default 3), as long as
    /// a side has at most four sentences per document on average. Above it,
    /// one conflict stands for the two claim clusters, with the members of
    /// each, so that the report grows with the number of disagreements, not
    /// with the square of the sources.
    ///
    /// ```
    /// use gainsay::{Detector, Document};
    ///
    /// let docs: Vec<Document> = (0..4)
    ///     .map(|i| Document::new(format!("up{i}"), "The truce is holding."))
    ///     .chain((0..4).map(|i| Document::new(format!("down{i}"), "The truce collapsed.")))
    ///     .collect();
    /// let report = Detector::new().check(&docs);
    /// assert_eq!(report.conflicts.len(), 1);
    /// assert_eq!((report.conflicts[0].a_documents, report.conflicts[0].b_documents), (4, 4));
    /// let every_pair = Detector::builder().max_listed_sources(4).build().unwrap();
    /// assert_eq!(every_pair.check(&docs).conflicts.len(), 16);
    /// ```
    pub fn max_listed_sources(mut self, documents: usize) -> DetectorBuilder {
        self.max_listed_sources = Some(documents);
        self
    }

    /// Lists at most this many sentences behind each side of a conflict
    /// (default 1,000), the first in document order; `a_documents` and
    /// `b_documents` still count them all. A side that a whole corpus
    /// repeats then costs the same in every conflict it is part of.
    ///
    /// ```
    /// use gainsay::{Detector, Document};
    ///
    /// let docs: Vec<Document> = (0..5)
    ///     .map(|i| Document::new(format!("up{i}"), "The truce is holding."))
    ///     .chain((0..5).map(|i| Document::new(format!("down{i}"), "The truce collapsed.")))
    ///     .collect();
    /// let detector = Detector::builder().max_listed_members(2).build().unwrap();
    /// let c = &detector.check(&docs).conflicts[0];
    /// assert_eq!((c.a_documents, c.a_members.len()), (5, 2));
    /// assert_eq!(c.a_members[0].document, "down0");
    /// ```
    pub fn max_listed_members(mut self, sentences: usize) -> DetectorBuilder {
        self.max_listed_members = Some(sentences);
        self
    }

    /// The detector; an error when a setting is out of range.
    ///
    /// ```
    /// use gainsay::{Detector, ErrorKind};
    ///
    /// let err = Detector::builder().min_score(-0.1).build().unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Config { .. }));
    /// ```
    pub fn build(self) -> Result<Detector, Error> {
        if !(0.0..=1.0).contains(&self.min_score) {
            return Err(Error::config(format!(
                "min_score must be between 0 and 1, not {}",
                self.min_score
            )));
        }
        Ok(Detector {
            lexicon: Arc::new(self.lexicon.unwrap_or_else(Lexicon::builtin)),
            segmenter: self
                .segmenter
                .unwrap_or_else(|| Arc::new(SentenceSplitter::default())),
            settings: Settings {
                min_score: self.min_score,
                max_listed_sources: self
                    .max_listed_sources
                    .unwrap_or(DEFAULT_MAX_LISTED_SOURCES),
                max_listed_members: self
                    .max_listed_members
                    .unwrap_or(DEFAULT_MAX_LISTED_MEMBERS),
            },
        })
    }
}

impl Default for Detector {
    fn default() -> Detector {
        Detector::new()
    }
}

impl Detector {
    /// A detector with the built-in lexicon and splitter.
    ///
    /// ```
    /// let detector = gainsay::Detector::new();
    /// assert!(detector.lexicon().frame_names().any(|f| f == "talks"));
    /// ```
    pub fn new() -> Detector {
        Detector {
            lexicon: Arc::new(Lexicon::builtin()),
            segmenter: Arc::new(SentenceSplitter::default()),
            settings: Settings {
                min_score: 0.0,
                max_listed_sources: DEFAULT_MAX_LISTED_SOURCES,
                max_listed_members: DEFAULT_MAX_LISTED_MEMBERS,
            },
        }
    }

    /// A builder for a detector with a custom lexicon, splitter or threshold.
    ///
    /// ```
    /// let detector = gainsay::Detector::builder().min_score(0.5).build().unwrap();
    /// # let _ = detector;
    /// ```
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder::default()
    }

    /// The lexicon in use.
    ///
    /// ```
    /// let detector = gainsay::Detector::new();
    /// assert!(detector.lexicon().frame_names().count() >= 9);
    /// ```
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The sentences of a document's body, as byte spans into its text.
    ///
    /// ```
    /// use gainsay::{Detector, Document};
    ///
    /// let doc = Document::parse("a", "title: T\n\nOne. Two.");
    /// let spans = Detector::new().sentences(&doc);
    /// assert_eq!(&doc.text()[spans[1].range()], "Two.");
    /// ```
    pub fn sentences(&self, doc: &Document) -> Vec<Span> {
        let body = doc.body();
        let text = doc.text().get(body.range()).unwrap_or("");
        self.segmenter
            .segment(text)
            .into_iter()
            .map(|s| s.shift(body.start))
            .collect()
    }

    /// The statements of one document. Documents can be done in parallel and
    /// the results compared later with [`Detector::compare`].
    ///
    /// ```
    /// use gainsay::{Detector, Document};
    ///
    /// let doc = Document::new("a", "The truce collapsed. If talks resume, the truce may hold.");
    /// let statements = Detector::new().statements(&doc);
    /// assert_eq!(statements[0].status, "collapsed");
    /// assert!(statements.iter().all(|s| s.document == "a"));
    /// ```
    pub fn statements(&self, doc: &Document) -> Vec<Statement> {
        self.statements_of(doc, &self.sentences(doc))
    }

    fn statements_of(&self, doc: &Document, sentences: &[Span]) -> Vec<Statement> {
        resolve::document(&self.lexicon, doc, &self.facts(doc, sentences), true)
    }

    fn facts(&self, doc: &Document, sentences: &[Span]) -> Vec<extract::SentenceFacts> {
        let mut scratch = extract::Scratch::default();
        sentences
            .iter()
            .map(|&span| extract::sentence_with(&self.lexicon, doc.text(), span, &mut scratch))
            .collect()
    }

    /// The conflicts among statements from any number of documents.
    ///
    /// The result does not depend on the order of `statements`.
    ///
    /// ```
    /// use gainsay::{Detector, Document};
    ///
    /// let detector = Detector::new();
    /// let mut statements = detector.statements(&Document::new("a", "The truce is holding."));
    /// statements.extend(detector.statements(&Document::new("b", "The truce collapsed.")));
    /// let forward = detector.compare(&statements);
    /// statements.reverse();
    /// assert_eq!(detector.compare(&statements), forward);
    /// assert_eq!(forward.len(), 1);
    /// ```
    pub fn compare(&self, statements: &[Statement]) -> Vec<Conflict> {
        let mut held = Held::default();
        held.reserve(statements.len());
        for s in statements.iter().filter(|s| s.modality.is_comparable()) {
            held.push(s.borrowed());
        }
        compare::conflicts(&self.lexicon, &held, self.settings, &Texts::Statements)
    }

    /// Reads every document and reports the conflicts between them.
    ///
    /// With the `parallel` feature, documents are read on all cores; the
    /// report is the same.
    ///
    /// The report does not depend on the order of `documents`. Documents are
    /// told apart by id: give each a distinct one.
    ///
    /// ```
    /// use gainsay::{Detector, Document};
    ///
    /// let a = Document::new("a", "The truce is holding.");
    /// let b = Document::new("b", "The truce collapsed.");
    /// let detector = Detector::new();
    /// let report = detector.check(&[a.clone(), b.clone()]);
    /// assert_eq!(report, detector.check(&[b, a]));
    /// assert_eq!(report.documents[0].id, "a");
    /// ```
    pub fn check(&self, documents: &[Document]) -> Report {
        let mut order: Vec<&Document> = documents.iter().collect();
        order.sort_by(|a, b| (a.id(), a.text()).cmp(&(b.id(), b.text())));
        // With distinct ids, the text stays in the documents: one copy of
        // the corpus in memory.
        let distinct = order.windows(2).all(|w| w[0].id() != w[1].id());
        let mut summaries = Vec::with_capacity(order.len());
        let mut held = Held::default();
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            let read = |doc: &Document| {
                let sentences = self.sentences(doc);
                let facts = self.facts(doc, &sentences);
                let mut statements = resolve::document(&self.lexicon, doc, &facts, !distinct);
                let summary = DocumentSummary::new(doc, sentences.len(), statements.len());
                // Conditionals, questions and purposes are counted in the
                // summaries but never compared.
                statements.retain(|s| s.modality.is_comparable());
                (summary, statements)
            };
            // The full statements of at most two batches are in memory at
            // once: one batch is kept while the next is read.
            let mut keep = |read: Vec<(DocumentSummary, Vec<Statement>)>| {
                held.reserve(read.iter().map(|(_, s)| s.len()).sum());
                for (summary, statements) in read {
                    summaries.push(summary);
                    for s in &statements {
                        held.push(s.borrowed());
                    }
                }
                held.seal();
            };
            let mut pending = Vec::new();
            for batch in order.chunks(BATCH) {
                let (read, ()) = rayon::join(
                    || batch.par_iter().map(|doc| read(doc)).collect(),
                    || keep(std::mem::take(&mut pending)),
                );
                pending = read;
            }
            keep(pending);
        }
        // On one core, statements go from resolution to the held ones with
        // no copy of their strings between.
        #[cfg(not(feature = "parallel"))]
        let mut names = resolve::NameKeys::default();
        #[cfg(not(feature = "parallel"))]
        for batch in order.chunks(BATCH) {
            for doc in batch {
                let sentences = self.sentences(doc);
                let facts = self.facts(doc, &sentences);
                let mut statements = 0;
                let with_text = !distinct;
                resolve::each_statement(&self.lexicon, doc, &facts, with_text, &mut names, |s| {
                    statements += 1;
                    // Conditionals, questions and purposes are counted in
                    // the summaries but never compared.
                    if s.modality.is_comparable() {
                        held.push(s);
                    }
                });
                summaries.push(DocumentSummary::new(doc, sentences.len(), statements));
            }
            held.seal();
        }
        let texts = if distinct {
            Texts::Documents(documents.iter().map(|d| (d.id(), d)).collect())
        } else {
            Texts::Statements
        };
        Report {
            documents: summaries,
            conflicts: compare::conflicts(&self.lexicon, &held, self.settings, &texts),
            skipped: Vec::new(),
        }
    }
}

/// The pipeline's stages one at a time, for the benchmarks. Not part of the
/// API: it may change in any release.
#[doc(hidden)]
pub mod stages {
    use super::{Detector, Document, Span, Statement, extract, resolve};

    pub use crate::syntax::reading::{ClauseReading, readings as clause_readings};

    /// What extraction found in each sentence of one document.
    pub struct Facts(Vec<extract::SentenceFacts>);

    /// Extraction: the facts of each sentence.
    pub fn extract(detector: &Detector, doc: &Document, sentences: &[Span]) -> Facts {
        Facts(detector.facts(doc, sentences))
    }

    /// Resolution: subjects, speakers, dates and keys across the document.
    pub fn resolve(detector: &Detector, doc: &Document, facts: &Facts) -> Vec<Statement> {
        resolve::document(&detector.lexicon, doc, &facts.0, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detector_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Detector>();
        assert_send_sync::<Lexicon>();
    }
}
