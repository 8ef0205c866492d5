//! Where a sentence ends inside a block of running text: after '.', '!',
//! '?' or '…' (with any closing quotes or brackets), before white space and
//! a word that may start a sentence, unless the full stop ends an
//! abbreviation, an initial or a list number.

use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

use crate::error::{Error, ErrorKind};

/// The built-in abbreviations.
const BUILTIN: &str = include_str!("../../lexicon/abbreviations.json");

/// The abbreviation lists as written in JSON.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StopsData {
    /// Come before a name: never end a sentence ("Dr.", "Gen.").
    #[serde(default)]
    titles: Vec<String>,
    /// End a sentence only before a capital ("Inc.", "Jan.", "p.m.").
    #[serde(default)]
    abbreviations: Vec<String>,
}

/// The abbreviations that decide whether a full stop ends a sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stops {
    titles: HashSet<Box<str>>,
    abbreviations: HashSet<Box<str>>,
}

const ELLIPSIS: &str = "\u{2026}";

/// A searcher for [`ELLIPSIS`], built once.
static ELLIPSES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(ELLIPSIS));

/// Longest abbreviation looked up, in bytes; longer words are none.
const MAX_WORD: usize = 16;

impl Stops {
    /// The built-in lists. They are tested to parse; were they broken, no
    /// abbreviation would be known, which splits more but loses nothing.
    pub(crate) fn builtin() -> Stops {
        Stops::from_json(BUILTIN, "lexicon/abbreviations.json").unwrap_or_default()
    }

    /// Lists read from JSON; errors name `origin` and the line.
    pub(crate) fn from_json(text: &str, origin: &str) -> Result<Stops, Error> {
        let data: StopsData = serde_json::from_str(text).map_err(|e| {
            Error::new(ErrorKind::Lexicon {
                origin: origin.to_string(),
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })
        })?;
        let set = |words: Vec<String>| {
            words
                .into_iter()
                .map(|w| w.trim().trim_end_matches('.').to_lowercase())
                .filter(|w| !w.is_empty() && w.len() <= MAX_WORD)
                .map(String::into_boxed_str)
                .collect()
        };
        Ok(Stops {
            titles: set(data.titles),
            abbreviations: set(data.abbreviations),
        })
    }

    /// Calls `found(end, next)` for each sentence end in `block`: the
    /// sentence ends before byte `end`, the next one starts at `next`.
    pub(crate) fn each(&self, block: &str, mut found: impl FnMut(usize, usize)) {
        let bytes = block.as_bytes();
        let mut start = 0;
        let mut i = 0;
        // The next '…', looked for again once passed.
        let mut ellipsis = ELLIPSES.find(bytes);
        loop {
            if ellipsis.is_some_and(|e| e < i) {
                ellipsis = bytes
                    .get(i..)
                    .and_then(|rest| ELLIPSES.find(rest))
                    .map(|p| p + i);
            }
            let stop = bytes
                .get(i..)
                .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
                .map(|p| p + i);
            let Some(at) = stop.into_iter().chain(ellipsis).min() else {
                return;
            };
            i = at;
            let Some(first) = terminator(bytes, i) else {
                i += 1;
                continue;
            };
            // The run of terminators ("?!", "..."), then closing marks.
            let mut end = i + first;
            while let Some(n) = terminator(bytes, end) {
                end += n;
            }
            while let Some(n) = closer(bytes, end) {
                end += n;
            }
            let Some(space) = block.get(end..).and_then(|rest| rest.chars().next()) else {
                return;
            };
            if !space.is_whitespace() {
                i = end;
                continue;
            }
            let rest = block.get(end..).unwrap_or("");
            let after = rest.trim_start();
            let next_at = end + (rest.len() - after.len());
            let Some(next) = after.chars().next() else {
                return;
            };
            // One full stop, maybe closed ("(ret.)"): an abbreviation may end there.
            let single_stop = bytes.get(i) == Some(&b'.') && terminator(bytes, i + 1).is_none();
            let word = word_before(block, start, i);
            if self.ends(word, single_stop, next) {
                found(end, next_at);
                start = next_at;
            }
            i = next_at;
        }
    }

    /// Whether a terminator after `word` ends the sentence, when `next` is
    /// the first character after the white space.
    fn ends(&self, word: Word<'_>, single_stop: bool, next: char) -> bool {
        if next.is_lowercase() {
            return false;
        }
        if !single_stop {
            return true;
        }
        let text = word.text;
        let mut letters = text.chars().filter(|c| c.is_alphabetic());
        // "J. K. Rowling", "George W. Bush".
        let initial = text.chars().count() == 1 && text.chars().all(char::is_uppercase);
        // "U.S.", "U.N.": a name, not an end.
        let dotted = text.contains('.');
        if initial || (dotted && letters.all(char::is_uppercase)) {
            return false;
        }
        // "1. The first point" at the start of a sentence.
        if !text.is_empty()
            && text.len() <= 3
            && text.bytes().all(|b| b.is_ascii_digit())
            && word.is_first()
        {
            return false;
        }
        if text.is_empty() || text.len() > MAX_WORD {
            return true;
        }
        let mut buf = [0u8; MAX_WORD * 4];
        let lower = lower_into(text, &mut buf);
        if self.titles.contains(lower) {
            return false;
        }
        if dotted || self.abbreviations.contains(lower) {
            return next.is_uppercase() || is_opening_quote(next);
        }
        true
    }
}

/// The word before a terminator, and the sentence's text before it.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
    before: &'a str,
}

