//! One sentence to statements: what it asserts about which event, with
//! polarity, modality, speaker and time cues.
//!
//! Extraction looks at one sentence at a time. What a sentence leaves open
//! ("the talks": which talks? "he said": who?) is passed on as references for
//! the `resolve` stage to settle against the rest of the document.

use std::cell::Cell;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::lexicon::{
    BoundKind, Classes, CueKind, Entry, Hit, Lexicon, WordClass, is_word_char, letter_runs_into,
};
use crate::span::Span;
use crate::syntax::reading::parse;

mod clauses;

/// Whether a statement is affirmed or negated.
///
/// ```
/// use gainsay::{Detector, Document, Polarity};
///
/// let doc = Document::new("a", "The ceasefire was not violated.");
/// assert_eq!(Detector::new().statements(&doc)[0].polarity, Polarity::Negated);
/// assert_eq!(Polarity::Negated.name(), "negated");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// "The talks collapsed."
    Affirmed,
    /// "The talks did not collapse."
    Negated,
}

/// How a statement is asserted.
///
/// ```
/// use gainsay::{Detector, Document, Modality};
///
/// let doc = Document::new("a", "Did the talks collapse? Kabul claims the talks collapsed.");
/// let modalities: Vec<Modality> = Detector::new().statements(&doc).iter().map(|s| s.modality).collect();
/// assert_eq!(modalities, [Modality::Question, Modality::ReportedClaim]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Modality {
    /// Stated as fact, by the outlet or by a quoted speaker.
    Asserted,
    /// Softened: "may", "reportedly", "faint signs".
    Hedged,
    /// Under a condition: "if the talks fail".
    Conditional,
    /// An aim, not an outcome: "to prevent the talks from collapsing".
    Purpose,
    /// Expected or in the future: "the talks will resume".
    Expected,
    /// Asked, not asserted.
    Question,
    /// Another party's claim, reported: "Kabul claims the talks failed".
    ReportedClaim,
    /// Said to be neither confirmed nor denied, or unverified.
    Unconfirmed,
    /// Called for, urged, planned or proposed, not said to have happened:
    /// "the council called for an end to the strike", "plans to close".
    Proposed,
}

impl Modality {
    /// Whether statements of this modality assert anything about the world
    /// that another source could contradict.
    ///
    /// ```
    /// use gainsay::Modality;
    ///
    /// assert!(Modality::Hedged.is_comparable());
    /// assert!(!Modality::Conditional.is_comparable());
    /// ```
    pub fn is_comparable(self) -> bool {
        !matches!(
            self,
            Modality::Conditional | Modality::Purpose | Modality::Question | Modality::Proposed
        )
    }

    /// The modality's name as written in reports.
    ///
    /// ```
    /// assert_eq!(gainsay::Modality::ReportedClaim.name(), "reported_claim");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Hedged => "hedged",
            Modality::Conditional => "conditional",
            Modality::Purpose => "purpose",
            Modality::Expected => "expected",
            Modality::Question => "question",
            Modality::ReportedClaim => "reported_claim",
            Modality::Unconfirmed => "unconfirmed",
            Modality::Proposed => "proposed",
        }
    }
}

impl Polarity {
    /// The polarity's name as written in reports.
    ///
    /// ```
    /// assert_eq!(gainsay::Polarity::Affirmed.name(), "affirmed");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Polarity::Affirmed => "affirmed",
            Polarity::Negated => "negated",
        }
    }
}

impl std::fmt::Display for Polarity {
    /// The name as serde writes it: `affirmed` or `negated`.
    ///
    /// ```
    /// assert_eq!(gainsay::Polarity::Negated.to_string(), "negated");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

impl std::fmt::Display for Modality {
    /// The name as serde writes it: `asserted`, `reported_claim`, ...
    ///
    /// ```
    /// assert_eq!(gainsay::Modality::ReportedClaim.to_string(), "reported_claim");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// What a statement is about.
///
/// ```
/// use gainsay::{Detector, Document};
///
/// let doc = Document::new("a", "The third round of the Doha talks collapsed.");
/// let subject = &Detector::new().statements(&doc)[0].subject;
/// assert_eq!((subject.key.as_str(), subject.round), ("talks", Some(3)));
/// assert_eq!(subject.text, "Doha talks");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Subject {
    /// The words the document uses ("the Istanbul negotiations").
    pub text: String,
    /// One key for one thing across documents (the event frame, e.g. "talks").
    pub key: String,
    /// The round or session of the event, when one is named ("third round").
    pub round: Option<u32>,
    /// The proper name that tells this event from others of its frame
    /// ("apple" in "Apple shares"), for frames the lexicon marks
    /// `qualified`; lower case, aliases resolved.
    #[serde(default)]
    pub qualifier: Option<String>,
}

/// Who is quoted or reported as saying a statement.
///
/// ```
/// use gainsay::{Detector, Document};
///
/// let doc = Document::new("a", "Foreign Minister Ana Lopes said the talks had stalled.");
/// let speaker = Detector::new().statements(&doc)[0].speaker.clone().unwrap();
/// assert_eq!(speaker.name, "Ana Lopes");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Speaker {
    /// The name as the document gives it, at its fullest.
    pub name: String,
    /// A key that matches the same speaker across documents.
    pub key: String,
}

/// A cue word that shaped a statement.
///
/// ```
/// use gainsay::{Detector, Document};
///
/// let doc = Document::new("a", "The talks may have stalled.");
/// let cue = &Detector::new().statements(&doc)[0].cues[0];
/// assert_eq!((cue.kind.as_str(), cue.text.as_str()), ("hedge", "may"));
/// assert_eq!(&doc.text()[cue.span.range()], "may");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cue {
    /// The kind of cue: "negation", "hedge", "conditional", "purpose",
    /// "expected", "question" or "claim".
    pub kind: String,
    /// The cue's words.
    pub text: String,
    /// Its byte span in the document.
    pub span: Span,
}

/// What one clause asserts about one event.
///
/// ```
/// use gainsay::{Detector, Document, Modality, Polarity};
///
/// let doc = Document::new("a", "The talks did not collapse, officials said.");
/// let statements = Detector::new().statements(&doc);
/// let s = &statements[0];
/// assert_eq!((s.subject.key.as_str(), s.status.as_str()), ("talks", "collapsed"));
/// assert_eq!(s.polarity, Polarity::Negated);
/// assert_eq!(s.modality, Modality::Asserted);
/// assert_eq!(s.speaker.as_ref().unwrap().name, "officials");
/// assert_eq!(&doc.text()[s.evidence.range()], "collapse");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Statement {
    /// The id of the document it comes from.
    pub document: String,
    /// The byte span of its sentence in the document.
    pub sentence: Span,
    /// The sentence's text.
    pub text: String,
    /// The byte span of the status words in the document.
    pub evidence: Span,
    /// The event frame (from the lexicon).
    pub frame: String,
    /// What it is about.
    pub subject: Subject,
    /// The predicate of the frame ("status").
    pub predicate: String,
    /// The status asserted ("progress", "collapsed").
    pub status: String,
    /// Affirmed or negated.
    pub polarity: Polarity,
    /// How it is asserted.
    pub modality: Modality,
    /// Who said it, when it is quoted or reported.
    pub speaker: Option<Speaker>,
    /// The date it speaks of: a relative expression resolved against the
    /// document's date, or the document's date.
    pub date: Option<Date>,
    /// The last day of the dates the sentence gives, when it gives a range
    /// ("October 18-19", "last month").
    #[serde(default)]
    pub until: Option<Date>,
    /// The time expression in the sentence, if any ("on Friday").
    pub time: Option<String>,
    /// The cues that shaped polarity and modality.
    pub cues: Vec<Cue>,
    /// Who set the event off, as the sentence tells it ("militants" in
    /// "fighting began when militants attacked"): lower case, aliases
    /// resolved ("pakistan" for "Islamabad").
    #[serde(default)]
    pub cause: Option<String>,
    /// For a count (frame "count", status the measure: "killed"), the
    /// numbers it allows.
    #[serde(default)]
    pub quantity: Option<Quantity>,
}

/// A count a statement gives, as the range of numbers it allows: "at least
/// 40" is 40 and up, "about 200" is 170 to 230, "dozens" is 24 to 199.
///
/// ```
/// use gainsay::{Detector, Document};
///
/// let doc = Document::new("a", "At least 40 people were killed in the blast.");
/// let s = &Detector::new().statements(&doc)[0];
/// let q = s.quantity.as_ref().unwrap();
/// assert_eq!((s.status.as_str(), q.low, q.high), ("killed", 40, None));
/// assert_eq!(q.text, "At least 40");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// The least number allowed.
    pub low: u64,
    /// The most allowed; `None` when unbounded ("at least 40").
    pub high: Option<u64>,
    /// The words that give it.
    pub text: String,
}

impl Quantity {
    /// Whether the two ranges have a number in common.
    ///
    /// ```
    /// use gainsay::{Detector, Document};
    ///
    /// let count = |text: &str| {
    ///     let doc = Document::new("a", text);
    ///     Detector::new().statements(&doc)[0].quantity.clone().unwrap()
    /// };
    /// assert!(count("More than 60,000 were displaced.").overlaps(&count("60,643 were displaced.")));
    /// assert!(!count("At least 40 were killed.").overlaps(&count("15 were killed.")));
    /// ```
    pub fn overlaps(&self, other: &Quantity) -> bool {
        let below = |a: &Quantity, b: &Quantity| a.high.is_some_and(|h| h < b.low);
        !below(self, other) && !below(other, self)
    }
}

/// A [`Subject`] with its strings borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SubjectRef<'a> {
    pub(crate) text: &'a str,
    pub(crate) key: &'a str,
    pub(crate) round: Option<u32>,
    pub(crate) qualifier: Option<&'a str>,
}

