//! Sentence pairs as data: every file in `tests/data/pairs/` is a list of
//! cases, each two short documents and the verdict expected. A new case is
//! a few lines of JSON, no code.
//!
//! ```text
//! { "lexicons": ["lexicon/markets.json"],          // optional, added to the built-in one
//!   "cases": [ { "name": "...",
//!                "a": "date: 2026-03-04\n\nApple shares rose.",
//!                "b": "Apple shares fell.",
//!                "expect": { "rule": "status-clash", "subject": "market (apple)" } },
//!              { "name": "...", "a": "...", "b": "...", "expect": null } ] }
//! ```
//!
//! `expect: null` means no conflict may be reported. Otherwise exactly one
//! conflict is expected, and each field given (`rule`, `kind`, `subject`,
//! `temporal`, `same_speaker`, `min_score`, `max_score`) must match.

use std::path::{Path, PathBuf};

use gainsay::{Detector, Document, Lexicon};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    lexicons: Vec<PathBuf>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    a: String,
    b: String,
    expect: Option<Expect>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    rule: Option<String>,
    kind: Option<String>,
    subject: Option<String>,
    temporal: Option<String>,
    same_speaker: Option<String>,
    min_score: Option<f64>,
    max_score: Option<f64>,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn detector(file: &File) -> Detector {
    let mut lexicon = Lexicon::builtin();
    for path in &file.lexicons {
        lexicon = lexicon.extend_with_path(root().join(path)).unwrap();
    }
    Detector::builder().lexicon(lexicon).build().unwrap()
}

/// Runs one case both ways round; the failures, as sentences.
fn run(detector: &Detector, case: &Case) -> Vec<String> {
    let mut failures = Vec::new();
    for (first, second) in [(&case.a, &case.b), (&case.b, &case.a)] {
        let docs = [Document::parse("a", first), Document::parse("b", second)];
        let report = detector.check(&docs);
        let found: Vec<String> = report
            .conflicts
            .iter()
            .map(|c| format!("{} on {} ({:.2})", c.rule, c.subject, c.score))
            .collect();
        let Some(expect) = &case.expect else {
            if !found.is_empty() {
                failures.push(format!(
                    "{}: expected no conflict, got {found:?}",
                    case.name
                ));
            }
            continue;
        };
        let [c] = report.conflicts.as_slice() else {
            failures.push(format!(
                "{}: expected one conflict, got {found:?}",
                case.name
            ));
            continue;
        };
        let mut check = |field: &str, want: &Option<String>, got: &str| {
            if let Some(want) = want
                && want != got
            {
                failures.push(format!("{}: {field} is {got:?}, not {want:?}", case.name));
            }
        };
        check("rule", &expect.rule, &c.rule);
        check("kind", &expect.kind, c.kind.name());
        check("subject", &expect.subject, &c.subject);
        check("temporal", &expect.temporal, c.temporal.name());
        check(
            "same_speaker",
            &expect.same_speaker,
            c.same_speaker.as_deref().unwrap_or(""),
        );
        if expect.min_score.is_some_and(|m| c.score < m)
            || expect.max_score.is_some_and(|m| c.score > m)
        {
            failures.push(format!("{}: score {} out of range", case.name, c.score));
        }
    }
    failures
}

#[test]
fn every_pair_file_gives_its_verdicts() {
    let dir = root().join("tests/data/pairs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    let mut cases = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file: File =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let detector = detector(&file);
        for case in &file.cases {
            cases += 1;
            for failure in run(&detector, case) {
                failures.push(format!("{}: {failure}", path.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
