//! Many sources saying the same thing: one conflict per pair of claim
//! clusters, with every member behind it.

use gainsay::{Detector, Document};

fn corpus(up: usize, down: usize) -> Vec<Document> {
    let ups = (0..up).map(|i| {
        Document::parse(
            format!("up-{i:03}"),
            format!("date: 2025-06-02\n\nReport {i}. The talks made progress, a mediator said."),
        )
    });
    let downs = (0..down).map(|i| {
        Document::parse(
            format!("down-{i:03}"),
            format!("date: 2025-06-02\n\nReport {i}. The talks collapsed."),
        )
    });
    ups.chain(downs).collect()
}

#[test]
fn two_hundred_against_two_hundred_is_one_conflict() {
    let docs = corpus(200, 200);
    let report = Detector::new().check(&docs);
    assert_eq!(report.conflicts.len(), 1);
    let c = &report.conflicts[0];
    assert_eq!((c.a_documents, c.b_documents), (200, 200));
    assert_eq!((c.a_members.len(), c.b_members.len()), (200, 200));
    // The representatives are the first of each cluster.
    assert_eq!(
        (c.a.document.as_str(), c.b.document.as_str()),
        ("down-000", "up-000")
    );
    // Members point at their sentences.
    let doc = docs
        .iter()
        .find(|d| d.id() == c.b_members[7].document)
        .unwrap();
    let m = &c.b_members[7];
    assert_eq!(
        &doc.text()[m.start..m.end],
        "The talks made progress, a mediator said."
    );
    let text = report.to_string();
    assert!(
        text.contains("also in 199 other documents: down-001, down-002"),
        "{text}"
    );
}

#[test]
fn clusters_do_not_depend_on_order() {
    let mut docs = corpus(30, 12);
    let forward = Detector::new().check(&docs);
    docs.reverse();
    assert_eq!(Detector::new().check(&docs), forward);
}

#[test]
fn few_sources_list_every_pair() {
    let report = Detector::new().check(&corpus(2, 3));
    assert_eq!(report.conflicts.len(), 6);
    assert!(
        report
            .conflicts
            .iter()
            .all(|c| c.a_documents == 3 && c.b_documents == 2)
    );
}

#[test]
fn a_source_that_says_both_is_not_set_against_its_copies() {
    let both = "The talks made progress. Later the talks collapsed.";
    let mut docs: Vec<Document> = (0..10)
        .map(|i| Document::new(format!("copy-{i}"), both))
        .collect();
    assert!(Detector::new().check(&docs).conflicts.is_empty());
    // One source that says only one thing is set against the others.
    docs.push(Document::new("single", "The talks collapsed."));
    let report = Detector::new().check(&docs);
    assert_eq!(report.conflicts.len(), 1);
    let c = &report.conflicts[0];
    let sides = [c.a.document.as_str(), c.b.document.as_str()];
    assert!(sides.contains(&"single"), "{sides:?}");
}

#[test]
fn the_most_certain_member_stands_for_a_cluster() {
    let mut docs = corpus(0, 5);
    for i in 0..5 {
        docs.push(Document::new(
            format!("hedged-{i}"),
            "The talks may have made progress.",
        ));
    }
    docs.push(Document::new("zz-plain", "The talks made progress."));
    let report = Detector::new().check(&docs);
    let progress: Vec<&str> = report
        .conflicts
        .iter()
        .flat_map(|c| [&c.a, &c.b])
        .filter(|s| s.status == "progress")
        .map(|s| s.document.as_str())
        .collect();
    // Hedged and plain progress are one cluster; the plain one stands for it.
    assert!(progress.contains(&"zz-plain"), "{progress:?}");
}

#[test]
fn many_distinct_counts_are_set_against_the_most_told() {
    // 60 sources give 60 different tolls, and 5 more agree on one.
    let mut docs: Vec<Document> = (0..60)
        .map(|i| {
            Document::new(
                format!("n{i:02}"),
                format!("{} people were killed.", 100 + i),
            )
        })
        .collect();
    for i in 0..5 {
        docs.push(Document::new(format!("m{i}"), "Twelve people were killed."));
    }
    let report = Detector::new().check(&docs);
    // Not every pair of values (over 1,800): each value against the most told.
    assert_eq!(report.conflicts.len(), 60);
    for c in &report.conflicts {
        assert_eq!(c.rule, "count-mismatch");
        let docs = [c.a_documents, c.b_documents];
        assert!(docs.contains(&5), "{docs:?}");
    }
}

#[test]
fn many_sources_doubting_one_claim_give_one_certainty_conflict() {
    let mut docs: Vec<Document> = (0..20)
        .map(|i| {
            Document::new(
                format!("fact{i:02}"),
                "The ceasefire was violated overnight.",
            )
        })
        .collect();
    docs.extend((0..20).map(|i| {
        Document::new(
            format!("claim{i:02}"),
            "Rebels claimed the ceasefire was violated overnight.",
        )
    }));
    let report = Detector::new().check(&docs);
    assert_eq!(report.conflicts.len(), 1);
    let c = &report.conflicts[0];
    assert_eq!(c.rule, "certainty-gap");
    assert_eq!((c.a_documents, c.b_documents), (20, 20));
}