/// A statement with its strings borrowed: what resolution hands on, so that
/// comparison can keep the strings once without a [`Statement`] made first.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StatementRef<'a> {
    pub(crate) document: &'a str,
    pub(crate) sentence: Span,
    pub(crate) text: &'a str,
    pub(crate) evidence: Span,
    pub(crate) frame: &'a str,
    pub(crate) subject: SubjectRef<'a>,
    pub(crate) predicate: &'a str,
    pub(crate) status: &'a str,
    pub(crate) polarity: Polarity,
    pub(crate) modality: Modality,
    pub(crate) speaker: Option<&'a Speaker>,
    pub(crate) date: Option<Date>,
    pub(crate) until: Option<Date>,
    pub(crate) time: Option<&'a str>,
    pub(crate) cues: CueRefs<'a>,
    pub(crate) cause: Option<&'a str>,
    pub(crate) quantity: Option<&'a Quantity>,
}

/// A statement's cues, as extraction found them or as a [`Statement`]
/// holds them.
#[derive(Clone, Copy, Debug)]
pub(crate) enum CueRefs<'a> {
    /// Kinds and spans in the document's text.
    Found(&'a [(CueKind, Span)], &'a str),
    Made(&'a [Cue]),
}

impl CueRefs<'_> {
    /// Calls `f` with each cue's kind, words and span.
    pub(crate) fn each(self, mut f: impl FnMut(&str, &str, Span)) {
        match self {
            CueRefs::Found(cues, text) => {
                for &(kind, span) in cues {
                    f(kind.name(), text.get(span.range()).unwrap_or(""), span);
                }
            }
            CueRefs::Made(cues) => {
                for c in cues {
                    f(&c.kind, &c.text, c.span);
                }
            }
        }
    }

    fn to_vec(self) -> Vec<Cue> {
        let mut out = Vec::new();
        self.each(|kind, text, span| {
            out.push(Cue {
                kind: kind.to_string(),
                text: text.to_string(),
                span,
            })
        });
        out
    }
}

impl StatementRef<'_> {
    /// The statement, its strings copied.
    pub(crate) fn to_statement(self) -> Statement {
        Statement {
            document: self.document.to_string(),
            sentence: self.sentence,
            text: self.text.to_string(),
            evidence: self.evidence,
            frame: self.frame.to_string(),
            subject: Subject {
                text: self.subject.text.to_string(),
                key: self.subject.key.to_string(),
                round: self.subject.round,
                qualifier: self.subject.qualifier.map(str::to_string),
            },
            predicate: self.predicate.to_string(),
            status: self.status.to_string(),
            polarity: self.polarity,
            modality: self.modality,
            speaker: self.speaker.cloned(),
            date: self.date,
            until: self.until,
            time: self.time.map(str::to_string),
            cues: self.cues.to_vec(),
            cause: self.cause.map(str::to_string),
            quantity: self.quantity.cloned(),
        }
    }
}

impl Statement {
    /// The statement with its strings borrowed.
    pub(crate) fn borrowed(&self) -> StatementRef<'_> {
        StatementRef {
            document: &self.document,
            sentence: self.sentence,
            text: &self.text,
            evidence: self.evidence,
            frame: &self.frame,
            subject: SubjectRef {
                text: &self.subject.text,
                key: &self.subject.key,
                round: self.subject.round,
                qualifier: self.subject.qualifier.as_deref(),
            },
            predicate: &self.predicate,
            status: &self.status,
            polarity: self.polarity,
            modality: self.modality,
            speaker: self.speaker.as_ref(),
            date: self.date,
            until: self.until,
            time: self.time.as_deref(),
            cues: CueRefs::Made(&self.cues),
            cause: self.cause.as_deref(),
            quantity: self.quantity.as_ref(),
        }
    }
}

/// A head-word mention of an event in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    pub(crate) frame: usize,
    pub(crate) round: Option<u32>,
    /// The proper name qualifying the head, for qualified frames.
    pub(crate) qualifier: Option<String>,
    /// Not introduced as new ("a", "another"): may refer back.
    pub(crate) definite: bool,
    pub(crate) text: String,
}

/// Who a sentence says is speaking, before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SpeakerRef {
    None,
    Named(String),
    /// "he", "the minister": the last person named.
    Anaphor,
    Group(String),
    /// "it": whoever spoke in the sentence before.
    Previous,
}

/// A time expression, before resolution against the document's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeRef {
    Weekday(i64),
    DaysBack(i64),
    /// "October 18-19", "Nov. 8, 2025", "12 May": days of one month; `to`
    /// 0 for the whole month ("in October").
    Absolute {
        month: i8,
        from: i8,
        to: i8,
        year: Option<i16>,
    },
}

/// A statement before resolution.
#[derive(Clone, Debug)]
pub(crate) struct RawStatement {
    pub(crate) frame: usize,
    pub(crate) status: usize,
    /// The mention in this sentence it is about; `None`: an event named earlier.
    pub(crate) mention: Option<usize>,
    /// Statements from one status phrase that may belong to several frames.
    pub(crate) group: usize,
    pub(crate) evidence: Span,
    pub(crate) polarity: Polarity,
    pub(crate) modality: Modality,
    /// Its cues' kinds and spans in the document.
    pub(crate) cues: Vec<(CueKind, Span)>,
    /// The proper name acting on the status word ("Islamabad targeted").
    pub(crate) agent: Option<String>,
    /// Who set the event off, after a trigger word ("after rebels attacked").
    pub(crate) cause: Option<String>,
    /// For a count: the numbers it allows.
    pub(crate) quantity: Option<Quantity>,
    /// For a generic clause: who and what it is about, and its verb.
    pub(crate) roles: Option<Roles>,
}

/// What a generic clause is about: "the senate approved the bill" has the
/// bill as patient, the senate as agent and "approve" as verb.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Roles {
    /// The thing acted on, or the subject of a verb with no object.
    pub(crate) patient: String,
    /// Who acted, when named.
    pub(crate) agent: Option<String>,
    /// The verb's lemma ("approve").
    pub(crate) verb: String,
}

/// Everything extraction finds in one sentence.
#[derive(Clone, Debug)]
pub(crate) struct SentenceFacts {
    pub(crate) span: Span,
    pub(crate) mentions: Vec<Mention>,
    pub(crate) speaker: SpeakerRef,
    pub(crate) time: Option<(String, TimeRef)>,
    /// Quote depth change over the sentence: opened minus closed.
    pub(crate) quote_balance: i32,
    /// Straight double quotes in the sentence.
    pub(crate) straight_quotes: usize,
    pub(crate) statements: Vec<RawStatement>,
}

/// Bytes allowed between a negation cue and the status it negates.
const NEGATION_REACH: usize = 120;

/// A word of a sentence.
#[derive(Clone, Debug)]
struct Token<'a> {
    span: Span,
    text: &'a str,
    /// The word's classes, once looked up.
    classes: Cell<Option<Classes>>,
}

