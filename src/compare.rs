//! Statements grouped by key, the rules that decide a clash, the score and
//! the time note.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::document::Document;
use crate::extract::{Modality, Polarity};

mod held;

use crate::lexicon::{CLAUSE_FRAME, COUNT_FRAME, Frame, Lexicon};
use crate::resolve::same_person;
use crate::span::Span;
pub(crate) use held::{Held, Stmt};

/// Why two statements clash.
///
/// ```
/// use gainsay::{ConflictKind, Detector, Document};
///
/// let docs = [Document::new("a", "The truce held."), Document::new("b", "The truce did not hold.")];
/// let report = Detector::new().check(&docs);
/// assert_eq!(report.conflicts[0].kind, ConflictKind::Negation);
/// assert_eq!(ConflictKind::Negation.name(), "negation");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConflictKind {
    /// Two statuses that cannot both hold ("progress" against "collapsed").
    Status,
    /// One status affirmed by one source and negated by the other.
    Negation,
    /// One source states as fact what another reports as alleged,
    /// unconfirmed or unverified.
    Certainty,
    /// Two sources name different parties as having set an event off.
    Cause,
    /// Two counts of one measure that cannot both be right ("at least 40
    /// killed" against "15 killed").
    Number,
    /// The same act with the parties' roles swapped ("A defeated B"
    /// against "B defeated A").
    Role,
    /// One event that happens once given two different dates ("began on
    /// October 9" against "began on October 12").
    Date,
}

impl ConflictKind {
    /// Every kind, in the order of this list.
    ///
    /// ```
    /// use gainsay::ConflictKind;
    ///
    /// let names: Vec<&str> = ConflictKind::ALL.iter().map(|k| k.name()).collect();
    /// assert_eq!(
    ///     names,
    ///     ["status", "negation", "certainty", "cause", "number", "role", "date"]
    /// );
    /// ```
    pub const ALL: &'static [ConflictKind] = &[
        ConflictKind::Status,
        ConflictKind::Negation,
        ConflictKind::Certainty,
        ConflictKind::Cause,
        ConflictKind::Number,
        ConflictKind::Role,
        ConflictKind::Date,
    ];

    /// The kind's name as written in reports.
    ///
    /// ```
    /// assert_eq!(gainsay::ConflictKind::Status.name(), "status");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            ConflictKind::Status => "status",
            ConflictKind::Negation => "negation",
            ConflictKind::Certainty => "certainty",
            ConflictKind::Cause => "cause",
            ConflictKind::Number => "number",
            ConflictKind::Role => "role",
            ConflictKind::Date => "date",
        }
    }
}

/// Whether the two sides may describe different moments.
///
/// ```
/// use gainsay::{Detector, Document, Temporal};
///
/// let docs = [
///     Document::parse("a", "date: 2025-01-01\n\nThe truce is holding."),
///     Document::parse("b", "date: 2025-03-01\n\nThe truce collapsed."),
/// ];
/// let c = &Detector::new().check(&docs).conflicts[0];
/// assert_eq!(c.temporal, Temporal::DifferentDates);
/// assert!(c.explanation.contains("the later may update the earlier"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Temporal {
    /// Both are dated within two days of each other.
    SamePeriod,
    /// Both are dated, further apart: the later may update the earlier.
    DifferentDates,
    /// At least one side has no date.
    Unknown,
}

impl Temporal {
    /// The note's name as written in reports.
    ///
    /// ```
    /// assert_eq!(gainsay::Temporal::SamePeriod.name(), "same_period");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Temporal::SamePeriod => "same_period",
            Temporal::DifferentDates => "different_dates",
            Temporal::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for ConflictKind {
    /// The name as serde writes it: `status`, `negation`, ...
    ///
    /// ```
    /// assert_eq!(gainsay::ConflictKind::Number.to_string(), "number");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

impl std::fmt::Display for Temporal {
    /// The name as serde writes it: `same_period`, `different_dates`, `unknown`.
    ///
    /// ```
    /// assert_eq!(gainsay::Temporal::DifferentDates.to_string(), "different_dates");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// One side of a conflict: a statement and its evidence.
///
/// ```
/// use gainsay::{Detector, Document, Polarity};
///
/// let docs = [
///     Document::new("a", "Rain fell. The truce is holding."),
///     Document::new("b", "The truce is not holding."),
/// ];
/// let c = &Detector::new().check(&docs).conflicts[0];
/// let side = if c.a.document == "a" { &c.a } else { &c.b };
/// assert_eq!(&docs[0].text()[side.start..side.end], side.sentence);
/// assert_eq!(side.evidence_text, "holding");
/// assert_eq!(&docs[0].text()[side.evidence.range()], "holding");
/// assert_eq!(side.polarity, Polarity::Affirmed);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Side {
    /// The document's id.
    pub document: String,
    /// The evidence sentence, exactly as in the document.
    pub sentence: String,
    /// Byte offset of the sentence in the document's text.
    pub start: usize,
    /// Byte offset one past the sentence's end.
    pub end: usize,
    /// The status this side asserts.
    pub status: String,
    /// Affirmed or negated.
    pub polarity: Polarity,
    /// How it is asserted.
    pub modality: Modality,
    /// Who said it, if quoted or reported.
    pub speaker: Option<String>,
    /// The date it speaks of, if known.
    pub date: Option<Date>,
    /// The last day it speaks of, when the sentence gives a range of days.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub until: Option<Date>,
    /// The time expression in the sentence ("on Friday", "October 18-19").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub time: Option<String>,
    /// The status words' byte span in the document.
    pub evidence: Span,
    /// The status words.
    pub evidence_text: String,
    /// The subject as this document words it.
    pub subject_text: String,
    /// Cue words that shaped this side ("negation: no", "hedge: faint").
    pub cues: Vec<String>,
}

/// One sentence behind a claim: its document and byte span.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// The document's id.
    pub document: String,
    /// Byte offset of the sentence in the document's text.
    pub start: usize,
    /// Byte offset one past the sentence's end.
    pub end: usize,
}

/// Two statements from different documents that cannot both hold.
///
/// ```
/// use gainsay::{Detector, Document, Modality};
///
/// let docs = [
///     Document::new("a", "The talks may have stalled."),
///     Document::new("b", "The talks made progress."),
/// ];
/// let c = &Detector::new().check(&docs).conflicts[0];
/// assert_eq!((c.rule.as_str(), c.subject.as_str()), ("status-clash", "talks"));
/// assert_eq!(c.a.modality, Modality::Hedged);
/// assert_eq!(c.scoring, ["status-clash 0.90", "a hedged ×0.75", "undated ×0.90"]);
/// assert_eq!(c.score, 0.61);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Conflict {
    /// Why they clash.
    pub kind: ConflictKind,
    /// The name of the rule that fired.
    pub rule: String,
    /// The subject's key (with its round, when one is named).
    pub subject: String,
    /// The predicate compared.
    pub predicate: String,
    /// How sure we are, 0 to 1.
    pub score: f64,
    /// Whether the two may describe different moments.
    pub temporal: Temporal,
    /// A plain-English account of the clash.
    pub explanation: String,
    /// How the score was reached: the rule's base, then each factor that
    /// lowered it ("b hedged ×0.75").
    #[serde(default)]
    pub scoring: Vec<String>,
    /// The speaker quoted on both sides, when it is the same one.
    pub same_speaker: Option<String>,
    /// How many documents make side a's claim.
    #[serde(default)]
    pub a_documents: usize,
    /// How many documents make side b's claim.
    #[serde(default)]
    pub b_documents: usize,
    /// The sentences that make side a's claim, a claim cluster, in
    /// document order; at most
    /// [`max_listed_members`](crate::DetectorBuilder::max_listed_members).
    #[serde(default)]
    pub a_members: Vec<Member>,
    /// The sentences that make side b's claim, as for `a_members`.
    #[serde(default)]
    pub b_members: Vec<Member>,
    /// One side.
    pub a: Side,
    /// The other side.
    pub b: Side,
}

