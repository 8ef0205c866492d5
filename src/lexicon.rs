//! The data that knows English: event frames and their status vocabularies,
//! which statuses clash, cue words, speech verbs, titles, aliases and dates.
//!
//! The built-in lexicon is `lexicon/default.json`, compiled in. A user's file
//! in the same format can replace it or extend it; see [`Lexicon`].

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::span::Span;

const BUILTIN: &str = include_str!("../lexicon/default.json");

/// The file format, as read by serde. Every field may be left out.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct LexiconData {
    frames: Vec<FrameData>,
    cues: CueData,
    sessions: Vec<String>,
    ordinals: BTreeMap<String, u32>,
    titles: Vec<String>,
    pronouns: Vec<String>,
    determiners: Vec<String>,
    prepositions: Vec<String>,
    group_speakers: Vec<String>,
    aliases: BTreeMap<String, Vec<String>>,
    name_variants: Vec<Vec<String>>,
    irregular_verbs: BTreeMap<String, Vec<String>>,
    dates: DateData,
    counts: CountData,
    clauses: ClauseData,
    grammar: GrammarData,
}

/// Small closed classes of words the extractor reads around names and
/// status words.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct GrammarData {
    /// Words skipped between a speaker's name and the speech verb ("Lopes
    /// has also said").
    speaker_gap: Vec<String>,
    /// Lower-case words that may sit inside a name ("bin", "van").
    name_joiners: Vec<String>,
    /// Words that introduce an event as new, not one named before ("a",
    /// "another", "fresh").
    indefinite: Vec<String>,
    /// Helping words between a status word and a negation after it
    /// ("progress was not made").
    negation_gap: Vec<String>,
    /// Forms of "be" that make a clause passive ("was", "been").
    passive: Vec<String>,
    /// Words before the agent of a passive ("by").
    agent_markers: Vec<String>,
    /// Words that join a name to what it names ("talks of Doha").
    genitive: Vec<String>,
    /// Words between a title and its portfolio ("Minister for Trade").
    portfolio: Vec<String>,
    /// Articles that point back to someone named before ("the minister
    /// said").
    definite: Vec<String>,
    /// Words that take a part of what follows "of" ("many of the
    /// protesters"): the head is after "of", not before.
    quantifiers: Vec<String>,
    /// Pronouns that speak for whoever spoke in the sentence before, not
    /// for a person ("It added that ..."): never a name.
    impersonal: Vec<String>,
}

/// A closed class of words of the lexicon: the `grammar` section's, and
/// the other lists of single words. A word's classes are found in one
/// lookup ([`Lexicon::classes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordClass {
    SpeakerGap,
    /// Matched as written: "al" joins a name, "Al" begins one.
    NameJoiner,
    Indefinite,
    NegationGap,
    Passive,
    AgentMarker,
    Genitive,
    Portfolio,
    Definite,
    /// A word of the top-level `sessions` list ("round").
    Session,
    Quantifier,
    Impersonal,
    Title,
    Pronoun,
    Determiner,
    Preposition,
    /// A group that speaks ("the ministry"); phrases are looked up whole.
    GroupSpeaker,
    /// A word that may end a group's phrase ("ministry"): a phrase whose
    /// last word is none is not looked up.
    GroupEnd,
    /// A helping verb ("was", "has", "did").
    Auxiliary,
    /// A word next to a number that makes it no count ("years", "aged").
    NotCount,
    /// A day of the week or a month's name or abbreviation.
    Calendar,
    /// A word before a month's name that makes it the whole month.
    WholeMonth,
    /// A form of an irregular verb ("struck").
    IrregularForm,
}

/// The classes of a word, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Classes(u32);

impl Classes {
    /// Whether the word is of `class`.
    #[inline]
    pub(crate) fn has(self, class: WordClass) -> bool {
        self.0 & (1 << class as u32) != 0
    }

    fn with(self, class: WordClass) -> Classes {
        Classes(self.0 | 1 << class as u32)
    }

    fn without(self, class: WordClass) -> Classes {
        Classes(self.0 & !(1 << class as u32))
    }
}

/// What any clause may say, beyond the frames.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ClauseData {
    /// Verbs (or verb phrases) that say opposite things of one thing:
    /// "approve" and "reject", "reopen" and "remain shut".
    antonyms: Vec<[String; 2]>,
    /// Verbs whose clauses are compared for negation alone ("rescue").
    verbs: Vec<String>,
    /// Helping verbs between a subject and its verb: "was", "has been".
    auxiliaries: Vec<String>,
}

/// The name of the frame generic clauses are compared under.
pub(crate) const CLAUSE_FRAME: &str = "clause";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct FrameData {
    name: String,
    predicate: String,
    heads: Vec<String>,
    statuses: BTreeMap<String, Vocabulary>,
    clashes: Vec<[String; 2]>,
    successions: Vec<[String; 2]>,
    /// Events of this frame are told apart by the proper name that
    /// qualifies the head ("Apple shares" and "Tesla shares").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    qualified: bool,
    /// Statuses that happen once to an event ("began"): two sources giving
    /// them different dates clash.
    once: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Vocabulary {
    verbs: Vec<String>,
    nouns: Vec<String>,
    phrases: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct CueData {
    negation: Vec<String>,
    ignore: Vec<String>,
    hedge: Vec<String>,
    conditional: Vec<String>,
    purpose: Vec<String>,
    expected: Vec<String>,
    question: Vec<String>,
    claim: Vec<String>,
    unconfirmed: Vec<String>,
    triggers: Vec<String>,
    speech: Vec<String>,
    attribution: Vec<String>,
    clause_breaks: Vec<String>,
}

/// Counted things ("killed", "detained") and how numbers are written.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct CountData {
    /// Each measure and the words that name it.
    measures: BTreeMap<String, Vec<String>>,
    /// Bound phrases before a number: "at least" is `at_least`.
    bounds: BTreeMap<String, BoundKind>,
    /// Written numbers: "three", "a dozen", "no one" (0).
    numbers: BTreeMap<String, u64>,
    /// Vague amounts as ranges: "dozens" is [24, 199].
    ranges: BTreeMap<String, [u64; 2]>,
    /// Words that make the number next to them no count: "year", "aged".
    not_counts: Vec<String>,
}

/// How a bound phrase limits the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum BoundKind {
    /// "at least 40": 40 or more.
    AtLeast,
    /// "more than 40": over 40.
    MoreThan,
    /// "up to 40": 40 or fewer.
    AtMost,
    /// "fewer than 40": under 40.
    FewerThan,
    /// "about 40": within 15% either side.
    About,
    /// "nearly 40": a little under.
    Nearly,
}

/// The name of the frame counts are compared under.
pub(crate) const COUNT_FRAME: &str = "count";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct DateData {
    weekdays: Vec<String>,
    /// Month names and abbreviations, with their numbers.
    months: BTreeMap<String, i8>,
    /// Words before a month's name that make it the whole month ("in
    /// October").
    whole_month: Vec<String>,
    days_back: BTreeMap<String, i64>,
}

/// The kinds of cue word the extractor reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum CueKind {
    Negation,
    Hedge,
    Conditional,
    Purpose,
    Expected,
    Question,
    Claim,
    /// "neither confirmed nor denied", "unverified".
    Unconfirmed,
    /// "when", "after", "sparked by": what set an event off follows.
    Trigger,
    Speech,
    Attribution,
    ClauseBreak,
}

impl CueKind {
    /// How many kinds there are.
    pub(crate) const COUNT: usize = CueKind::ClauseBreak as usize + 1;

    pub(crate) fn name(self) -> &'static str {
        match self {
            CueKind::Negation => "negation",
            CueKind::Hedge => "hedge",
            CueKind::Conditional => "conditional",
            CueKind::Purpose => "purpose",
            CueKind::Expected => "expected",
            CueKind::Question => "question",
            CueKind::Claim => "claim",
            CueKind::Unconfirmed => "unconfirmed",
            CueKind::Trigger => "trigger",
            CueKind::Speech => "speech",
            CueKind::Attribution => "attribution",
            CueKind::ClauseBreak => "clause break",
        }
    }
}