impl<'a> Token<'a> {
    fn new(span: Span, text: &'a str) -> Token<'a> {
        Token {
            span,
            text,
            classes: Cell::new(None),
        }
    }

    /// Whether the word is of `class`: the lexicon is asked once a word.
    fn is(&self, lexicon: &Lexicon, class: WordClass) -> bool {
        let classes = self.classes.get().unwrap_or_else(|| {
            let classes = lexicon.classes(self.text);
            self.classes.set(Some(classes));
            classes
        });
        classes.has(class)
    }
}

/// Room that extraction reuses from one sentence of a text to the next, so
/// that a sentence costs few allocations.
#[derive(Default)]
pub(crate) struct Scratch<'l, 't> {
    runs: Vec<Span>,
    hits: Vec<Hit<'l>>,
    tokens: Vec<Token<'t>>,
    marks: Marks,
    cues: [Vec<Span>; CueKind::COUNT],
    clauses: Vec<usize>,
    mention_spans: Vec<Span>,
    /// A status word's readings: about a mention of its own sentence, or
    /// about one of the context.
    local: Vec<(usize, usize, Option<usize>)>,
    context: Vec<(usize, usize, Option<usize>)>,
}

/// Extracts the facts of one sentence of `text` at `span`.
#[cfg(test)]
pub(crate) fn sentence(lexicon: &Lexicon, text: &str, span: Span) -> SentenceFacts {
    sentence_with(lexicon, text, span, &mut Scratch::default())
}

/// Extracts the facts of one sentence of `text` at `span`, with room that
/// the sentences of `text` share.
pub(crate) fn sentence_with<'l, 't>(
    lexicon: &'l Lexicon,
    text: &'t str,
    span: Span,
    scratch: &mut Scratch<'l, 't>,
) -> SentenceFacts {
    let s = text.get(span.range()).unwrap_or("");
    let Scratch {
        runs,
        hits,
        tokens,
        marks,
        cues,
        clauses,
        mention_spans,
        local,
        context,
    } = scratch;
    letter_runs_into(s, runs);
    lexicon.scan_runs_into(s, runs, hits);
    lex_into(s, runs, tokens, marks);
    let (hits, tokens): (&[Hit<'l>], &[Token<'t>]) = (hits, tokens);
    let parsed = parse(s);
    let clause_facts = clauses::clause_facts(&parsed);
    let quote_balance = marks.opens - marks.closes;
    let straight_quotes = marks.straight;
    // The event names, and whether the sentence asserts anything: with no
    // event, status, count or clause verb only who speaks in it matters to
    // the sentences around.
    let (mut heads, mut asserts) = (0, false);
    for entry in hits.iter().flat_map(|h| h.entries) {
        match entry {
            Entry::Head { .. } => (heads, asserts) = (heads + 1, true),
            Entry::Status { .. } | Entry::Measure(_) | Entry::Verb(_) => asserts = true,
            _ => {}
        }
    }
    if !asserts && clause_facts.is_empty() {
        return SentenceFacts {
            span,
            mentions: Vec::new(),
            speaker: speaker_of(lexicon, s, hits, tokens),
            time: None,
            quote_balance,
            straight_quotes,
            statements: Vec::new(),
        };
    }
    let index = CueIndex::new(lexicon, s, hits, cues, marks);
    clause_starts(clauses, &marks.clauses, &index);
    let clauses: &[usize] = clauses;
    let clause = |pos: usize| clauses.partition_point(|&b| b <= pos);

    // Mentions are kept with the sentence's facts: room for the heads only.
    let mut mentions = Vec::with_capacity(heads);
    mention_spans.clear();
    for hit in hits {
        for entry in hit.entries.iter() {
            if let Entry::Head { frame } = *entry {
                let text = mention_text(lexicon, s, tokens, hit.span);
                let qualified = lexicon.frames.get(frame).is_some_and(|f| f.qualified);
                mentions.push(Mention {
                    frame,
                    round: round_of(lexicon, hits, hit.span, &clause, s),
                    qualifier: qualified
                        .then(|| {
                            let from = match clause(hit.span.start) {
                                0 => 0,
                                n => clauses.get(n - 1).copied().unwrap_or(0),
                            };
                            qualifier(lexicon, s, tokens, hit.span, &text)
                                .or_else(|| actor(lexicon, s, tokens, from, hit.span))
                        })
                        .flatten(),
                    definite: !preceded_by(lexicon, tokens, hit.span.start, WordClass::Indefinite),
                    text,
                });
                mention_spans.push(hit.span);
            }
        }
    }

    // No room made ahead: a long run of words said again makes one
    // statement, and the list stays with the sentence until resolution.
    let mut statements: Vec<RawStatement> = Vec::new();
    for (group, hit) in hits.iter().enumerate() {
        local.clear();
        context.clear();
        for entry in hit.entries.iter() {
            let Entry::Status { frame, status } = *entry else {
                continue;
            };
            if hit.entries.contains(&Entry::Head { frame }) {
                continue;
            }
            match nearest_mention(&mentions, mention_spans, frame, hit.span) {
                Some(m) => local.push((frame, status, Some(m))),
                None => context.push((frame, status, None)),
            }
        }
        let chosen: &[(usize, usize, Option<usize>)] = match local.is_empty() {
            true => context,
            false => local,
        };
        // A person named before is what a status with no event here is
        // about, unless its verb acts on someone else.
        let someone_else = local.is_empty() && clauses::acts_on_another(&parsed, hit.span);
        if chosen.is_empty()
            || !clauses::status_fits(
                lexicon,
                &parsed,
                (hit.span, &s[hit.span.range()]),
                mention_spans,
            )
        {
            continue;
        }
        // "the ongoing talks": a status word that modifies the event's name.
        // Mentions are in order, so only the next few can be that close.
        let next = mention_spans.partition_point(|sp| sp.start < hit.span.end);
        let attributive = mentions[next..]
            .iter()
            .zip(&mention_spans[next..])
            .map(|(m, sp)| (m, sp, tokens_between(tokens, hit.span.end, sp.start)))
            .take_while(|(_, _, between)| between.len() <= 2)
            .any(|(m, sp, between)| {
                chosen.iter().any(|&(frame, _, _)| frame == m.frame)
                    && between.iter().all(|t| is_capitalised(t.text))
                    && !s[hit.span.end..sp.start].contains([',', ';', ':'])
            });
        let mut cues = Vec::new();
        let polarity = polarity_of(
            lexicon,
            (s, tokens),
            &index,
            hit.span,
            attributive,
            &clause,
            &mut cues,
        );
        let modality = modality_of(&index, hit.span, &clause, &mut cues);
        let modality = clauses::merged(modality, clauses::modality_at(&parsed, hit.span));
        let from = match clause(hit.span.start) {
            0 => 0,
            n => clauses.get(n - 1).copied().unwrap_or(0),
        };
        let agent = chosen
            .iter()
            .any(|&(frame, _, _)| lexicon.frames.get(frame).is_some_and(|f| f.qualified))
            .then(|| actor(lexicon, s, tokens, from, hit.span))
            .flatten();
        let cause = cause_of(lexicon, s, tokens, hits, &index, hit.span);
        let cues = in_document(cues, span.start);
        // Mentions that read alike resolve alike: "the talks ... the talks"
        // say one thing, however many times.
        let alike = |a: Option<usize>, b: Option<usize>| match (a, b) {
            (Some(a), Some(b)) => mentions.get(a) == mentions.get(b),
            _ => false,
        };
        for &(frame, status, mention) in chosen {
            if someone_else && lexicon.frames.get(frame).is_some_and(|f| f.people) {
                continue;
            }
            let events: Vec<Span> = spans_of_frame(&mentions, mention_spans, frame).collect();
            let by_actor = lexicon.frames.get(frame).is_some_and(|f| f.qualified);
            if clauses::said_of_another(&parsed, hit.span, &events, by_actor) {
                continue;
            }
            let duplicate = statements.iter().any(|r| {
                r.frame == frame
                    && r.status == status
                    && r.polarity == polarity
                    && r.modality == modality
                    && (r.mention == mention || (alike(r.mention, mention) && r.agent == agent))
            });
            if !duplicate {
                statements.push(RawStatement {
                    frame,
                    status,
                    mention,
                    group,
                    evidence: hit.span.shift(span.start),
                    polarity,
                    modality,
                    cues: cues.clone(),
                    agent: agent.clone(),
                    cause: cause.clone(),
                    quantity: None,
                    roles: None,
                });
            }
        }
    }
    if let Some(count_frame) = lexicon.count_frame() {
        for (group, hit) in hits.iter().enumerate() {
            for entry in hit.entries.iter() {
                let Entry::Measure(measure) = *entry else {
                    continue;
                };
                let Some(quantity) = quantity_near(lexicon, s, tokens, hit.span, &clause) else {
                    continue;
                };
                if clauses::list_number(s, &quantity.text)
                    || clauses::counted_for_else(&parsed, hit.span)
                    || clauses::counted_elsewhere(&parsed, hit.span)
                {
                    continue;
                }
                let mut cues = Vec::new();
                let modality = modality_of(&index, hit.span, &clause, &mut cues);
                let modality = clauses::merged(modality, clauses::modality_at(&parsed, hit.span));
                let cues = in_document(cues, span.start);
                statements.push(RawStatement {
                    frame: count_frame,
                    status: measure,
                    mention: None,
                    group,
                    evidence: hit.span.shift(span.start),
                    polarity: Polarity::Affirmed,
                    modality,
                    cues,
                    agent: None,
                    cause: None,
                    quantity: Some(quantity),
                    roles: None,
                });
            }
        }
    }
    if let Some(clause_frame) = lexicon.clause_frame() {
        // Status words a frame reads about an event named here are taken,
        // and so are measures counted here ("two were detained").
        let taken: Vec<(Span, Option<Span>)> = statements
            .iter()
            .filter(|r| r.mention.is_some() || r.quantity.is_some())
            .map(|r| {
                let at = Span::new(r.evidence.start - span.start, r.evidence.end - span.start);
                (at, r.mention.and_then(|m| mention_spans.get(m).copied()))
            })
            .collect();
        // Status words of frames, with the frame: taken where the clause
        // also names the frame's event.
        let framed: Vec<(Span, usize)> = hits
            .iter()
            .flat_map(|h| {
                h.entries.iter().filter_map(move |e| match e {
                    Entry::Status { frame, .. } => Some((h.span, *frame)),
                    _ => None,
                })
            })
            .collect();
        for fact in clause_facts {
            let (at, roles) = (fact.at, fact.roles);
            // A frame reads the clause's own status word: the frame's statement;
            // an event a frame names acts only in its frame ("the talks opened").
            let inside = |t: &Span| fact.reach.start <= t.start && t.end <= fact.reach.end;
            let names =
                |frame: usize| spans_of_frame(&mentions, mention_spans, frame).any(|m| inside(&m));
            if framed.iter().any(|(t, frame)| inside(t) && names(*frame)) {
                continue;
            }
            let event = |m: &Span| !fact.transitive && fact.subject.overlaps(*m);
            let read =
                |(at, event): &(Span, Option<Span>)| inside(at) && event.is_none_or(|e| inside(&e));
            if taken.iter().any(read) || mention_spans.iter().any(event) {
                continue;
            }
            let mut cues = Vec::new();
            let polarity = fact.polarity;
            let modality = clauses::merged(
                modality_of(&index, at, &clause, &mut cues),
                Some(fact.modality),
            );
            // A clause said again in the sentence says nothing new.
            let again = statements.iter().any(|r| {
                r.roles.as_ref() == Some(&roles) && r.polarity == polarity && r.modality == modality
            });
            if again {
                continue;
            }
            let cues = in_document(cues, span.start);
            statements.push(RawStatement {
                frame: clause_frame,
                status: 0,
                mention: None,
                group: usize::MAX,
                evidence: at.shift(span.start),
                polarity,
                modality,
                cues,
                agent: None,
                cause: None,
                quantity: None,
                roles: Some(roles),
            });
        }
    }

    let relative = || {
        hits.iter().find_map(|h| {
            h.entries.iter().find_map(|e| match *e {
                Entry::Weekday(d) => Some((s[h.span.range()].to_string(), TimeRef::Weekday(d))),
                Entry::DaysBack(d) => Some((s[h.span.range()].to_string(), TimeRef::DaysBack(d))),
                _ => None,
            })
        })
    };
    let time = absolute_date(lexicon, s, tokens).or_else(relative);

    SentenceFacts {
        span,
        mentions,
        speaker: speaker_of(lexicon, s, hits, tokens),
        time,
        quote_balance,
        straight_quotes,
        statements,
    }
}

/// Where the sentence names the event of `frame`.
fn spans_of_frame<'m>(
    mentions: &'m [Mention],
    spans: &'m [Span],
    frame: usize,
) -> impl Iterator<Item = Span> + 'm {
    mentions
        .iter()
        .zip(spans)
        .filter(move |(m, _)| m.frame == frame)
        .map(|(_, sp)| *sp)
}

/// What one pass over a sentence finds besides its words.
#[derive(Debug, Default)]
struct Marks {
    /// Byte offsets of '?'.
    questions: Vec<usize>,
    /// Byte offsets of '.' and '!'.
    stops: Vec<usize>,
    /// Where punctuation starts a new clause: after a comma, semicolon,
    /// colon, bracket, '?' or '!', an em dash, or a spaced hyphen or en dash.
    clauses: Vec<usize>,
    /// Opening and closing curly double quotes.
    opens: i32,
    closes: i32,
    /// Straight double quotes.
    straight: usize,
}

