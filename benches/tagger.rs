//! The part-of-speech tagger's speed: tokens tagged per second, on a few
//! thousand sentences of the generated corpus (the seed articles' sentences,
//! varied).
//!
//! ```text
//! cargo bench --bench tagger
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gainsay::__tagger::PosTagger;

#[path = "support/corpus.rs"]
mod corpus;

/// Articles generated: about 5,000 sentences.
const ARTICLES: usize = 200;

/// Splits text into Penn-style tokens: punctuation, quotes, brackets and
/// the clitics 's and n't apart; a sentence ends after `.`, `!` or `?`.
fn sentences(text: &str) -> Vec<Vec<&str>> {
    let mut out = vec![Vec::new()];
    for chunk in text.split_whitespace() {
        let (lead, rest) = split_lead(chunk);
        let (word, trail) = split_trail(rest);
        let tokens = out.last_mut().expect("never empty");
        tokens.extend(lead);
        if let Some(stem) = word.strip_suffix("n't").filter(|s| !s.is_empty()) {
            tokens.extend([stem, &word[stem.len()..]]);
        } else if let Some(stem) = word.strip_suffix("'s").filter(|s| !s.is_empty()) {
            tokens.extend([stem, &word[stem.len()..]]);
        } else if !word.is_empty() {
            tokens.push(word);
        }
        tokens.extend(trail.iter().copied());
        if trail.iter().any(|t| matches!(*t, "." | "!" | "?")) {
            out.push(Vec::new());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Opening quotes and brackets at a chunk's start, one token each.
fn split_lead(chunk: &str) -> (Vec<&str>, &str) {
    let mut lead = Vec::new();
    let mut rest = chunk;
    while let Some(c) = rest.chars().next().filter(|c| "\"“‘([".contains(*c)) {
        lead.push(&rest[..c.len_utf8()]);
        rest = &rest[c.len_utf8()..];
    }
    (lead, rest)
}

/// Closing punctuation at a chunk's end, one token each, in order.
fn split_trail(chunk: &str) -> (&str, Vec<&str>) {
    let mut trail = Vec::new();
    let mut rest = chunk;
    while let Some(c) = rest.chars().last().filter(|c| ".,;:!?\"”’)]".contains(*c)) {
        let at = rest.len() - c.len_utf8();
        if c == '.' && rest[..at].contains('.') {
            break; // an abbreviation such as "U.S."
        }
        trail.push(&rest[at..]);
        rest = &rest[..at];
    }
    trail.reverse();
    (rest, trail)
}

fn bench_tagger(c: &mut Criterion) {
    let articles = corpus::generate(ARTICLES, 20, 7);
    let bodies: Vec<&str> = articles
        .iter()
        .map(|a| {
            a.text
                .split_once("\n\n")
                .map_or(a.text.as_str(), |(_, b)| b)
        })
        .collect();
    let sentences: Vec<Vec<&str>> = bodies.iter().flat_map(|b| sentences(b)).collect();
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    eprintln!(
        "tagger: {} sentences, {tokens} tokens, {bytes} bytes of text",
        sentences.len()
    );

    let mut tagger = PosTagger::builtin();
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(tokens as u64));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &sentences {
                n += tagger.tag(black_box(s)).count();
            }
            black_box(n)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_tagger);
criterion_main!(benches);