/// What one lexicon phrase means. A phrase may mean several things.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    Head {
        frame: usize,
    },
    Status {
        frame: usize,
        status: usize,
    },
    Cue(CueKind),
    Ignore,
    Ordinal(u32),
    Session,
    Weekday(i64),
    DaysBack(i64),
    /// A word naming a counted measure (an index into the count frame's statuses).
    Measure(usize),
    /// A verb with an antonym (an index into the clause frame's statuses).
    Verb(usize),
}

/// One lexicon phrase found in a text.
#[derive(Clone, Debug)]
pub(crate) struct Hit<'l> {
    pub(crate) span: Span,
    /// Borrowed from the lexicon: no count shared between threads to touch.
    pub(crate) entries: &'l [Entry],
}

impl Hit<'_> {
    pub(crate) fn cue(&self, kind: CueKind) -> bool {
        self.entries.contains(&Entry::Cue(kind))
    }
}

/// A compiled event frame.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub(crate) name: String,
    pub(crate) predicate: String,
    pub(crate) statuses: Vec<String>,
    /// Told apart by the proper name before the head ("Apple shares").
    pub(crate) qualified: bool,
    /// Its event is a person's ("the suspect"): WordNet files its first
    /// head under people.
    pub(crate) people: bool,
    clashes: HashSet<(usize, usize)>,
    successions: HashSet<(usize, usize)>,
    once: HashSet<usize>,
}

impl Frame {
    /// Whether statuses `a` and `b` cannot both hold at one time.
    pub(crate) fn clashes(&self, a: usize, b: usize) -> bool {
        self.clashes.contains(&(a.min(b), a.max(b)))
    }

    /// Whether `earlier` is commonly followed by `later` as events unfold.
    pub(crate) fn follows(&self, earlier: usize, later: usize) -> bool {
        self.successions.contains(&(earlier, later))
    }

    /// Whether status `s` happens once to an event.
    pub(crate) fn once(&self, s: usize) -> bool {
        self.once.contains(&s)
    }
}

/// The knowledge of English the detector runs on, compiled for matching.
///
/// [`Lexicon::builtin`] is the default. [`Lexicon::from_json`] reads a whole
/// lexicon of your own; [`Lexicon::extend_with_json`] adds your words to
/// another lexicon (frames of the same name are merged, status by status).
/// All matching is ASCII case-insensitive on whole words.
///
/// ```
/// use gainsay::{Detector, Document, Lexicon};
///
/// // "kaput" is not in the built-in vocabulary; a user file adds it.
/// let extra = r#"{"frames": [{"name": "talks", "statuses": {"collapsed": {"phrases": ["kaput"]}}}]}"#;
/// let lexicon = Lexicon::builtin().extend_with_json(extra).unwrap();
/// let detector = Detector::builder().lexicon(lexicon).build().unwrap();
/// let doc = Document::new("a", "The talks are kaput.");
/// assert_eq!(detector.statements(&doc)[0].status, "collapsed");
/// ```
#[derive(Clone, Debug)]
pub struct Lexicon {
    data: LexiconData,
    /// Every phrase, every match: one automaton for the whole lexicon.
    /// Every phrase, matched from a given start only (anchored).
    matcher: NFA,
    /// The first words of the phrases: only words in it start a walk.
    first_words: Option<WordMap<FirstWord>>,
    meanings: Vec<Arc<[Entry]>>,
    pub(crate) frames: Vec<Frame>,
    /// Every word (or group phrase) of a closed class, lower case, to its
    /// classes.
    words: WordMap<Classes>,
    /// Month names and abbreviations, lower case, to their numbers.
    months: WordMap<i8>,
    aliases: HashMap<String, String>,
    variants: HashMap<String, String>,
    /// Status words listed as nouns or phrases, lower case: a status word
    /// read as a noun counts only if it is one of these ("a breakthrough",
    /// not "sign" from the verb "sign").
    nominal: HashSet<String>,
}

impl Lexicon {
    /// The built-in lexicon.
    ///
    /// ```
    /// let lexicon = gainsay::Lexicon::builtin();
    /// assert!(lexicon.frame_names().any(|f| f == "ceasefire"));
    /// ```
    pub fn builtin() -> Lexicon {
        // The built-in file is tested; a failure here is a bug in this crate.
        Lexicon::from_json_named(BUILTIN, "<builtin>").expect("the built-in lexicon is valid")
    }

