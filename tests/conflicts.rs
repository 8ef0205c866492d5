//! Conflicts between two short documents: each case is a pair of texts and
//! the verdict expected. None of these sentences are from the seeds.

use gainsay::{ConflictKind, Detector, Document, Report, Temporal};

fn check(a: &str, b: &str) -> Report {
    Detector::new().check(&[Document::parse("a", a), Document::parse("b", b)])
}

fn verdict(a: &str, b: &str) -> Option<(ConflictKind, String)> {
    let report = check(a, b);
    report.conflicts.first().map(|c| (c.kind, c.rule.clone()))
}

#[test]
fn clashing_statuses_are_flagged() {
    let pairs = [
        ("The talks made progress.", "The talks collapsed."),
        (
            "The negotiations are moving forward.",
            "The negotiations have stalled.",
        ),
        ("The truce is holding.", "The truce has collapsed."),
        (
            "The senate passed the bill.",
            "The senate rejected the bill.",
        ),
        (
            "The suspect was arrested on Sunday.",
            "The suspect is still at large.",
        ),
        (
            "The election went ahead as planned.",
            "The election was postponed.",
        ),
        ("The minister resigned.", "The minister was sacked."),
    ];
    for (a, b) in pairs {
        assert_eq!(
            verdict(a, b),
            Some((ConflictKind::Status, "status-clash".to_string())),
            "{a:?} vs {b:?}"
        );
    }
}

#[test]
fn polarity_flips_are_flagged() {
    let pairs = [
        (
            "The talks produced a breakthrough.",
            "The talks produced no breakthrough.",
        ),
        (
            "The ceasefire was violated.",
            "The ceasefire was not violated.",
        ),
        ("The bill passed.", "The bill failed to pass."),
        ("The talks collapsed.", "The talks did not collapse."),
    ];
    for (a, b) in pairs {
        assert_eq!(
            verdict(a, b),
            Some((ConflictKind::Negation, "polarity-flip".to_string())),
            "{a:?} vs {b:?}"
        );
    }
}

#[test]
fn agreements_and_non_assertions_are_not_flagged() {
    let pairs = [
        // Same status, same polarity.
        ("The talks collapsed.", "The negotiations broke down."),
        (
            "There was no breakthrough.\nThe talks ended.",
            "The talks produced no breakthrough.",
        ),
        // Statuses that can both hold.
        ("The talks stalled.", "The talks produced no breakthrough."),
        // Conditional, aim, question.
        (
            "If the talks fail, war may follow.",
            "The talks made progress.",
        ),
        (
            "Envoys tried to stop the talks from collapsing.",
            "The talks made progress.",
        ),
        ("Have the talks collapsed?", "The talks made progress."),
        // Expected is compared only with expected.
        ("The talks will resume next week.", "The talks collapsed."),
        // Different rounds are different events.
        (
            "The second round of talks collapsed.",
            "The third round of talks made progress.",
        ),
        // A narrower list of mediators, and one country in two spellings.
        (
            "Turkey is mediating the talks.",
            "Turkey and Qatar are mediating the talks.",
        ),
        (
            "The talks were mediated by Turkiye.",
            "The talks were mediated by Turkey.",
        ),
        // Nothing about events at all.
        (
            "Rain fell in the capital.",
            "The capital was dry and sunny.",
        ),
    ];
    for (a, b) in pairs {
        let report = check(a, b);
        assert!(
            report.conflicts.is_empty(),
            "{a:?} vs {b:?}: {:#?}",
            report.conflicts
        );
    }
}

#[test]
fn hedges_and_claims_score_lower() {
    let plain = check("The talks collapsed.", "The talks made progress.");
    let hedged = check("The talks may have collapsed.", "The talks made progress.");
    let claimed = check(
        "Rebels claim the talks collapsed.",
        "The talks made progress.",
    );
    let s = |r: &Report| r.conflicts[0].score;
    assert!(s(&hedged) < s(&plain));
    assert!(s(&claimed) < s(&hedged));
}

#[test]
fn temporal_notes() {
    let same = check(
        "date: 2025-03-03\n\nThe truce is holding.",
        "date: 2025-03-04\n\nThe truce has collapsed.",
    );
    assert_eq!(same.conflicts[0].temporal, Temporal::SamePeriod);
    let apart = check(
        "date: 2025-03-01\n\nThe truce is holding.",
        "date: 2025-03-20\n\nThe truce has collapsed.",
    );
    assert_eq!(apart.conflicts[0].temporal, Temporal::DifferentDates);
    assert!(apart.conflicts[0].score < same.conflicts[0].score);
    assert!(apart.conflicts[0].explanation.contains("may update"));
    let unknown = check("The truce is holding.", "The truce has collapsed.");
    assert_eq!(unknown.conflicts[0].temporal, Temporal::Unknown);
}

#[test]
fn the_same_speaker_on_both_sides_is_named() {
    let report = check(
        "Foreign Minister Ana Lopes said the talks had made progress.",
        "The talks have collapsed, Lopes said on Friday.",
    );
    let c = &report.conflicts[0];
    assert_eq!(c.same_speaker.as_deref(), Some("Ana Lopes"));
    assert!(c.explanation.contains("Ana Lopes is quoted on both sides"));
}

#[test]
fn order_of_documents_does_not_matter() {
    let a = Document::parse("x", "The truce is holding, officials said.");
    let b = Document::parse("y", "The truce collapsed.");
    let d = Detector::new();
    assert_eq!(d.check(&[a.clone(), b.clone()]), d.check(&[b, a]));
}

#[test]
fn a_document_never_conflicts_with_itself() {
    let report = check(
        "The talks collapsed. Later the talks made progress.",
        "Rain fell.",
    );
    assert!(report.conflicts.is_empty());
}

#[test]
fn statements_and_compare_are_the_two_halves_of_check() {
    let d = Detector::new();
    let docs = [
        Document::new("a", "The talks made progress."),
        Document::new("b", "The talks collapsed."),
    ];
    let mut statements = Vec::new();
    for doc in &docs {
        // Statements survive a trip through JSON Lines.
        for s in d.statements(doc) {
            let line = serde_json::to_string(&s).unwrap();
            statements.push(serde_json::from_str(&line).unwrap());
        }
    }
    assert_eq!(d.compare(&statements), d.check(&docs).conflicts);
}

#[test]
fn sources_that_each_say_both_things_do_not_conflict_with_each_other() {
    let both = "The talks made progress on Monday. By Friday the talks had collapsed.";
    let report = check(both, both);
    assert!(report.conflicts.is_empty());
    // One source saying both still clashes with one saying only one.
    let report = check(both, "The talks made progress.");
    assert_eq!(report.conflicts.len(), 1);
}
