//! Extraction, sentence by sentence: each line is a sentence (none from the
//! seeds) and the statement it must yield.

use gainsay::{Detector, Document, Modality, Polarity, Statement};

use Modality::*;
use Polarity::*;

struct Case {
    text: &'static str,
    frame: &'static str,
    status: &'static str,
    polarity: Polarity,
    modality: Modality,
}

const fn case(
    text: &'static str,
    frame: &'static str,
    status: &'static str,
    polarity: Polarity,
    modality: Modality,
) -> Case {
    Case {
        text,
        frame,
        status,
        polarity,
        modality,
    }
}

/// Every status class of every built-in frame, asserted plainly.
const STATUS_CLASSES: &[Case] = &[
    case(
        "The trade talks made real headway on Monday.",
        "talks",
        "progress",
        Affirmed,
        Asserted,
    ),
    case(
        "Negotiators hailed a breakthrough in the negotiations.",
        "talks",
        "progress",
        Affirmed,
        Asserted,
    ),
    case(
        "The dialogue broke down over the border question.",
        "talks",
        "collapsed",
        Affirmed,
        Asserted,
    ),
    case(
        "The negotiations fell apart late on Sunday.",
        "talks",
        "collapsed",
        Affirmed,
        Asserted,
    ),
    case(
        "The talks remain in limbo after the walkout.",
        "talks",
        "stalled",
        Affirmed,
        Asserted,
    ),
    case(
        "The summit ended in a stalemate.",
        "talks",
        "stalled",
        Affirmed,
        Asserted,
    ),
    case(
        "The negotiations are still ongoing in Vienna.",
        "talks",
        "ongoing",
        Affirmed,
        Asserted,
    ),
    case(
        "The talks concluded on Thursday evening.",
        "talks",
        "concluded",
        Affirmed,
        Asserted,
    ),
    case(
        "The talks resumed in Cairo after a week-long pause.",
        "talks",
        "resumed",
        Affirmed,
        Asserted,
    ),
    case(
        "The truce is largely holding along the front.",
        "ceasefire",
        "holding",
        Affirmed,
        Asserted,
    ),
    case(
        "The ceasefire collapsed within hours.",
        "ceasefire",
        "collapsed",
        Affirmed,
        Asserted,
    ),
    case(
        "Both armies violated the truce overnight.",
        "ceasefire",
        "violated",
        Affirmed,
        Asserted,
    ),
    case(
        "A ceasefire was brokered by regional powers.",
        "ceasefire",
        "agreed",
        Affirmed,
        Asserted,
    ),
    case(
        "The ceasefire was extended by another month.",
        "ceasefire",
        "extended",
        Affirmed,
        Asserted,
    ),
    case(
        "The two firms signed the merger agreement.",
        "agreement",
        "reached",
        Affirmed,
        Asserted,
    ),
    case(
        "Parliament rejected the trade deal.",
        "agreement",
        "rejected",
        Affirmed,
        Asserted,
    ),
    case(
        "Diplomats say a deal is within reach.",
        "agreement",
        "pending",
        Affirmed,
        Asserted,
    ),
    case(
        "Rebels launched an attack on the garrison.",
        "attack",
        "occurred",
        Affirmed,
        Asserted,
    ),
    case(
        "Air defences thwarted the drone attack.",
        "attack",
        "foiled",
        Affirmed,
        Asserted,
    ),
    case(
        "The election took place without incident.",
        "election",
        "held",
        Affirmed,
        Asserted,
    ),
    case(
        "The runoff was postponed until spring.",
        "election",
        "postponed",
        Affirmed,
        Asserted,
    ),
    case(
        "Observers said the vote was rigged.",
        "election",
        "rigged",
        Affirmed,
        Asserted,
    ),
    case(
        "Monitors called the election free and fair.",
        "election",
        "fair",
        Affirmed,
        Asserted,
    ),
    case(
        "The senate passed the spending bill.",
        "legislation",
        "passed",
        Affirmed,
        Asserted,
    ),
    case(
        "Lawmakers voted down the amendment.",
        "legislation",
        "rejected",
        Affirmed,
        Asserted,
    ),
    case(
        "The government tabled the bill in March.",
        "legislation",
        "tabled",
        Affirmed,
        Asserted,
    ),
    case(
        "Police arrested the suspect near the station.",
        "arrest",
        "arrested",
        Affirmed,
        Asserted,
    ),
    case(
        "The suspects were released on bail.",
        "arrest",
        "released",
        Affirmed,
        Asserted,
    ),
    case(
        "The gunman remains at large.",
        "arrest",
        "at_large",
        Affirmed,
        Asserted,
    ),
    case(
        "The attacker was shot dead by guards.",
        "arrest",
        "killed",
        Affirmed,
        Asserted,
    ),
    case(
        "The prime minister resigned on Friday.",
        "office",
        "resigned",
        Affirmed,
        Asserted,
    ),
    case(
        "The coach was sacked after the defeat.",
        "office",
        "dismissed",
        Affirmed,
        Asserted,
    ),
    case(
        "The governor will stay on despite the scandal.",
        "office",
        "in_office",
        Affirmed,
        Expected,
    ),
];

