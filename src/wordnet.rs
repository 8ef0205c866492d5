//! English words as WordNet 3.0 knows them: lemmas (Morphy), the class of a
//! noun or a verb, antonyms and the verb a happening noun comes from.
//!
//! The tables in `lexicon/wordnet/` are made by `tools/wordnet.py` from
//! Debian's `wordnet-base` package (licence and provenance in
//! `lexicon/wordnet/LICENSE`); they are compiled in and parsed once.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// Inflected forms: `pos`, form, lemma; a form's first lemma comes first.
const EXCEPTIONS: &str = include_str!("../lexicon/wordnet/exceptions.tsv");
/// Single-word noun lemmas: lemma, lexname of the first sense, `+` for a person.
const NOUNS: &str = include_str!("../lexicon/wordnet/nouns.tsv");
/// Single-word verb lemmas: lemma, lexname of the first sense.
const VERBS: &str = include_str!("../lexicon/wordnet/verbs.tsv");
/// Single-word adjective lemmas, one a line.
const ADJECTIVES: &str = include_str!("../lexicon/wordnet/adjectives.txt");
/// Direct antonyms: `pos`, lemma, lemma; each pair once.
const ANTONYMS: &str = include_str!("../lexicon/wordnet/antonyms.tsv");
/// Happening nouns and their verbs: noun, verb.
const DERIVATIONS: &str = include_str!("../lexicon/wordnet/derivations.tsv");

/// Morphy's detachment rules for nouns, in WordNet's order: suffix, ending.
const NOUN_RULES: [(&str, &str); 8] = [
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
];
/// Morphy's detachment rules for verbs, in WordNet's order.
const VERB_RULES: [(&str, &str); 8] = [
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
];
/// Morphy's detachment rules for adjectives, in WordNet's order.
const ADJECTIVE_RULES: [(&str, &str); 4] = [("er", ""), ("est", ""), ("er", "e"), ("est", "e")];

/// Stem endings after which a verb or adjective of unknown stem takes back
/// its silent `e` ("blorfated" -> "blorfate", "-ised" -> "-ise").
const SILENT_E: [&str; 16] = [
    "v", "c", "u", "iz", "is", "at", "dg", "rg", "bl", "pl", "tl", "dl", "gl", "kl", "zl", "fl",
];

/// A part of speech, as WordNet divides words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Pos {
    /// A noun.
    Noun,
    /// A verb.
    Verb,
    /// An adjective.
    Adjective,
    /// An adverb.
    Adverb,
}

impl Pos {
    /// The part of speech a table's code stands for (`n`, `v`, `a`, `r`).
    fn from_code(code: &str) -> Option<Pos> {
        match code {
            "n" => Some(Pos::Noun),
            "v" => Some(Pos::Verb),
            "a" => Some(Pos::Adjective),
            "r" => Some(Pos::Adverb),
            _ => None,
        }
    }
}