/// The rule names, as they appear in reports.
pub(crate) const RULE_STATUS: &str = "status-clash";
pub(crate) const RULE_NEGATION: &str = "polarity-flip";
pub(crate) const RULE_CERTAINTY: &str = "certainty-gap";
pub(crate) const RULE_CAUSE: &str = "cause-clash";
pub(crate) const RULE_COUNT: &str = "count-mismatch";
pub(crate) const RULE_CLAUSE_NEGATION: &str = "clause-negation";
pub(crate) const RULE_ANTONYM: &str = "antonym-clash";
pub(crate) const RULE_ROLE: &str = "role-reversal";
pub(crate) const RULE_DATE: &str = "date-mismatch";

/// What a rule checks, in a few words.
pub(crate) fn describe_rule(rule: &str) -> &'static str {
    match rule {
        RULE_STATUS => "the lexicon lists the two statuses as unable to hold at once",
        RULE_NEGATION => "one source affirms a status that the other negates",
        RULE_CERTAINTY => {
            "one source states as fact what the other reports as alleged or unconfirmed"
        }
        RULE_CAUSE => "the two name different parties as having set the event off",
        RULE_COUNT => "the two give counts of one measure with no number in common",
        RULE_CLAUSE_NEGATION => "one source says a thing was done that the other says was not",
        RULE_ANTONYM => "the lexicon lists the two verbs as opposites, said of one thing",
        RULE_ROLE => "the two give the same act with the parties' roles swapped",
        RULE_DATE => "the two give an event that happens once dates with no day in common",
        _ => "a rule of a later version",
    }
}

/// Dates closer than this many days are the same period.
const SAME_PERIOD_DAYS: i64 = 2;

/// How [`conflicts`] reports.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Settings {
    pub(crate) min_score: f64,
    /// Up to this many documents on each side of a disagreement, every
    /// clashing pair of sentences is reported; above, one conflict stands
    /// for the two claim clusters.
    pub(crate) max_listed_sources: usize,
    /// At most this many sentences are listed behind each side.
    pub(crate) max_listed_members: usize,
}

/// Where the sentences' text is: in the statements, or in their documents
/// (a corpus checked at once keeps one copy of its text).
pub(crate) enum Texts<'t> {
    Statements,
    Documents(HashMap<&'t str, &'t Document>),
}

impl Texts<'_> {
    fn sentence<'a>(&'a self, s: Stmt<'a>) -> &'a str {
        match self {
            Texts::Statements => s.text(),
            Texts::Documents(docs) => docs
                .get(s.document())
                .and_then(|d| d.text().get(s.sentence().range()))
                .unwrap_or(""),
        }
    }
}

/// Below this many sentences per listed source, every clashing pair of a
/// small cluster is listed; a source repeating one claim more often is
/// represented, so the pairs listed stay bounded.
const MEMBERS_PER_SOURCE: usize = 4;

/// Statements of one group that make the same claim.
struct Cluster<'a> {
    claim: Claim<'a>,
    /// Sorted by [`order`]; shared with the conflicts found, which list
    /// them only if kept.
    members: Arc<[Stmt<'a>]>,
    /// The members, most certain first.
    ranked: Vec<Stmt<'a>>,
    /// The documents' numbers, sorted.
    documents: Vec<u32>,
}

impl Cluster<'_> {
    fn holds(&self, document: u32) -> bool {
        self.documents.binary_search(&document).is_ok()
    }
}

