//! A sentence parsed whole, and each clause read out as plain words: what
//! extraction and the clause specs both see.

use super::clause::{Clause, Mood, Role};
use super::grammar::Grammar;
use super::phrase::{Chunk, NounPhrase, Reader, Words};
use super::tag::Tag;
use super::tagger::Tagger;
use super::token::{Token, tokenize_into};
use crate::span::Span;

/// One sentence: tokens, tags, chunks and clauses.
pub(crate) struct Parsed<'a> {
    pub(crate) tokens: Vec<Token<'a>>,
    pub(crate) tags: Vec<Tag>,
    pub(crate) words: Words<'a>,
    pub(crate) chunks: Vec<Chunk>,
    pub(crate) clauses: Vec<Clause>,
}

/// Parses one sentence.
pub(crate) fn parse(s: &str) -> Parsed<'_> {
    let mut tokens = Vec::new();
    tokenize_into(s, &mut tokens);
    parse_tokens(tokens)
}

/// Parses a sentence already cut into words, as a treebank gives them:
/// the tags and the clauses, token indices into `words`.
pub(crate) fn clauses_of_words(words: &[&str]) -> (Vec<Tag>, Vec<Clause>) {
    let mut at = 0;
    let tokens = words
        .iter()
        .map(|&text| {
            // Spans over the words joined by single spaces.
            let span = Span::new(at, at + text.len());
            at = span.end + 1;
            Token { text, span }
        })
        .collect();
    let parsed = parse_tokens(tokens);
    (parsed.tags, parsed.clauses)
}

/// Tags, chunks and reads the clauses of a sentence's tokens.
fn parse_tokens(tokens: Vec<Token<'_>>) -> Parsed<'_> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
    let mut tags = Vec::with_capacity(words.len());
    Tagger::builtin().tag(&words, &mut tags);
    gerund_subject(&mut tags);
    let words = Words::new(&tokens, &tags);
    let reader = Reader {
        tokens: &tokens,
        tags: &tags,
        grammar: Grammar::builtin(),
        words: &words,
    };
    let chunks = reader.chunks();
    let clauses = reader.clauses(&chunks);
    Parsed {
        tokens,
        tags,
        words,
        chunks,
        clauses,
    }
}

/// "Fighting erupted": a sentence that opens with a gerund and a verb
/// opens with a noun, and the verb is finite.
fn gerund_subject(tags: &mut [Tag]) {
    if let [first @ Tag::VBG, second, ..] = tags
        && matches!(second, Tag::VBD | Tag::VBN | Tag::VBZ | Tag::MD)
    {
        *first = Tag::NN;
        if *second == Tag::VBN {
            *second = Tag::VBD;
        }
    }
}

impl<'a> Parsed<'a> {
    /// The reader over this sentence.
    pub(crate) fn reader(&self) -> Reader<'_, 'a> {
        Reader {
            tokens: &self.tokens,
            tags: &self.tags,
            grammar: Grammar::builtin(),
            words: &self.words,
        }
    }
}

/// One clause in plain words, lower case: what the clause specs check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClauseReading {
    /// The subject's head lemma, or a name whole ("marisol ortega").
    pub subject: Option<String>,
    /// The verb's lemma, with its particle or preposition ("break down",
    /// "call for").
    pub predicate: String,
    /// The object's head lemma, or the adjective after a copula.
    pub object: Option<String>,
    /// "affirmed" or "negated".
    pub polarity: &'static str,
    /// A modality's name ("asserted", "proposed", ...).
    pub modality: &'static str,
    /// "active" or "passive".
    pub voice: &'static str,
    /// The agent of a passive.
    pub agent: Option<String>,
    /// Who reports the clause: the subject of the verb of speech over it.
    pub speaker: Option<String>,
}

