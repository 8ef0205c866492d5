//! Statements held for comparison in little room: each string is kept once
//! and a statement is a few numbers, so a corpus's statements cost about a
//! fifth of what they cost as [`Statement`](crate::Statement)s.

use std::hash::Hash;
use std::num::NonZeroU32;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::date::Date;
use crate::extract::{CueRefs, Modality, Polarity, Quantity, StatementRef};
use crate::span::Span;

/// A string kept once in [`Held`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Sym(NonZeroU32);

/// One statement, its strings as [`Sym`]s.
#[derive(Debug)]
struct Compact {
    document: Sym,
    sentence: Span,
    evidence: Span,
    /// The sentence's text; empty when the documents hold it.
    text: Sym,
    frame: Sym,
    predicate: Sym,
    status: Sym,
    subject_text: Sym,
    key: Sym,
    round: Option<u32>,
    qualifier: Option<Sym>,
    polarity: Polarity,
    modality: Modality,
    /// Name and key.
    speaker: Option<(Sym, Sym)>,
    date: Option<Date>,
    until: Option<Date>,
    time: Option<Sym>,
    cause: Option<Sym>,
    /// Its cues, each as "kind: text": the number of its list of cues.
    cues: NonZeroU32,
    quantity: Option<Box<Quantity>>,
}

/// The statements of a comparison and the strings they share.
#[derive(Debug, Default)]
pub(crate) struct Held {
    /// Batches of statements, each in a block of its exact size: a
    /// corpus's statements are never copied to grow.
    sealed: Vec<Box<[Compact]>>,
    /// The batch being filled.
    statements: Vec<Compact>,
    strings: Kept<str>,
    /// Each distinct list of cues once: few sentences differ in theirs.
    cue_lists: Kept<[Sym]>,
    /// The strings of the statement pushed last, field by field: the next
    /// is most often from the same document, often from the same sentence.
    last: [Option<Sym>; Field::COUNT],
    /// Room for a cue's "kind: text" and a statement's list of cues.
    cue_key: String,
    cue_list: Vec<Sym>,
}

/// The fields of a statement whose strings repeat from one statement to the
/// next.
#[derive(Clone, Copy)]
enum Field {
    Document,
    Frame,
    Predicate,
    Status,
    SubjectText,
    Key,
    SpeakerName,
    SpeakerKey,
    Text,
    Time,
    Cause,
}

impl Field {
    const COUNT: usize = Field::Cause as usize + 1;
}

/// Values kept once each, numbered from 1 in the order first seen.
#[derive(Debug)]
struct Kept<T: ?Sized> {
    values: Vec<Arc<T>>,
    numbers: HashMap<Arc<T>, NonZeroU32>,
}

impl<T: ?Sized> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            values: Vec::new(),
            numbers: HashMap::default(),
        }
    }
}

impl<T: ?Sized + Hash + Eq> Kept<T>
where
    for<'v> Arc<T>: From<&'v T>,
{
    /// The number of `value`, kept if it is new.
    fn keep(&mut self, value: &T) -> NonZeroU32 {
        if let Some(&number) = self.numbers.get(value) {
            return number;
        }
        // Four billion distinct values would not fit in memory first.
        let number = u32::try_from(self.values.len() + 1)
            .ok()
            .and_then(NonZeroU32::new)
            .unwrap_or(NonZeroU32::MAX);
        let kept: Arc<T> = Arc::from(value);
        self.values.push(Arc::clone(&kept));
        self.numbers.insert(kept, number);
        number
    }

    fn get(&self, number: NonZeroU32) -> Option<&T> {
        self.values.get(number.get() as usize - 1).map(|v| &**v)
    }
}