    /// The text of the built-in lexicon file, a starting point for your own.
    ///
    /// ```
    /// let json = gainsay::Lexicon::builtin_json();
    /// assert!(gainsay::Lexicon::from_json(json).is_ok());
    /// ```
    pub fn builtin_json() -> &'static str {
        BUILTIN
    }

    /// A lexicon from JSON text in the lexicon format.
    ///
    /// ```
    /// use gainsay::{ErrorKind, Lexicon};
    ///
    /// let err = Lexicon::from_json("{\n  \"frames\": 3\n}").unwrap_err();
    /// match err.kind() {
    ///     ErrorKind::Lexicon { line, .. } => assert_eq!(*line, 2),
    ///     other => panic!("unexpected {other:?}"),
    /// }
    /// ```
    pub fn from_json(text: &str) -> Result<Lexicon, Error> {
        Lexicon::from_json_named(text, "<string>")
    }

    /// A lexicon read from a JSON file.
    ///
    /// ```
    /// use gainsay::{ErrorKind, Lexicon};
    ///
    /// let err = Lexicon::from_path("no/such/lexicon.json").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Lexicon, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Lexicon::from_json_named(&text, &path.display().to_string())
    }

    /// This lexicon with the entries of a JSON text added to it.
    ///
    /// ```
    /// let extra = r#"{"frames": [{"name": "strike_action", "heads": ["strike"],
    ///     "statuses": {"on": {"phrases": ["under way"]}, "off": {"verbs": ["call off"]}},
    ///     "clashes": [["on", "off"]]}]}"#;
    /// let lexicon = gainsay::Lexicon::builtin().extend_with_json(extra).unwrap();
    /// assert!(lexicon.frame_names().any(|f| f == "strike_action"));
    /// ```
    pub fn extend_with_json(&self, text: &str) -> Result<Lexicon, Error> {
        self.extend(text, "<string>")
    }

    /// This lexicon with the entries of a JSON file added to it.
    ///
    /// ```
    /// let path = std::env::temp_dir().join("gainsay-lexicon-example.json");
    /// std::fs::write(&path, r#"{"aliases": {"Burkina Faso": ["Upper Volta"]}}"#).unwrap();
    /// let lexicon = gainsay::Lexicon::builtin().extend_with_path(&path).unwrap();
    /// assert!(lexicon.to_json().contains("Upper Volta"));
    /// # std::fs::remove_file(&path).ok();
    /// ```
    pub fn extend_with_path(&self, path: impl AsRef<Path>) -> Result<Lexicon, Error> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        self.extend(&text, &path.display().to_string())
    }

    fn extend(&self, text: &str, origin: &str) -> Result<Lexicon, Error> {
        let mut data = self.data.clone();
        merge(&mut data, parse(text, origin)?);
        Lexicon::compile(data, origin)
    }

    /// The lexicon as JSON in the lexicon format.
    ///
    /// ```
    /// use gainsay::Lexicon;
    ///
    /// let json = Lexicon::builtin().to_json();
    /// let again = Lexicon::from_json(&json).unwrap();
    /// assert_eq!(again.to_json(), json);
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.data).unwrap_or_default()
    }

    /// The names of the event frames, in file order.
    ///
    /// ```
    /// let lexicon = gainsay::Lexicon::builtin();
    /// assert!(lexicon.frame_names().any(|f| f == "talks"));
    /// ```
    pub fn frame_names(&self) -> impl Iterator<Item = &str> {
        self.frames.iter().map(|f| f.name.as_str())
    }

    fn from_json_named(text: &str, origin: &str) -> Result<Lexicon, Error> {
        Lexicon::compile(parse(text, origin)?, origin)
    }

    fn compile(data: LexiconData, origin: &str) -> Result<Lexicon, Error> {
        let invalid = |message: String| {
            Error::new(ErrorKind::Lexicon {
                origin: origin.to_string(),
                line: 0,
                column: 0,
                message,
            })
        };
        let mut table: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        let mut add = |phrase: &str, entry: Entry| {
            for form in apostrophe_forms(&phrase.trim().to_ascii_lowercase()) {
                if form.is_empty() {
                    continue;
                }
                let meanings = table.entry(form).or_default();
                if !meanings.contains(&entry) {
                    meanings.push(entry);
                }
            }
        };
        let irregular = &data.irregular_verbs;
        let mut frames = Vec::new();
        let mut names = HashSet::default();
        let mut nominal: HashSet<String> = HashSet::default();
        for (fi, frame) in data.frames.iter().enumerate() {
            if frame.name.trim().is_empty() {
                return Err(invalid(format!("frame {} has no name", fi + 1)));
            }
            if !names.insert(frame.name.as_str()) {
                return Err(invalid(format!("frame {:?} is defined twice", frame.name)));
            }
            for head in &frame.heads {
                add(head, Entry::Head { frame: fi });
                add(&plural_phrase(head), Entry::Head { frame: fi });
            }
            for vocab in frame.statuses.values() {
                for noun in vocab.nouns.iter().chain(&vocab.phrases) {
                    nominal.insert(noun.to_lowercase());
                    nominal.insert(plural_phrase(noun).to_lowercase());
                }
            }
            let statuses: Vec<String> = frame.statuses.keys().cloned().collect();
            for (si, vocab) in frame.statuses.values().enumerate() {
                let entry = Entry::Status {
                    frame: fi,
                    status: si,
                };
                for verb in &vocab.verbs {
                    for form in verb_forms(verb, irregular) {
                        add(&form, entry);
                    }
                }
                for noun in &vocab.nouns {
                    add(noun, entry);
                    add(&plural_phrase(noun), entry);
                }
                for phrase in &vocab.phrases {
                    add(phrase, entry);
                }
            }
            let index = |name: &str| {
                statuses.iter().position(|s| s == name).ok_or_else(|| {
                    invalid(format!(
                        "frame {:?} names status {:?}, which it does not define",
                        frame.name, name
                    ))
                })
            };
            let mut clashes = HashSet::default();
            for [a, b] in &frame.clashes {
                let (a, b) = (index(a)?, index(b)?);
                clashes.insert((a.min(b), a.max(b)));
            }
            let mut successions = HashSet::default();
            for [a, b] in &frame.successions {
                successions.insert((index(a)?, index(b)?));
            }
            let mut once = HashSet::default();
            for s in &frame.once {
                once.insert(index(s)?);
            }
            frames.push(Frame {
                name: frame.name.clone(),
                predicate: if frame.predicate.is_empty() {
                    "status".to_string()
                } else {
                    frame.predicate.clone()
                },
                statuses,
                qualified: frame.qualified,
                people: frame.heads.first().is_some_and(|h| {
                    let wordnet = crate::wordnet::WordNet::builtin();
                    wordnet.is_person(&wordnet.lemma(h, crate::wordnet::Pos::Noun))
                }),
                clashes,
                successions,
                once,
            });
        }
        let cues = &data.cues;
        for (list, kind) in [
            (&cues.negation, CueKind::Negation),
            (&cues.hedge, CueKind::Hedge),
            (&cues.conditional, CueKind::Conditional),
            (&cues.purpose, CueKind::Purpose),
            (&cues.expected, CueKind::Expected),
            (&cues.question, CueKind::Question),
            (&cues.claim, CueKind::Claim),
            (&cues.unconfirmed, CueKind::Unconfirmed),
            (&cues.triggers, CueKind::Trigger),
            (&cues.speech, CueKind::Speech),
            (&cues.attribution, CueKind::Attribution),
            (&cues.clause_breaks, CueKind::ClauseBreak),
        ] {
            for phrase in list {
                add(phrase, Entry::Cue(kind));
            }
        }
        for phrase in &cues.ignore {
            add(phrase, Entry::Ignore);
        }
        for (word, n) in &data.ordinals {
            add(word, Entry::Ordinal(*n));
        }
        for word in &data.sessions {
            add(word, Entry::Session);
        }
        for (i, day) in data.dates.weekdays.iter().enumerate() {
            add(day, Entry::Weekday(i as i64));
        }
        for (phrase, days) in &data.dates.days_back {
            add(phrase, Entry::DaysBack(*days));
        }
        if !data.clauses.antonyms.is_empty() {
            if names.contains(CLAUSE_FRAME) {
                return Err(invalid(format!(
                    "the frame name {CLAUSE_FRAME:?} is kept for clauses"
                )));
            }
            let mut lemmas: Vec<String> = data
                .clauses
                .antonyms
                .iter()
                .flatten()
                .chain(&data.clauses.verbs)
                .map(|v| v.trim().to_ascii_lowercase())
                .collect();
            lemmas.sort();
            lemmas.dedup();
            let at = |v: &str| {
                lemmas
                    .binary_search(&v.trim().to_ascii_lowercase())
                    .unwrap_or(0)
            };
            let mut clashes = HashSet::default();
            for [a, b] in &data.clauses.antonyms {
                let (a, b) = (at(a), at(b));
                clashes.insert((a.min(b), a.max(b)));
            }
            for (i, lemma) in lemmas.iter().enumerate() {
                for form in verb_forms(lemma, irregular) {
                    add(&form, Entry::Verb(i));
                }
            }
            frames.push(Frame {
                name: CLAUSE_FRAME.to_string(),
                predicate: "action".to_string(),
                statuses: lemmas,
                qualified: true,
                people: false,
                clashes,
                successions: HashSet::default(),
                once: HashSet::default(),
            });
        }
        if !data.counts.measures.is_empty() {
            if names.contains(COUNT_FRAME) {
                return Err(invalid(format!(
                    "the frame name {COUNT_FRAME:?} is kept for counts"
                )));
            }
            for (mi, words) in data.counts.measures.values().enumerate() {
                for word in words {
                    add(word, Entry::Measure(mi));
                }
            }
            frames.push(Frame {
                name: COUNT_FRAME.to_string(),
                predicate: COUNT_FRAME.to_string(),
                statuses: data.counts.measures.keys().cloned().collect(),
                qualified: false,
                people: false,
                clashes: HashSet::default(),
                successions: HashSet::default(),
                once: HashSet::default(),
            });
        }
        // A phrase to ignore means nothing at all: no meanings.
        let (patterns, meanings): (Vec<String>, Vec<Arc<[Entry]>>) = table
            .into_iter()
            .map(
                |(pattern, entries)| match entries.contains(&Entry::Ignore) {
                    true => (pattern, Arc::from([])),
                    false => (pattern, Arc::from(entries)),
                },
            )
            .unzip();
        let compile_error =
            |e: aho_corasick::BuildError| invalid(format!("cannot compile the lexicon: {e}"));
        let matcher = NFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(compile_error)?;
        let mut aliases = HashMap::default();
        for (canonical, names) in &data.aliases {
            aliases.insert(canonical.to_lowercase(), canonical.clone());
            for name in names {
                aliases.insert(name.to_lowercase(), canonical.clone());
            }
        }
        let mut variants = HashMap::default();
        for group in &data.name_variants {
            if let Some(first) = group.first() {
                for name in group {
                    variants.insert(name.to_lowercase(), first.to_lowercase());
                }
            }
        }
        Ok(Lexicon {
            words: class_words(&data),
            months: {
                let mut months = WordMap::default();
                for (name, &n) in &data.dates.months {
                    months.insert(name.to_lowercase().as_bytes(), n);
                }
                months
            },
            data,
            first_words: first_words(&patterns, &matcher),
            matcher,
            meanings,
            frames,
            aliases,
            variants,
            nominal,
        })
    }

    /// Whether a status word is listed as a noun or phrase, not only as a
    /// verb. `word` is lower case.
    pub(crate) fn is_nominal_status(&self, word: &str) -> bool {
        self.nominal.contains(word)
    }

    /// What [`Lexicon::scan_runs_into`] finds, finding the runs itself.
    #[cfg(test)]
    pub(crate) fn scan(&self, text: &str) -> Vec<Hit<'_>> {
        self.scan_runs(text, &letter_runs(text))
    }

    /// What [`Lexicon::scan_runs_into`] finds, in a new vector.
    #[cfg(test)]
    pub(crate) fn scan_runs(&self, text: &str, runs: &[Span]) -> Vec<Hit<'_>> {
        let mut hits = Vec::new();
        self.scan_runs_into(text, runs, &mut hits);
        hits
    }

    /// Every lexicon phrase in `text` on whole-word boundaries, leftmost
    /// longest first, not overlapping, given the runs of letters and digits
    /// of `text` as [`letter_runs_into`] finds them, into `hits`, which it
    /// clears first. Phrases listed under `ignore` win their span and are
    /// dropped.
    pub(crate) fn scan_runs_into<'l>(&'l self, text: &str, runs: &[Span], hits: &mut Vec<Hit<'l>>) {
        hits.clear();
        let Some(words) = &self.first_words else {
            return self.scan_every_start(text, hits);
        };
        // Left to right, the longest phrase that starts a word and ends one;
        // starts inside a phrase taken are skipped. The automaton is walked
        // only from words that begin some phrase, from the state after the
        // word that one lookup gives: most words are looked up and never
        // walked.
        let bytes = text.as_bytes();
        let mut taken = 0;
        for run in runs {
            if run.start < taken {
                continue;
            }
            let Some(first) = bytes.get(run.range()).and_then(|w| words.get_bytes(w)) else {
                continue;
            };
            // A word no phrase goes on from is a phrase or none: no walk.
            if !first.goes_on {
                if let Some(pattern) = first.phrase {
                    taken = run.end;
                    self.record(pattern, *run, hits);
                }
                continue;
            }
            let walk = Walk {
                start: run.start,
                from: run.end,
                state: Some(first.state),
                best: first.phrase.map(|p| (run.end, p)),
            };
            self.take(text, walk, &mut taken, hits);
        }
    }

    /// [`Lexicon::scan_runs_into`] for a lexicon with a phrase that begins with
    /// a sign: a walk from every start of a word and every other character.
    fn scan_every_start<'l>(&'l self, text: &str, hits: &mut Vec<Hit<'l>>) {
        // Left to right, the longest phrase from each start that ends a
        // word; starts inside a phrase taken are skipped.
        let bytes = text.as_bytes();
        let mut taken = 0;
        let mut at = 0;
        let mut after_word = false;
        while let Some(&b) = bytes.get(at) {
            let (alphanumeric, len) = char_at(text, at, b);
            // A walk starts at each word and at each other character that
            // does not follow a letter or digit.
            if at >= taken && !after_word {
                self.take(text, start_walk(at), &mut taken, hits);
            }
            after_word = alphanumeric;
            at += len;
        }
    }

    /// Takes the longest phrase of a walk, if any.
    fn take<'l>(&'l self, text: &str, walk: Walk, taken: &mut usize, hits: &mut Vec<Hit<'l>>) {
        let Some((stop, pattern)) = self.longest(text, walk) else {
            return;
        };
        *taken = stop;
        self.record(pattern, Span::new(walk.start, stop), hits);
    }

    /// Records a phrase found at `span`, unless it is one to ignore.
    fn record<'l>(&'l self, pattern: usize, span: Span, hits: &mut Vec<Hit<'l>>) {
        match self.meanings.get(pattern) {
            Some(entries) if !entries.is_empty() => hits.push(Hit { span, entries }),
            _ => {}
        }
    }

    /// The end and pattern of the longest phrase that starts where the walk
    /// starts and ends a word.
    fn longest(&self, text: &str, walk: Walk) -> Option<(usize, usize)> {
        let automaton = &self.matcher;
        let mut state = match walk.state {
            Some(state) => state,
            None => automaton.start_state(Anchored::Yes).ok()?,
        };
        let mut best = walk.best;
        let rest = text.as_bytes().get(walk.from..)?;
        for (i, &b) in rest.iter().enumerate() {
            state = automaton.next_state(Anchored::Yes, state, b);
            if automaton.is_dead(state) {
                break;
            }
            // Most states on the way match no phrase.
            if !automaton.is_match(state) {
                continue;
            }
            // The phrase of the walk's own length, if it ends a word here.
            let stop = walk.from + i + 1;
            let ends_word = text
                .get(stop..)
                .is_some_and(|rest| rest.chars().next().is_none_or(|c| !is_word_char(c)));
            if ends_word && let Some(p) = phrase_of_length(automaton, state, stop - walk.start) {
                best = Some((stop, p));
            }
        }
        best
    }

    /// The count frame's index, when the lexicon has measures.
    pub(crate) fn count_frame(&self) -> Option<usize> {
        self.frames.iter().position(|f| f.name == COUNT_FRAME)
    }

    /// A written number or vague amount as a range: "three" is [3, 3].
    pub(crate) fn written_number(&self, words: &str) -> Option<(u64, u64)> {
        with_lower(words, |words| {
            if let Some(&n) = self.data.counts.numbers.get(words) {
                return Some((n, n));
            }
            self.data.counts.ranges.get(words).map(|&[a, b]| (a, b))
        })
    }

    /// The bound a phrase sets on the number after it.
    pub(crate) fn bound(&self, phrase: &str) -> Option<BoundKind> {
        with_lower(phrase, |w| self.data.counts.bounds.get(w).copied())
    }

    /// The number of a month's name or abbreviation ("oct." is 10).
    pub(crate) fn month(&self, word: &str) -> Option<i8> {
        self.months.get(word.trim_end_matches('.'))
    }

    /// The clause frame's index, when the lexicon has antonyms.
    pub(crate) fn clause_frame(&self) -> Option<usize> {
        self.frames.iter().position(|f| f.name == CLAUSE_FRAME)
    }

    /// Whether a word is of a class. Name joiners are matched as written,
    /// the others in any case.
    pub(crate) fn is(&self, class: WordClass, word: &str) -> bool {
        self.classes(word).has(class)
    }

    /// The classes of a word, in one lookup.
    pub(crate) fn classes(&self, word: &str) -> Classes {
        let classes = self.words.get(word).unwrap_or_default();
        match classes.has(WordClass::NameJoiner) && word.chars().any(char::is_uppercase) {
            true => classes.without(WordClass::NameJoiner),
            false => classes,
        }
    }

    /// The canonical name for an alias, if the lexicon knows one.
    pub(crate) fn alias(&self, name: &str) -> Option<&str> {
        with_lower(name, |w| self.aliases.get(w)).map(String::as_str)
    }

    /// One spelling for the variants of a given name.
    pub(crate) fn name_variant<'a>(&'a self, word: &'a str) -> &'a str {
        self.variants.get(word).map(String::as_str).unwrap_or(word)
    }
}

