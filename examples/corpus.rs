//! Writes a generated corpus as JSON Lines, for measuring crosscheck.
//!
//! ```text
//! cargo run --release --example corpus -- --docs 10000 --stories 50 --seed 7 > corpus.jsonl
//! cargo run --release --example crosscheck -- --json corpus.jsonl > report.json
//! ```
//!
//! The generator (`benches/support/corpus.rs`) varies the seed articles'
//! sentences; the same arguments give the same bytes.

use std::io::Write;

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let mut docs = 1_000;
    let mut stories = 20;
    let mut seed = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (arg.as_str(), value) {
            ("--docs", Some(v)) => docs = v as usize,
            ("--stories", Some(v)) => stories = v as usize,
            ("--seed", Some(v)) => seed = v,
            _ => {
                eprintln!("usage: corpus [--docs N] [--stories M] [--seed S] > corpus.jsonl");
                std::process::exit(2);
            }
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for article in corpus::generate(docs, stories, seed) {
        let line = serde_json::json!({"id": article.id, "text": article.text});
        writeln!(out, "{line}")?;
    }
    out.flush()
}