/// Every clause of a sentence, read out; one per subject where subjects
/// are joined ("Valdora and Serenth signed").
pub fn readings(s: &str) -> Vec<ClauseReading> {
    let parsed = parse(s);
    let reader = parsed.reader();
    let mut out = Vec::new();
    for c in &parsed.clauses {
        let base = reading(&reader, &parsed.clauses, c);
        for np in &c.conjuncts {
            out.push(ClauseReading {
                subject: Some(reader.key(np)),
                ..base.clone()
            });
        }
        out.push(base);
    }
    out
}

fn reading(reader: &Reader<'_, '_>, clauses: &[Clause], c: &Clause) -> ClauseReading {
    let predicate = match c.preposition {
        Some(p) => format!("{} {}", reader.predicate(&c.verb), reader.lower(p)),
        None => reader.predicate(&c.verb),
    };
    let object = c
        .object
        .as_ref()
        .map(|np| reader.key(np))
        .or_else(|| c.complement.map(|a| reader.lower(a).to_string()));
    ClauseReading {
        subject: c.subject.as_ref().map(|np| reader.key(np)),
        predicate,
        object,
        polarity: if c.negated { "negated" } else { "affirmed" },
        modality: mood_name(c.mood),
        voice: if c.verb.passive { "passive" } else { "active" },
        agent: c.agent.as_ref().map(|np| reader.key(np)),
        speaker: speaker_of(reader, clauses, c),
    }
}

/// The subject of the verb of speech that reports `c`, through reports of
/// reports.
fn speaker_of(reader: &Reader<'_, '_>, clauses: &[Clause], c: &Clause) -> Option<String> {
    let mut at = c;
    for _ in 0..4 {
        let Role::Complement { governor, .. } = at.role else {
            break;
        };
        let g = clauses.get(governor)?;
        if let Some(np) = g
            .subject
            .as_ref()
            .or(g.object.as_ref().filter(|_| g.subject.is_none()))
        {
            return Some(reader.key(np));
        }
        at = g;
    }
    None
}

/// A modality's name for a mood.
pub(crate) fn mood_name(mood: Mood) -> &'static str {
    match mood {
        Mood::Asserted => "asserted",
        Mood::Hedged => "hedged",
        Mood::Expected => "expected",
        Mood::Claimed => "reported_claim",
        Mood::Proposed => "proposed",
        Mood::Purpose => "purpose",
        Mood::Conditional => "conditional",
        Mood::Question => "question",
    }
}

impl Reader<'_, '_> {
    /// A noun phrase's key: a name whole, lower case ("kestrel motors"),
    /// else its head's lemma; "nobody" for "no one".
    pub(crate) fn key(&self, np: &NounPhrase) -> String {
        let head = np.head;
        if self.tag(head).is_some_and(Tag::is_proper) {
            let mut from = head;
            while from > np.start && self.tag(from - 1).is_some_and(Tag::is_proper) {
                from -= 1;
            }
            // "Walter R. Mears" is "walter mears": a middle initial names
            // no one else.
            let initial = |k: usize| {
                let w = self.lower(k);
                k != from && k != head && w.len() == 2 && w.ends_with('.')
            };
            let words: Vec<String> = (from..=head)
                .filter(|&k| !initial(k))
                .map(|k| self.lower(k).trim_end_matches(['\'', '’']).to_string())
                .collect();
            return words.join(" ");
        }
        let lower = self.lower(head);
        if np.negative && matches!(lower, "one" | "nobody" | "none" | "body") {
            return "nobody".to_string();
        }
        self.lemma(head).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_of_given_words_index_those_words() {
        let words = ["The", "senate", "rejected", "the", "bill", "."];
        let (tags, clauses) = clauses_of_words(&words);
        assert_eq!(tags.len(), words.len());
        let [c] = &clauses[..] else {
            panic!("one clause: {clauses:?}")
        };
        assert_eq!(c.verb.main, 2);
        assert_eq!(c.subject.as_ref().map(|np| np.head), Some(1));
        assert_eq!(c.object.as_ref().map(|np| np.head), Some(4));
    }
}