fn parse(text: &str, origin: &str) -> Result<LexiconData, Error> {
    serde_json::from_str(text).map_err(|e| {
        Error::new(ErrorKind::Lexicon {
            origin: origin.to_string(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    })
}

/// Adds `extra` to `data`: lists are appended, frames merged by name.
fn merge(data: &mut LexiconData, extra: LexiconData) {
    for frame in extra.frames {
        match data.frames.iter_mut().find(|f| f.name == frame.name) {
            Some(have) => {
                have.heads.extend(frame.heads);
                for (status, vocab) in frame.statuses {
                    let mine = have.statuses.entry(status).or_default();
                    mine.verbs.extend(vocab.verbs);
                    mine.nouns.extend(vocab.nouns);
                    mine.phrases.extend(vocab.phrases);
                }
                have.clashes.extend(frame.clashes);
                have.successions.extend(frame.successions);
                if !frame.predicate.is_empty() {
                    have.predicate = frame.predicate;
                }
                have.qualified |= frame.qualified;
                have.once.extend(frame.once);
            }
            None => data.frames.push(frame),
        }
    }
    let (c, e) = (&mut data.cues, extra.cues);
    c.negation.extend(e.negation);
    c.ignore.extend(e.ignore);
    c.hedge.extend(e.hedge);
    c.conditional.extend(e.conditional);
    c.purpose.extend(e.purpose);
    c.expected.extend(e.expected);
    c.question.extend(e.question);
    c.claim.extend(e.claim);
    c.unconfirmed.extend(e.unconfirmed);
    c.triggers.extend(e.triggers);
    c.speech.extend(e.speech);
    c.attribution.extend(e.attribution);
    c.clause_breaks.extend(e.clause_breaks);
    data.sessions.extend(extra.sessions);
    data.ordinals.extend(extra.ordinals);
    data.titles.extend(extra.titles);
    data.pronouns.extend(extra.pronouns);
    data.determiners.extend(extra.determiners);
    let (g, e) = (&mut data.grammar, extra.grammar);
    g.speaker_gap.extend(e.speaker_gap);
    g.name_joiners.extend(e.name_joiners);
    g.indefinite.extend(e.indefinite);
    g.negation_gap.extend(e.negation_gap);
    g.passive.extend(e.passive);
    g.agent_markers.extend(e.agent_markers);
    g.genitive.extend(e.genitive);
    g.portfolio.extend(e.portfolio);
    g.definite.extend(e.definite);
    g.quantifiers.extend(e.quantifiers);
    g.impersonal.extend(e.impersonal);
    data.prepositions.extend(extra.prepositions);
    data.group_speakers.extend(extra.group_speakers);
    for (canonical, names) in extra.aliases {
        data.aliases.entry(canonical).or_default().extend(names);
    }
    data.name_variants.extend(extra.name_variants);
    data.irregular_verbs.extend(extra.irregular_verbs);
    data.dates.weekdays.extend(extra.dates.weekdays);
    data.dates.months.extend(extra.dates.months);
    data.dates.whole_month.extend(extra.dates.whole_month);
    data.dates.days_back.extend(extra.dates.days_back);
    for (measure, words) in extra.counts.measures {
        data.counts
            .measures
            .entry(measure)
            .or_default()
            .extend(words);
    }
    data.counts.bounds.extend(extra.counts.bounds);
    data.counts.numbers.extend(extra.counts.numbers);
    data.counts.ranges.extend(extra.counts.ranges);
    data.counts.not_counts.extend(extra.counts.not_counts);
    data.clauses.antonyms.extend(extra.clauses.antonyms);
    data.clauses.verbs.extend(extra.clauses.verbs);
    data.clauses.auxiliaries.extend(extra.clauses.auxiliaries);
}

/// Calls `f` with `text` in lower case; short ASCII words are lowered on
/// the stack, not on the heap.
fn with_lower<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 48;
    if text.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return f(text);
        }
        if text.len() <= SHORT {
            let mut buf = [0u8; SHORT];
            let buf = &mut buf[..text.len()];
            buf.copy_from_slice(text.as_bytes());
            buf.make_ascii_lowercase();
            // ASCII lowered is still ASCII.
            return f(std::str::from_utf8(buf).unwrap_or_default());
        }
    } else if !text.chars().any(char::is_uppercase) {
        return f(text);
    }
    f(&text.to_lowercase())
}