/// Finds the conflicts among the statements `held`.
///
/// Statements are grouped by (frame, predicate, subject key), and within a
/// group into claim clusters (status, polarity, expectation, qualifier,
/// round). Only clusters whose events may be the same are compared, and only
/// across documents; the cost grows with the statements and the clashing
/// clusters, not with the square of the sources.
pub(crate) fn conflicts<'s>(
    lexicon: &Lexicon,
    held: &'s Held,
    settings: Settings,
    texts: &Texts<'_>,
) -> Vec<Conflict> {
    let frames: HashMap<&str, &Frame> = lexicon
        .frames
        .iter()
        .map(|f| (f.name.as_str(), f))
        .collect();
    // Grouped by the numbers of their kept strings, then put in the order
    // of the strings: the same order whatever the numbers.
    type Group<'a> = (
        (&'a str, &'a str, &'a str),
        BTreeMap<Claim<'a>, Vec<Stmt<'a>>>,
    );
    // Claims too are told apart by numbers first, and put in the order of
    // their strings once.
    type Unsorted<'a> = ((&'a str, &'a str, &'a str), Vec<(Claim<'a>, Vec<Stmt<'a>>)>);
    let mut unsorted: Vec<Unsorted<'_>> = Vec::new();
    let mut numbers: HashMap<[u32; 3], usize> = HashMap::default();
    let mut claim_numbers: HashMap<(usize, ClaimNumbers), usize> = HashMap::default();
    for s in held.iter().filter(|s| s.modality().is_comparable()) {
        let at = *numbers.entry(s.group_numbers()).or_insert_with(|| {
            unsorted.push(((s.frame(), s.predicate(), s.key()), Vec::new()));
            unsorted.len() - 1
        });
        let Some((_, claims)) = unsorted.get_mut(at) else {
            continue;
        };
        let c = *claim_numbers
            .entry((at, claim_numbers_of(s)))
            .or_insert_with(|| {
                claims.push((claim(s), Vec::new()));
                claims.len() - 1
            });
        if let Some((_, members)) = claims.get_mut(c) {
            members.push(s);
        }
    }
    drop(claim_numbers);
    let mut groups: Vec<Group<'_>> = unsorted
        .into_iter()
        .map(|(key, claims)| (key, claims.into_iter().collect()))
        .collect();
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // One conflict per subject and pair of sentences: the best-scored.
    let mut best: BTreeMap<(String, String, usize, String, usize), Found<'s>> = BTreeMap::new();
    let mut keep = |found: Found<'s>| {
        let conflict = &found.conflict;
        if conflict.score < settings.min_score {
            return;
        }
        let key = (
            conflict.subject.clone(),
            conflict.a.document.clone(),
            conflict.a.start,
            conflict.b.document.clone(),
            conflict.b.start,
        );
        match best.get(&key) {
            Some(have) if have.conflict.score >= conflict.score => {}
            _ => {
                best.insert(key, found);
            }
        }
    };
    let groups: Vec<_> = groups
        .into_iter()
        .filter_map(|((frame, _, _), claims)| Some((*frames.get(frame)?, claims)))
        .collect();
    // Groups are compared apart, on all cores with the `parallel` feature;
    // what they find is kept in group order, so the result is the same.
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        let found: Vec<Vec<Found<'s>>> = groups
            .into_par_iter()
            .map(|(frame, claims)| {
                let mut found = Vec::new();
                group_conflicts(frame, claims, settings, texts, &mut |f: Found<'s>| {
                    if f.conflict.score >= settings.min_score {
                        found.push(f);
                    }
                });
                found
            })
            .collect();
        found.into_iter().flatten().for_each(&mut keep);
    }
    #[cfg(not(feature = "parallel"))]
    for (frame, claims) in groups {
        group_conflicts(frame, claims, settings, texts, &mut keep);
    }
    // Role reversals: one verb and two parties, the roles swapped. Grouped
    // by the verb and the pair of parties, each way round a cluster.
    if let Some(frame) = frames.get(CLAUSE_FRAME) {
        type Ways<'a> = [Vec<Stmt<'a>>; 2];
        let mut ways: BTreeMap<(&str, &str, &str), Ways<'_>> = BTreeMap::new();
        for s in held
            .iter()
            .filter(|s| s.frame() == CLAUSE_FRAME && s.modality().is_comparable())
        {
            let Some(agent) = s.qualifier() else {
                continue;
            };
            let patient = s.key();
            if agent == patient {
                continue;
            }
            let (low, high, way) = if agent < patient {
                (agent, patient, 0)
            } else {
                (patient, agent, 1)
            };
            ways.entry((s.status(), low, high)).or_default()[way].push(s);
        }
        for [one, other] in ways.into_values() {
            if one.is_empty() || other.is_empty() {
                continue;
            }
            let c1 = cluster(claim(one[0]), one);
            let c2 = cluster(claim(other[0]), other);
            pair_conflicts((frame, true), &c1, &c2, settings, texts, &mut keep);
        }
    }
    let mut out: Vec<Conflict> = best
        .into_values()
        .map(|found| {
            let mut conflict = found.conflict;
            conflict.a_members = members(&found.a, settings.max_listed_members);
            conflict.b_members = members(&found.b, settings.max_listed_members);
            conflict
        })
        .collect();
    out.sort_by(|x, y| {
        x.subject
            .cmp(&y.subject)
            .then(y.score.total_cmp(&x.score))
            .then_with(|| {
                (&x.a.document, x.a.start, &x.b.document, x.b.start).cmp(&(
                    &y.a.document,
                    y.a.start,
                    &y.b.document,
                    y.b.start,
                ))
            })
    });
    out
}

