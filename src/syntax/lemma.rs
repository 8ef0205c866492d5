//! A tagged word's lemma, from WordNet: "went"/VBD is "go", "taxes"/NNS is
//! "tax", "better"/JJR is "good".

use std::borrow::Cow;

use super::tag::Tag;
use crate::wordnet::{Pos, WordNet, lowercase};

/// The lemma of a word with its Penn tag, lowercase: verbs (VB*) by their
/// verb lemma ("was" -> "be", "'s"/VBZ -> "be"), common nouns (NN, NNS) by
/// their noun lemma, comparatives and superlatives (JJR, JJS) by their
/// adjective lemma; proper nouns and every other tag give the word
/// lowercased. A word in its base form (VB, VBP, NN) that WordNet has as a
/// lemma stays itself ("lay"/VB, "dive"/NN).
pub(crate) fn lemma<'a>(word: &'a str, tag: Tag) -> Cow<'a, str> {
    let wordnet = WordNet::builtin();
    match tag {
        Tag::VB | Tag::VBP | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBZ => {
            if let Some(lemma) = contraction(word, tag) {
                return Cow::Borrowed(lemma);
            }
            if matches!(tag, Tag::VB | Tag::VBP) {
                wordnet.base_lemma(word, Pos::Verb)
            } else {
                wordnet.lemma(word, Pos::Verb)
            }
        }
        Tag::NN => wordnet.base_lemma(word, Pos::Noun),
        Tag::NNS => wordnet.lemma(word, Pos::Noun),
        Tag::JJR | Tag::JJS => wordnet.lemma(word, Pos::Adjective),
        _ => lowercase(word),
    }
}

/// The verb a clitic stands for, with either apostrophe: "'s" (VBZ), "'re",
/// "'m" and the "ai" of "ain't" are "be"; "'ve", and "'d" as VBD, "have".
/// "n't" and anything else is no contraction here.
fn contraction(word: &str, tag: Tag) -> Option<&'static str> {
    let clitic = word
        .strip_prefix('\'')
        .or_else(|| word.strip_prefix('\u{2019}'))
        .map(str::to_ascii_lowercase);
    match (clitic.as_deref(), tag) {
        (Some("s"), Tag::VBZ) | (Some("re" | "m"), _) => Some("be"),
        (Some("ve"), _) | (Some("d"), Tag::VBD) => Some("have"),
        (None, _) if word.eq_ignore_ascii_case("ai") => Some("be"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagged_words() {
        let cases = [
            ("went", Tag::VBD, "go"),
            ("Was", Tag::VBD, "be"),
            ("is", Tag::VBZ, "be"),
            ("'s", Tag::VBZ, "be"),
            ("\u{2019}re", Tag::VBP, "be"),
            ("'ve", Tag::VBP, "have"),
            ("are", Tag::VBP, "be"),
            ("n't", Tag::RB, "n't"),
            ("left", Tag::VBD, "leave"),
            ("left", Tag::JJ, "left"),
            ("struck", Tag::VBD, "strike"),
            ("strikes", Tag::NNS, "strike"),
            ("strikes", Tag::VBZ, "strike"),
            ("resigned", Tag::VBD, "resign"),
            ("lay", Tag::VB, "lay"),
            ("lay", Tag::VBD, "lie"),
            ("better", Tag::JJR, "good"),
            ("best", Tag::JJS, "good"),
            ("better", Tag::RBR, "better"),
            ("Officers", Tag::NNS, "officer"),
            ("Paris", Tag::NNP, "paris"),
            ("Yankees", Tag::NNPS, "yankees"),
            ("blorfed", Tag::VBD, "blorf"),
            ("people", Tag::NNS, "people"),
        ];
        for (word, tag, want) in cases {
            assert_eq!(lemma(word, tag), want, "{word}/{tag:?}");
        }
    }

    #[test]
    fn odd_input_never_panics() {
        let long = "é".repeat(5_000);
        for word in ["", "'", "\u{2019}", "🙂", "'🙂", long.as_str()] {
            for tag in crate::syntax::tag::ALL {
                let _ = lemma(word, tag);
            }
        }
    }
}
