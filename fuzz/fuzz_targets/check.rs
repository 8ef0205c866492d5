//! Any bytes, read as two documents, give a report with true spans.
#![no_main]

use gainsay::{Detector, Document, Report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The input split in two: two documents that may contradict each other.
    let cut = (0..=text.len() / 2).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let docs = [
        Document::parse("a", &text[..cut]),
        Document::parse("b", &text[cut..]),
    ];
    let report = Detector::new().check(&docs);
    assert_eq!(report.documents.len(), 2);
    for c in &report.conflicts {
        for side in [&c.a, &c.b] {
            let doc = docs.iter().find(|d| d.id() == side.document).unwrap();
            assert_eq!(&doc.text()[side.start..side.end], side.sentence);
        }
    }
    assert_eq!(Report::from_json(&report.to_json()).unwrap(), report);
});
