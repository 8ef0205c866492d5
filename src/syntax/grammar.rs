//! The closed classes of words the clause reader needs: verbs that report,
//! deny, negate or propose what follows them, subordinators, modals and
//! negators. Data, read from `lexicon/syntax.json` (compiled in).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

use crate::error::{Error, ErrorKind};

const BUILTIN: &str = include_str!("../../lexicon/syntax.json");

/// What a verb does to the clause that depends on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum VerbClass {
    /// Reports speech or writing: "said", "announced".
    Speech,
    /// Reports a belief: "believe", "fear".
    Cognition,
    /// Reports a contested claim: "claimed", "alleged".
    Claim,
    /// Denies what follows: "denied that".
    Denial,
    /// Asks: "asked whether".
    Question,
    /// "failed to", "declined to": the act did not happen.
    Negating,
    /// "seems to", "appeared to".
    Hedging,
    /// "wants to", "urged them to", "plans to": the act is not asserted.
    Proposing,
    /// "is expected to", "is due to", "is set to".
    Expecting,
    /// "continued to", "began to": the act is asserted.
    Transparent,
    /// "called for", "demanded": its object is not asserted to exist.
    IrrealisObject,
    /// "be", "remain": links a subject to a description.
    Copula,
    /// "rose to", "recovered", "confirmed": gives a count as a total.
    Tally,
}

/// How a subordinate clause stands to its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Subordinate {
    /// "if", "unless".
    Conditional,
    /// "whether".
    Question,
    /// "after", "when".
    Time,
    /// "because", "although".
    Cause,
}