/// The conflicts within one group of statements of one frame, predicate
/// and subject, given to `keep`.
fn group_conflicts<'a>(
    frame: &Frame,
    claims: BTreeMap<Claim<'a>, Vec<Stmt<'a>>>,
    settings: Settings,
    texts: &Texts<'_>,
    keep: &mut impl FnMut(Found<'a>),
) {
    let clusters: Vec<Cluster<'_>> = claims
        .into_iter()
        .map(|(claim, members)| cluster(claim, members))
        .collect();
    // Counts are compared within one measure only; many values of one
    // measure are each set against the most told.
    let pairs = if frame.name == COUNT_FRAME {
        measure_pairs(&clusters)
    } else {
        comparable_pairs(&clusters)
    };
    for (i, j) in pairs {
        pair_conflicts(
            (frame, false),
            &clusters[i],
            &clusters[j],
            settings,
            texts,
            keep,
        );
    }
    // Within one claim: who set it off, and how firmly it is made.
    for c in &clusters {
        let mut by_cause: BTreeMap<&str, Vec<Stmt<'_>>> = BTreeMap::new();
        let mut by_certainty: BTreeMap<Certainty, Vec<Stmt<'_>>> = BTreeMap::new();
        let mut by_date: BTreeMap<(Date, Option<Date>), Vec<Stmt<'_>>> = BTreeMap::new();
        for &s in c.members.iter() {
            if let Some(range) = dated_once(frame, s) {
                by_date.entry(range).or_default().push(s);
            }
            if let Some(cause) = s.cause() {
                by_cause.entry(cause).or_default().push(s);
            }
            if certainty(s.modality()) != Certainty::Other {
                by_certainty
                    .entry(certainty(s.modality()))
                    .or_default()
                    .push(s);
            }
        }
        // A source that also states the claim as fact doubts it less
        // (or doubts another event of the same name).
        // A claim made in one way only has nothing to weigh.
        let stated: rustc_hash::FxHashSet<&str> = match by_certainty.len() > 1 {
            true => by_certainty
                .get(&Certainty::Stated)
                .map(|v| v.iter().map(|s| s.document()).collect())
                .unwrap_or_default(),
            false => Default::default(),
        };
        let mut weigh = |mut found: Found<'a>| {
            let conflict = &mut found.conflict;
            let doubted = [&conflict.a, &conflict.b]
                .into_iter()
                .position(|s| certainty(s.modality) == Certainty::Doubted);
            let side = match doubted {
                Some(0) => Some(("a", &conflict.a.document)),
                Some(_) => Some(("b", &conflict.b.document)),
                None => None,
            };
            if conflict.kind == ConflictKind::Certainty
                && let Some((label, document)) = side
                && stated.contains(document.as_str())
            {
                conflict.score = (conflict.score * SELF_STATED * 100.0).round() / 100.0;
                conflict
                    .scoring
                    .push(format!("{label} also states it as fact ×{SELF_STATED:.2}"));
            }
            keep(found)
        };
        for subs in [
            by_cause.into_values().collect::<Vec<_>>(),
            by_certainty.into_values().collect(),
            by_date.into_values().collect(),
        ] {
            // One part alone has none to clash with.
            if subs.len() < 2 {
                continue;
            }
            let subs: Vec<Cluster<'_>> = subs.into_iter().map(|m| cluster(c.claim, m)).collect();
            for (i, j) in star_pairs(&subs) {
                pair_conflicts(
                    (frame, false),
                    &subs[i],
                    &subs[j],
                    settings,
                    texts,
                    &mut weigh,
                );
            }
        }
    }
}

/// A cluster of `members`, sorted, ranked and with their documents.
fn cluster<'a>(claim: Claim<'a>, mut members: Vec<Stmt<'a>>) -> Cluster<'a> {
    members.sort_by(|&x, &y| order(x, y));
    let mut ranked = members.clone();
    ranked.sort_by_key(|s| std::cmp::Reverse(weight_key(s.modality())));
    let mut documents: Vec<u32> = members.iter().map(|&s| s.document_number()).collect();
    documents.sort_unstable();
    documents.dedup();
    Cluster {
        claim,
        members: members.into(),
        ranked,
        documents,
    }
}

/// The conflicts between two clusters: every clashing pair of sentences
/// when both are small, else one conflict between representatives.
/// `reversed` asks for role reversals instead of the other rules.
fn pair_conflicts<'a>(
    (frame, reversed): (&Frame, bool),
    c1: &Cluster<'a>,
    c2: &Cluster<'a>,
    settings: Settings,
    texts: &Texts<'_>,
    keep: &mut impl FnMut(Found<'a>),
) {
    let listed = |c: &Cluster<'_>| {
        c.documents.len() <= settings.max_listed_sources
            && c.members.len() <= settings.max_listed_sources * MEMBERS_PER_SOURCE
    };
    if listed(c1) && listed(c2) {
        for &x in c1.members.iter() {
            for &y in c2.members.iter() {
                if x.document() != y.document()
                    && !(c2.holds(x.document_number()) && c1.holds(y.document_number()))
                    && let Some(conflict) = judge(frame, x, y, texts, reversed)
                {
                    keep(with_members(conflict, x, y, c1, c2));
                }
            }
        }
    } else if let Some((x, y)) = representatives(c1, c2)
        && let Some(conflict) = judge(frame, x, y, texts, reversed)
    {
        keep(with_members(conflict, x, y, c1, c2));
    }
}

/// How much a certainty conflict counts when the doubting source also
/// states the claim as fact.
const SELF_STATED: f64 = 0.5;

/// Up to this many clusters of one group, every pair is compared; above,
/// each is compared with the largest only, so that many distinct values
/// (counts, causes) cost and report in proportion to their number.
const PAIRED_CLUSTERS: usize = 6;