/// Words or short phrases, looked up without regard to case, each with a
/// value: words of up to fifteen ASCII bytes are packed into a number, so
/// most lookups hash one number and compare no bytes.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    /// One bit of each packed word's hash: a word whose bit is clear is
    /// not held, found without a probe of the table (most words looked up
    /// are in no set).
    seen: Box<[u64; SEEN_WORDS]>,
    short: HashMap<u128, V>,
    /// The longer ones, in lower case.
    long: HashMap<Box<[u8]>, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            seen: Box::new([0; SEEN_WORDS]),
            short: HashMap::default(),
            long: HashMap::default(),
        }
    }
}

impl<V: Copy> WordMap<V> {
    /// Adds a word already in lower case.
    fn insert(&mut self, lower: &[u8], value: V) {
        match pack(lower) {
            Some(key) => {
                let (word, bit) = seen_bit(key);
                self.seen[word] |= bit;
                self.short.insert(key, value);
            }
            None => {
                self.long.insert(lower.into(), value);
            }
        }
    }

    /// The value of `word` in lower case.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        if let Some(key) = pack(word.as_bytes()) {
            return self.get_packed(key);
        }
        if word.is_ascii() {
            return self.get_bytes(word.as_bytes());
        }
        with_lower(word, |w| self.get_bytes(w.as_bytes()))
    }

    #[inline]
    fn get_packed(&self, key: u128) -> Option<V> {
        let (word, bit) = seen_bit(key);
        if self.seen[word] & bit == 0 {
            return None;
        }
        self.short.get(&key).copied()
    }

    /// The value of `bytes`, ASCII letters in any case.
    pub(crate) fn get_bytes(&self, bytes: &[u8]) -> Option<V> {
        if let Some(key) = pack(bytes) {
            return self.get_packed(key);
        }
        if self.long.is_empty() {
            return None;
        }
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return self.long.get(bytes).copied();
        }
        const SHORT: usize = 48;
        if bytes.len() <= SHORT {
            let mut buf = [0u8; SHORT];
            let buf = &mut buf[..bytes.len()];
            buf.copy_from_slice(bytes);
            buf.make_ascii_lowercase();
            return self.long.get(&buf[..]).copied();
        }
        self.long.get(&bytes.to_ascii_lowercase()[..]).copied()
    }
}

/// Words of 64 bits in [`WordMap`]'s filter: 32,768 bits, 4 KiB, so that
/// a map of a few thousand words lets few others through.
const SEEN_WORDS: usize = 512;

/// The word and bit of a packed word in [`WordMap`]'s filter.
#[inline]
fn seen_bit(key: u128) -> (usize, u64) {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(23);
    // The top fifteen bits of a multiplicative hash: nine for the word,
    // six for the bit.
    let hash = (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 49) as usize;
    (hash >> 6, 1 << (hash & 63))
}

/// Up to fifteen ASCII bytes, lowered, and their count, as one number.
fn pack(bytes: &[u8]) -> Option<u128> {
    // Read as whole numbers, not copied byte by byte through a buffer: a
    // wide load of narrow stores stalls. Overlapping reads repeat the same
    // bytes at the same places, so or-ing them is safe. Most words fit in
    // one 64-bit lane, and are lowered in it alone.
    let n = bytes.len();
    let (low, high) = match n {
        0 => (0, 0),
        1..=3 => {
            let x = u64::from(bytes[0])
                | u64::from(bytes[n / 2]) << (8 * (n / 2))
                | u64::from(bytes[n - 1]) << (8 * (n - 1));
            (x, 0)
        }
        4..=7 => {
            let first = u32::from_le_bytes(bytes[..4].try_into().ok()?);
            let last = u32::from_le_bytes(bytes[n - 4..].try_into().ok()?);
            (u64::from(first) | u64::from(last) << (8 * (n - 4)), 0)
        }
        8..=15 => {
            let first = u64::from_le_bytes(bytes[..8].try_into().ok()?);
            let last = u64::from_le_bytes(bytes[n - 8..].try_into().ok()?);
            // Bytes 8.. are the top n - 8 of the last eight.
            (first, last.checked_shr(8 * (16 - n as u32)).unwrap_or(0))
        }
        _ => return None,
    };
    let (low, high) = (lower_ascii(low)?, lower_ascii(high)?);
    Some(u128::from(low) | u128::from(high) << 64 | (n as u128) << 120)
}

