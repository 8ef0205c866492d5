//! Measures the detector on a generated corpus: throughput, stage times and
//! peak memory, for the figures in benches/README.md.
//!
//! ```text
//! cargo run --release --example scale -- 10000        # documents
//! cargo run --release --features parallel --example scale -- 10000
//! ```

// The library allocates a little per sentence and statement; a program
// reading many documents does well to pick a fast allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::time::Instant;

use gainsay::{Detector, Document};

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// Peak resident memory of this process in bytes, where Linux tells it.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn main() {
    let docs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let stories = (docs / 50).max(1);
    let articles = corpus::generate(docs, stories, 7);
    let documents: Vec<Document> = articles
        .into_iter()
        .map(|a| Document::parse(a.id, a.text))
        .collect();
    let bytes: usize = documents.iter().map(|d| d.text().len()).sum();
    let before = peak_rss().unwrap_or(0);
    let detector = Detector::new();

    // A closed pipe (`| head`) ends the output quietly.
    let mut out = std::io::stdout().lock();
    let start = Instant::now();
    let report = detector.check(&documents);
    let seconds = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    let _ = writeln!(
        out,
        "{docs} documents, {mb:.1} MB, {stories} stories: {seconds:.2} s, {:.1} MB/s, {} conflicts",
        mb / seconds,
        report.conflicts.len()
    );
    let members: usize = report
        .conflicts
        .iter()
        .map(|c| c.a_members.len() + c.b_members.len())
        .sum();
    let _ = writeln!(
        out,
        "{members} member sentences listed beside the conflicts"
    );
    if std::env::var_os("GAINSAY_STAGES").is_some() {
        let t = Instant::now();
        let n: usize = documents.iter().map(|d| detector.sentences(d).len()).sum();
        let seg = t.elapsed().as_secs_f64();
        // Each document's statements are made and dropped, on one core and
        // then on all: the same work, so the times compare.
        let t = Instant::now();
        let made: usize = documents.iter().map(|d| detector.statements(d).len()).sum();
        let ext = t.elapsed().as_secs_f64();
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            let t = Instant::now();
            let n: usize = documents
                .par_iter()
                .map(|d| detector.statements(d).len())
                .sum();
            let all = t.elapsed().as_secs_f64();
            let _ = writeln!(
                out,
                "on all cores: segment+extract+resolve {all:.2} s ({n} statements), {:.2}x one core",
                ext / all
            );
        }
        let statements: Vec<_> = documents
            .iter()
            .flat_map(|d| detector.statements(d))
            .collect();
        let t = Instant::now();
        let conflicts = detector.compare(&statements);
        let cmp = t.elapsed().as_secs_f64();
        let _ = writeln!(
            out,
            "stages: segment {seg:.2} s ({n} sentences), segment+extract+resolve {ext:.2} s ({made} statements), compare {cmp:.2} s ({} conflicts)",
            conflicts.len()
        );
    }
    if let Some(peak) = peak_rss() {
        let _ = writeln!(
            out,
            "peak memory {:.0} MB ({:.1}x the corpus; {:.0} MB before checking)",
            peak as f64 / 1e6,
            peak as f64 / bytes as f64,
            before as f64 / 1e6
        );
    }
}