/// Negation in its forms, and where it does not reach.
const NEGATION: &[Case] = &[
    case(
        "The talks did not collapse.",
        "talks",
        "collapsed",
        Negated,
        Asserted,
    ),
    case(
        "The talks didn't collapse, aides insisted.",
        "talks",
        "collapsed",
        Negated,
        Asserted,
    ),
    case(
        "There was no breakthrough at the summit.",
        "talks",
        "progress",
        Negated,
        Asserted,
    ),
    case(
        "The negotiations failed to yield any workable solution or progress.",
        "talks",
        "progress",
        Negated,
        Asserted,
    ),
    case(
        "The round of talks ended without a breakthrough.",
        "talks",
        "progress",
        Negated,
        Asserted,
    ),
    case(
        "The truce has never held for more than a day.",
        "ceasefire",
        "holding",
        Negated,
        Asserted,
    ),
    case(
        "The senate refused to approve the bill.",
        "legislation",
        "passed",
        Negated,
        Asserted,
    ),
    case(
        "Progress has not been made in the talks.",
        "talks",
        "progress",
        Negated,
        Asserted,
    ),
    case(
        "Neither side reported progress in the talks.",
        "talks",
        "progress",
        Negated,
        Asserted,
    ),
    case(
        "He said nothing about the talks, but they collapsed.",
        "talks",
        "collapsed",
        Affirmed,
        Asserted,
    ),
    case(
        "There was no role for observers in the ongoing talks.",
        "talks",
        "ongoing",
        Affirmed,
        Asserted,
    ),
    case(
        "Not only did the talks stall, they collapsed.",
        "talks",
        "collapsed",
        Affirmed,
        Asserted,
    ),
];

/// Statements that are not plain assertions.
const MODALITY: &[Case] = &[
    case(
        "If the talks fail, the border will close.",
        "talks",
        "collapsed",
        Affirmed,
        Conditional,
    ),
    case(
        "Unless the ceasefire holds, aid cannot reach the town.",
        "ceasefire",
        "holding",
        Affirmed,
        Conditional,
    ),
    case(
        "The bill will pass only if the coalition holds together.",
        "legislation",
        "passed",
        Affirmed,
        Conditional,
    ),
    case(
        "Mediators flew in to prevent the negotiations from collapsing.",
        "talks",
        "collapsed",
        Affirmed,
        Purpose,
    ),
    case(
        "Envoys worked through the night in an effort to salvage the talks from a breakdown.",
        "talks",
        "collapsed",
        Affirmed,
        Purpose,
    ),
    case(
        "The talks are expected to resume next week.",
        "talks",
        "resumed",
        Affirmed,
        Expected,
    ),
    case(
        "The vote will be postponed, officials said.",
        "election",
        "postponed",
        Affirmed,
        Expected,
    ),
    case(
        "Have the talks collapsed?",
        "talks",
        "collapsed",
        Affirmed,
        Question,
    ),
    case(
        "Reporters asked whether the negotiations had broken down.",
        "talks",
        "collapsed",
        Affirmed,
        Question,
    ),
    case(
        "The talks may have stalled over the prisoner issue.",
        "talks",
        "stalled",
        Affirmed,
        Hedged,
    ),
    case(
        "The ceasefire reportedly collapsed overnight.",
        "ceasefire",
        "collapsed",
        Affirmed,
        Hedged,
    ),
    case(
        "There are faint signs of progress in the negotiations.",
        "talks",
        "progress",
        Affirmed,
        Hedged,
    ),
    case(
        "The rebels claim the truce was violated by the army.",
        "ceasefire",
        "violated",
        Affirmed,
        ReportedClaim,
    ),
    case(
        "The opposition alleged that the election was rigged.",
        "election",
        "rigged",
        Affirmed,
        ReportedClaim,
    ),
    case(
        "Kabul claims the negotiations have broken down.",
        "talks",
        "collapsed",
        Affirmed,
        ReportedClaim,
    ),
];