/// An enum of lexicographer files, with their names in the tables.
macro_rules! lexnames {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// The lexicographer file's name after its part of speech.
            #[allow(dead_code)] // for messages and tests; no rule prints it yet
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }

            /// The class that a lexicographer file's short name stands for.
            pub(crate) fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($text => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

lexnames! {
    /// The lexicographer file of a noun sense (`noun.person` is `Person`).
    NounClass {
        /// `noun.Tops`: the top of the hierarchy ("entity", "thing").
        Tops = "Tops",
        /// `noun.act`: acts and actions ("arrest", "strike").
        Act = "act",
        /// `noun.animal`: animals.
        Animal = "animal",
        /// `noun.artifact`: things people made ("bridge", "gun").
        Artifact = "artifact",
        /// `noun.attribute`: attributes of people and things.
        Attribute = "attribute",
        /// `noun.body`: parts of the body.
        Body = "body",
        /// `noun.cognition`: thought and knowledge.
        Cognition = "cognition",
        /// `noun.communication`: messages and language ("talks", "news").
        Communication = "communication",
        /// `noun.event`: natural events and happenings ("death").
        Event = "event",
        /// `noun.feeling`: feelings and emotions.
        Feeling = "feeling",
        /// `noun.food`: foods and drinks.
        Food = "food",
        /// `noun.group`: groupings of people or things ("army", "police").
        Group = "group",
        /// `noun.location`: places ("city").
        Location = "location",
        /// `noun.motive`: goals.
        Motive = "motive",
        /// `noun.object`: natural objects ("remains", "river").
        Object = "object",
        /// `noun.person`: people ("officer", "miner").
        Person = "person",
        /// `noun.phenomenon`: natural phenomena.
        Phenomenon = "phenomenon",
        /// `noun.plant`: plants.
        Plant = "plant",
        /// `noun.possession`: possession and its transfer ("tax", "loan").
        Possession = "possession",
        /// `noun.process`: natural processes.
        Process = "process",
        /// `noun.quantity`: quantities and units of measure.
        Quantity = "quantity",
        /// `noun.relation`: relations between people, things or ideas.
        Relation = "relation",
        /// `noun.shape`: two- and three-dimensional shapes.
        Shape = "shape",
        /// `noun.state`: stable states of affairs ("war", "crisis").
        State = "state",
        /// `noun.substance`: substances.
        Substance = "substance",
        /// `noun.time`: time and temporal relations ("week").
        Time = "time",
    }
}

lexnames! {
    /// The lexicographer file of a verb sense (`verb.motion` is `Motion`).
    VerbClass {
        /// `verb.body`: grooming, dressing and bodily care.
        Body = "body",
        /// `verb.change`: change of size, temperature, intensity.
        Change = "change",
        /// `verb.cognition`: thinking, judging, analysing.
        Cognition = "cognition",
        /// `verb.communication`: telling, asking, ordering ("say", "deny").
        Communication = "communication",
        /// `verb.competition`: fighting and athletic activities ("win").
        Competition = "competition",
        /// `verb.consumption`: eating and drinking.
        Consumption = "consumption",
        /// `verb.contact`: touching, hitting, tying ("strike").
        Contact = "contact",
        /// `verb.creation`: sewing, baking, painting, performing.
        Creation = "creation",
        /// `verb.emotion`: feeling.
        Emotion = "emotion",
        /// `verb.motion`: walking, flying, swimming ("flee").
        Motion = "motion",
        /// `verb.perception`: seeing, hearing, feeling.
        Perception = "perception",
        /// `verb.possession`: buying, selling, owning.
        Possession = "possession",
        /// `verb.social`: political and social activities ("resign").
        Social = "social",
        /// `verb.stative`: being, having, spatial relations ("be").
        Stative = "stative",
        /// `verb.weather`: raining, snowing, thawing.
        Weather = "weather",
    }
}

/// What the noun table says of one noun lemma.
#[derive(Clone, Copy, Debug)]
struct Noun {
    /// The lexicographer file of its first (most frequent) sense.
    class: Option<NounClass>,
    /// Whether one of its first three senses is `noun.person`.
    person: bool,
}

/// WordNet's tables, borrowing the compiled-in text.
pub(crate) struct WordNet {
    /// Inflected form -> first lemma, per part of speech (`Pos as usize`).
    exceptions: [FxHashMap<&'static str, &'static str>; 4],
    /// Noun lemma -> its class and person flag.
    nouns: FxHashMap<&'static str, Noun>,
    /// Verb lemma -> the class of its first sense.
    verbs: FxHashMap<&'static str, Option<VerbClass>>,
    /// Adjective lemmas.
    adjectives: FxHashSet<&'static str>,
    /// (pos, lemma, antonym), both ways round, sorted for binary search.
    #[allow(dead_code)] // read by `antonyms`, which no comparison rule asks yet
    antonyms: Vec<(Pos, &'static str, &'static str)>,
    /// Happening noun -> its verb.
    #[allow(dead_code)] // read by `verb_of`, which extraction does not ask yet
    derivations: FxHashMap<&'static str, &'static str>,
}

/// A table's records: its lines less comments and blanks, each as an
/// iterator over its tab-separated fields.
fn records(table: &'static str) -> impl Iterator<Item = std::str::Split<'static, char>> {
    table
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t'))
}

/// The number of records in a table, to size its map.
fn count(table: &str) -> usize {
    table.lines().count()
}

impl WordNet {
    /// The tables compiled into the crate, parsed on first use.
    pub(crate) fn builtin() -> &'static WordNet {
        static BUILTIN: OnceLock<WordNet> = OnceLock::new();
        BUILTIN.get_or_init(WordNet::parse)
    }

    /// Reads the compiled-in tables; a malformed line is skipped.
    fn parse() -> WordNet {
        WordNet {
            exceptions: parse_exceptions(),
            nouns: parse_nouns(),
            verbs: parse_verbs(),
            adjectives: parse_adjectives(),
            antonyms: parse_antonyms(),
            derivations: parse_derivations(),
        }
    }
}

/// The adjective lemmas.
fn parse_adjectives() -> FxHashSet<&'static str> {
    let mut adjectives = FxHashSet::with_capacity_and_hasher(count(ADJECTIVES), Default::default());
    adjectives.extend(records(ADJECTIVES).filter_map(|mut record| record.next()));
    adjectives
}

