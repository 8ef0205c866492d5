//! Properties that hold for any input: no panics, true spans, sentences that
//! cover the body, order independence, symmetry, round trips.

use gainsay::{Detector, Document, Report};
use proptest::prelude::*;

/// News-like text: sentences built from event words, cues, names and noise.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "the",
        "talks",
        "negotiations",
        "collapsed",
        "made",
        "progress",
        "no",
        "not",
        "breakthrough",
        "ceasefire",
        "holding",
        "if",
        "will",
        "resume",
        "said",
        "Asif",
        "Lopes",
        "he",
        "\u{201c}",
        "\u{201d}",
        "\"",
        ",",
        ".",
        "?",
        "\n",
        "\n\n",
        "may",
        "claims",
        "Turkiye",
        "Turkey",
        "third",
        "round",
        "of",
        "on",
        "Friday",
        "stalled",
        "date",
        "2025-11-08",
        ":",
        "-",
        "\u{2014}",
        "Mr.",
        "U.S.",
        "bill",
        "passed",
        "rejected",
        "suspect",
        "arrested",
        "at large",
        "é",
        "\u{0}",
        "\t",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        newsy(),
        any::<String>(),
        "[a-z .,!?\n]{0,300}",
        "[.!?\u{201c}\u{201d}\"]{0,50}"
    ]
}

fn check(docs: &[Document]) -> Report {
    Detector::new().check(docs)
}

/// Cases per property: 64 for everyday runs, 256 with the `slow-tests`
/// feature (CI).
const CASES: u32 = if cfg!(feature = "slow-tests") {
    256
} else {
    64
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn any_text_gives_a_report_with_true_spans(a in any_text(), b in any_text()) {
        let docs = [Document::parse("a", a), Document::parse("b", b)];
        let report = check(&docs);
        prop_assert_eq!(report.documents.len(), 2);
        for c in &report.conflicts {
            for side in [&c.a, &c.b] {
                let doc = docs.iter().find(|d| d.id() == side.document).unwrap();
                let text = doc.text();
                prop_assert!(text.is_char_boundary(side.start) && text.is_char_boundary(side.end));
                prop_assert_eq!(&text[side.start..side.end], side.sentence.as_str());
                prop_assert!(side.start <= side.evidence.start && side.evidence.end <= side.end);
                prop_assert_eq!(&text[side.evidence.range()], side.evidence_text.as_str());
            }
            prop_assert!((0.0..=1.0).contains(&c.score));
        }
    }

    #[test]
    fn sentences_cover_the_body_in_order(text in any_text()) {
        let doc = Document::parse("a", text);
        let spans = Detector::new().sentences(&doc);
        let body = doc.body();
        let mut at = body.start;
        for span in &spans {
            prop_assert!(span.start >= at && span.end > span.start && span.end <= body.end);
            prop_assert!(doc.text().is_char_boundary(span.start));
            prop_assert!(doc.text().is_char_boundary(span.end));
            // Nothing but white space is left between sentences.
            prop_assert!(doc.text()[at..span.start].trim().is_empty());
            at = span.end;
        }
        prop_assert!(doc.text()[at..body.end].trim().is_empty());
    }

    #[test]
    fn statements_point_into_their_sentences(text in any_text()) {
        let doc = Document::parse("a", text);
        for s in Detector::new().statements(&doc) {
            prop_assert_eq!(&doc.text()[s.sentence.range()], s.text.as_str());
            prop_assert!(s.sentence.contains(s.evidence));
            for cue in &s.cues {
                prop_assert_eq!(&doc.text()[cue.span.range()], cue.text.as_str());
            }
        }
    }

    #[test]
    fn order_of_documents_does_not_matter(a in newsy(), b in newsy(), c in newsy()) {
        let docs = [Document::parse("a", a), Document::parse("b", b), Document::parse("c", c)];
        let forward = check(&docs);
        let backward = check(&[docs[2].clone(), docs[0].clone(), docs[1].clone()]);
        prop_assert_eq!(&forward, &backward);
        prop_assert_eq!(&forward, &check(&docs));
    }

    #[test]
    fn conflicts_are_symmetric(a in newsy(), b in newsy()) {
        let x = Document::parse("x", a);
        let y = Document::parse("y", b);
        let d = Detector::new();
        let mut one = d.compare(&[d.statements(&x), d.statements(&y)].concat());
        let mut two = d.compare(&[d.statements(&y), d.statements(&x)].concat());
        let key = |c: &gainsay::Conflict| (c.a.document.clone(), c.a.start, c.b.document.clone(), c.b.start);
        one.sort_by_key(key);
        two.sort_by_key(key);
        prop_assert_eq!(one, two);
    }

    #[test]
    fn a_copy_of_a_document_never_conflicts_with_it(text in newsy()) {
        let report = check(&[Document::parse("one", text.clone()), Document::parse("two", text)]);
        prop_assert!(report.conflicts.is_empty(), "{:#?}", report.conflicts);
    }

    #[test]
    fn the_json_report_round_trips(a in newsy(), b in newsy()) {
        let report = check(&[Document::parse("a", a), Document::parse("b", b)]);
        let back = Report::from_json(&report.to_json()).unwrap();
        prop_assert_eq!(back, report);
    }

    #[test]
    fn json_lines_read_from_a_reader_as_from_a_string(
        lines in prop::collection::vec(
            prop_oneof![
                newsy().prop_map(|t| serde_json::json!({"text": t}).to_string()),
                "[a-z]{1,8}".prop_map(|id| serde_json::json!({"id": id, "text": "It held."}).to_string()),
                any_text(),
                Just(String::new()),
            ],
            0..8,
        ),
        crlf in any::<bool>(),
    ) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        let show = |r: Result<Document, gainsay::Error>| match r {
            Ok(doc) => format!("{doc:?}"),
            Err(e) => format!("{:?}", e.kind()),
        };
        let from_string: Vec<String> = Document::from_jsonl("day", &text).map(show).collect();
        let from_reader: Vec<String> = Document::read_jsonl("day", text.as_bytes()).map(show).collect();
        prop_assert_eq!(from_reader, from_string);
    }
}