/// The words of a sentence: runs of letters and digits, with inner
/// hyphens, apostrophes and full stops ("U.S.", "don't", "18-19").
#[cfg(test)]
fn tokenize(s: &str) -> Vec<Token<'_>> {
    lex(s, &crate::lexicon::letter_runs(s)).0
}

/// What [`lex_into`] finds, in new containers.
#[cfg(test)]
fn lex<'s>(s: &'s str, runs: &[Span]) -> (Vec<Token<'s>>, Marks) {
    let (mut tokens, mut marks) = (Vec::new(), Marks::default());
    lex_into(s, runs, &mut tokens, &mut marks);
    (tokens, marks)
}

/// The words of a sentence and its marks, into `tokens` and `marks`,
/// which it clears first: the runs of letters and digits joined across
/// inner hyphens, apostrophes and full stops ("U.S.", "don't", "18-19"),
/// with the marks read from the gaps between runs.
fn lex_into<'s>(s: &'s str, runs: &[Span], tokens: &mut Vec<Token<'s>>, marks: &mut Marks) {
    tokens.clear();
    tokens.reserve(runs.len());
    marks.clear();
    let bytes = s.as_bytes();
    let mut push = |w: Span| tokens.push(Token::new(w, s.get(w.range()).unwrap_or("")));
    let mut word: Option<Span> = None;
    let mut gap_from = 0;
    for &run in runs {
        let gap = bytes.get(gap_from..run.start).unwrap_or_default();
        marks.read(s, gap_from, gap);
        word = match word {
            Some(w) if inner_only(gap) => Some(Span::new(w.start, run.end)),
            Some(w) => {
                push(w);
                Some(run)
            }
            None => Some(run),
        };
        gap_from = run.end;
    }
    marks.read(s, gap_from, bytes.get(gap_from..).unwrap_or_default());
    if let Some(w) = word {
        push(w);
    }
}

/// Whether a gap between two runs of letters holds only marks that join
/// them into one word: hyphens, apostrophes and full stops.
fn inner_only(gap: &[u8]) -> bool {
    const RIGHT_QUOTE: &[u8] = "\u{2019}".as_bytes();
    let mut rest = gap;
    while let Some(&b) = rest.first() {
        rest = if matches!(b, b'-' | b'\'' | b'.') {
            &rest[1..]
        } else if let Some(after) = rest.strip_prefix(RIGHT_QUOTE) {
            after
        } else {
            return false;
        };
    }
    true
}

impl Marks {
    fn clear(&mut self) {
        self.questions.clear();
        self.stops.clear();
        self.clauses.clear();
        (self.opens, self.closes, self.straight) = (0, 0, 0);
    }

    /// Reads the marks of `gap`, the bytes of `s` from `from` that are not
    /// letters or digits.
    #[inline]
    fn read(&mut self, s: &str, from: usize, gap: &[u8]) {
        // Most gaps are one space.
        if gap == b" " {
            return;
        }
        self.read_marks(s, from, gap);
    }

    fn read_marks(&mut self, s: &str, from: usize, gap: &[u8]) {
        let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
        for (k, &b) in gap.iter().enumerate() {
            let i = from + k;
            let before = || s.get(..i).and_then(|p| p.chars().next_back());
            match b {
                b'?' => {
                    self.questions.push(i);
                    self.clauses.push(i + 1);
                }
                b'!' => {
                    self.stops.push(i);
                    self.clauses.push(i + 1);
                }
                b'.' => self.stops.push(i),
                b',' | b';' | b':' | b'(' | b')' => self.clauses.push(i + 1),
                b'"' => self.straight += 1,
                b'-' if spaced(before())
                    || spaced(s.get(i + 1..).and_then(|n| n.chars().next())) =>
                {
                    self.clauses.push(i + 1)
                }
                0xE2 => match (gap.get(k + 1), gap.get(k + 2)) {
                    (Some(0x80), Some(0x9C)) => self.opens += 1,
                    (Some(0x80), Some(0x9D)) => self.closes += 1,
                    // An em dash always; an en dash with a space beside it.
                    (Some(0x80), Some(0x94)) => self.clauses.push(i + 3),
                    (Some(0x80), Some(0x93))
                        if spaced(before())
                            || spaced(s.get(i + 3..).and_then(|n| n.chars().next())) =>
                    {
                        self.clauses.push(i + 3)
                    }
                    _ => {}
                },
                _ => {}
            }
        }
    }
}