fn statements(text: &str) -> Vec<Statement> {
    Detector::new().statements(&Document::new("t", text))
}

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let found = statements(c.text);
        let hit = found.iter().any(|s| {
            s.frame == c.frame
                && s.status == c.status
                && s.polarity == c.polarity
                && s.modality == c.modality
        });
        if !hit {
            let got: Vec<String> = found
                .iter()
                .map(|s| format!("{}/{} {:?} {:?}", s.frame, s.status, s.polarity, s.modality))
                .collect();
            failures.push(format!(
                "{:?}\n    want {}/{} {:?} {:?}\n    got  {:?}",
                c.text, c.frame, c.status, c.polarity, c.modality, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_status_class() {
    check(STATUS_CLASSES);
}

#[test]
fn negation_cases() {
    check(NEGATION);
}

#[test]
fn modality_cases() {
    check(MODALITY);
}

#[test]
fn at_least_forty_sentences() {
    assert!(STATUS_CLASSES.len() + NEGATION.len() + MODALITY.len() >= 40);
}

#[test]
fn sentences_without_an_event_give_nothing() {
    for text in [
        "In the capital, on Tuesday.",
        "She dismissed the report as absurd.",
        "It rose two percent on Tuesday.",
        "",
        "???",
    ] {
        assert!(
            statements(text).is_empty(),
            "{text:?}: {:?}",
            statements(text)
        );
    }
}

#[test]
fn speakers_are_found_and_resolved() {
    let text = "Foreign Minister Ana Lopes said on Monday that the talks had stalled. \
                \"We are not giving up,\" she added. \"The negotiations will resume.\" \
                According to Lopes, the truce is holding.";
    let found = statements(text);
    let names: Vec<Option<&str>> = found
        .iter()
        .map(|s| s.speaker.as_ref().map(|p| p.name.as_str()))
        .collect();
    assert!(names.iter().all(|n| *n == Some("Ana Lopes")), "{names:?}");
    assert_eq!(found.len(), 3, "{found:?}");
}

/// Who speaks in the first statement of `text`.
fn first_speaker(text: &str) -> Option<String> {
    statements(text)
        .first()
        .and_then(|s| s.speaker.as_ref().map(|p| p.name.clone()))
}

#[test]
fn a_name_is_found_past_its_title_and_past_words_that_describe_it() {
    // The name begins after the last title of the run.
    assert_eq!(
        first_speaker("Union leader Mara Quist said the talks had made progress.").as_deref(),
        Some("Mara Quist")
    );
    // Words set off by commas between the name and the verb.
    assert_eq!(
        first_speaker(
            "Jon Reeve, the general secretary of the union, said the talks had collapsed."
        )
        .as_deref(),
        Some("Jon Reeve")
    );
    assert_eq!(
        first_speaker("Ana Lopes, a former envoy, said the truce was holding.").as_deref(),
        Some("Ana Lopes")
    );
    // Commas that set off no description: no speaker is made up.
    assert_eq!(
        first_speaker("In Varna, on the coast, said to be calm, the truce held.").as_deref(),
        None
    );
}

#[test]
fn a_listed_group_with_words_that_describe_it_speaks() {
    assert_eq!(
        first_speaker("The truce collapsed on Tuesday, the transport ministry said.").as_deref(),
        Some("the transport ministry")
    );
    assert_eq!(
        first_speaker("The truce collapsed, said the interior ministry.").as_deref(),
        Some("the interior ministry")
    );
    // "the ministry" itself, as before.
    assert_eq!(
        first_speaker("The truce collapsed, the ministry said.").as_deref(),
        Some("the ministry")
    );
    assert_eq!(
        first_speaker("The truce collapsed on Friday, according to union officials.").as_deref(),
        Some("union officials")
    );
    assert_eq!(
        first_speaker("The truce collapsed on Friday, according to officials in Varna.").as_deref(),
        Some("officials")
    );
    // A head the lexicon does not list as a group makes none.
    assert_eq!(
        first_speaker("The truce collapsed, the transport union said.").as_deref(),
        None
    );
}

#[test]
fn it_speaks_for_whoever_spoke_just_before() {
    let speaker = |text: &str| -> Vec<Option<String>> {
        statements(text)
            .iter()
            .map(|s| s.speaker.as_ref().map(|p| p.name.clone()))
            .collect()
    };
    let after_group =
        "The ministry said the ceasefire was holding. It added that the border talks had stalled.";
    assert_eq!(
        speaker(after_group),
        [
            Some("the ministry".to_string()),
            Some("the ministry".to_string())
        ]
    );
    let after_person = "Trade Minister Ruth Okafor said on Friday the strike was over. It added that the talks had made progress.";
    assert!(
        speaker(after_person)
            .iter()
            .all(|n| n.as_deref().is_some_and(|n| n.ends_with("Ruth Okafor"))),
        "{:?}",
        speaker(after_person)
    );
    // With no one speaking just before, "It" is no one, and never a name.
    for text in [
        "It added that the border talks had stalled.",
        "The strike entered its third week. It said the talks had stalled.",
        "The ministry said the truce held. Rain fell. It added that the talks had stalled.",
    ] {
        let found = speaker(text);
        assert_eq!(found.last(), Some(&None), "{text}: {found:?}");
    }
}

#[test]
fn the_talks_refers_to_the_round_named_earlier() {
    let text = "The third round of talks opened in Doha on Monday. \
                By Wednesday the talks had collapsed.";
    let found = statements(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].subject.round, Some(3));
    assert_eq!(found[0].status, "collapsed");
}

#[test]
fn a_status_with_no_event_takes_the_event_just_named() {
    let text = "The negotiations opened in Oslo. There were some faint signs of progress.";
    let found = statements(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].subject.key, "talks");
    // Too far back: no event to attach to.
    let far = "The negotiations opened in Oslo. Rain fell. Roads closed. Schools shut. Trains stopped. Shops shut. There was real progress.";
    assert!(statements(far).iter().all(|s| s.frame != "talks"));
}

#[test]
fn relative_dates_resolve_against_the_document_date() {
    let doc = Document::parse(
        "d",
        "date: 2024-05-18\n\nThe talks collapsed on Thursday. The truce held yesterday.",
    );
    let found = Detector::new().statements(&doc);
    let dates: Vec<String> = found.iter().map(|s| s.date.unwrap().to_string()).collect();
    // 2024-05-18 is a Saturday.
    assert_eq!(dates, ["2024-05-16", "2024-05-17"]);
    assert_eq!(found[0].time.as_deref(), Some("Thursday"));
}

#[test]
fn evidence_spans_slice_back() {
    let doc = Document::parse("d", "title: x\n\nIn Geneva, the talks collapsed.");
    for s in Detector::new().statements(&doc) {
        assert_eq!(&doc.text()[s.sentence.range()], s.text);
        assert!(s.sentence.contains(s.evidence));
        assert_eq!(&doc.text()[s.evidence.range()], "collapsed");
    }
}