impl Word<'_> {
    /// Whether the word is the first of its sentence, after any bullet.
    fn is_first(&self) -> bool {
        self.before
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '\u{2022}'))
    }
}

/// The word ending at `at`, without opening quotes or brackets.
fn word_before(block: &str, start: usize, at: usize) -> Word<'_> {
    let before = block.get(start..at).unwrap_or("");
    let from = before.rfind(|c: char| c.is_whitespace()).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    });
    let raw = &before[from..];
    let text = raw.trim_start_matches(|c: char| {
        matches!(c, '(' | '[' | '"' | '\'' | '\u{201c}' | '\u{2018}')
    });
    Word {
        text,
        before: &before[..from],
    }
}

/// Bytes of the terminator at `i`: '.', '!', '?' or '…'.
fn terminator(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'.' | b'!' | b'?' => Some(1),
        0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA6]) => Some(3),
        _ => None,
    }
}

/// Bytes of the closing quote or bracket at `i`.
fn closer(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' | b'\'' | b')' | b']' => Some(1),
        // '”' and '’'.
        0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x9D | 0x99])) => Some(3),
        _ => None,
    }
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}')
}

/// `word` in lower case, in `buf` when it fits; the word itself otherwise.
fn lower_into<'b>(word: &'b str, buf: &'b mut [u8]) -> &'b str {
    if word.is_ascii() {
        let Some(slot) = buf.get_mut(..word.len()) else {
            return word;
        };
        slot.copy_from_slice(word.as_bytes());
        slot.make_ascii_lowercase();
        return std::str::from_utf8(slot).unwrap_or(word);
    }
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let n = c.len_utf8();
        let Some(slot) = buf.get_mut(len..len + n) else {
            return word;
        };
        c.encode_utf8(slot);
        len += n;
    }
    std::str::from_utf8(buf.get(..len).unwrap_or_default()).unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        Stops::builtin().each(text, |end, next| {
            out.push(&text[start..end]);
            start = next;
        });
        out.push(&text[start..]);
        out
    }

    #[test]
    fn builtin_lists_parse() {
        let stops = Stops::from_json(BUILTIN, "builtin").unwrap();
        assert!(stops.titles.contains("dr"));
        assert!(stops.abbreviations.contains("p.m"));
    }

    #[test]
    fn bad_lists_are_typed_errors_with_a_line() {
        let err = Stops::from_json("{\n \"titles\": 3 }", "x.json").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Lexicon { line: 2, .. }));
    }

    #[test]
    fn titles_and_initials_never_end_a_sentence() {
        assert_eq!(
            split("Gen. Ivo Marsh met Sen. Lee. J. R. Okafor and George W. Bush spoke."),
            [
                "Gen. Ivo Marsh met Sen. Lee.",
                "J. R. Okafor and George W. Bush spoke."
            ]
        );
    }

    #[test]
    fn abbreviations_end_a_sentence_only_before_a_capital() {
        assert_eq!(
            split(
                "Shares of Acme Inc. rose on Jan. 4 at 9 a.m. local time. Acme Inc. The firm said no."
            ),
            [
                "Shares of Acme Inc. rose on Jan. 4 at 9 a.m. local time.",
                "Acme Inc.",
                "The firm said no."
            ]
        );
        assert_eq!(
            split("It ran until 6 p.m. Police then left."),
            ["It ran until 6 p.m.", "Police then left."]
        );
    }

    #[test]
    fn names_with_dots_and_numbers_do_not_end_a_sentence() {
        assert_eq!(
            split("The U.N. Security Council met. Growth was 2.5 per cent."),
            ["The U.N. Security Council met.", "Growth was 2.5 per cent."]
        );
        assert_eq!(
            split("1. The port reopened. 2. Ships left."),
            ["1. The port reopened.", "2. Ships left."]
        );
    }

    #[test]
    fn a_common_word_before_a_stop_ends_the_sentence() {
        assert_eq!(
            split(
                "The vote was moved to May. Critics objected. The toll rose to 40. 12 more died."
            ),
            [
                "The vote was moved to May.",
                "Critics objected.",
                "The toll rose to 40.",
                "12 more died."
            ]
        );
    }

    #[test]
    fn questions_exclamations_and_ellipses() {
        assert_eq!(
            split(
                "Was it fair? \"Who pays?\" asked a driver. It rose... but only just! Really\u{2026} Yes?! No."
            ),
            [
                "Was it fair?",
                "\"Who pays?\" asked a driver.",
                "It rose... but only just!",
                "Really\u{2026}",
                "Yes?!",
                "No."
            ]
        );
    }

    #[test]
    fn closing_marks_stay_with_their_sentence() {
        assert_eq!(
            split(
                "He called it \u{201c}final.\u{201d} Talks ended. Gen. Moss (ret.) agreed. (It rained.) Then fog."
            ),
            [
                "He called it \u{201c}final.\u{201d}",
                "Talks ended.",
                "Gen. Moss (ret.) agreed.",
                "(It rained.)",
                "Then fog."
            ]
        );
    }

    #[test]
    fn odd_text_is_kept_whole() {
        assert_eq!(split(""), [""]);
        assert_eq!(split("..."), ["..."]);
        assert_eq!(split("a. . ."), ["a.", ".", "."]);
        assert_eq!(
            split("\u{e9}. \u{c9}t\u{e9}."),
            ["\u{e9}.", "\u{c9}t\u{e9}."]
        );
    }
}