/// Inflected form -> first lemma, one map per part of speech.
fn parse_exceptions() -> [FxHashMap<&'static str, &'static str>; 4] {
    let mut maps: [FxHashMap<&'static str, &'static str>; 4] = Default::default();
    for mut record in records(EXCEPTIONS) {
        let (Some(pos), Some(form), Some(lemma)) = (record.next(), record.next(), record.next())
        else {
            continue;
        };
        if let Some(map) = Pos::from_code(pos).and_then(|pos| maps.get_mut(pos as usize)) {
            map.entry(form).or_insert(lemma);
        }
    }
    maps
}

/// Noun lemma -> class and person flag.
fn parse_nouns() -> FxHashMap<&'static str, Noun> {
    let mut nouns = FxHashMap::with_capacity_and_hasher(count(NOUNS), Default::default());
    for mut record in records(NOUNS) {
        let (Some(lemma), Some(class)) = (record.next(), record.next()) else {
            continue;
        };
        let noun = Noun {
            class: NounClass::from_name(class),
            person: record.next() == Some("+"),
        };
        nouns.insert(lemma, noun);
    }
    nouns
}

/// Verb lemma -> class of its first sense.
fn parse_verbs() -> FxHashMap<&'static str, Option<VerbClass>> {
    let mut verbs = FxHashMap::with_capacity_and_hasher(count(VERBS), Default::default());
    for mut record in records(VERBS) {
        if let (Some(lemma), Some(class)) = (record.next(), record.next()) {
            verbs.insert(lemma, VerbClass::from_name(class));
        }
    }
    verbs
}

/// Happening noun -> its verb.
fn parse_derivations() -> FxHashMap<&'static str, &'static str> {
    let mut derivations =
        FxHashMap::with_capacity_and_hasher(count(DERIVATIONS), Default::default());
    for mut record in records(DERIVATIONS) {
        if let (Some(noun), Some(verb)) = (record.next(), record.next()) {
            derivations.insert(noun, verb);
        }
    }
    derivations
}

/// Antonym pairs both ways round, sorted by part of speech and first lemma.
fn parse_antonyms() -> Vec<(Pos, &'static str, &'static str)> {
    let mut pairs = Vec::with_capacity(2 * count(ANTONYMS));
    for mut record in records(ANTONYMS) {
        let (Some(pos), Some(a), Some(b)) = (record.next(), record.next(), record.next()) else {
            continue;
        };
        if let Some(pos) = Pos::from_code(pos) {
            pairs.push((pos, a, b));
            pairs.push((pos, b, a));
        }
    }
    pairs.sort_unstable();
    pairs
}

