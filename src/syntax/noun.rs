//! Noun phrases: determiners, numbers, adjectives and nouns up to a head,
//! a possessor before "'s", and "two of the miners" read as one phrase.

use super::phrase::{NounPhrase, Reader};
use super::tag::Tag;

/// Words that stand for a noun phrase on their own: "both were hurt".
const PRONOUN_DETERMINERS: [&str; 16] = [
    "this", "that", "these", "those", "all", "both", "some", "none", "each", "any", "many", "few",
    "several", "most", "another", "neither",
];

/// Heads that count part of what follows "of": "many of the miners".
const PARTITIVE_HEADS: [&str; 20] = [
    "none",
    "some",
    "many",
    "most",
    "all",
    "both",
    "several",
    "few",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "majority",
    "half",
    "rest",
    "one",
    "each",
    "any",
    "millions",
    "number",
];

impl Reader<'_, '_> {
    /// The noun phrase that starts at token `i`, if one does.
    pub(crate) fn noun_phrase(&self, i: usize) -> Option<NounPhrase> {
        if !self.opens_noun_phrase(i) {
            return None;
        }
        let mut j = i;
        let mut head = None;
        while self.continues_noun_phrase(i, j, head) {
            if self.tag(j).is_some_and(is_head_tag) {
                head = Some(j);
            }
            j += 1;
        }
        let head = head.or_else(|| self.pronoun_determiner(i, j))?;
        let negative = self.grammar.is_negative_word(self.lower(i));
        let np = NounPhrase {
            start: i,
            end: j,
            head,
            negative,
            partitive: false,
        };
        Some(self.partitive(np))
    }

    /// Whether a noun phrase may open at `i`.
    fn opens_noun_phrase(&self, i: usize) -> bool {
        let Some(tag) = self.tag(i) else { return false };
        match tag {
            Tag::DT | Tag::PDT | Tag::PRPS | Tag::CD | Tag::NN | Tag::NNS | Tag::NNP => true,
            Tag::Dollar => self.tag(i + 1) == Some(Tag::CD),
            Tag::NNPS | Tag::PRP | Tag::EX | Tag::JJ | Tag::JJR | Tag::JJS => true,
            // "the revised offer" opens at "the"; "revised offers" at sentence
            // start is rare enough to leave.
            _ => false,
        }
    }

    /// Whether token `j` belongs to the phrase that opened at `i`.
    fn continues_noun_phrase(&self, i: usize, j: usize, head: Option<usize>) -> bool {
        let Some(tag) = self.tag(j) else { return false };
        if j == i {
            return true;
        }
        let prev = self.tag(j - 1);
        let after_head = head.is_some() && prev.is_some_and(is_head_tag);
        match tag {
            // A pronoun is a phrase of its own; so is the word after it.
            _ if prev == Some(Tag::PRP) => false,
            Tag::PRP | Tag::EX => false,
            // "the talks the minister ...": a new article, a new phrase.
            Tag::DT | Tag::PDT | Tag::PRPS => false,
            Tag::POS => head.is_some(),
            Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS => true,
            Tag::CD => !after_head || prev.is_some_and(Tag::is_proper),
            // "three dead miners": a number, then what describes the noun.
            Tag::JJ | Tag::JJR | Tag::JJS => {
                !after_head || matches!(prev, Some(Tag::POS | Tag::CD))
            }
            // "the revised offer": a participle between a modifier and a noun.
            Tag::VBN | Tag::VBG => {
                (!after_head || prev == Some(Tag::CD))
                    && prev.is_some_and(|p| {
                        matches!(
                            p,
                            Tag::DT | Tag::JJ | Tag::PRPS | Tag::CD | Tag::POS | Tag::RB
                        )
                    })
                    && self
                        .tag(j + 1)
                        .is_some_and(|n| n.is_noun() || n.is_adjective())
            }
            // "Marks & Spencer".
            Tag::CC => {
                self.lower(j) == "&"
                    && prev.is_some_and(Tag::is_proper)
                    && self.tag(j + 1).is_some_and(Tag::is_proper)
            }
            // "a $24 billion accord": a currency sign before its number.
            Tag::Dollar => !after_head && self.tag(j + 1) == Some(Tag::CD),
            // "an 8-5 loss", "a well-known firm": adverbs before adjectives.
            Tag::RB => !after_head && self.tag(j + 1).is_some_and(Tag::is_adjective),
            _ => false,
        }
    }

    /// A lone determiner that stands for a noun phrase: "both", "none".
    fn pronoun_determiner(&self, i: usize, j: usize) -> Option<usize> {
        let lone = j == i + 1 && PRONOUN_DETERMINERS.contains(&self.lower(i));
        lone.then_some(i)
    }

    /// "two of the miners", "none of them": one phrase, headed by the
    /// group, counting part of it.
    fn partitive(&self, np: NounPhrase) -> NounPhrase {
        let quantity = np.end - np.start <= 2
            && (self.tag(np.head) == Some(Tag::CD)
                || PARTITIVE_HEADS.contains(&self.lower(np.head)));
        if !quantity || self.lower(np.end) != "of" {
            return np;
        }
        let Some(inner) = self.noun_phrase(np.end + 1) else {
            return np;
        };
        let all = matches!(self.lower(np.head), "all" | "both" | "each");
        NounPhrase {
            start: np.start,
            end: inner.end,
            head: inner.head,
            negative: np.negative || self.lower(np.head) == "none",
            partitive: !all,
        }
    }
}

/// A tag that can head a noun phrase.
fn is_head_tag(tag: Tag) -> bool {
    tag.is_noun() || matches!(tag, Tag::CD | Tag::PRP | Tag::EX)
}
