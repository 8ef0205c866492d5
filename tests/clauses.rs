//! The clause reader's specification as data: every file in
//! `tests/data/clauses/` lists sentences and the statements their clauses
//! must give (and must not give). Conventions: `tests/data/clauses/CONVENTIONS.md`.
//!
//! ```text
//! { "domain": "courts",
//!   "cases": [ { "text": "The jury did not convict the driver.",
//!                "statements": [ { "subject": "jury", "predicate": "convict", "object": "driver",
//!                                  "polarity": "negated", "modality": "asserted" } ],
//!                "absent": [ { "predicate": "acquit" } ] } ] }
//! ```
//!
//! Each field given must match; a field left out is not checked; `"object":
//! null` means no object. The reader is a statistical tagger and rules, so
//! the whole set is held to a floor of cases read right, which only rises.

use std::path::Path;

use gainsay::__stages::{ClauseReading, clause_readings};
use gainsay::{Detector, Document};
use serde::{Deserialize, Deserializer};

/// The share of cases that must be read right.
const FLOOR: f64 = 0.75;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[allow(dead_code)]
    domain: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    statements: Vec<Expect>,
    #[serde(default)]
    absent: Vec<Expect>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Expect {
    subject: Option<String>,
    predicate: Option<String>,
    #[serde(default, deserialize_with = "present")]
    object: Option<Option<String>>,
    polarity: Option<String>,
    modality: Option<String>,
    voice: Option<String>,
    agent: Option<String>,
    speaker: Option<String>,
}

/// A field that is there, even as `null`.
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

impl Expect {
    fn matches(&self, r: &ClauseReading) -> bool {
        let same = |want: &Option<String>, got: &str| want.as_deref().is_none_or(|w| w == got);
        let same_opt = |want: &Option<String>, got: &Option<String>| {
            want.is_none() || want.as_deref() == got.as_deref()
        };
        same_opt(&self.subject, &r.subject)
            && same(&self.predicate, &r.predicate)
            && self
                .object
                .as_ref()
                .is_none_or(|o| o.as_deref() == r.object.as_deref())
            && same(&self.polarity, r.polarity)
            && same(&self.modality, r.modality)
            && same(&self.voice, r.voice)
            && same_opt(&self.agent, &r.agent)
            && same_opt(&self.speaker, &r.speaker)
    }
}

fn readings(detector: &Detector, text: &str) -> Vec<ClauseReading> {
    let doc = Document::new("spec", text);
    detector
        .sentences(&doc)
        .iter()
        .flat_map(|s| clause_readings(&text[s.range()]))
        .collect()
}

#[test]
fn clause_specs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/clauses");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let detector = Detector::new();
    let (mut cases, mut right) = (0, 0);
    let mut wrong = Vec::new();
    for path in &paths {
        let file: File = serde_json::from_str(&std::fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.cases {
            cases += 1;
            let got = readings(&detector, &case.text);
            let missing: Vec<&Expect> = case
                .statements
                .iter()
                .filter(|e| !got.iter().any(|r| e.matches(r)))
                .collect();
            let present: Vec<&Expect> = case
                .absent
                .iter()
                .filter(|e| got.iter().any(|r| e.matches(r)))
                .collect();
            if missing.is_empty() && present.is_empty() {
                right += 1;
            } else {
                wrong.push(format!(
                    "{}\n  missing {missing:?}\n  present {present:?}\n  read {got:?}",
                    case.text
                ));
            }
        }
    }
    let share = right as f64 / cases.max(1) as f64;
    eprintln!("{right} of {cases} clause cases read right ({share:.2})");
    if std::env::var_os("GAINSAY_SHOW").is_some() {
        eprintln!("{}", wrong.join("\n"));
    }
    assert!(cases >= 150, "only {cases} cases");
    assert!(
        share >= FLOOR,
        "{share:.2} below the floor {FLOOR}:\n{}",
        wrong.join("\n")
    );
}
