//! Phrases: a tagged sentence cut into noun phrases, verb groups and the
//! words between them.

use std::borrow::Cow;

use super::grammar::{Grammar, ModalForce, VerbClass};
use super::lemma::lemma;
use super::tag::Tag;
use super::token::Token;

/// A noun phrase: "the chief executive", "Kestrel Motors' two plants",
/// "none of the miners".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NounPhrase {
    /// Its first token.
    pub(crate) start: usize,
    /// One past its last token.
    pub(crate) end: usize,
    /// The head: the last noun, number or pronoun.
    pub(crate) head: usize,
    /// Opens with "no", "none of", "nobody".
    pub(crate) negative: bool,
    /// Counts part of a group: "two of the miners", "many of them".
    pub(crate) partitive: bool,
}

/// What a verb group says of its verb.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct VerbGroup {
    /// Its first token.
    pub(crate) start: usize,
    /// One past its last token.
    pub(crate) end: usize,
    /// The main verb: "resign" in "has not resigned", "pay" in "failed to
    /// pay".
    pub(crate) main: usize,
    /// A particle after it: "down" in "broke down".
    pub(crate) particle: Option<usize>,
    /// "not", "n't", "never", "no longer", "failed to", "has yet to".
    pub(crate) negated: bool,
    /// "was arrested".
    pub(crate) passive: bool,
    /// The modal's force, when there is one.
    pub(crate) modal: Option<ModalForce>,
    /// The modal's token.
    pub(crate) modal_at: Option<usize>,
    /// The strongest class among the verbs before the main one ("wants
    /// to", "is expected to", "seems to").
    pub(crate) catenative: Option<VerbClass>,
    /// A "to" infinitive with nothing finite before it.
    pub(crate) infinitive: bool,
    /// No auxiliary and a participle: "the man arrested on Monday".
    pub(crate) participle: bool,
    /// "reportedly", "apparently" inside the group.
    pub(crate) hedged: bool,
}

/// One piece of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Chunk {
    /// A noun phrase.
    Noun(NounPhrase),
    /// A verb group.
    Verb(VerbGroup),
    /// An adjective after a verb: "open" in "the road is open".
    Adjective(usize),
    /// Any other token: prepositions, conjunctions, punctuation, adverbs.
    Word(usize),
}

/// The tagged sentence read into phrases.
pub(crate) struct Reader<'s, 'a> {
    pub(crate) tokens: &'s [Token<'a>],
    pub(crate) tags: &'s [Tag],
    pub(crate) grammar: &'s Grammar,
    /// Each token lower case, and its lemma read with its tag: made once
    /// per sentence, asked for often.
    pub(crate) words: &'s Words<'a>,
}

/// Each token of a sentence lower case, and its lemma.
#[derive(Debug, Default)]
pub(crate) struct Words<'a> {
    pub(crate) lower: Vec<Cow<'a, str>>,
    pub(crate) lemma: Vec<Cow<'a, str>>,
}

impl<'a> Words<'a> {
    /// The words of tagged tokens.
    pub(crate) fn new(tokens: &[Token<'a>], tags: &[Tag]) -> Words<'a> {
        let lower = tokens.iter().map(|t| lowercase(t.text)).collect();
        let lemma = tokens
            .iter()
            .zip(tags)
            .map(|(t, &tag)| match tag {
                _ if tag.is_verb() || tag.is_noun() || tag.is_adjective() => lemma(t.text, tag),
                _ => lowercase(t.text),
            })
            .collect();
        Words { lower, lemma }
    }
}

/// A word lower case, borrowed when it has no capitals.
fn lowercase(word: &str) -> Cow<'_, str> {
    match word.chars().any(char::is_uppercase) {
        true => Cow::Owned(word.to_lowercase()),
        false => Cow::Borrowed(word),
    }
}

impl Reader<'_, '_> {
    pub(crate) fn tag(&self, i: usize) -> Option<Tag> {
        self.tags.get(i).copied()
    }

    pub(crate) fn lower(&self, i: usize) -> &str {
        self.words.lower.get(i).map_or("", |w| w.as_ref())
    }

    /// The lemma of token `i` read with its tag.
    pub(crate) fn lemma(&self, i: usize) -> &str {
        self.words.lemma.get(i).map_or("", |w| w.as_ref())
    }

    /// The sentence's chunks, in order.
    pub(crate) fn chunks(&self) -> Vec<Chunk> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            let (chunk, next) = self.chunk_at(i, out.last());
            out.push(chunk);
            i = next.max(i + 1);
        }
        out
    }

    fn chunk_at(&self, i: usize, last: Option<&Chunk>) -> (Chunk, usize) {
        if let Some(np) = self.noun_phrase(i) {
            let end = np.end;
            return (Chunk::Noun(np), end);
        }
        if let Some(vg) = self.verb_group(i) {
            let end = vg.end;
            return (Chunk::Verb(vg), end);
        }
        let after_verb = matches!(last, Some(Chunk::Verb(_)));
        match self.tag(i) {
            Some(t) if t.is_adjective() && after_verb => (Chunk::Adjective(i), i + 1),
            _ => (Chunk::Word(i), i + 1),
        }
    }
}
