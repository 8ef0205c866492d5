//! Words as the Penn Treebank splits them: punctuation apart, "n't" and
//! "'s" apart from the word they end, spans into the sentence.

use crate::span::Span;

/// One token: its text and where it lies in the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The token's text, a slice of the sentence.
    pub(crate) text: &'a str,
    /// Byte span in the sentence.
    pub(crate) span: Span,
}

/// Endings split off a word ("did|n't", "Kestrel|'s"), longest first.
const CLITICS: [&str; 14] = [
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
];

/// Characters that always stand alone.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | '‘'
            | '«'
            | '»'
            | '—'
            | '–'
            | '…'
            | '$'
            | '£'
            | '€'
            | '¥'
            | '#'
            | '%'
    )
}

/// Splits `s` into tokens, appending them to `out` (which is cleared).
pub(crate) fn tokenize_into<'a>(s: &'a str, out: &mut Vec<Token<'a>>) {
    out.clear();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(b) = start.take() {
                piece(s, b, i, out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(b) = start {
        // The sentence's last full stop is its own, after "Mr" or "Velm"
        // alike; only a word with stops inside ("U.S.") keeps it.
        let end = s.len();
        match s.get(b..end) {
            Some(w)
                if w.len() > 2 && w.ends_with('.') && !w.trim_end_matches('.').contains('.') =>
            {
                piece(s, b, end - 1, out);
                push(s, end - 1, end, out);
            }
            _ => piece(s, b, end, out),
        }
    }
}

/// Tokens of one run of non-space text `s[from..to]`.
fn piece<'a>(s: &'a str, mut from: usize, mut to: usize, out: &mut Vec<Token<'a>>) {
    // Marks cut off the end, last first; a run rarely has more than a few.
    let mut tail = [(0, 0); 8];
    let mut cut = 0;
    loop {
        let Some(w) = s.get(from..to) else { return };
        let Some(first) = w.chars().next() else { break };
        let last = w.chars().next_back().unwrap_or(first);
        if is_opening(first, w) {
            push(s, from, from + first.len_utf8(), out);
            from += first.len_utf8();
        } else if w.len() > last.len_utf8() && is_closing(last, w) && cut < tail.len() {
            if let Some(slot) = tail.get_mut(cut) {
                *slot = (to - last.len_utf8(), to);
            }
            cut += 1;
            to -= last.len_utf8();
        } else {
            break;
        }
    }
    if let Some(w) = s.get(from..to)
        && !w.is_empty()
    {
        word(s, from, to, w, out);
    }
    for &(a, b) in tail.iter().take(cut).rev() {
        push(s, a, b, out);
    }
}

/// A mark at the start of a run that stands apart: quotes, brackets,
/// currency signs; "'" only before a letter (a quote, not "'90s").
fn is_opening(c: char, w: &str) -> bool {
    (is_mark(c) && w.len() > c.len_utf8()) || (c == '\'' && w.len() > 1)
}

/// A mark at the end of a run that stands apart; a full stop only where
/// the word is no abbreviation ("U.S.", "Inc.", "p.m.").
fn is_closing(c: char, w: &str) -> bool {
    match c {
        '.' => !abbreviation(w),
        '\'' | '’' => !w.ends_with("s'") && !w.ends_with("s’") || w.len() < 3,
        '$' | '£' | '€' | '¥' | '#' => false,
        _ => is_mark(c),
    }
}

/// "U.S.", "a.m.", "Mr.", "Inc.": a full stop that belongs to the word.
fn abbreviation(w: &str) -> bool {
    let core = w.trim_end_matches('.');
    let inner = core.contains('.');
    let short_title = core.len() <= 4
        && core.chars().next().is_some_and(char::is_uppercase)
        && core.chars().all(char::is_alphabetic)
        && !core.chars().all(char::is_uppercase);
    inner || short_title || (core.len() == 1 && core.chars().all(char::is_alphabetic))
}

/// A word, with a clitic split off its end and "--" or "..." apart.
fn word<'a>(s: &'a str, from: usize, to: usize, w: &str, out: &mut Vec<Token<'a>>) {
    if w.len() > 2 && (w.starts_with("--") || w == "...") {
        return push(s, from, to, out);
    }
    // "cannot" is "can|not".
    if w.eq_ignore_ascii_case("cannot") {
        push(s, from, from + 3, out);
        return push(s, from + 3, to, out);
    }
    let lower_ends = |c: &str| w.len() > c.len() && ends_with_ignore_case(w, c);
    match CLITICS.iter().find(|c| lower_ends(c)) {
        // "can't" is "ca|n't", "won't" is "wo|n't".
        Some(c) => {
            let cut = to - c.len();
            push(s, from, cut, out);
            push(s, cut, to, out);
        }
        None => push(s, from, to, out),
    }
}

fn ends_with_ignore_case(w: &str, end: &str) -> bool {
    w.len() >= end.len()
        && w.is_char_boundary(w.len() - end.len())
        && w.get(w.len() - end.len()..)
            .is_some_and(|t| t.eq_ignore_ascii_case(end))
}

fn push<'a>(s: &'a str, from: usize, to: usize, out: &mut Vec<Token<'a>>) {
    if let Some(text) = s.get(from..to)
        && !text.is_empty()
    {
        out.push(Token {
            text,
            span: Span::new(from, to),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize_into(s, &mut out);
        out.iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_punctuation_and_clitics() {
        assert_eq!(
            words("The club didn't sign him, officials said."),
            [
                "The",
                "club",
                "did",
                "n't",
                "sign",
                "him",
                ",",
                "officials",
                "said",
                "."
            ]
        );
        assert_eq!(
            words("“We can’t wait,” she said (twice)."),
            [
                "“", "We", "ca", "n’t", "wait", ",", "”", "she", "said", "(", "twice", ")", "."
            ]
        );
        assert_eq!(
            words("Kestrel Motors' chief paid $45m to U.S. lenders."),
            [
                "Kestrel", "Motors'", "chief", "paid", "$", "45m", "to", "U.S.", "lenders", "."
            ]
        );
        assert_eq!(
            words("Mr. Ortega's team won 2-1."),
            ["Mr.", "Ortega", "'s", "team", "won", "2-1", "."]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let s = "  Ça va — très bien… 'quoted' ";
        let mut out = Vec::new();
        tokenize_into(s, &mut out);
        for t in &out {
            assert_eq!(&s[t.span.range()], t.text);
        }
        assert!(words("").is_empty());
        assert!(words("   ").is_empty());
        assert_eq!(words("'"), ["'"]);
        assert_eq!(words("\"\""), ["\"", "\""]);
    }
}