/// The first calendar date in a sentence: a month's name with a day or a
/// range of days before or after it, and a year after it if given
/// ("October 18-19", "Nov. 8, 2025", "12 May"); or a whole month, after
/// "in" or before a year ("in October", "March 2024").
fn absolute_date(lexicon: &Lexicon, s: &str, tokens: &[Token<'_>]) -> Option<(String, TimeRef)> {
    let day = |t: &str| -> Option<i8> { t.parse().ok().filter(|d| (1..=31).contains(d)) };
    // "18-19" is one token; "18–19" (an en dash) is two.
    let days = |i: usize| -> Option<(i8, i8, usize)> {
        let t = tokens.get(i)?;
        if let Some((a, b)) = t.text.split_once('-') {
            let (a, b) = (day(a)?, day(b)?);
            return (a <= b).then_some((a, b, i));
        }
        let a = day(t.text)?;
        if let Some(n) = tokens.get(i + 1)
            && s.get(t.span.end..n.span.start) == Some("\u{2013}")
            && let Some(b) = day(n.text).filter(|&b| b >= a)
        {
            return Some((a, b, i + 1));
        }
        Some((a, a, i))
    };
    let year = |i: usize| -> Option<i16> {
        let t = tokens.get(i)?;
        let y: i16 = t.text.parse().ok()?;
        (t.text.len() == 4 && (1900..=2100).contains(&y)).then_some(y)
    };
    for (i, t) in tokens.iter().enumerate() {
        // A capital: "may" in lower case is no month. Most words are of no
        // calendar, and their classes are known once looked up.
        if !t.text.starts_with(char::is_uppercase) || !t.is(lexicon, WordClass::Calendar) {
            continue;
        }
        let Some(month) = lexicon.month(t.text) else {
            continue;
        };
        // Days before the month end just before it: "18–19 October" (two
        // tokens), "18-19 October" or "12 May" (one).
        let before = [2, 1].into_iter().find_map(|back| {
            let p = i.checked_sub(back)?;
            let (a, b, end) = days(p)?;
            (end == i - 1).then_some((p, a, b))
        });
        let (start, last, from, to) = if let Some((a, b, end)) = days(i + 1) {
            (i, end, a, b)
        } else if let Some((first, a, b)) = before {
            (first, i, a, b)
        } else {
            let after_in = i
                .checked_sub(1)
                .is_some_and(|p| tokens[p].is(lexicon, WordClass::WholeMonth));
            if !after_in && year(i + 1).is_none() {
                continue;
            }
            // The whole month: 0 marks its last day.
            (i, i, 1, 0)
        };
        let y = year(last + 1);
        let end = match y {
            Some(_) => tokens[last + 1].span.end,
            None => tokens[last].span.end,
        };
        let text = s.get(tokens[start].span.start..end)?.to_string();
        return Some((
            text,
            TimeRef::Absolute {
                month,
                from,
                to,
                year: y,
            },
        ));
    }
    None
}

/// Words allowed between a measure and its number ("40 people were killed").
const COUNT_REACH: usize = 5;

/// The number that counts the measure at `at`: the nearest in its clause,
/// within a few words before or after, with the bound before it.
fn quantity_near(
    lexicon: &Lexicon,
    s: &str,
    tokens: &[Token<'_>],
    at: Span,
    clause: &impl Fn(usize) -> usize,
) -> Option<Quantity> {
    let here = clause(at.start);
    let first = tokens.partition_point(|t| t.span.end <= at.start);
    let after = tokens.partition_point(|t| t.span.start < at.end);
    for distance in 1..=COUNT_REACH {
        let before = first.checked_sub(distance);
        let later = after + distance - 1;
        for k in [before, Some(later)].into_iter().flatten() {
            let Some(t) = tokens.get(k) else {
                continue;
            };
            if clause(t.span.start) != here {
                continue;
            }
            // "one of the world's worst storms", "12 of the dead": a part,
            // not a count of the measure.
            let partitive = |q: &Quantity| {
                let end = s.find(q.text.as_str()).map_or(0, |i| i + q.text.len());
                s.get(end..).is_some_and(|r| r.starts_with(" of "))
            };
            if let Some(q) = number_at(lexicon, s, tokens, k, first).filter(|q| !partitive(q)) {
                return Some(q);
            }
        }
    }
    None
}

/// A count starting at token `k` (and not running into token `stop`
/// when it is before the measure), with any bound before it.
fn number_at(
    lexicon: &Lexicon,
    s: &str,
    tokens: &[Token<'_>],
    k: usize,
    stop: usize,
) -> Option<Quantity> {
    let limit = if k < stop { stop } else { tokens.len() };
    let gap = |a: usize, b: usize| {
        s.get(tokens[a].span.end..tokens[b].span.start)
            .unwrap_or("x")
    };
    let digits = |i: usize| tokens[i].text.bytes().all(|b| b.is_ascii_digit());
    // "60,000": a number is read from its first group of digits.
    let mut k = k;
    while k > 0 && digits(k) && digits(k - 1) && gap(k - 1, k) == "," {
        k -= 1;
    }
    let (mut value, mut end) = (None, k);
    let at = k;
    // Written: the longest phrase of up to three words through `at`.
    'written: for len in (1..=3).rev() {
        for from in at.saturating_sub(len - 1)..=at {
            if from + len > limit {
                continue;
            }
            let words = s.get(tokens[from].span.start..tokens[from + len - 1].span.end)?;
            if (from..from + len - 1).all(|i| gap(i, i + 1) == " ")
                && let Some(range) = written(lexicon, words)
            {
                value = Some(range);
                (k, end) = (from, from + len - 1);
                break 'written;
            }
        }
    }
    if value.is_none() {
        // Digits, with thousands after commas: "60,643".
        let text = tokens[k].text;
        if !digits(k) {
            return None;
        }
        let mut number = text.to_string();
        while end + 1 < limit
            && gap(end, end + 1) == ","
            && tokens[end + 1].text.len() == 3
            && digits(end + 1)
        {
            end += 1;
            number.push_str(tokens[end].text);
        }
        let n: u64 = number.parse().ok()?;
        // A year, a time of day or a decimal is no count.
        let year = end == k && text.len() == 4 && (1900..=2100).contains(&n);
        let timed = k > 0 && matches!(gap(k - 1, k), ":" | ".")
            || end + 1 < tokens.len() && matches!(gap(end, end + 1), ":" | "." | "-" | "/");
        if year || timed {
            return None;
        }
        value = Some((n, n));
    }
    let (low, high) = value?;
    let next_is_unit = tokens
        .get(end + 1)
        .is_some_and(|t| t.is(lexicon, WordClass::NotCount))
        || s[tokens[end].span.end..]
            .trim_start()
            .starts_with(['%', '$', '\u{20ac}', '\u{a3}']);
    let prev_is_unit = k > 0 && tokens[k - 1].is(lexicon, WordClass::NotCount)
        || s[..tokens[k].span.start]
            .trim_end()
            .ends_with(['$', '#', '\u{20ac}', '\u{a3}']);
    if next_is_unit || prev_is_unit {
        return None;
    }
    // The bound: up to three words right before.
    let mut start = k;
    let mut range = (low, Some(high));
    if low == high {
        for len in (1..=3).rev() {
            let Some(from) = k.checked_sub(len) else {
                continue;
            };
            let Some(words) = s.get(tokens[from].span.start..tokens[k - 1].span.end) else {
                continue;
            };
            if let Some(bound) = lexicon.bound(words) {
                range = bounded(bound, low);
                start = from;
                break;
            }
        }
    }
    Some(Quantity {
        low: range.0,
        high: range.1,
        text: s
            .get(tokens[start].span.start..tokens[end].span.end)?
            .to_string(),
    })
}

/// A written number: "three", "a dozen", "twenty-five", "dozens".
fn written(lexicon: &Lexicon, words: &str) -> Option<(u64, u64)> {
    if let Some(range) = lexicon.written_number(words) {
        return Some(range);
    }
    let (tens, ones) = words.split_once('-')?;
    let (t, _) = lexicon.written_number(tens)?;
    let (o, _) = lexicon.written_number(ones)?;
    (t % 10 == 0 && t >= 20 && o < 10).then_some((t + o, t + o))
}

fn bounded(bound: BoundKind, n: u64) -> (u64, Option<u64>) {
    match bound {
        BoundKind::AtLeast => (n, None),
        BoundKind::MoreThan => (n + 1, None),
        BoundKind::AtMost => (0, Some(n)),
        BoundKind::FewerThan => (0, Some(n.saturating_sub(1))),
        BoundKind::About => (n * 85 / 100, Some(n.saturating_mul(115).div_ceil(100))),
        BoundKind::Nearly => (n * 85 / 100, Some(n)),
    }
}

/// Bytes allowed between a status and the trigger word that names its cause.
const CAUSE_REACH: usize = 60;

/// Words at most in a cause ("the Pakistani army").
const CAUSE_WORDS: usize = 4;

/// Who set the event at `at` off: the party after a trigger word that
/// follows it ("began when militants launched", "erupted after an attack by
/// rebels"), up to the next verb.
fn cause_of(
    lexicon: &Lexicon,
    s: &str,
    tokens: &[Token<'_>],
    hits: &[Hit],
    index: &CueIndex,
    at: Span,
) -> Option<String> {
    let trigger = index
        .of(CueKind::Trigger)
        .iter()
        .find(|t| t.start >= at.end && t.start - at.end <= CAUSE_REACH)?;
    if s[at.end..trigger.start].contains(['.', ';', ':', '?', '!']) {
        return None;
    }
    let hit_at = |t: &Token<'_>| {
        let i = hits.partition_point(|h| h.span.end <= t.span.start);
        hits.get(i).filter(|h| h.span.start <= t.span.start)
    };
    let is_head = |t: &Token<'_>| {
        hit_at(t).is_some_and(|h| h.entries.iter().any(|e| matches!(e, Entry::Head { .. })))
    };
    // A verb in the past: "-ed" or an irregular form ("struck").
    let is_verb = |t: &Token<'_>| {
        t.text.chars().next().is_some_and(char::is_lowercase)
            && (t.text.ends_with("ed") || t.is(lexicon, WordClass::IrregularForm))
    };
    let mut rest = &tokens[tokens.partition_point(|t| t.span.start < trigger.end)..];
    let skip = |rest: &mut &[Token<'_>]| {
        while let Some((t, more)) = rest.split_first() {
            if !t.is(lexicon, WordClass::Determiner) {
                break;
            }
            *rest = more;
        }
    };
    skip(&mut rest);
    // "after an attack by rebels on a post": the party is after "by", and
    // may end at a preposition or the clause's end.
    let mut by = false;
    if let [head, word, more @ ..] = rest
        && is_head(head)
        && word.is(lexicon, WordClass::AgentMarker)
    {
        rest = more;
        by = true;
        skip(&mut rest);
    }
    let mut words: Vec<&Token<'_>> = Vec::new();
    for t in rest {
        let gap = words
            .last()
            .and_then(|p| s.get(p.span.end..t.span.start))
            .unwrap_or(" ");
        let ends = is_verb(t) || (by && t.is(lexicon, WordClass::Preposition));
        if ends || !gap.chars().all(char::is_whitespace) {
            break;
        }
        words.push(t);
        if words.len() > CAUSE_WORDS {
            return None;
        }
    }
    let last = *words.last()?;
    // A cause ends at its verb ("after rebels attacked"); a run that does
    // not is no party ("after midnight"), unless it followed "by".
    let next = rest.get(words.len());
    let at_verb = next.is_some_and(|n| {
        is_verb(n)
            && s.get(last.span.end..n.span.start)
                .is_some_and(|g| g.trim().is_empty())
    });
    if !at_verb && !by {
        return None;
    }
    // No party: a pronoun ("when we were young"), a passive ("after a
    // truce was signed") or a stretch of time ("after weeks of talks").
    let no_party = |t: &&Token<'_>| {
        t.is(lexicon, WordClass::Pronoun)
            || t.is(lexicon, WordClass::NegationGap)
            || t.is(lexicon, WordClass::NotCount)
    };
    if words.iter().any(no_party) {
        return None;
    }
    let text = &s[words[0].span.start..last.span.end];
    (!text.contains('\n')).then(|| text.to_string())
}

/// The cue words of one sentence by kind, and its question and stop marks,
/// gathered once so each statement looks up only what it needs.
struct CueIndex<'a> {
    spans: &'a [Vec<Span>; CueKind::COUNT],
    /// Byte offsets of '?'.
    questions: &'a [usize],
    /// Byte offsets of '.' and '!'.
    stops: &'a [usize],
}

impl<'a> CueIndex<'a> {
    /// The index of a sentence's cues, kept in `spans`.
    fn new(
        lexicon: &Lexicon,
        s: &str,
        hits: &[Hit],
        spans: &'a mut [Vec<Span>; CueKind::COUNT],
        marks: &'a Marks,
    ) -> CueIndex<'a> {
        spans.iter_mut().for_each(Vec::clear);
        for hit in hits {
            // "in May": a month inside a sentence is no cue.
            let word = &s[hit.span.range()];
            if hit.span.start > 0
                && word.starts_with(char::is_uppercase)
                && lexicon.is(WordClass::Calendar, word)
            {
                continue;
            }
            for entry in hit.entries.iter() {
                if let Entry::Cue(kind) = *entry {
                    let list = &mut spans[kind as usize];
                    if list.last() != Some(&hit.span) {
                        list.push(hit.span);
                    }
                }
            }
        }
        CueIndex {
            spans,
            questions: &marks.questions,
            stops: &marks.stops,
        }
    }

    fn of(&self, kind: CueKind) -> &[Span] {
        &self.spans[kind as usize]
    }

    /// Whether a '?' follows `from` with no full stop between.
    fn asked_after(&self, from: usize) -> bool {
        let q = self.questions.partition_point(|&q| q < from);
        let Some(&q) = self.questions.get(q) else {
            return false;
        };
        let stop = self.stops.partition_point(|&p| p < from);
        self.stops.get(stop).is_none_or(|&p| p > q)
    }
}

/// A sentence's cues with their spans in the document, the sentence
/// starting at `start`.
fn in_document(mut cues: Vec<(CueKind, Span)>, start: usize) -> Vec<(CueKind, Span)> {
    for (_, span) in &mut cues {
        *span = span.shift(start);
    }
    cues
}

/// Byte offsets where a new clause begins: punctuation and clause-break words.
fn clause_starts(starts: &mut Vec<usize>, marks: &[usize], index: &CueIndex) {
    starts.clear();
    starts.extend_from_slice(marks);
    starts.extend(index.of(CueKind::ClauseBreak).iter().map(|sp| sp.start));
    starts.sort_unstable();
}