impl Held {
    /// Keeps `s`, its strings interned.
    pub(crate) fn push(&mut self, s: StatementRef<'_>) {
        let compact = Compact {
            document: self.intern_as(Field::Document, s.document),
            sentence: s.sentence,
            evidence: s.evidence,
            text: self.intern_as(Field::Text, s.text),
            frame: self.intern_as(Field::Frame, s.frame),
            predicate: self.intern_as(Field::Predicate, s.predicate),
            status: self.intern_as(Field::Status, s.status),
            subject_text: self.intern_as(Field::SubjectText, s.subject.text),
            key: self.intern_as(Field::Key, s.subject.key),
            round: s.subject.round,
            qualifier: s.subject.qualifier.map(|q| self.intern(q)),
            polarity: s.polarity,
            modality: s.modality,
            speaker: s.speaker.map(|p| {
                (
                    self.intern_as(Field::SpeakerName, &p.name),
                    self.intern_as(Field::SpeakerKey, &p.key),
                )
            }),
            date: s.date,
            until: s.until,
            time: s.time.map(|t| self.intern_as(Field::Time, t)),
            cause: s.cause.map(|c| self.intern_as(Field::Cause, c)),
            cues: self.intern_cues(s.cues),
            quantity: s.quantity.cloned().map(Box::new),
        };
        self.statements.push(compact);
    }

    /// Makes room for `more` statements.
    pub(crate) fn reserve(&mut self, more: usize) {
        self.statements.reserve_exact(more);
    }

    /// Ends a batch: the statements pushed so far are moved to a block of
    /// their exact size, and the batch's room is kept for the next.
    pub(crate) fn seal(&mut self) {
        if !self.statements.is_empty() {
            self.sealed.push(self.statements.drain(..).collect());
        }
    }

    /// The statements held, in the order pushed.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Stmt<'_>> {
        self.sealed
            .iter()
            .flat_map(|batch| batch.iter())
            .chain(&self.statements)
            .map(|c| Stmt { c, held: self })
    }

    fn intern_cues(&mut self, cues: CueRefs<'_>) -> NonZeroU32 {
        let mut key = std::mem::take(&mut self.cue_key);
        let mut list = std::mem::take(&mut self.cue_list);
        list.clear();
        cues.each(|kind, text, _| {
            key.clear();
            key.push_str(kind);
            key.push_str(": ");
            key.push_str(text);
            list.push(self.intern(&key));
        });
        let number = self.cue_lists.keep(&list);
        (self.cue_key, self.cue_list) = (key, list);
        number
    }

    fn intern(&mut self, s: &str) -> Sym {
        Sym(self.strings.keep(s))
    }

    /// [`Held::intern`], asking first whether `s` is the string the last
    /// statement had in this field: a compare instead of a hash.
    fn intern_as(&mut self, field: Field, s: &str) -> Sym {
        if let Some(sym) = self.last[field as usize]
            && self.strings.get(sym.0) == Some(s)
        {
            return sym;
        }
        let sym = Sym(self.strings.keep(s));
        self.last[field as usize] = Some(sym);
        sym
    }

    fn str(&self, sym: Sym) -> &str {
        self.strings.get(sym.0).unwrap_or("")
    }
}

/// A held statement, read through its strings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stmt<'a> {
    c: &'a Compact,
    held: &'a Held,
}