/// Eight bytes with each from 'A' to 'Z' lowered, or `None` if one is not
/// ASCII.
#[inline]
fn lower_ascii(x: u64) -> Option<u64> {
    if x & HIGH != 0 {
        return None;
    }
    // Each byte from 'A' to 'Z' gets 0x20, all at once; no byte carries
    // into the next, as all are below 0x80.
    let at_least_a = x + ONES * (0x80 - u64::from(b'A'));
    let beyond_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !beyond_z & HIGH;
    Some(x | (upper >> 2))
}

/// Where a walk of the automaton for a phrase starts, where it goes on
/// from, the state there (`None`: the start state), and the longest phrase
/// found before `from`, as its end and pattern.
#[derive(Clone, Copy)]
struct Walk {
    start: usize,
    from: usize,
    state: Option<StateID>,
    best: Option<(usize, usize)>,
}

/// What the automaton knows after the first word of some phrase.
#[derive(Clone, Copy, Debug)]
struct FirstWord {
    /// The state after the word.
    state: StateID,
    /// The phrase that is the word alone, if one is.
    phrase: Option<usize>,
    /// Whether a phrase goes on past the word: a walk is worth taking.
    goes_on: bool,
}

/// A walk from `start`, from the automaton's start state.
fn start_walk(start: usize) -> Walk {
    Walk {
        start,
        from: start,
        state: None,
        best: None,
    }
}

/// Whether `c` is a letter or digit, as words are made of. Quotes, dashes
/// and spaces of the General Punctuation block, common in news text, are
/// answered without Unicode's tables.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// What [`letter_runs_into`] finds, in a new vector.
#[cfg(test)]
pub(crate) fn letter_runs(text: &str) -> Vec<Span> {
    let mut runs = Vec::new();
    letter_runs_into(text, &mut runs);
    runs
}

/// The runs of letters and digits of `text` (see [`is_word_char`]), in
/// order, into `runs`, which it clears first: the words that phrases begin
/// and end on.
pub(crate) fn letter_runs_into(text: &str, runs: &mut Vec<Span>) {
    runs.clear();
    // Room for a word every 6 bytes: news text has about that many.
    runs.reserve(text.len() / 6 + 1);
    let bytes = text.as_bytes();
    // Where the word being read began, if one is.
    let mut start: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes of ASCII at a time: where a byte's being a letter or
        // digit differs from the byte before, a word starts or ends.
        let chunk = bytes
            .get(at..at + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok());
        let ascii = chunk.map(u64::from_le_bytes).filter(|x| x & HIGH == 0);
        if let Some(x) = ascii {
            let words = ascii_word_bytes(x);
            let before = (words << 8) | if start.is_some() { 0x80 } else { 0 };
            let mut changes = (words ^ before) & HIGH;
            while changes != 0 {
                let pos = at + changes.trailing_zeros() as usize / 8;
                match start.take() {
                    Some(from) => runs.push(Span::new(from, pos)),
                    None => start = Some(pos),
                }
                changes &= changes - 1;
            }
            at += 8;
            continue;
        }
        // Otherwise a character at a time, up to and past the first one
        // outside ASCII.
        let upto = chunk.map(u64::from_le_bytes).map_or(bytes.len(), |x| {
            at + (x & HIGH).trailing_zeros() as usize / 8 + 1
        });
        while at < upto {
            let (word, len) = char_at(text, at, bytes[at]);
            match (word, start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    runs.push(Span::new(from, at));
                    start = None;
                }
                _ => {}
            }
            at += len;
        }
    }
    if let Some(from) = start {
        runs.push(Span::new(from, bytes.len()));
    }
}

/// Eight bytes, one in each place.
const ONES: u64 = u64::from_le_bytes([1; 8]);
/// The top bit of each of eight bytes.
const HIGH: u64 = ONES * 0x80;

/// The top bit of each byte of `x`, all ASCII, that is a letter or digit.
fn ascii_word_bytes(x: u64) -> u64 {
    // For bytes below 0x80, adding 0x80 - lo sets the top bit exactly
    // when the byte is at least lo, and no byte carries into the next.
    let within = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7F - hi)) & HIGH
    };
    within(x | (ONES * 0x20), b'a', b'z') | within(x, b'0', b'9')
}

/// Whether the character at byte `at` (whose first byte is `b`) is a
/// letter or digit, and its length in bytes.
fn char_at(text: &str, at: usize, b: u8) -> (bool, usize) {
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    match text.get(at..).and_then(|s| s.chars().next()) {
        Some(c) => (is_word_char(c), c.len_utf8()),
        // Not a character boundary: a continuation byte, skipped alone.
        None => (false, 1),
    }
}

/// What a sentence's last word may be when it ends with `phrase`: the
/// phrase's last word, and each part of it after a mark ("officials" of
/// "U.S./officials").
fn last_words(phrase: &str) -> impl Iterator<Item = String> + '_ {
    let last = phrase.split_whitespace().next_back().unwrap_or("");
    last.char_indices()
        .filter(move |&(i, c)| {
            is_word_char(c)
                && last[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|b| !is_word_char(b))
        })
        .map(move |(i, _)| last[i..].to_string())
}

/// Every word of a closed class, lower case, to its classes.
fn class_words(data: &LexiconData) -> WordMap<Classes> {
    use WordClass::*;
    let mut words: HashMap<String, Classes> = HashMap::default();
    let mut add = |list: &mut dyn Iterator<Item = &String>, class: WordClass| {
        for word in list {
            let entry = words.entry(word.to_lowercase()).or_default();
            *entry = entry.with(class);
        }
    };
    let grammar = &data.grammar;
    add(&mut grammar.speaker_gap.iter(), SpeakerGap);
    add(&mut grammar.name_joiners.iter(), NameJoiner);
    add(&mut grammar.indefinite.iter(), Indefinite);
    add(&mut grammar.negation_gap.iter(), NegationGap);
    add(&mut grammar.passive.iter(), Passive);
    add(&mut grammar.agent_markers.iter(), AgentMarker);
    add(&mut grammar.genitive.iter(), Genitive);
    add(&mut grammar.portfolio.iter(), Portfolio);
    add(&mut grammar.definite.iter(), Definite);
    add(&mut data.sessions.iter(), Session);
    add(&mut grammar.quantifiers.iter(), Quantifier);
    add(&mut grammar.impersonal.iter(), Impersonal);
    add(&mut data.titles.iter(), Title);
    add(&mut data.pronouns.iter(), Pronoun);
    add(&mut data.determiners.iter(), Determiner);
    add(&mut data.prepositions.iter(), Preposition);
    add(&mut data.group_speakers.iter(), GroupSpeaker);
    let ends: Vec<String> = data
        .group_speakers
        .iter()
        .flat_map(|p| last_words(p))
        .collect();
    add(&mut ends.iter(), GroupEnd);
    add(&mut data.clauses.auxiliaries.iter(), Auxiliary);
    add(&mut data.counts.not_counts.iter(), NotCount);
    add(&mut data.dates.weekdays.iter(), Calendar);
    add(&mut data.dates.months.keys(), Calendar);
    add(&mut data.dates.whole_month.iter(), WholeMonth);
    add(&mut data.irregular_verbs.values().flatten(), IrregularForm);
    let mut map = WordMap::default();
    for (word, classes) in words {
        map.insert(word.as_bytes(), classes);
    }
    map
}