impl WordNet {
    /// A word's lemma for a part of speech, lowercase, by WordNet's Morphy:
    /// the exception list first ("went" -> "go", "better" -> "good"), then
    /// the word itself when WordNet has it ("species", "talks"), then the
    /// detachment rules checked against the lemma list ("strikes" ->
    /// "strike"), and for a word WordNet lacks, plain English rules
    /// ("blorfed" -> "blorf"). A word no rule fits comes back lowercased.
    pub(crate) fn lemma<'a>(&self, word: &'a str, pos: Pos) -> Cow<'a, str> {
        let lower = lowercase(word);
        if let Some(lemma) = self.morphy(&lower, pos) {
            return lemma;
        }
        match guess(&lower, pos) {
            Some(lemma) => Cow::Owned(lemma),
            None => lower,
        }
    }

    /// The lemma of a word in its base form (a singular noun, a verb's
    /// infinitive, a plain adjective): the word itself when WordNet has it
    /// ("dive", "lay"), else [`WordNet::lemma`] ("are" -> "be").
    pub(crate) fn base_lemma<'a>(&self, word: &'a str, pos: Pos) -> Cow<'a, str> {
        let lower = lowercase(word);
        if self.is_lemma(&lower, pos) {
            return lower;
        }
        self.lemma(word, pos)
    }

    /// Whether WordNet has a lowercase single word as a lemma of `pos`
    /// (adverbs are not kept: always false).
    pub(crate) fn is_lemma(&self, word: &str, pos: Pos) -> bool {
        self.defined(word, pos).is_some()
    }

    /// The table's own copy of a lemma of `pos`, when WordNet has it.
    fn defined(&self, word: &str, pos: Pos) -> Option<&'static str> {
        match pos {
            Pos::Noun => self.nouns.get_key_value(word).map(|(k, _)| *k),
            Pos::Verb => self.verbs.get_key_value(word).map(|(k, _)| *k),
            Pos::Adjective => self.adjectives.get(word).copied(),
            Pos::Adverb => None,
        }
    }

    /// Morphy on a lowercase word: an exception, the word, or a rule whose
    /// result WordNet has; `None` when none of them answers.
    fn morphy(&self, word: &str, pos: Pos) -> Option<Cow<'static, str>> {
        let exceptions = self.exceptions.get(pos as usize)?;
        if let Some(lemma) = exceptions.get(word) {
            return Some(Cow::Borrowed(lemma));
        }
        if let Some(lemma) = self.defined(word, pos) {
            return Some(Cow::Borrowed(lemma));
        }
        let rules: &[(&str, &str)] = match pos {
            Pos::Noun => return self.noun_rules(word),
            Pos::Verb => &VERB_RULES,
            Pos::Adjective => &ADJECTIVE_RULES,
            Pos::Adverb => return None,
        };
        self.detach(word, rules, pos).map(Cow::Borrowed)
    }

    /// Morphy for nouns: "-ful" compounds by their head ("boxesful" ->
    /// "boxful"), no rules for "-ss" words or words of two letters or less.
    fn noun_rules(&self, word: &str) -> Option<Cow<'static, str>> {
        if let Some(head) = word.strip_suffix("ful") {
            let lemma = self.detach(head, &NOUN_RULES, Pos::Noun)?;
            return Some(Cow::Owned(format!("{lemma}ful")));
        }
        if word.ends_with("ss") || word.chars().nth(2).is_none() {
            return None;
        }
        self.detach(word, &NOUN_RULES, Pos::Noun).map(Cow::Borrowed)
    }

    /// The first rule's result that differs from the word and is a lemma;
    /// for verbs, also the stem with a doubled consonant undone ("-pped").
    fn detach(&self, word: &str, rules: &[(&str, &str)], pos: Pos) -> Option<&'static str> {
        let mut candidate = String::with_capacity(word.len() + 2);
        for (suffix, ending) in rules {
            let Some(stem) = word.strip_suffix(suffix) else {
                continue;
            };
            candidate.clear();
            candidate.push_str(stem);
            candidate.push_str(ending);
            if candidate != word
                && let Some(lemma) = self.defined(&candidate, pos)
            {
                return Some(lemma);
            }
        }
        let stem = word
            .strip_suffix("ed")
            .or_else(|| word.strip_suffix("ing"))?;
        (pos == Pos::Verb)
            .then(|| undouble(stem))
            .flatten()
            .and_then(|stem| self.defined(stem, pos))
    }

    /// The class of a lowercase noun lemma's first sense.
    pub(crate) fn noun_class(&self, lemma: &str) -> Option<NounClass> {
        self.nouns.get(lemma).and_then(|noun| noun.class)
    }

    /// Whether one of a lowercase noun lemma's first three senses is a
    /// person ("officer", "miner", "passenger"; not "bridge").
    pub(crate) fn is_person(&self, lemma: &str) -> bool {
        self.nouns.get(lemma).is_some_and(|noun| noun.person)
    }

    #[allow(dead_code)] // WordNet knowledge no rule asks for yet; tested here
    /// The class of a lowercase verb lemma's first sense.
    pub(crate) fn verb_class(&self, lemma: &str) -> Option<VerbClass> {
        self.verbs.get(lemma).copied().flatten()
    }

    #[allow(dead_code)] // WordNet knowledge no rule asks for yet; tested here
    /// The direct antonyms of a lowercase lemma among its first three
    /// senses ("win" -> "lose"), in alphabetical order.
    pub(crate) fn antonyms(&self, lemma: &str, pos: Pos) -> impl Iterator<Item = &'static str> {
        let start = self
            .antonyms
            .partition_point(|&(p, a, _)| (p, a) < (pos, lemma));
        self.antonyms
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&(p, a, _)| p == pos && a == lemma)
            .map(|&(_, _, b)| b)
    }

    #[allow(dead_code)] // WordNet knowledge no rule asks for yet; tested here
    /// Whether two lowercase lemmas are direct antonyms of each other.
    pub(crate) fn are_antonyms(&self, a: &str, b: &str, pos: Pos) -> bool {
        self.antonyms(a, pos).any(|antonym| antonym == b)
    }

    #[allow(dead_code)] // WordNet knowledge no rule asks for yet; tested here
    /// The verb a lowercase noun lemma names the happening of ("death" ->
    /// "die", "resignation" -> "resign"), from its first two senses.
    pub(crate) fn verb_of(&self, noun_lemma: &str) -> Option<&'static str> {
        self.derivations.get(noun_lemma).copied()
    }
}