/// The pairs of count clusters of one measure: every pair when a measure
/// has few values, else each with the most told ([`star_pairs`]). Counts of
/// different measures never clash, so they are never paired, and one
/// measure's many values do not hide another's clash.
fn measure_pairs(clusters: &[Cluster<'_>]) -> Vec<(usize, usize)> {
    let mut by_measure: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        by_measure.entry(c.claim.0).or_default().push(i);
    }
    let mut pairs = Vec::new();
    for members in by_measure.values() {
        let sizes: Vec<usize> = members
            .iter()
            .map(|&i| clusters.get(i).map_or(0, |c| c.documents.len()))
            .collect();
        for (a, b) in star_pairs_by(&sizes, MEASURE_PAIRED) {
            if let (Some(&i), Some(&j)) = (members.get(a), members.get(b)) {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Up to this many values of one measure, every pair is compared.
const MEASURE_PAIRED: usize = 32;

/// Every pair of `clusters`, or when there are many, each with the largest.
fn star_pairs(clusters: &[Cluster<'_>]) -> Vec<(usize, usize)> {
    let sizes: Vec<usize> = clusters.iter().map(|c| c.documents.len()).collect();
    star_pairs_by(&sizes, PAIRED_CLUSTERS)
}

/// Every pair of `sizes.len()` clusters when there are at most `all`, else
/// each with the largest (by its size; the first of equals).
fn star_pairs_by(sizes: &[usize], all: usize) -> Vec<(usize, usize)> {
    let n = sizes.len();
    if n <= all {
        return (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
    }
    let hub = (0..n)
        .max_by_key(|&i| (sizes.get(i).copied().unwrap_or(0), std::cmp::Reverse(i)))
        .unwrap_or(0);
    (0..n)
        .filter(|&j| j != hub)
        .map(|j| (hub.min(j), hub.max(j)))
        .collect()
}

/// The pairs of clusters whose events may be the same: same qualifier, or
/// one without a qualifier. Clusters of two different names are never
/// paired, so many names do not make the pairs grow with their square.
fn comparable_pairs(clusters: &[Cluster<'_>]) -> Vec<(usize, usize)> {
    let mut by_name: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    for (i, c) in clusters.iter().enumerate() {
        by_name.entry(c.claim.3).or_default().push(i);
    }
    let mut pairs = Vec::new();
    for (name, members) in &by_name {
        for (k, &i) in members.iter().enumerate() {
            pairs.extend(members[k + 1..].iter().map(|&j| (i, j)));
            if name.is_none() {
                // Unnamed: maybe any of the named.
                for (other, named) in &by_name {
                    if other.is_some() {
                        pairs.extend(named.iter().map(|&j| (i, j)));
                    }
                }
            }
        }
    }
    pairs
}

/// One statement from each cluster to stand for it: the most certain, then
/// the first; from documents that do not hold both claims (a source that
/// says both is not set against another that says both).
fn representatives<'a>(c1: &Cluster<'a>, c2: &Cluster<'a>) -> Option<(Stmt<'a>, Stmt<'a>)> {
    // `ranked` is stable-sorted from `members`: certainty, then order.
    // Looked for among the first few only, so that a large cluster set
    // against many others costs the same each time.
    let only = |c: &Cluster<'a>, other: &Cluster<'a>| {
        c.ranked
            .iter()
            .take(REPRESENTATIVE_REACH)
            .copied()
            .find(|&s| !other.holds(s.document_number()))
    };
    let apart = |c: &Cluster<'a>, from: Stmt<'_>| {
        c.ranked
            .iter()
            .take(REPRESENTATIVE_REACH)
            .copied()
            .find(|s| s.document() != from.document())
    };
    if let Some(x) = only(c1, c2) {
        return Some((x, apart(c2, x)?));
    }
    let y = only(c2, c1)?;
    Some((apart(c1, y)?, y))
}

/// How many of a cluster's most certain members are tried as its
/// representative.
const REPRESENTATIVE_REACH: usize = 64;

/// A modality's weight in hundredths, for ranking.
fn weight_key(m: Modality) -> u32 {
    (weight(m) * 100.0).round() as u32
}

/// A conflict found, with the clusters behind its two sides.
struct Found<'a> {
    conflict: Conflict,
    a: Arc<[Stmt<'a>]>,
    b: Arc<[Stmt<'a>]>,
}

/// A conflict with the clusters behind it: their sizes now, their members
/// when it is kept.
fn with_members<'a>(
    mut conflict: Conflict,
    x: Stmt<'_>,
    y: Stmt<'_>,
    c1: &Cluster<'a>,
    c2: &Cluster<'a>,
) -> Found<'a> {
    let (ca, cb) = if order(x, y).is_le() {
        (c1, c2)
    } else {
        (c2, c1)
    };
    conflict.a_documents = ca.documents.len();
    conflict.b_documents = cb.documents.len();
    Found {
        conflict,
        a: Arc::clone(&ca.members),
        b: Arc::clone(&cb.members),
    }
}

/// The first `most` distinct sentences of `statements`, which are sorted.
fn members(statements: &[Stmt<'_>], most: usize) -> Vec<Member> {
    let mut out: Vec<Member> = Vec::with_capacity(statements.len().min(most));
    for s in statements {
        if out.len() == most {
            break;
        }
        let same = out.last().is_some_and(|m| {
            m.start == s.sentence().start && m.end == s.sentence().end && m.document == s.document()
        });
        if !same {
            out.push(Member {
                document: s.document().to_string(),
                start: s.sentence().start,
                end: s.sentence().end,
            });
        }
    }
    out
}

/// What a statement claims, for telling whether a source also holds it:
/// status, polarity, expectation, qualifier, round and count. Who set it
/// off and how firmly it is made are told apart within a claim.
type Claim<'a> = (
    &'a str,
    Polarity,
    bool,
    Option<&'a str>,
    Option<u32>,
    Option<(u64, Option<u64>)>,
);

/// A [`Claim`] with its strings as the numbers [`Held`] gives them: equal
/// exactly when the claims are.
type ClaimNumbers = (
    [u32; 2],
    Polarity,
    bool,
    Option<u32>,
    Option<(u64, Option<u64>)>,
);

fn claim_numbers_of(s: Stmt<'_>) -> ClaimNumbers {
    (
        s.claim_string_numbers(),
        s.polarity(),
        s.modality() == Modality::Expected,
        s.round(),
        s.quantity().map(|q| (q.low, q.high)),
    )
}

fn claim(s: Stmt<'_>) -> Claim<'_> {
    (
        s.status(),
        s.polarity(),
        s.modality() == Modality::Expected,
        s.qualifier(),
        s.round(),
        s.quantity().map(|q| (q.low, q.high)),
    )
}

/// How firmly a statement is made, for the certainty rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Certainty {
    /// Stated as fact.
    Stated,
    /// Alleged, claimed, unconfirmed or unverified.
    Doubted,
    /// Anything else: hedged, expected.
    Other,
}

fn certainty(m: Modality) -> Certainty {
    match m {
        Modality::Asserted => Certainty::Stated,
        Modality::ReportedClaim | Modality::Unconfirmed => Certainty::Doubted,
        _ => Certainty::Other,
    }
}

/// The days a statement gives for an event that happens once to its
/// subject ("began on October 9"): first and last, when its sentence names
/// a time and the frame lists the status as happening once.
fn dated_once(frame: &Frame, s: Stmt<'_>) -> Option<(Date, Option<Date>)> {
    s.time()?;
    let index = frame.statuses.iter().position(|st| *st == s.status())?;
    frame.once(index).then_some((s.date()?, s.until()))
}

/// Whether two counts are dated apart and the later is the higher: a toll
/// that rose from one day to the next is an update, not a contradiction.
fn rising(x: Stmt<'_>, y: Stmt<'_>) -> bool {
    let (Some(dx), Some(dy), Some(qx), Some(qy)) = (x.date(), y.date(), x.quantity(), y.quantity())
    else {
        return false;
    };
    let (earlier, later) = match dx.cmp(&dy) {
        std::cmp::Ordering::Less => (qx, qy),
        std::cmp::Ordering::Greater => (qy, qx),
        std::cmp::Ordering::Equal => return false,
    };
    earlier.high.is_some_and(|high| later.low > high)
}

/// Whether two ranges of days have no day in common.
fn disjoint((a, a_end): (Date, Option<Date>), (b, b_end): (Date, Option<Date>)) -> bool {
    a_end.unwrap_or(a) < b || b_end.unwrap_or(b) < a
}

/// Whether two causes name different parties: no word in common, aliases
/// resolved ("pakistan" and "pakistan army" are one party).
fn different_parties(a: &str, b: &str) -> bool {
    !a.split_whitespace()
        .any(|w| b.split_whitespace().any(|v| v == w))
}

/// Statements in order of document, sentence, evidence and status. The
/// strings are compared only when their numbers differ: most pairs sorted
/// are from one document.
fn order(x: Stmt<'_>, y: Stmt<'_>) -> std::cmp::Ordering {
    use std::cmp::Ordering::Equal;
    let document = match x.document_number() == y.document_number() {
        true => Equal,
        false => x.document().cmp(y.document()),
    };
    document
        .then(x.sentence().start.cmp(&y.sentence().start))
        .then(x.evidence().start.cmp(&y.evidence().start))
        .then_with(
            || match x.claim_string_numbers()[0] == y.claim_string_numbers()[0] {
                true => Equal,
                false => x.status().cmp(y.status()),
            },
        )
}

/// Applies the rules to one pair; `None` when they agree or cannot be compared.
fn judge(
    frame: &Frame,
    x: Stmt<'_>,
    y: Stmt<'_>,
    texts: &Texts<'_>,
    reversed: bool,
) -> Option<Conflict> {
    if reversed {
        // One verb, two parties, each side giving the other's roles.
        let swapped = x.status() == y.status()
            && x.polarity() == Polarity::Affirmed
            && y.polarity() == Polarity::Affirmed
            && x.qualifier() == Some(y.key())
            && y.qualifier() == Some(x.key());
        if !swapped || x.modality() == Modality::Expected || y.modality() == Modality::Expected {
            return None;
        }
        return Some(build(
            frame,
            (ConflictKind::Role, RULE_ROLE, 0.8),
            x,
            y,
            (usize::MAX, usize::MAX),
            texts,
        ));
    }
    // Two rounds of one event are different events.
    if let (Some(a), Some(b)) = (x.round(), y.round())
        && a != b
    {
        return None;
    }
    // Events told apart by name ("Apple shares", "Tesla shares") are different.
    if let (Some(a), Some(b)) = (x.qualifier(), y.qualifier())
        && a != b
    {
        return None;
    }
    // What is expected is compared only with what else is expected.
    if (x.modality() == Modality::Expected) != (y.modality() == Modality::Expected) {
        return None;
    }
    // A generic clause's verb may be one the lexicon does not list.
    let generic = frame.name == CLAUSE_FRAME;
    let index = |s: Stmt<'_>| frame.statuses.iter().position(|st| *st == s.status());
    let (sx, sy) = match (index(x), index(y)) {
        (Some(a), Some(b)) => (a, b),
        _ if generic && x.status() == y.status() => (usize::MAX, usize::MAX),
        _ => return None,
    };
    let (kind, rule, base) = if x.quantity().is_some() || y.quantity().is_some() {
        // Counts are compared only as counts: of one measure, by range.
        let (Some(p), Some(q)) = (x.quantity(), y.quantity()) else {
            return None;
        };
        if sx != sy || p.overlaps(q) || rising(x, y) {
            return None;
        }
        (ConflictKind::Number, RULE_COUNT, 0.75)
    } else if sx == sy && x.polarity() != y.polarity() && generic {
        (ConflictKind::Negation, RULE_CLAUSE_NEGATION, 0.7)
    } else if sx == sy && x.polarity() != y.polarity() {
        (ConflictKind::Negation, RULE_NEGATION, 0.85)
    } else if sx == sy
        && x.polarity() == Polarity::Affirmed
        && y.polarity() == Polarity::Affirmed
        && let (Some(p), Some(q)) = (dated_once(frame, x), dated_once(frame, y))
        && disjoint(p, q)
    {
        (ConflictKind::Date, RULE_DATE, 0.65)
    } else if sx == sy
        && x.polarity() == Polarity::Affirmed
        && y.polarity() == Polarity::Affirmed
        && let (Some(p), Some(q)) = (x.cause(), y.cause())
        && different_parties(p, q)
    {
        (ConflictKind::Cause, RULE_CAUSE, 0.6)
    } else if sx == sy
        && x.polarity() == y.polarity()
        && !matches!((x.cause(), y.cause()), (Some(p), Some(q)) if different_parties(p, q))
        && x.qualifier() == y.qualifier()
        && matches!(
            (certainty(x.modality()), certainty(y.modality())),
            (Certainty::Stated, Certainty::Doubted) | (Certainty::Doubted, Certainty::Stated)
        )
    {
        (ConflictKind::Certainty, RULE_CERTAINTY, 0.45)
    } else if sx != sy
        && x.polarity() == Polarity::Affirmed
        && y.polarity() == Polarity::Affirmed
        && frame.clashes(sx, sy)
    {
        if generic {
            (ConflictKind::Status, RULE_ANTONYM, 0.75)
        } else {
            (ConflictKind::Status, RULE_STATUS, 0.9)
        }
    } else {
        return None;
    };
    Some(build(frame, (kind, rule, base), x, y, (sx, sy), texts))
}

/// The conflict the rule `rule` of `kind` finds between `x` and `y`, with
/// its score, temporal note and explanation.
fn build(
    frame: &Frame,
    (kind, rule, base): (ConflictKind, &str, f64),
    x: Stmt<'_>,
    y: Stmt<'_>,
    (sx, sy): (usize, usize),
    texts: &Texts<'_>,
) -> Conflict {
    let (a, b, sa, sb) = if order(x, y).is_le() {
        (x, y, sx, sy)
    } else {
        (y, x, sy, sx)
    };
    let temporal = temporal(a, b);
    let mut scoring = vec![format!("{rule} {base:.2}")];
    let mut score = base;
    // Doubt is what the certainty rule is about; it lowers no score there.
    let weighed = [("a", a), ("b", b)].into_iter().filter(|(_, s)| {
        kind != ConflictKind::Certainty || certainty(s.modality()) == Certainty::Stated
    });
    for (label, s) in weighed {
        let w = weight(s.modality());
        if w < 1.0 {
            score *= w;
            scoring.push(format!(
                "{label} {} ×{w:.2}",
                s.modality().name().replace('_', " ")
            ));
        }
    }
    let (factor, why) = match temporal {
        // Dates apart are what the date rule is about.
        _ if kind == ConflictKind::Date => (1.0, ""),
        Temporal::SamePeriod => (1.0, ""),
        Temporal::Unknown => (0.9, "undated"),
        Temporal::DifferentDates => {
            let (early, late) = if a.date() <= b.date() {
                (sa, sb)
            } else {
                (sb, sa)
            };
            if kind == ConflictKind::Status && frame.follows(early, late) {
                (
                    0.6,
                    "dated apart, and the later status often follows the earlier",
                )
            } else {
                (0.8, "dated apart")
            }
        }
    };
    if factor < 1.0 {
        score *= factor;
        scoring.push(format!("{why} ×{factor:.2}"));
    }
    let score = (score * 100.0).round() / 100.0;
    let same_speaker = match (a.speaker(), b.speaker()) {
        (Some((p, pk)), Some((q, qk))) if same_person(pk, qk) => Some(longer(p, q)),
        _ => None,
    };
    let mut subject = a.key().to_string();
    if let Some(name) = a.qualifier().or(b.qualifier()) {
        subject = format!("{subject} ({name})");
    }
    if let Some(round) = a.round().or(b.round()) {
        subject = format!("{subject} (round {round})");
    }
    let explanation = explain(
        kind,
        &subject,
        a,
        b,
        temporal,
        same_speaker.as_deref(),
        texts,
    );
    Conflict {
        kind,
        rule: rule.to_string(),
        subject,
        predicate: a.predicate().to_string(),
        score,
        temporal,
        explanation,
        scoring,
        same_speaker,
        a_documents: 1,
        b_documents: 1,
        a_members: Vec::new(),
        b_members: Vec::new(),
        a: side(a, texts),
        b: side(b, texts),
    }
}

/// The longer name; of two as long, the first in order, so that the
/// result does not depend on which side is which.
fn longer(a: &str, b: &str) -> String {
    if (b.len(), std::cmp::Reverse(b)) > (a.len(), std::cmp::Reverse(a)) {
        b
    } else {
        a
    }
    .to_string()
}

/// How much a side's modality lowers the score.
fn weight(m: Modality) -> f64 {
    match m {
        Modality::Asserted => 1.0,
        Modality::Expected => 0.8,
        Modality::Hedged => 0.75,
        Modality::ReportedClaim => 0.6,
        Modality::Unconfirmed => 0.6,
        _ => 0.5,
    }
}

/// Dates within two days are one period, as reports of one day may be
/// published a day or two apart; but two sentences that each name their
/// day and name different days speak of different moments.
fn temporal(x: Stmt<'_>, y: Stmt<'_>) -> Temporal {
    let named = |s: Stmt<'_>| s.time().and(s.date()).map(|d| (d, s.until()));
    if let (Some(p), Some(q)) = (named(x), named(y))
        && disjoint(p, q)
    {
        return Temporal::DifferentDates;
    }
    match (x.date(), y.date()) {
        (Some(a), Some(b)) if a.days_to(b).abs() <= SAME_PERIOD_DAYS => Temporal::SamePeriod,
        (Some(_), Some(_)) => Temporal::DifferentDates,
        _ => Temporal::Unknown,
    }
}

fn side(s: Stmt<'_>, texts: &Texts<'_>) -> Side {
    Side {
        document: s.document().to_string(),
        sentence: texts.sentence(s).to_string(),
        start: s.sentence().start,
        end: s.sentence().end,
        status: s.status().to_string(),
        polarity: s.polarity(),
        modality: s.modality(),
        speaker: s.speaker().map(|(name, _)| name.to_string()),
        date: s.date(),
        until: s.until(),
        time: s.time().map(str::to_string),
        evidence: s.evidence(),
        evidence_text: evidence_text(s, texts),
        subject_text: s.subject_text().to_string(),
        cues: s.cues().map(str::to_string).collect(),
    }
}

fn evidence_text(s: Stmt<'_>, texts: &Texts<'_>) -> String {
    let at = s.evidence().start.checked_sub(s.sentence().start);
    at.and_then(|from| texts.sentence(s).get(from..from + s.evidence().len()))
        .unwrap_or("")
        .to_string()
}

/// "2025-10-09", or "2025-10-18 to 2025-10-19" for a range.
fn span_text(s: Stmt<'_>) -> String {
    match (s.date(), s.until()) {
        (Some(d), Some(u)) => format!("{d} to {u}"),
        (Some(d), None) => d.to_string(),
        _ => String::new(),
    }
}

/// "001 says the talks show progress ..." in words a reader can check.
fn explain(
    kind: ConflictKind,
    subject: &str,
    a: Stmt<'_>,
    b: Stmt<'_>,
    temporal: Temporal,
    same_speaker: Option<&str>,
    texts: &Texts<'_>,
) -> String {
    let claim = |s: Stmt<'_>| {
        let who = match s.speaker() {
            Some((name, _)) => format!("{} (quoting {name})", s.document()),
            None => s.document().to_string(),
        };
        if let Some(q) = s.quantity() {
            let how = match s.modality() {
                Modality::Asserted => String::new(),
                m => format!(", {}", m.name().replace('_', " ")),
            };
            return format!(
                "{who} gives {} {} (\"{}\"{how})",
                q.text,
                s.status().replace('_', " "),
                evidence_text(s, texts)
            );
        }
        let who = match s.speaker() {
            Some((name, _)) => format!("{} (quoting {name})", s.document()),
            None => s.document().to_string(),
        };
        if s.frame() == CLAUSE_FRAME {
            let says = match s.polarity() {
                Polarity::Affirmed => "affirms",
                Polarity::Negated => "negates",
            };
            let how = match s.modality() {
                Modality::Asserted => String::new(),
                m => format!(" ({})", m.name().replace('_', " ")),
            };
            return format!(
                "{who} {says} \"{}\" of {}{how}",
                evidence_text(s, texts),
                s.subject_text()
            );
        }
        let not = match s.polarity() {
            Polarity::Affirmed => "",
            Polarity::Negated => "not ",
        };
        let how = match s.modality() {
            Modality::Asserted => String::new(),
            m => format!(", {}", m.name().replace('_', " ")),
        };
        let when = match (kind, s.time()) {
            (ConflictKind::Date, Some(time)) => format!(" {time}"),
            _ => String::new(),
        };
        format!(
            "{who} describes the {subject} as {not}{}{when} (\"{}\"{how})",
            s.status().replace('_', " "),
            evidence_text(s, texts)
        )
    };
    let why = match kind {
        ConflictKind::Status => format!(
            "\"{}\" and \"{}\" cannot both describe the {subject} at once.",
            a.status().replace('_', " "),
            b.status().replace('_', " ")
        ),
        ConflictKind::Negation => "one affirms what the other negates.".to_string(),
        ConflictKind::Certainty => {
            "one states as fact what the other reports only as alleged or unconfirmed.".to_string()
        }
        ConflictKind::Number => "the two counts have no number in common.".to_string(),
        ConflictKind::Role => format!(
            "they swap who did it to whom ({} against {}).",
            a.qualifier().unwrap_or_default(),
            b.qualifier().unwrap_or_default()
        ),
        ConflictKind::Date => format!(
            "\"{}\" happens once to the {subject}, yet they give days with none in common ({} and {}).",
            a.status().replace('_', " "),
            span_text(a),
            span_text(b)
        ),
        ConflictKind::Cause => format!(
            "they name different parties as having set the {subject} off ({} and {}).",
            a.cause().unwrap_or_default(),
            b.cause().unwrap_or_default()
        ),
    };
    let mut text = format!("{}; {}: {}", claim(a), claim(b), why);
    if let Some(name) = same_speaker {
        text.push_str(&format!(" {name} is quoted on both sides."));
    }
    match temporal {
        _ if kind == ConflictKind::Date => {}
        Temporal::DifferentDates => text.push_str(&format!(
            " The two are dated apart ({} and {}); the later may update the earlier.",
            a.date().map(|d| d.to_string()).unwrap_or_default(),
            b.date().map(|d| d.to_string()).unwrap_or_default()
        )),
        Temporal::Unknown => text.push_str(" At least one side is undated."),
        Temporal::SamePeriod => {}
    }
    text
}