/// What a modal verb does to its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ModalForce {
    /// "can": asserted.
    Asserted,
    /// "will": expected.
    Expected,
    /// "may", "might", "could", "would".
    Hedged,
    /// "should", "must".
    Proposed,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct GrammarData {
    verbs: VerbData,
    subordinators: BTreeMap<String, Subordinate>,
    modals: BTreeMap<String, ModalForce>,
    negators: Vec<String>,
    negative_words: Vec<String>,
    hedging_adverbs: Vec<String>,
    irrealis_nouns: Vec<String>,
    content_nouns: Vec<String>,
    other_place: Vec<String>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct VerbData {
    speech: Vec<String>,
    cognition: Vec<String>,
    claim: Vec<String>,
    denial: Vec<String>,
    question: Vec<String>,
    negating: Vec<String>,
    hedging: Vec<String>,
    proposing: Vec<String>,
    expecting: Vec<String>,
    transparent: Vec<String>,
    irrealis_objects: Vec<String>,
    copulas: Vec<String>,
    tally: Vec<String>,
}

/// The word classes, ready for lookup. Words are lower case; verbs are
/// lemmas, and a verb may be in several classes.
#[derive(Debug, Default)]
pub(crate) struct Grammar {
    verbs: HashMap<String, Vec<VerbClass>>,
    subordinators: HashMap<String, Subordinate>,
    modals: HashMap<String, ModalForce>,
    negators: HashMap<String, ()>,
    negative_words: HashMap<String, ()>,
    hedging_adverbs: HashMap<String, ()>,
    irrealis_nouns: HashMap<String, ()>,
    content_nouns: HashMap<String, ()>,
    other_place: HashMap<String, ()>,
}

impl Grammar {
    /// The built-in grammar.
    pub(crate) fn builtin() -> &'static Grammar {
        static BUILT: OnceLock<Grammar> = OnceLock::new();
        BUILT.get_or_init(|| Grammar::from_json(BUILTIN).unwrap_or_default())
    }

    /// Reads the grammar from JSON text.
    pub(crate) fn from_json(text: &str) -> Result<Grammar, Error> {
        let data: GrammarData = serde_json::from_str(text).map_err(|e| {
            Error::new(ErrorKind::Lexicon {
                origin: "lexicon/syntax.json".to_string(),
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })
        })?;
        let mut verbs: HashMap<String, Vec<VerbClass>> = HashMap::default();
        let v = &data.verbs;
        let lists = [
            (&v.speech, VerbClass::Speech),
            (&v.cognition, VerbClass::Cognition),
            (&v.claim, VerbClass::Claim),
            (&v.denial, VerbClass::Denial),
            (&v.question, VerbClass::Question),
            (&v.negating, VerbClass::Negating),
            (&v.hedging, VerbClass::Hedging),
            (&v.proposing, VerbClass::Proposing),
            (&v.expecting, VerbClass::Expecting),
            (&v.transparent, VerbClass::Transparent),
            (&v.irrealis_objects, VerbClass::IrrealisObject),
            (&v.copulas, VerbClass::Copula),
            (&v.tally, VerbClass::Tally),
        ];
        for (words, class) in lists {
            for w in words {
                let classes = verbs.entry(w.to_lowercase()).or_default();
                if !classes.contains(&class) {
                    classes.push(class);
                }
            }
        }
        let set = |words: &[String]| words.iter().map(|w| (w.to_lowercase(), ())).collect();
        Ok(Grammar {
            verbs,
            subordinators: data.subordinators.into_iter().collect(),
            modals: data.modals.into_iter().collect(),
            negators: set(&data.negators),
            negative_words: set(&data.negative_words),
            hedging_adverbs: set(&data.hedging_adverbs),
            irrealis_nouns: set(&data.irrealis_nouns),
            content_nouns: set(&data.content_nouns),
            other_place: set(&data.other_place),
        })
    }

    /// Whether the verb lemma (or "verb particle") is of `class`.
    pub(crate) fn verb_is(&self, lemma: &str, class: VerbClass) -> bool {
        self.verbs.get(lemma).is_some_and(|c| c.contains(&class))
    }

    /// The subordinator's kind, for a lower-case word.
    pub(crate) fn subordinator(&self, word: &str) -> Option<Subordinate> {
        self.subordinators.get(word).copied()
    }

    /// The modal's force, for a lower-case word.
    pub(crate) fn modal(&self, word: &str) -> Option<ModalForce> {
        self.modals.get(word).copied()
    }

    /// "not", "n't", "never".
    pub(crate) fn is_negator(&self, word: &str) -> bool {
        self.negators.contains_key(word)
    }

    /// "no", "nobody", "none".
    pub(crate) fn is_negative_word(&self, word: &str) -> bool {
        self.negative_words.contains_key(word)
    }

    /// A noun whose "of" names what may happen, not what did: "the danger
    /// of a collapse", "a bid for a deal". `lemma` is lower case.
    pub(crate) fn is_irrealis_noun(&self, lemma: &str) -> bool {
        self.irrealis_nouns.contains_key(lemma)
    }

    /// A noun whose "that" clause is someone's claim: "criticism that",
    /// "reports that". `lemma` is lower case.
    pub(crate) fn is_content_noun(&self, lemma: &str) -> bool {
        self.content_nouns.contains_key(lemma)
    }

    /// "elsewhere": a word that moves a clause to another place than the
    /// story's. `word` is lower case.
    pub(crate) fn is_other_place(&self, word: &str) -> bool {
        self.other_place.contains_key(word)
    }

    /// "reportedly", "apparently".
    pub(crate) fn is_hedging_adverb(&self, word: &str) -> bool {
        self.hedging_adverbs.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_data_reads() {
        let g = Grammar::from_json(BUILTIN).unwrap();
        assert!(g.verb_is("say", VerbClass::Speech));
        assert!(g.verb_is("call for", VerbClass::IrrealisObject));
        assert_eq!(g.subordinator("if"), Some(Subordinate::Conditional));
        assert_eq!(g.modal("will"), Some(ModalForce::Expected));
        assert!(g.is_negator("never"));
        assert!(Grammar::from_json("{\"verbs\": 3}").is_err());
    }
}