/// The word lowercased, borrowed when it already is.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The stem without its last letter when that letter is a doubled
/// consonant other than `s`, `f` or `z` ("stopp" -> "stop").
fn undouble(stem: &str) -> Option<&str> {
    let mut letters = stem.chars().rev();
    let last = letters.next()?;
    let consonant = last.is_ascii_lowercase() && !"aeiousfz".contains(last);
    (consonant && letters.next() == Some(last))
        .then(|| stem.strip_suffix(last))
        .flatten()
}

/// Plain English rules for a lowercase word WordNet lacks, or `None` when
/// none fits ("blorfed" -> "blorf", "blorfies" -> "blorfy").
fn guess(word: &str, pos: Pos) -> Option<String> {
    match pos {
        Pos::Noun => guess_noun(word),
        Pos::Verb => {
            guess_suffixed(word, &["ies", "ied"], &["ed", "ing"]).or_else(|| guess_noun(word))
        }
        Pos::Adjective => guess_suffixed(word, &["ier", "iest"], &["est", "er"]),
        Pos::Adverb => None,
    }
}

/// A plural noun's singular: "-ies" -> "-y", "-ches", "-shes", "-sses",
/// "-xes", "-zes" lose "es", other "-s" lose "s" (not "-ss", "-us",
/// "-sis", "-itis": "emojis" is "emoji", "blorfosis" stays).
fn guess_noun(word: &str) -> Option<String> {
    word.chars().nth(3)?; // four letters at least
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    for suffix in ["ches", "shes", "sses", "xes", "zes"] {
        if word.ends_with(suffix) {
            return word.strip_suffix("es").map(str::to_owned);
        }
    }
    if ["ss", "us", "sis", "itis"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        return None;
    }
    word.strip_suffix('s').map(str::to_owned)
}

/// A verb's or adjective's base: a `y_suffixes` ending ("-ied", "-ier")
/// becomes "-y"; else one of `suffixes` goes, a doubled consonant is undone
/// or a silent `e` comes back after the endings that need it.
fn guess_suffixed(word: &str, y_suffixes: &[&str], suffixes: &[&str]) -> Option<String> {
    for suffix in y_suffixes {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.chars().nth(1).is_some()
        {
            return Some(format!("{stem}y"));
        }
    }
    for suffix in suffixes {
        let Some(stem) = word.strip_suffix(suffix) else {
            continue;
        };
        if stem.chars().nth(2).is_none() || !stem.chars().any(is_vowel) {
            return None;
        }
        if let Some(single) = undouble(stem) {
            return Some(single.to_owned());
        }
        let e = SILENT_E.iter().any(|end| stem.ends_with(end));
        return Some(if e {
            format!("{stem}e")
        } else {
            stem.to_owned()
        });
    }
    None
}

