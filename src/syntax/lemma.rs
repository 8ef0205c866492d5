//! Lemmas by rule, until the WordNet tables land.

use std::borrow::Cow;

use super::tag::Tag;

/// The lemma of `word` read as `tag`, lower case.
pub(crate) fn lemma(word: &str, tag: Tag) -> Cow<'_, str> {
    let lower = word.to_lowercase();
    let out = match tag {
        Tag::VBD | Tag::VBN | Tag::VBG | Tag::VBZ | Tag::VBP | Tag::VB => verb(&lower),
        Tag::NNS => lower
            .strip_suffix("ies")
            .map(|s| format!("{s}y"))
            .or_else(|| lower.strip_suffix('s').map(str::to_string))
            .unwrap_or(lower),
        _ => lower,
    };
    Cow::Owned(out)
}

fn verb(w: &str) -> String {
    match w {
        "is" | "are" | "was" | "were" | "am" | "been" | "being" | "'s" | "'re" | "’s" | "’re" => {
            "be".into()
        }
        "has" | "had" | "having" => "have".into(),
        "did" | "does" | "done" => "do".into(),
        "said" => "say".into(),
        "told" => "tell".into(),
        "went" | "gone" => "go".into(),
        _ => w
            .strip_suffix("ied")
            .map(|s| format!("{s}y"))
            .or_else(|| w.strip_suffix("ed").map(str::to_string))
            .or_else(|| w.strip_suffix("ing").map(str::to_string))
            .or_else(|| w.strip_suffix('s').map(str::to_string))
            .unwrap_or_else(|| w.to_string()),
    }
}