/// The first word of each phrase (its letters and digits up to the first
/// other character) and the automaton's state after it, or `None` when a
/// phrase begins with another character and every start must be walked.
fn first_words(patterns: &[String], matcher: &NFA) -> Option<WordMap<FirstWord>> {
    let start = matcher.start_state(Anchored::Yes).ok()?;
    // Each first word, lowered, and whether some phrase goes on past it.
    let mut firsts: HashMap<Vec<u8>, bool> = HashMap::default();
    for pattern in patterns {
        let end = pattern
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(pattern.len(), |(i, _)| i);
        if end == 0 {
            return None;
        }
        let word = pattern.as_bytes()[..end].to_ascii_lowercase();
        *firsts.entry(word).or_default() |= pattern.len() > end;
    }
    let mut words = WordMap::default();
    for (word, goes_on) in firsts {
        let state = word.iter().fold(start, |state, &b| {
            matcher.next_state(Anchored::Yes, state, b)
        });
        let phrase = phrase_of_length(matcher, state, word.len());
        words.insert(
            &word,
            FirstWord {
                state,
                phrase,
                goes_on,
            },
        );
    }
    Some(words)
}

/// The phrase of `len` bytes that ends at `state` of an anchored walk.
/// A match state also lists the phrases that end there but begin later;
/// only one of the walk's own length begins where the walk began.
fn phrase_of_length(matcher: &NFA, state: StateID, len: usize) -> Option<usize> {
    // Only a match state lists patterns.
    if !matcher.is_match(state) {
        return None;
    }
    (0..matcher.match_len(state))
        .map(|k| matcher.match_pattern(state, k))
        .filter(|&p| matcher.pattern_len(p) == len)
        .map(|p| p.as_usize())
        .max()
}

/// The phrase with straight apostrophes, and with curly ones.
fn apostrophe_forms(phrase: &str) -> Vec<String> {
    if phrase.contains('\'') {
        vec![phrase.to_string(), phrase.replace('\'', "\u{2019}")]
    } else {
        vec![phrase.to_string()]
    }
}

/// Every inflection of a verb phrase: its first word inflected, the rest kept.
fn verb_forms(phrase: &str, irregular: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let phrase = phrase.trim().to_ascii_lowercase();
    let (verb, rest) = match phrase.split_once(' ') {
        Some((v, r)) => (v.to_string(), format!(" {r}")),
        None => (phrase.clone(), String::new()),
    };
    let mut forms = vec![verb.clone()];
    match irregular.get(&verb) {
        Some(list) => forms.extend(list.iter().map(|f| f.to_ascii_lowercase())),
        None => forms.extend(regular_forms(&verb)),
    }
    forms.dedup();
    forms.into_iter().map(|f| format!("{f}{rest}")).collect()
}

fn regular_forms(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let n = b.len();
    if n == 0 {
        return Vec::new();
    }
    let last = b[n - 1];
    let consonant_y = last == b'y' && n > 1 && !vowel(b[n - 2]);
    let short_cvc = (3..=4).contains(&n)
        && !vowel(last)
        && !b"wxy".contains(&last)
        && vowel(b[n - 2])
        && !vowel(b[n - 3]);
    let third = if verb.ends_with(['s', 'x', 'z']) || verb.ends_with("ch") || verb.ends_with("sh") {
        format!("{verb}es")
    } else if consonant_y {
        format!("{}ies", &verb[..n - 1])
    } else {
        format!("{verb}s")
    };
    let past = if last == b'e' {
        format!("{verb}d")
    } else if consonant_y {
        format!("{}ied", &verb[..n - 1])
    } else if short_cvc {
        format!("{verb}{}ed", last as char)
    } else {
        format!("{verb}ed")
    };
    let gerund = if verb.ends_with("ie") {
        format!("{}ying", &verb[..n - 2])
    } else if last == b'e' && !verb.ends_with("ee") && n > 2 {
        format!("{}ing", &verb[..n - 1])
    } else if short_cvc {
        format!("{verb}{}ing", last as char)
    } else {
        format!("{verb}ing")
    };
    vec![third, past, gerund]
}

/// The plural of a noun phrase: the word before "of", else the last word.
fn plural_phrase(phrase: &str) -> String {
    let phrase = phrase.trim();
    let words: Vec<&str> = phrase.split(' ').collect();
    let at = words
        .iter()
        .position(|w| *w == "of")
        .filter(|&i| i > 0)
        .map(|i| i - 1)
        .unwrap_or(words.len().saturating_sub(1));
    words
        .iter()
        .enumerate()
        .map(|(i, w)| if i == at { plural(w) } else { (*w).to_string() })
        .collect::<Vec<_>>()
        .join(" ")
}