/// Whether one of the two words before `pos` is of `class`.
fn preceded_by(lexicon: &Lexicon, tokens: &[Token<'_>], pos: usize, class: WordClass) -> bool {
    let before = &tokens[..tokens.partition_point(|t| t.span.end <= pos)];
    before.iter().rev().take(2).any(|t| t.is(lexicon, class))
}

/// The head with up to three capitalised words before it: "Istanbul talks".
fn mention_text(lexicon: &Lexicon, s: &str, tokens: &[Token<'_>], head: Span) -> String {
    let mut start = head.start;
    let before = &tokens[..tokens.partition_point(|t| t.span.end <= head.start)];
    for t in before.iter().rev().take(3) {
        let gap = &s[t.span.end..start];
        let capital = t.text.chars().next().is_some_and(char::is_uppercase);
        let determiner =
            t.is(lexicon, WordClass::Determiner) || t.is(lexicon, WordClass::Indefinite);
        if !capital
            || determiner
            || !gap
                .chars()
                .all(|c| c.is_whitespace() || c == '-' || c == '\u{2013}')
        {
            break;
        }
        start = t.span.start;
    }
    s[start..head.end].to_string()
}

/// The proper name that qualifies a head: the capitalised words before it
/// ("Apple shares", "Tesla's stock"), else those after "of" ("shares of
/// Apple"). Lower case, without a possessive ending.
fn qualifier(
    lexicon: &Lexicon,
    s: &str,
    tokens: &[Token<'_>],
    head: Span,
    mention: &str,
) -> Option<String> {
    let head_len = head.len();
    let before = mention
        .get(..mention.len().saturating_sub(head_len))
        .unwrap_or("")
        .trim();
    let name = if before.is_empty() {
        let next = tokens.partition_point(|t| t.span.start < head.end);
        let after = tokens
            .get(next..tokens.len().min(next + 4))
            .unwrap_or_default();
        let (of, rest) = after.split_first()?;
        if !of.is(lexicon, WordClass::Genitive) {
            return None;
        }
        let mut end = of.span.end;
        let mut start = None;
        for t in rest {
            let gap = s.get(end..t.span.start).unwrap_or("x");
            let capital = t.text.chars().next().is_some_and(char::is_uppercase);
            if !capital || !gap.chars().all(char::is_whitespace) {
                break;
            }
            start.get_or_insert(t.span.start);
            end = t.span.end;
        }
        s.get(start?..end)?
    } else {
        before
    };
    let name = without_possessive(name).trim_end_matches(['\'', '\u{2019}']);
    (!name.is_empty()).then(|| name.to_lowercase())
}

/// The proper name acting in the head's clause, before it: "the Fed" in
/// "the Fed raised rates". A capitalised word that opens the sentence on its
/// own is taken only when the lexicon knows it as an alias, since any word
/// is capitalised there.
fn actor(
    lexicon: &Lexicon,
    s: &str,
    tokens: &[Token<'_>],
    from: usize,
    head: Span,
) -> Option<String> {
    let capital = |t: &Token<'_>| t.text.chars().next().is_some_and(char::is_uppercase);
    let clause = tokens_between(tokens, from, head.start);
    let is_name = |t: &Token<'_>| {
        capital(t) && !t.is(lexicon, WordClass::Determiner) && !t.is(lexicon, WordClass::Calendar)
    };
    let spaced = |a: &Token<'_>, b: &Token<'_>| {
        s.get(a.span.end..b.span.start)
            .is_some_and(|g| g.chars().all(char::is_whitespace))
    };
    // The run of capitalised words nearest the head, "of" allowed inside:
    // "Bank of England".
    let last = clause.iter().rposition(is_name)?;
    let mut first = last;
    loop {
        match (first.checked_sub(1), first.checked_sub(2)) {
            (Some(p), _) if is_name(&clause[p]) && spaced(&clause[p], &clause[first]) => first = p,
            (Some(of), Some(p))
                if clause[of].is(lexicon, WordClass::Genitive)
                    && is_name(&clause[p])
                    && spaced(&clause[p], &clause[of])
                    && spaced(&clause[of], &clause[first]) =>
            {
                first = p
            }
            _ => break,
        }
    }
    let name = s.get(clause[first].span.start..clause[last].span.end)?;
    let name = without_possessive(name).to_lowercase();
    let opens_sentence = tokens.first().is_some_and(|t| t.span == clause[first].span);
    if opens_sentence && first == last && lexicon.alias(&name).is_none() {
        return None;
    }
    Some(name)
}

/// "second round of talks": an ordinal before the head, with a session word
/// between them or the head itself a session word.
fn round_of(
    lexicon: &Lexicon,
    hits: &[Hit],
    head: Span,
    clause: &impl Fn(usize) -> usize,
    s: &str,
) -> Option<u32> {
    let head_is_session = s[head.range()]
        .split_whitespace()
        .next()
        .is_some_and(|w| lexicon.is(WordClass::Session, w));
    // Hits are in order of start; only those of the head's clause matter.
    let here = clause(head.start);
    let upto = hits.partition_point(|h| h.span.start < head.start);
    let from = hits[..upto]
        .iter()
        .rposition(|h| clause(h.span.start) != here)
        .map_or(0, |i| i + 1);
    // Hits do not overlap, so their ends are in order too.
    let before = &hits[from..upto];
    let before = &before[..before.partition_point(|h| h.span.end <= head.start)];
    let (i, ordinal) = before.iter().enumerate().rev().find_map(|(i, h)| {
        h.entries.iter().find_map(|e| match e {
            Entry::Ordinal(n) => Some((i, *n)),
            _ => None,
        })
    })?;
    let o = before[i].span;
    if head.start - o.end > 48 {
        return None;
    }
    let session = before[i + 1..]
        .iter()
        .any(|h| h.entries.contains(&Entry::Session));
    (session || head_is_session).then_some(ordinal)
}

/// The mention of `frame` nearest before the status, else nearest after.
fn nearest_mention(mentions: &[Mention], spans: &[Span], frame: usize, at: Span) -> Option<usize> {
    let of_frame = || {
        mentions
            .iter()
            .zip(spans)
            .enumerate()
            .filter(move |(_, (m, sp))| m.frame == frame && **sp != at)
    };
    of_frame()
        .filter(|(_, (_, sp))| sp.end <= at.start)
        .max_by_key(|(_, (_, sp))| sp.end)
        .or_else(|| {
            of_frame()
                .filter(|(_, (_, sp))| sp.start >= at.end)
                .min_by_key(|(_, (_, sp))| sp.start)
        })
        .map(|(i, _)| i)
}

fn polarity_of(
    lexicon: &Lexicon,
    (s, tokens): (&str, &[Token<'_>]),
    index: &CueIndex,
    at: Span,
    attributive: bool,
    clause: &impl Fn(usize) -> usize,
    cues: &mut Vec<(CueKind, Span)>,
) -> Polarity {
    let same = |sp: Span| clause(sp.start) == clause(at.start);
    for &n in index.of(CueKind::Negation).iter().filter(|&&n| same(n)) {
        let before = n.end <= at.start && at.start - n.end <= NEGATION_REACH;
        let before = before && (!attributive || tokens_between(tokens, n.end, at.start).is_empty());
        let after = n.start >= at.end && {
            let between = tokens_between(tokens, at.end, n.start);
            let contraction = s[n.range()].contains(['\'', '\u{2019}']);
            between.len() <= 3
                && between
                    .iter()
                    .all(|t| t.is(lexicon, WordClass::NegationGap))
                && (contraction || !between.is_empty())
        };
        if before || after {
            cues.push((CueKind::Negation, n));
            return Polarity::Negated;
        }
    }
    Polarity::Affirmed
}

fn tokens_between<'a>(tokens: &'a [Token<'a>], from: usize, to: usize) -> &'a [Token<'a>] {
    let start = tokens.partition_point(|t| t.span.start < from);
    let end = tokens.partition_point(|t| t.span.end <= to).max(start);
    &tokens[start..end]
}

fn modality_of(
    index: &CueIndex,
    at: Span,
    clause: &impl Fn(usize) -> usize,
    cues: &mut Vec<(CueKind, Span)>,
) -> Modality {
    let here = clause(at.start);
    let find = |kind: CueKind, test: &dyn Fn(Span) -> bool| {
        index.of(kind).iter().copied().find(|&sp| test(sp))
    };
    // A '?' later in the sentence with no full stop between closes a question.
    if index.asked_after(at.end) {
        return Modality::Question;
    }
    type Check<'a> = (CueKind, Modality, &'a dyn Fn(Span) -> bool);
    let checks: [Check<'_>; 7] = [
        (CueKind::Question, Modality::Question, &|c| {
            clause(c.start) == here && c.end <= at.start
        }),
        (CueKind::Conditional, Modality::Conditional, &|c| {
            clause(c.start) == here || c.end <= at.start
        }),
        (CueKind::Purpose, Modality::Purpose, &|c| {
            clause(c.start) == here && c.end <= at.start
        }),
        (CueKind::Expected, Modality::Expected, &|c| {
            clause(c.start) == here
        }),
        (CueKind::Unconfirmed, Modality::Unconfirmed, &|c| {
            c.end <= at.start || clause(c.start) == here
        }),
        (CueKind::Claim, Modality::ReportedClaim, &|c| {
            c.end <= at.start || clause(c.start) != here
        }),
        (CueKind::Hedge, Modality::Hedged, &|c| {
            clause(c.start) == here
        }),
    ];
    for (kind, modality, test) in checks {
        if let Some(cue) = find(kind, test) {
            cues.push((kind, cue));
            return modality;
        }
    }
    Modality::Asserted
}

/// Who the sentence says is speaking: the name next to a speech verb, or
/// after "according to".
fn speaker_of(lexicon: &Lexicon, s: &str, hits: &[Hit], tokens: &[Token<'_>]) -> SpeakerRef {
    for hit in hits {
        let found = if hit.cue(CueKind::Attribution) {
            name_after(lexicon, s, tokens, hit.span.end)
        } else if hit.cue(CueKind::Speech) {
            // "the United States": a capital mid-sentence is no verb.
            if hit.span.start > 0 && s[hit.span.range()].starts_with(char::is_uppercase) {
                continue;
            }
            match name_before(lexicon, s, tokens, hit.span.start) {
                // "..., said the minister": inverted only after punctuation.
                SpeakerRef::None if inverted(s, hit.span.start) => {
                    name_after(lexicon, s, tokens, hit.span.end)
                }
                found => found,
            }
        } else {
            continue;
        };
        if found != SpeakerRef::None {
            return found;
        }
    }
    SpeakerRef::None
}

/// Whether a speech verb at `pos` follows punctuation: `"...," said X`.
fn inverted(s: &str, pos: usize) -> bool {
    s[..pos]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

/// A word or name without its possessive endings: "Quist's" is "Quist".
fn without_possessive(mut word: &str) -> &str {
    // As `trim_end_matches` with each ending in turn, without its searcher.
    while let Some(rest) = word.strip_suffix("'s") {
        word = rest;
    }
    while let Some(rest) = word.strip_suffix("\u{2019}s") {
        word = rest;
    }
    word
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn plain_gap(s: &str, from: usize, to: usize) -> bool {
    s.get(from..to)
        .is_some_and(|g| g.chars().all(char::is_whitespace))
}

fn name_before(lexicon: &Lexicon, s: &str, tokens: &[Token<'_>], pos: usize) -> SpeakerRef {
    match name_before_in(lexicon, s, tokens, pos, true) {
        Ok(found) => found,
        // "Mara Quist, the union's leader, said": the name before the
        // words that describe it.
        Err(comma) => name_before_in(lexicon, s, tokens, comma, false).unwrap_or(SpeakerRef::None),
    }
}

/// Words between commas right before a speech verb that describe the name
/// before them: at most this many.
const APPOSITIVE_WORDS: usize = 8;

/// The name before `pos`, or, when commas set off words that describe it
/// ("the union's leader") and `appositive` allows, `Err` with the offset
/// of the first comma.
fn name_before_in(
    lexicon: &Lexicon,
    s: &str,
    tokens: &[Token<'_>],
    pos: usize,
    appositive: bool,
) -> Result<SpeakerRef, usize> {
    let mut i = tokens.partition_point(|t| t.span.end <= pos);
    let mut edge = pos;
    // Skip "has", "on Thursday" and the like between the name and the verb.
    while i > 0 {
        let t = &tokens[i - 1];
        let skip = t.is(lexicon, WordClass::SpeakerGap) || t.is(lexicon, WordClass::Calendar);
        if !skip || !plain_gap(s, t.span.end, edge) {
            break;
        }
        edge = t.span.start;
        i -= 1;
    }
    let Some(last) = i.checked_sub(1).map(|j| &tokens[j]) else {
        return Ok(SpeakerRef::None);
    };
    if !plain_gap(s, last.span.end, edge) {
        let comma = s.get(last.span.end..edge).is_some_and(|g| g.trim() == ",");
        return match appositive_comma(lexicon, s, &tokens[..i]) {
            Some(at) if appositive && comma => Err(at),
            _ => Ok(SpeakerRef::None),
        };
    }
    if last.is(lexicon, WordClass::Pronoun) {
        return Ok(SpeakerRef::Anaphor);
    }
    if last.is(lexicon, WordClass::Impersonal) {
        return Ok(SpeakerRef::Previous);
    }
    for n in [4usize, 3, 2, 1] {
        let words = i.checked_sub(n).map(|from| &tokens[from..i]);
        if let Some(found) = words.and_then(|w| group(lexicon, s, w)) {
            return Ok(found);
        }
    }
    // The name is the words tokens[j..i].
    let mut j = i;
    let mut right = edge;
    while j > 0 {
        let t = &tokens[j - 1];
        let joiner = t.is(lexicon, WordClass::NameJoiner);
        let part = is_capitalised(t.text) || t.is(lexicon, WordClass::Title) || (joiner && j < i);
        // "Pakistan's Defence Minister": the possessor is not the name.
        let possessive = t.text.ends_with("'s") || t.text.ends_with("\u{2019}s");
        if !part || possessive || !plain_gap(s, t.span.end, right) {
            break;
        }
        right = t.span.start;
        j -= 1;
    }
    Ok(name_from(lexicon, &tokens[j..i]))
}

/// For words ending right before a comma ("..., the union's leader,"), the
/// offset of the comma that opens them, when they begin with an article or
/// a title and are few.
fn appositive_comma(lexicon: &Lexicon, s: &str, tokens: &[Token<'_>]) -> Option<usize> {
    let n = tokens.len();
    for k in (n.saturating_sub(APPOSITIVE_WORDS)..n).rev() {
        let t = &tokens[k];
        let before = tokens.get(k.wrapping_sub(1))?;
        let gap = s.get(before.span.end..t.span.start)?;
        if gap.trim().is_empty() {
            continue;
        }
        let opens = gap.trim() == ","
            && (t.is(lexicon, WordClass::Definite)
                || t.is(lexicon, WordClass::Indefinite)
                || t.is(lexicon, WordClass::Title));
        return opens.then(|| before.span.end + gap.find(',').unwrap_or(0));
    }
    None
}

fn name_after(lexicon: &Lexicon, s: &str, tokens: &[Token<'_>], pos: usize) -> SpeakerRef {
    let start = tokens.partition_point(|t| t.span.start < pos);
    let Some(first) = tokens.get(start) else {
        return SpeakerRef::None;
    };
    if !plain_gap(s, pos, first.span.start) {
        return SpeakerRef::None;
    }
    if first.is(lexicon, WordClass::Pronoun) {
        return SpeakerRef::Anaphor;
    }
    if first.is(lexicon, WordClass::Impersonal) {
        return SpeakerRef::Previous;
    }
    for n in [4usize, 3, 2, 1] {
        let words = tokens.get(start..start + n);
        if let Some(found) = words.and_then(|w| group(lexicon, s, w)) {
            return found;
        }
    }
    // "according to union officials": one word that describes a group the
    // lexicon lists alone.
    if let Some([word, head]) = tokens.get(start..start + 2)
        && describes(lexicon, word)
        && !word.is(lexicon, WordClass::Definite)
        && plain_gap(s, word.span.end, head.span.start)
        && head.is(lexicon, WordClass::GroupSpeaker)
    {
        let phrase = &s[word.span.start..head.span.end];
        return SpeakerRef::Group(phrase.to_lowercase());
    }
    if first.is(lexicon, WordClass::Definite)
        && tokens
            .get(start + 1)
            .is_some_and(|t| t.is(lexicon, WordClass::Title) && !is_capitalised(t.text))
    {
        return SpeakerRef::Anaphor;
    }
    // The name is the words tokens[start..end].
    let mut end = start;
    let mut left = pos;
    for t in &tokens[start..] {
        let joiner = t.is(lexicon, WordClass::NameJoiner);
        if !(is_capitalised(t.text) || (joiner && end > start)) || !plain_gap(s, left, t.span.start)
        {
            break;
        }
        end += 1;
        left = t.span.end;
    }
    name_from(lexicon, &tokens[start..end])
}

/// "security sources", "officials": a group speaker named by `words`.
fn group(lexicon: &Lexicon, s: &str, words: &[Token<'_>]) -> Option<SpeakerRef> {
    let (first, last) = (words.first()?, words.last()?);
    if !last.is(lexicon, WordClass::GroupEnd) {
        return None;
    }
    let phrase = s.get(first.span.start..last.span.end)?;
    if lexicon.is(WordClass::GroupSpeaker, phrase) {
        return Some(SpeakerRef::Group(phrase.to_lowercase()));
    }
    // "the transport ministry": an article, words in lower case that
    // describe, and the head of a group the lexicon lists ("the ministry").
    let middle = words.get(1..words.len().saturating_sub(1))?;
    if middle.is_empty() || !first.is(lexicon, WordClass::Definite) {
        return None;
    }
    let plain = words.windows(2).all(|w| {
        s.get(w[0].span.end..w[1].span.start)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    });
    let describe = middle.iter().all(|t| describes(lexicon, t));
    (plain
        && describe
        && lexicon.is(
            WordClass::GroupSpeaker,
            &format!("{} {}", first.text, last.text),
        ))
    .then(|| SpeakerRef::Group(phrase.to_lowercase()))
}

/// Whether a word may describe the noun after it ("transport" in "the
/// transport ministry"): in lower case, and no helping verb, preposition or
/// determiner.
fn describes(lexicon: &Lexicon, t: &Token<'_>) -> bool {
    t.text.starts_with(char::is_lowercase)
        && !t.is(lexicon, WordClass::Auxiliary)
        && !t.is(lexicon, WordClass::Preposition)
        && !t.is(lexicon, WordClass::Determiner)
}

/// A name from its words, without titles, joiners at the ends, or "'s".
fn name_from(lexicon: &Lexicon, words: &[Token<'_>]) -> SpeakerRef {
    let lone =
        |t: &Token<'_>| t.is(lexicon, WordClass::Title) || t.is(lexicon, WordClass::NameJoiner);
    // "Minister for Trade Omar Haddad": the title's portfolio is not the name.
    let portfolio = words
        .windows(2)
        .rposition(|w| w[0].is(lexicon, WordClass::Title) && w[1].is(lexicon, WordClass::Portfolio))
        .map_or(0, |k| k + 3);
    let words = words
        .get(portfolio..)
        .filter(|w| !w.is_empty())
        .unwrap_or(words);
    // "Union leader Mara Quist": the name begins after the last title.
    let after_title = words
        .iter()
        .rposition(|t| t.is(lexicon, WordClass::Title))
        .filter(|&k| k + 1 < words.len())
        .map_or(0, |k| k + 1);
    let start = words[after_title..]
        .iter()
        .position(|t| !lone(t))
        .map(|k| k + after_title);
    let end = words
        .iter()
        .rposition(|t| !t.is(lexicon, WordClass::NameJoiner));
    match (start, end) {
        (Some(a), Some(b)) if a <= b => {
            let mut name = String::new();
            for t in &words[a..=b] {
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(without_possessive(t.text));
            }
            if words.len() == 1 && lexicon.is(WordClass::GroupSpeaker, &name) {
                SpeakerRef::Group(name.to_lowercase())
            } else {
                SpeakerRef::Named(name)
            }
        }
        _ if !words.is_empty() => SpeakerRef::Anaphor,
        _ => SpeakerRef::None,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_word_is_looked_up_once_and_joiners_as_written() {
        let lexicon = Lexicon::builtin();
        let s = "Al said al has";
        let (tokens, _) = lex(s, &letter_runs(s));
        assert!(tokens.iter().all(|t| t.classes.get().is_none()));
        assert!(!tokens[0].is(&lexicon, WordClass::NameJoiner));
        assert!(tokens[2].is(&lexicon, WordClass::NameJoiner));
        assert!(tokens[3].is(&lexicon, WordClass::Auxiliary));
        assert!(!tokens[3].is(&lexicon, WordClass::Title));
        // What one question asked is kept for the next.
        assert_eq!(tokens[3].classes.get(), Some(lexicon.classes("has")));
        assert!(tokens[1].classes.get().is_none());
    }

    proptest::proptest! {
        #[test]
        fn possessives_come_off_as_trim_end_matches_takes_them(
            s in "(Quist|'s|'|s|\u{2019}s|\u{2019}|x){0,6}"
        ) {
            let trimmed = s.trim_end_matches("'s").trim_end_matches("\u{2019}s");
            proptest::prop_assert_eq!(without_possessive(&s), trimmed);
        }

        /// The lexer against its definition, read a character at a time.
        #[test]
        fn lex_finds_words_and_marks_as_defined(
            s in "([a-z\u{e9}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{2000}.,;:'\"?!() -]|\\PC){0,40}"
        ) {
            use proptest::prop_assert_eq;
            let (tokens, marks) = lex(&s, &letter_runs(&s));
            let inner = |c: char| matches!(c, '-' | '\'' | '.' | '\u{2019}');
            // Words: maximal runs of letters, digits and inner marks, less
            // the marks at either end.
            let mut words = Vec::new();
            let mut run: Option<(usize, usize)> = None;
            for (i, c) in s.char_indices() {
                if is_word_char(c) {
                    run = Some((run.map_or(i, |r| r.0), i + c.len_utf8()));
                } else if !(inner(c) && run.is_some()) {
                    words.extend(run.take());
                }
            }
            words.extend(run);
            let found: Vec<_> = tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
            prop_assert_eq!(found, words);
            proptest::prop_assert!(tokens.iter().all(|t| t.text == &s[t.span.range()]));
            // Marks.
            let at = |set: &[char]| -> Vec<usize> {
                s.char_indices().filter(|(_, c)| set.contains(c)).map(|(i, _)| i).collect()
            };
            let count = |c: char| s.matches(c).count();
            prop_assert_eq!(&marks.questions, &at(&['?']));
            prop_assert_eq!(&marks.stops, &at(&['.', '!']));
            prop_assert_eq!(marks.straight, count('"'));
            prop_assert_eq!(marks.opens as usize, count('\u{201c}'));
            prop_assert_eq!(marks.closes as usize, count('\u{201d}'));
            let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
            let clauses: Vec<usize> = s
                .char_indices()
                .filter(|&(i, c)| match c {
                    ',' | ';' | ':' | '(' | ')' | '?' | '!' | '\u{2014}' => true,
                    '-' | '\u{2013}' => {
                        spaced(s[..i].chars().next_back())
                            || spaced(s[i + c.len_utf8()..].chars().next())
                    }
                    _ => false,
                })
                .map(|(i, c)| i + c.len_utf8())
                .collect();
            prop_assert_eq!(&marks.clauses, &clauses);
        }
    }
    use super::*;
    use crate::lexicon::letter_runs;

    fn facts(text: &str) -> SentenceFacts {
        sentence(&Lexicon::builtin(), text, Span::new(0, text.len()))
    }

    fn speaker(text: &str) -> SpeakerRef {
        facts(text).speaker
    }

    #[test]
    fn speakers() {
        assert_eq!(
            speaker("Foreign Minister Ana Lopes on Monday said the vote was fair."),
            SpeakerRef::Named("Ana Lopes".into())
        );
        assert_eq!(
            speaker("\u{201c}We are close,\u{201d} Lopes said."),
            SpeakerRef::Named("Lopes".into())
        );
        assert_eq!(
            speaker("He added that the deal was done."),
            SpeakerRef::Anaphor
        );
        assert_eq!(
            speaker("The truce is holding, the minister told reporters."),
            SpeakerRef::Anaphor
        );
        assert_eq!(
            speaker("According to Maria Jones, the bill passed."),
            SpeakerRef::Named("Maria Jones".into())
        );
        assert_eq!(
            speaker("Security sources confirmed the raid."),
            SpeakerRef::Group("security sources".into())
        );
        assert_eq!(
            speaker("The deal was signed, said Minister for Trade Omar Haddad."),
            SpeakerRef::Named("Omar Haddad".into())
        );
        assert_eq!(speaker("The deal was signed on Monday."), SpeakerRef::None);
    }

    #[test]
    fn calendar_dates() {
        let time = |text: &str| facts(text).time;
        let abs = |month, from, to, year| TimeRef::Absolute {
            month,
            from,
            to,
            year,
        };
        assert_eq!(
            time("Voting ran on October 18-19 in the north."),
            Some(("October 18-19".into(), abs(10, 18, 19, None)))
        );
        assert_eq!(
            time("It closed on Nov. 8, 2025, officials said."),
            Some(("Nov. 8, 2025".into(), abs(11, 8, 8, Some(2025))))
        );
        assert_eq!(
            time("Polls opened on 18\u{2013}19 June."),
            Some(("18\u{2013}19 June".into(), abs(6, 18, 19, None)))
        );
        assert_eq!(
            time("The port shut in March."),
            Some(("March".into(), abs(3, 1, 0, None)))
        );
        assert_eq!(
            time("Talks in March 2024 collapsed."),
            Some(("March 2024".into(), abs(3, 1, 0, Some(2024))))
        );
        // A sentence that asserts nothing is not read for its time.
        assert_eq!(time("Sales in March 2024: flat."), None);
        // A modal verb, a name and a bare number are no dates.
        assert_eq!(time("The deal may come 9 days later."), None);
        assert_eq!(time("April Ryan asked 3 questions."), None);
        // A weekday still counts when no calendar date is given.
        assert!(matches!(
            time("The truce held on Friday."),
            Some((_, TimeRef::Weekday(_)))
        ));
    }

    #[test]
    fn words_keep_inner_marks_and_drop_trailing_ones() {
        let s = "U.S. envoy\u{2019}s \u{201c}self-made\u{201d} café talks, on 18-19 Oct. naïve?";
        let words: Vec<&str> = tokenize(s).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "U.S",
                "envoy\u{2019}s",
                "self-made",
                "café",
                "talks",
                "on",
                "18-19",
                "Oct",
                "naïve"
            ]
        );
        for t in tokenize(s) {
            assert_eq!(&s[t.span.range()], t.text);
        }
    }

    #[test]
    fn clauses_start_after_punctuation_and_spaced_dashes() {
        let lexicon = Lexicon::builtin();
        let starts = |s: &str| {
            let hits = lexicon.scan(s);
            let (_, marks) = lex(s, &letter_runs(s));
            let mut cues = Default::default();
            let index = CueIndex::new(&lexicon, s, &hits, &mut cues, &marks);
            let mut starts = Vec::new();
            clause_starts(&mut starts, &marks.clauses, &index);
            starts
        };
        // A comma, an em dash, and a spaced hyphen; not a hyphen inside a word.
        assert_eq!(starts("a, b\u{2014}c - d e-f"), [2, 7, 10]);
        // An en dash with a space beside it, not one between numbers.
        assert_eq!(starts("x \u{2013} y 18\u{2013}19"), [5]);
    }

    #[test]
    fn generic_clauses_read_whole_words_and_heads() {
        let clauses = |text: &str| -> Vec<(String, String, Option<String>)> {
            facts(text)
                .statements
                .into_iter()
                .filter_map(|r| r.roles)
                .map(|r| (r.verb, r.patient, r.agent))
                .collect()
        };
        // "cross" in "cross-border" is no verb.
        assert!(clauses("Talks focus on curbing cross-border terrorism.").is_empty());
        // The head before its phrases acts; a participle describes a noun.
        assert_eq!(
            clauses("Dockworkers at the port of Valdora rejected the revised pay scale."),
            [("reject".into(), "scale".into(), Some("dockworker".into()))]
        );
        // "pay" before a noun is a noun.
        assert_eq!(
            clauses("The dockworkers have rejected the pay rise."),
            [("reject".into(), "rise".into(), Some("dockworker".into()))]
        );
    }

    #[test]
    fn a_sentence_that_says_one_thing_again_holds_it_once() {
        // Each "the talks" is a mention of its own; they read alike.
        let f = facts("The talks collapsed, the talks collapsed, the talks collapsed.");
        assert_eq!(f.mentions.len(), 3);
        assert_eq!(f.statements.len(), 1, "{:?}", f.statements);
        let f = facts("The harbour reopened, the harbour reopened and the harbour reopened.");
        let clauses = f.statements.iter().filter(|r| r.roles.is_some()).count();
        assert_eq!(clauses, 1, "{:?}", f.statements);
        // Said once plainly and once negated: two things.
        let f = facts("The talks collapsed, and the talks did not collapse.");
        assert_eq!(f.statements.len(), 2, "{:?}", f.statements);
    }

    #[test]
    fn rounds() {
        let f = facts("The second round of talks opened in Geneva.");
        assert_eq!(f.mentions[0].round, Some(2));
        let f = facts("The third session of the negotiations ended.");
        assert_eq!(f.mentions[0].round, Some(3));
        let f = facts("The first lady attended the talks.");
        assert_eq!(f.mentions[0].round, None);
    }

    #[test]
    fn mention_text_takes_capitalised_modifiers() {
        let f = facts("The Geneva talks ended.");
        assert_eq!(f.mentions[0].text, "Geneva talks");
        assert!(f.mentions[0].definite);
        let f = facts("A new round of talks began.");
        assert!(!f.mentions[0].definite);
    }

    #[test]
    fn qualified_frames_take_the_name_that_tells_events_apart() {
        let lexicon = Lexicon::builtin()
            .extend_with_json(include_str!("../lexicon/markets.json"))
            .unwrap();
        let qualifier = |text: &str| {
            let f = sentence(&lexicon, text, Span::new(0, text.len()));
            f.mentions.first().and_then(|m| m.qualifier.clone())
        };
        assert_eq!(qualifier("Apple shares rose.").as_deref(), Some("apple"));
        assert_eq!(qualifier("Nvidia's stock fell.").as_deref(), Some("nvidia"));
        assert_eq!(
            qualifier("Shares of Acme Corp slid.").as_deref(),
            Some("acme corp")
        );
        assert_eq!(
            qualifier("On Monday the Bank of England cut rates.").as_deref(),
            Some("bank of england")
        );
        // Any word opens a sentence with a capital: not a name on its own.
        assert_eq!(qualifier("Investors sold as stocks fell."), None);
        assert_eq!(qualifier("Stocks fell."), None);
        // Frames not marked `qualified` never take one.
        let f = facts("The Geneva talks ended.");
        assert_eq!(f.mentions[0].qualifier, None);
    }
}
