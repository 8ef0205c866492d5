//! Sentence boundaries as byte spans.

mod stops;

use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::error::Error;
use crate::span::Span;
use stops::Stops;

/// Splits text into sentences.
///
/// Implementations return spans into the given text, in order, not
/// overlapping, each trimmed of surrounding white space and never empty.
///
/// ```
/// use gainsay::{Segmenter, SentenceSplitter};
///
/// let text = "Talks resumed. Dr. Ana Lopes said so.";
/// let spans = SentenceSplitter::default().segment(text);
/// assert_eq!(&text[spans[1].range()], "Dr. Ana Lopes said so.");
/// ```
pub trait Segmenter: Send + Sync + fmt::Debug {
    /// The sentence spans of `text`.
    fn segment(&self, text: &str) -> Vec<Span>;
}

/// The default splitter for English news text.
///
/// Line structure comes first: a headline, a bullet line or a paragraph is its
/// own sentence, while a line wrapped mid-sentence is joined to the next.
/// Within a block, a sentence ends after '.', '!', '?' or '…' and any closing
/// quotes, before white space and a word that is not in lower case, unless
/// the full stop ends a title ("Dr."), an initial, a dotted name ("U.S."),
/// a list number, or an abbreviation ("p.m.", "Inc.") not followed by a
/// capital. The abbreviations are data: `lexicon/abbreviations.json`, or
/// your own with [`SentenceSplitter::from_json`].
///
/// ```
/// use gainsay::{Segmenter, SentenceSplitter};
///
/// let text = "Talks Stall\nMr. Smith said the U.S. team left at 5 p.m. on Friday. Talks end.";
/// let spans = SentenceSplitter::default().segment(text);
/// let sentences: Vec<&str> = spans.iter().map(|s| &text[s.range()]).collect();
/// assert_eq!(
///     sentences,
///     ["Talks Stall", "Mr. Smith said the U.S. team left at 5 p.m. on Friday.", "Talks end."]
/// );
/// ```
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    stops: Arc<Stops>,
}

impl Default for SentenceSplitter {
    fn default() -> SentenceSplitter {
        static BUILTIN: OnceLock<Arc<Stops>> = OnceLock::new();
        SentenceSplitter {
            stops: Arc::clone(BUILTIN.get_or_init(|| Arc::new(Stops::builtin()))),
        }
    }
}

impl SentenceSplitter {
    /// A splitter with the abbreviations of a JSON text instead of the
    /// built-in ones (`lexicon/abbreviations.json`): `titles` never end a
    /// sentence ("Dr."), `abbreviations` end one only before a capital
    /// ("Inc.", "p.m."). Errors are [`ErrorKind::Lexicon`](crate::ErrorKind::Lexicon).
    ///
    /// ```
    /// use gainsay::{Segmenter, SentenceSplitter};
    ///
    /// let splitter = SentenceSplitter::from_json(r#"{"titles": ["insp"]}"#).unwrap();
    /// let text = "Insp. Vale left. He returned.";
    /// assert_eq!(splitter.segment(text).len(), 2);
    /// assert!(SentenceSplitter::from_json("[").is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<SentenceSplitter, Error> {
        Ok(SentenceSplitter {
            stops: Arc::new(Stops::from_json(text, "<abbreviations>")?),
        })
    }
}

impl Segmenter for SentenceSplitter {
    fn segment(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut pieces = Vec::new();
        for block in blocks(text) {
            pieces.clear();
            if block.len() > MAX_BLOCK {
                pieces.extend(cut(text, block, MAX_BLOCK, true));
            } else {
                pieces.push(block);
            }
            for &piece in &pieces {
                let from = out.len();
                split_block(&self.stops, text, piece, &mut out);
                // Text with no sentence ends is cut into bounded pieces, so
                // that the work per sentence stays bounded.
                if out[from..].iter().any(|s| s.len() > MAX_SENTENCE) {
                    let long: Vec<Span> = out.drain(from..).collect();
                    for span in long {
                        out.extend(cut(text, span, MAX_SENTENCE, false));
                    }
                }
            }
        }
        out
    }
}

/// Blocks longer than this (bytes) are cut before splitting.
const MAX_BLOCK: usize = 64 * 1024;

/// Sentences longer than this (bytes) are cut at white space.
pub(crate) const MAX_SENTENCE: usize = 2_000;

/// `span` in pieces of at most about `max` bytes, cut after white space
/// (preferring white space after '.', '!' or '?' when `at_stops`), each
/// trimmed; the pieces cover all non-white text of the span, in order.
fn cut(text: &str, span: Span, max: usize, at_stops: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let stop = at_stops
            .then(|| window.rfind(['.', '!', '?']).map(|i| i + 1))
            .flatten()
            .filter(|&i| i > max / 2);
        let at = stop
            .or_else(|| window.rfind(char::is_whitespace).filter(|&i| i > 0))
            .unwrap_or(window.len());
        if let Some(piece) = trim(text, Span::new(start, start + at)) {
            out.push(piece);
        }
        start += at;
    }
    if let Some(piece) = trim(text, Span::new(start, span.end)) {
        out.push(piece);
    }
    out
}