/// Whether a letter is a vowel (`y` counts: "dry").
fn is_vowel(letter: char) -> bool {
    "aeiouy".contains(letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lemma of `word` as `pos`.
    fn lemma(word: &str, pos: Pos) -> String {
        WordNet::builtin().lemma(word, pos).into_owned()
    }

    #[test]
    fn verbs_by_exception_and_rule() {
        let cases = [
            ("went", "go"),
            ("was", "be"),
            ("were", "be"),
            ("fled", "flee"),
            ("sought", "seek"),
            ("dying", "die"),
            ("stopped", "stop"),
            ("lying", "lie"),
            ("struck", "strike"),
            ("left", "leave"),
            ("resigned", "resign"),
            ("arrested", "arrest"),
            ("denies", "deny"),
            ("announcing", "announce"),
            ("voted", "vote"),
            ("Collapsed", "collapse"),
            ("has", "have"),
        ];
        for (word, want) in cases {
            assert_eq!(lemma(word, Pos::Verb), want, "{word}");
        }
    }

    #[test]
    fn nouns_by_exception_and_rule() {
        let cases = [
            ("taxes", "tax"),
            ("children", "child"),
            ("people", "people"), // WordNet keeps it: a lemma of its own
            ("crises", "crisis"),
            ("mice", "mouse"),
            ("analyses", "analysis"),
            ("strikes", "strike"),
            ("casualties", "casualty"),
            ("species", "species"),
            ("Officers", "officer"),
            ("churches", "church"),
            ("women", "woman"),
            ("boxesful", "boxful"),
            ("glass", "glass"),
        ];
        for (word, want) in cases {
            assert_eq!(lemma(word, Pos::Noun), want, "{word}");
        }
    }

    #[test]
    fn adjectives_and_adverbs() {
        assert_eq!(lemma("better", Pos::Adjective), "good");
        assert_eq!(lemma("largest", Pos::Adjective), "large");
        assert_eq!(lemma("hotter", Pos::Adjective), "hot");
        assert_eq!(lemma("best", Pos::Adverb), "well");
        assert_eq!(lemma("quickly", Pos::Adverb), "quickly");
    }

    #[test]
    fn unknown_words_by_plain_rules() {
        assert_eq!(lemma("blorfed", Pos::Verb), "blorf");
        assert_eq!(lemma("blorfing", Pos::Verb), "blorf");
        assert_eq!(lemma("blorfs", Pos::Verb), "blorf");
        assert_eq!(lemma("blorfated", Pos::Verb), "blorfate");
        assert_eq!(lemma("blorpped", Pos::Verb), "blorp");
        assert_eq!(lemma("blorfied", Pos::Verb), "blorfy");
        assert_eq!(lemma("blorfies", Pos::Noun), "blorfy");
        assert_eq!(lemma("blorfs", Pos::Noun), "blorf");
        assert_eq!(lemma("blorfus", Pos::Noun), "blorfus");
        assert_eq!(lemma("blorfosis", Pos::Noun), "blorfosis");
        assert_eq!(lemma("emojis", Pos::Noun), "emoji");
        assert_eq!(lemma("blorfer", Pos::Adjective), "blorf");
        assert_eq!(lemma("Zyx", Pos::Noun), "zyx");
    }

    #[test]
    fn lowercase_input_is_borrowed() {
        let wordnet = WordNet::builtin();
        assert!(matches!(wordnet.lemma("zyxw", Pos::Noun), Cow::Borrowed(_)));
        assert!(matches!(
            wordnet.lemma("went", Pos::Verb),
            Cow::Borrowed("go")
        ));
    }

    #[test]
    fn base_forms_stay_when_wordnet_has_them() {
        let wordnet = WordNet::builtin();
        assert_eq!(wordnet.base_lemma("lay", Pos::Verb), "lay");
        assert_eq!(wordnet.lemma("lay", Pos::Verb), "lie");
        assert_eq!(wordnet.base_lemma("are", Pos::Verb), "be");
        assert_eq!(wordnet.base_lemma("Dive", Pos::Noun), "dive");
    }

    #[test]
    fn noun_classes_and_people() {
        let wordnet = WordNet::builtin();
        for person in ["miner", "passenger", "officer", "civilian", "soldier"] {
            assert!(wordnet.is_person(person), "{person}");
        }
        assert!(!wordnet.is_person("bridge"));
        assert!(!wordnet.is_person("blorf"));
        assert_eq!(wordnet.noun_class("bridge"), Some(NounClass::Artifact));
        assert_eq!(wordnet.noun_class("army"), Some(NounClass::Group));
        assert_eq!(wordnet.noun_class("city"), Some(NounClass::Location));
        assert_eq!(wordnet.noun_class("death"), Some(NounClass::Event));
        assert_eq!(wordnet.noun_class("week"), Some(NounClass::Time));
        assert_eq!(wordnet.noun_class("blorf"), None);
        assert_eq!(NounClass::Person.name(), "person");
    }

    #[test]
    fn verb_classes() {
        let wordnet = WordNet::builtin();
        assert_eq!(wordnet.verb_class("say"), Some(VerbClass::Communication));
        assert_eq!(wordnet.verb_class("flee"), Some(VerbClass::Motion));
        assert_eq!(wordnet.verb_class("win"), Some(VerbClass::Competition));
        assert_eq!(wordnet.verb_class("buy"), Some(VerbClass::Possession));
        assert_eq!(wordnet.verb_class("blorf"), None);
    }

    #[test]
    fn antonyms() {
        let wordnet = WordNet::builtin();
        assert!(wordnet.are_antonyms("win", "lose", Pos::Verb));
        assert!(wordnet.are_antonyms("lose", "win", Pos::Verb));
        assert!(wordnet.are_antonyms("accept", "reject", Pos::Verb));
        assert!(wordnet.are_antonyms("acquit", "convict", Pos::Verb));
        assert!(wordnet.are_antonyms("alive", "dead", Pos::Adjective));
        assert!(wordnet.are_antonyms("guilty", "innocent", Pos::Adjective));
        assert!(!wordnet.are_antonyms("win", "lose", Pos::Adjective));
        assert!(!wordnet.are_antonyms("win", "accept", Pos::Verb));
        assert!(wordnet.antonyms("accept", Pos::Verb).any(|a| a == "refuse"));
        assert_eq!(wordnet.antonyms("blorf", Pos::Verb).count(), 0);
    }

    #[test]
    fn derivations() {
        let wordnet = WordNet::builtin();
        let cases = [
            ("death", "die"),
            ("arrest", "arrest"),
            ("killing", "kill"),
            ("collapse", "collapse"),
            ("resignation", "resign"),
            ("explosion", "explode"),
            ("denial", "deny"),
        ];
        for (noun, verb) in cases {
            assert_eq!(wordnet.verb_of(noun), Some(verb), "{noun}");
        }
        assert_eq!(wordnet.verb_of("bridge"), None);
    }

    #[test]
    fn odd_input_never_panics() {
        let wordnet = WordNet::builtin();
        let long = "blorf".repeat(2_000) + "ed";
        let odd = [
            "", "s", "'", "ed", "ing", "🙂", "🙂s", "ÉTÉS", "ßes", "İed", "ies", "\t", &long,
        ];
        for word in odd {
            for pos in [Pos::Noun, Pos::Verb, Pos::Adjective, Pos::Adverb] {
                let _ = wordnet.lemma(word, pos);
                let _ = wordnet.base_lemma(word, pos);
                let _ = wordnet.antonyms(word, pos).count();
            }
            let _ = (wordnet.is_person(word), wordnet.verb_of(word));
        }
        assert_eq!(wordnet.lemma(&long, Pos::Verb).len(), 10_000);
    }

    #[test]
    fn tables_are_whole() {
        let wordnet = WordNet::builtin();
        assert!(wordnet.nouns.len() > 50_000);
        assert!(wordnet.verbs.len() > 8_000);
        assert!(wordnet.adjectives.len() > 20_000);
        assert!(wordnet.exceptions.iter().map(FxHashMap::len).sum::<usize>() > 5_000);
        assert!(wordnet.antonyms.len() > 5_000);
        assert!(wordnet.derivations.len() > 4_000);
        assert!(wordnet.nouns.values().all(|noun| noun.class.is_some()));
        assert!(wordnet.verbs.values().all(Option::is_some));
    }

    /// Prints how long the tables take to parse, the best and the mean of
    /// 20 runs (run with --ignored --nocapture).
    #[test]
    #[ignore]
    fn parse_time() {
        let mut times = Vec::new();
        for _ in 0..20 {
            let start = std::time::Instant::now();
            std::hint::black_box(WordNet::parse());
            times.push(start.elapsed());
        }
        let best = times.iter().min().copied().unwrap_or_default();
        let mean = times.iter().sum::<std::time::Duration>() / 20;
        eprintln!("WordNet::parse: best {best:?}, mean {mean:?}");
    }
}