fn plural(word: &str) -> String {
    let b = word.as_bytes();
    let n = b.len();
    if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else if n > 1 && b[n - 1] == b'y' && !b"aeiou".contains(&b[n - 2]) {
        format!("{}ies", &word[..n - 1])
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_agree_with_unicode() {
        for c in ('\0'..='\u{3000}').chain(['\u{FF10}', '\u{1D400}']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    proptest::proptest! {
        /// The runs eight bytes at a time against their definition, read a
        /// character at a time.
        #[test]
        fn letter_runs_are_the_runs_of_word_characters(
            s in "([a-zA-Z09@\\[`{/:\u{10}\u{19} .,'-]|\\PC){0,60}"
        ) {
            let mut expected = Vec::new();
            let mut run: Option<Span> = None;
            for (i, c) in s.char_indices() {
                if is_word_char(c) {
                    let from = run.map_or(i, |r| r.start);
                    run = Some(Span::new(from, i + c.len_utf8()));
                } else {
                    expected.extend(run.take());
                }
            }
            expected.extend(run);
            proptest::prop_assert_eq!(letter_runs(&s), expected);
        }
    }

    #[test]
    fn packed_words_hold_each_byte_in_its_place() {
        // Every length, with each byte distinct, against a plain copy.
        let all: Vec<u8> = (b'A'..=b'Z').chain(b'0'..=b'9').collect();
        for n in 0..=15 {
            for window in all.windows(n.max(1)).take(30) {
                let bytes = &window[..n];
                let mut buf = [0u8; 16];
                buf[..n].copy_from_slice(&bytes.to_ascii_lowercase());
                let expected = u128::from_le_bytes(buf) | ((n as u128) << 120);
                assert_eq!(pack(bytes), Some(expected), "{bytes:?}");
            }
        }
    }

    #[test]
    fn packed_words_are_lowered_and_told_apart() {
        assert_eq!(pack(b"Talks"), pack(b"talks"));
        assert_eq!(pack(b"AZaz09@[AZaz09@["), None);
        assert_eq!(pack(b"@[`{"), pack(b"@[`{"));
        assert_ne!(pack(b"@[`{"), pack(b"`{`{"));
        assert_ne!(pack(b"ab"), pack(b"ab\0"));
        assert_ne!(pack(b""), pack(b"\0"));
        assert_eq!(pack("é".as_bytes()), None);
        for b in 0u8..0x80 {
            let lower = u128::from(b.to_ascii_lowercase()) | (1 << 120);
            assert_eq!(pack(&[b]), Some(lower), "{b}");
        }
    }

    #[test]
    fn word_sets_ignore_case_short_and_long() {
        let mut set = WordMap::default();
        for word in ["said", "according", "président", "k"] {
            set.insert(word.as_bytes(), ());
        }
        let has = |word: &str| set.get(word).is_some();
        for word in [
            "SAID",
            "Said",
            "According",
            "ACCORDING",
            "Président",
            "PRÉSIDENT",
        ] {
            assert!(has(word), "{word}");
        }
        assert!(!has("sai") && !has("saids") && !has("accord"));
        // The Kelvin sign lowers to an ASCII "k".
        assert!(has("\u{212A}"));
        assert_eq!(set.get_bytes(b"ACCORDING"), Some(()));
    }

    #[test]
    fn grammar_classes_come_from_data() {
        let builtin = Lexicon::builtin();
        assert!(builtin.is(WordClass::AgentMarker, "By"));
        assert!(builtin.is(WordClass::NameJoiner, "bin"));
        // Joiners are matched as written: "Al" begins a name.
        assert!(!builtin.is(WordClass::NameJoiner, "Al"));
        assert!(builtin.is(WordClass::Session, "Round"));
        assert!(!builtin.is(WordClass::AgentMarker, "per"));
        let extended = builtin
            .extend_with_json(r#"{"grammar": {"agent_markers": ["per"]}}"#)
            .unwrap();
        assert!(extended.is(WordClass::AgentMarker, "per"));
        assert!(extended.is(WordClass::AgentMarker, "by"));
        assert!(builtin.is(WordClass::Quantifier, "Many"));
        assert!(builtin.is(WordClass::Impersonal, "It"));
    }

    #[test]
    fn one_lookup_gives_every_class_of_a_word() {
        let lexicon = Lexicon::builtin()
            .extend_with_json(r#"{"prepositions": ["by"], "grammar": {"name_joiners": ["Ter"]}}"#)
            .unwrap();
        let by = lexicon.classes("By");
        assert!(by.has(WordClass::AgentMarker) && by.has(WordClass::Preposition));
        assert!(!by.has(WordClass::Title));
        // Weekdays and months, names and abbreviations, are one class.
        for word in ["Monday", "october", "Oct", "JAN"] {
            assert!(lexicon.is(WordClass::Calendar, word), "{word}");
        }
        assert!(!lexicon.is(WordClass::Calendar, "talks"));
        // Group phrases are looked up whole.
        assert!(lexicon.is(WordClass::GroupSpeaker, "The Ministry"));
        assert!(!lexicon.is(WordClass::GroupSpeaker, "ministry"));
        // A joiner listed with a capital still joins only as written.
        assert!(lexicon.is(WordClass::NameJoiner, "ter"));
        assert!(!lexicon.is(WordClass::NameJoiner, "Ter"));
        assert_eq!(lexicon.classes("zzyzx"), Classes::default());
        assert!(lexicon.is(WordClass::GroupEnd, "Ministry"));
        assert!(!lexicon.is(WordClass::GroupEnd, "the"));
    }

    #[test]
    fn a_group_phrase_ends_with_its_last_word_or_a_part_of_it() {
        let ends = |p: &str| last_words(p).collect::<Vec<_>>();
        assert_eq!(ends("the ministry"), ["ministry"]);
        assert_eq!(
            ends("u.s./officials"),
            ["u.s./officials", "s./officials", "officials"]
        );
        assert_eq!(ends("  "), Vec::<String>::new());
    }

    #[test]
    fn builtin_compiles() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.frames.len() >= 8);
        let talks = &lexicon.frames[0];
        assert_eq!(talks.name, "talks");
    }

    #[test]
    fn inflections() {
        let none = BTreeMap::new();
        let forms = verb_forms("break down", &none);
        assert!(
            forms.contains(&"break downs".to_string())
                || forms.contains(&"breaks down".to_string())
        );
        assert_eq!(
            regular_forms("collapse"),
            ["collapses", "collapsed", "collapsing"]
        );
        assert_eq!(regular_forms("stall"), ["stalls", "stalled", "stalling"]);
        assert_eq!(regular_forms("stop"), ["stops", "stopped", "stopping"]);
        assert_eq!(regular_forms("carry"), ["carries", "carried", "carrying"]);
        assert_eq!(
            regular_forms("derail"),
            ["derails", "derailed", "derailing"]
        );
        let lexicon = Lexicon::builtin();
        let irregular = &lexicon.data.irregular_verbs;
        assert!(verb_forms("fall apart", irregular).contains(&"fell apart".to_string()));
        assert!(verb_forms("break down", irregular).contains(&"broke down".to_string()));
        assert_eq!(plural_phrase("glimmer of hope"), "glimmers of hope");
        assert_eq!(plural_phrase("positive sign"), "positive signs");
        assert_eq!(plural("party"), "parties");
    }

    #[test]
    fn scan_whole_words_longest_first() {
        let lexicon = Lexicon::builtin();
        let text = "Notably, the talks did not fail; they failed to yield a deal.";
        let hits = lexicon.scan(text);
        let words: Vec<&str> = hits.iter().map(|h| &text[h.span.range()]).collect();
        assert!(!words.contains(&"Not"), "{words:?}");
        assert!(words.contains(&"failed to"), "{words:?}");
        assert!(words.contains(&"not"), "{words:?}");
    }

    /// The built-in lexicon with `phrases` for a collapse of talks.
    fn with_phrases(phrases: &str) -> Lexicon {
        let json = format!(
            r#"{{"frames": [{{"name": "talks", "statuses": {{"collapsed": {{"phrases": {phrases}}}}}}}]}}"#
        );
        Lexicon::builtin().extend_with_json(&json).unwrap()
    }

    /// The phrases a scan finds, as written.
    fn scanned<'t>(lexicon: &Lexicon, text: &'t str) -> Vec<&'t str> {
        lexicon
            .scan(text)
            .iter()
            .map(|h| &text[h.span.range()])
            .collect()
    }

    #[test]
    fn scan_falls_back_to_a_shorter_phrase_that_ends_a_word() {
        let lexicon = with_phrases(r#"["zorblat", "zorblat quux"]"#);
        let words = |text: &'static str| scanned(&lexicon, text);
        assert_eq!(words("The zorblat quux."), ["zorblat quux"]);
        // The longer phrase ends inside "quuxy"; the shorter one is whole.
        assert_eq!(words("The zorblat quuxy."), ["zorblat"]);
        // Inside a word, no phrase starts.
        assert!(words("The unzorblat quux.").is_empty());
    }

    #[test]
    fn scan_finds_phrases_after_hyphens_and_in_any_case() {
        let lexicon = with_phrases(r#"["zorblat", "vel-quux"]"#);
        let words = |text: &'static str| scanned(&lexicon, text);
        assert_eq!(words("Pre-ZORBLAT quib."), ["ZORBLAT"]);
        assert_eq!(words("Vel-Quux, fip zorblat."), ["Vel-Quux", "zorblat"]);
        // A word that only begins like a phrase's first word is not walked.
        assert!(words("Velo-quux fip zorblats.").is_empty());
        // Letters outside ASCII are part of the word.
        assert!(words("Zorblatü fip élzorblat.").is_empty());
    }

    #[test]
    fn scan_walks_every_start_when_a_phrase_begins_with_a_sign() {
        let lexicon = with_phrases(r##"["#zorblat"]"##);
        assert!(lexicon.first_words.is_none());
        let words = scanned(&lexicon, "Then #zorblat trended; x#zorblat did not.");
        assert!(words.contains(&"#zorblat"), "{words:?}");
        assert_eq!(words.iter().filter(|w| **w == "#zorblat").count(), 1);
        // The built-in phrases are still found on this path.
        assert!(words.contains(&"not"), "{words:?}");
    }

    #[test]
    fn curly_apostrophes_match() {
        let lexicon = Lexicon::builtin();
        let text = "They didn\u{2019}t agree.";
        let hits = lexicon.scan(text);
        assert!(hits.iter().any(|h| h.cue(CueKind::Negation)));
    }

    #[test]
    fn ignore_phrases_shadow() {
        let lexicon = Lexicon::builtin();
        let hits = lexicon.scan("not only the talks");
        assert!(!hits.iter().any(|h| h.cue(CueKind::Negation)));
    }

    #[test]
    fn bad_lexicons_are_errors_with_position() {
        let err = Lexicon::from_json("{\"frames\": [}").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Lexicon { line: 1, .. }));
        let err = Lexicon::from_json(r#"{"unknown_key": 1}"#).unwrap_err();
        assert!(err.to_string().contains("unknown"));
        let err = Lexicon::from_json(
            r#"{"frames": [{"name": "x", "statuses": {"a": {}}, "clashes": [["a", "b"]]}]}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("\"b\""));
    }

    #[test]
    fn round_trips_as_json() {
        let lexicon = Lexicon::builtin();
        let again = Lexicon::from_json(&lexicon.to_json()).unwrap();
        assert_eq!(again.frames.len(), lexicon.frames.len());
    }
}