/// Splits the text at line breaks that end a sentence.
fn blocks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        pos += line.len();
        let next = lines.peek().copied().unwrap_or("");
        if lines.peek().is_none() || line_ends_sentence(line, next) {
            out.push(Span::new(start, pos));
            start = pos;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn line_ends_sentence(line: &str, next: &str) -> bool {
    let line = line.trim();
    let next = next.trim();
    if line.is_empty() || next.is_empty() || is_bullet(line) || is_bullet(next) {
        return true;
    }
    let ends_closed = line.ends_with(|c: char| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '"' | '\u{201d}' | '\u{2019}' | ')'
        )
    });
    let next_opens = next
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || is_opening_quote(c));
    // An unclosed line followed by a capital is a headline when it is
    // title-like or short; a long one was wrapped mid-sentence.
    ends_closed || (next_opens && (is_title_like(line) || line.len() < HEADLINE_MAX))
}

/// Unclosed lines shorter than this, followed by a capital, are headlines.
const HEADLINE_MAX: usize = 60;

fn is_title_like(line: &str) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(|c| !c.is_lowercase());
    let words: Vec<&str> = line.split_whitespace().collect();
    let last_capital = words.last().is_some_and(|w| capital(w));
    let capitals = words.iter().filter(|w| capital(w)).count();
    last_capital || capitals * 2 > words.len()
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\'')
}

fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '\u{2022}' | '\u{2013}' | '\u{2014}' | '\u{25cf}') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        _ => false,
    }
}

fn split_block(stops: &Stops, text: &str, block: Span, out: &mut Vec<Span>) {
    let Some(slice) = text.get(block.range()) else {
        return;
    };
    let mut start = 0;
    stops.each(slice, |end, next| {
        if let Some(trimmed) = trim(slice, Span::new(start, end)) {
            out.push(trimmed.shift(block.start));
        }
        start = next;
    });
    if let Some(trimmed) = trim(slice, Span::new(start, slice.len())) {
        out.push(trimmed.shift(block.start));
    }
}

/// The span without surrounding white space; `None` when nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let inner = text.get(span.range())?;
    let started = inner.trim_start();
    let lead = inner.len() - started.len();
    let kept = started.trim_end();
    (!kept.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + kept.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        SentenceSplitter::default()
            .segment(text)
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Dr. Jones met Mrs. Lee on Jan. 5 in the U.S. capital. They spoke."),
            [
                "Dr. Jones met Mrs. Lee on Jan. 5 in the U.S. capital.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split(
                "\u{201c}We are close,\u{201d} she said. \u{201c}Very close.\u{201d} Then she left."
            ),
            [
                "\u{201c}We are close,\u{201d} she said.",
                "\u{201c}Very close.\u{201d}",
                "Then she left."
            ]
        );
    }

    #[test]
    fn headlines_and_bullets_are_sentences() {
        assert_eq!(
            split(
                "Vote Delayed Again\n- Parliament adjourns\n- Speaker resigns\nThe session ended."
            ),
            [
                "Vote Delayed Again",
                "- Parliament adjourns",
                "- Speaker resigns",
                "The session ended."
            ]
        );
    }

    #[test]
    fn wrapped_lines_are_joined() {
        assert_eq!(
            split(
                "The committee, which had been expected to rule last month, met on\nTuesday and the vote went ahead."
            ),
            [
                "The committee, which had been expected to rule last month, met on\nTuesday and the vote went ahead."
            ]
        );
    }

    #[test]
    fn sentence_case_headlines_are_sentences() {
        assert_eq!(
            split("Budget vote delayed as talks stall\nThe vote was moved to May."),
            [
                "Budget vote delayed as talks stall",
                "The vote was moved to May."
            ]
        );
    }

    #[test]
    fn long_text_without_stops_is_cut_into_bounded_pieces() {
        let text = "word ".repeat(2_000);
        let spans = SentenceSplitter::default().segment(&text);
        assert!(spans.len() > 1);
        assert!(spans.iter().all(|s| s.len() <= MAX_SENTENCE));
        let joined: String = spans
            .iter()
            .map(|s| &text[s.range()])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, text.trim());
        let wide = "\u{00e9}".repeat(3_000);
        let spans = SentenceSplitter::default().segment(&wide);
        assert_eq!(spans.iter().map(|s| s.len()).sum::<usize>(), wide.len());
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split(" \n\n\t ").is_empty());
        assert_eq!(split("no punctuation at all"), ["no punctuation at all"]);
    }
}