impl<'a> Stmt<'a> {
    fn str(&self, sym: Sym) -> &'a str {
        self.held.str(sym)
    }

    /// The document's id.
    pub(crate) fn document(&self) -> &'a str {
        self.str(self.c.document)
    }

    /// A number for the document, the same for each of its statements.
    pub(crate) fn document_number(&self) -> u32 {
        self.c.document.0.get()
    }

    /// The numbers of the frame, predicate and key: equal exactly when the
    /// strings are.
    pub(crate) fn group_numbers(&self) -> [u32; 3] {
        [self.c.frame, self.c.predicate, self.c.key].map(|s| s.0.get())
    }

    /// The numbers of the status and the qualifier (0 for none).
    pub(crate) fn claim_string_numbers(&self) -> [u32; 2] {
        [
            self.c.status.0.get(),
            self.c.qualifier.map_or(0, |q| q.0.get()),
        ]
    }

    pub(crate) fn sentence(&self) -> Span {
        self.c.sentence
    }

    pub(crate) fn evidence(&self) -> Span {
        self.c.evidence
    }

    /// The sentence's text, when the statement carried it.
    pub(crate) fn text(&self) -> &'a str {
        self.str(self.c.text)
    }

    pub(crate) fn frame(&self) -> &'a str {
        self.str(self.c.frame)
    }

    pub(crate) fn predicate(&self) -> &'a str {
        self.str(self.c.predicate)
    }

    pub(crate) fn status(&self) -> &'a str {
        self.str(self.c.status)
    }

    pub(crate) fn subject_text(&self) -> &'a str {
        self.str(self.c.subject_text)
    }

    pub(crate) fn key(&self) -> &'a str {
        self.str(self.c.key)
    }

    pub(crate) fn round(&self) -> Option<u32> {
        self.c.round
    }

    pub(crate) fn qualifier(&self) -> Option<&'a str> {
        self.c.qualifier.map(|q| self.str(q))
    }

    pub(crate) fn polarity(&self) -> Polarity {
        self.c.polarity
    }

    pub(crate) fn modality(&self) -> Modality {
        self.c.modality
    }

    /// The speaker's name and key.
    pub(crate) fn speaker(&self) -> Option<(&'a str, &'a str)> {
        self.c
            .speaker
            .map(|(name, key)| (self.str(name), self.str(key)))
    }

    pub(crate) fn date(&self) -> Option<Date> {
        self.c.date
    }

    pub(crate) fn until(&self) -> Option<Date> {
        self.c.until
    }

    pub(crate) fn time(&self) -> Option<&'a str> {
        self.c.time.map(|t| self.str(t))
    }

    pub(crate) fn cause(&self) -> Option<&'a str> {
        self.c.cause.map(|c| self.str(c))
    }

    /// Each cue as "kind: text".
    pub(crate) fn cues(&self) -> impl Iterator<Item = &'a str> + 'a {
        let held = self.held;
        let list = held.cue_lists.get(self.c.cues).unwrap_or_default();
        list.iter().map(move |&c| held.str(c))
    }

    pub(crate) fn quantity(&self) -> Option<&'a Quantity> {
        self.c.quantity.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Detector, Document};

    #[test]
    fn held_statements_read_back_as_they_were() {
        let doc = Document::new(
            "wire",
            "Officials said the talks may have stalled on Friday, not collapsed.",
        );
        let statements = Detector::new().statements(&doc);
        let mut held = Held::default();
        for s in &statements {
            held.push(s.borrowed());
        }
        for (s, h) in statements.iter().zip(held.iter()) {
            assert_eq!(h.document(), s.document);
            assert_eq!((h.sentence(), h.evidence()), (s.sentence, s.evidence));
            assert_eq!((h.text(), h.frame()), (s.text.as_str(), s.frame.as_str()));
            assert_eq!(h.status(), s.status);
            assert_eq!(h.key(), s.subject.key);
            assert_eq!(h.qualifier(), s.subject.qualifier.as_deref());
            assert_eq!((h.polarity(), h.modality()), (s.polarity, s.modality));
            assert_eq!(
                h.speaker().map(|p| p.0),
                s.speaker.as_ref().map(|p| p.name.as_str())
            );
            assert_eq!(h.time(), s.time.as_deref());
            let cues: Vec<String> = s
                .cues
                .iter()
                .map(|c| format!("{}: {}", c.kind, c.text))
                .collect();
            assert_eq!(h.cues().collect::<Vec<_>>(), cues);
        }
        // One string, one copy.
        assert_eq!(
            held.iter().next().map(|h| h.document_number()),
            held.iter().last().map(|h| h.document_number())
        );
    }

    #[test]
    fn a_string_that_repeats_or_returns_keeps_one_number() {
        let detector = Detector::new();
        let mut held = Held::default();
        // The key and status change and come back; the document changes.
        // "truce" is an alias of "ceasefire".
        for (id, text) in [
            ("a", "The truce collapsed. The talks stalled."),
            ("b", "The truce is holding. The talks stalled."),
        ] {
            for s in &detector.statements(&Document::new(id, text)) {
                held.push(s.borrowed());
            }
        }
        let read: Vec<_> = held
            .iter()
            .map(|h| (h.document(), h.key(), h.status()))
            .collect();
        assert_eq!(
            read,
            [
                ("a", "ceasefire", "collapsed"),
                ("a", "talks", "stalled"),
                ("b", "ceasefire", "holding"),
                ("b", "talks", "stalled"),
            ]
        );
        let numbers: Vec<_> = held.iter().map(|h| h.group_numbers()).collect();
        assert_eq!((numbers[0], numbers[1]), (numbers[2], numbers[3]));
        assert_ne!(numbers[0], numbers[1]);
    }
}
