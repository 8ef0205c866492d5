//! Benchmarks of each stage (segmentation, extraction, resolution,
//! comparison) and of the whole check, on the seed articles and on a
//! generated corpus.
//!
//! ```text
//! cargo bench -p gainsay-benches                 # all
//! cargo bench -p gainsay-benches -- corpus/      # the generated corpus only
//! ```

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gainsay::__stages as stages;
use gainsay::{Detector, Document};

#[path = "support/corpus.rs"]
mod corpus;

/// Documents in the generated corpus (about 4.4 MB of text).
const CORPUS_DOCS: usize = 1_000;

fn seeds() -> Vec<Document> {
    let mut paths: Vec<_> = std::fs::read_dir("seeds")
        .expect("run from the crate root")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| Document::from_path(p).ok())
        .collect()
}

/// One benchmark per stage and one end to end, on `docs`.
fn bench_stages(c: &mut Criterion, name: &str, docs: &[Document]) {
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let detector = Detector::new();
    let sentences: Vec<_> = docs.iter().map(|d| detector.sentences(d)).collect();
    let facts: Vec<_> = docs
        .iter()
        .zip(&sentences)
        .map(|(d, s)| stages::extract(&detector, d, s))
        .collect();
    let statements: Vec<_> = docs.iter().flat_map(|d| detector.statements(d)).collect();

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    if docs.len() > 100 {
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(5));
    }
    group.bench_function("segment", |b| {
        b.iter(|| {
            for doc in docs {
                black_box(detector.sentences(doc));
            }
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for (doc, s) in docs.iter().zip(&sentences) {
                black_box(stages::extract(&detector, doc, s));
            }
        })
    });
    group.bench_function("resolve", |b| {
        b.iter(|| {
            for (doc, f) in docs.iter().zip(&facts) {
                black_box(stages::resolve(&detector, doc, f));
            }
        })
    });
    group.bench_function("compare", |b| {
        b.iter(|| black_box(detector.compare(&statements)))
    });
    group.bench_function("end_to_end", |b| b.iter(|| black_box(detector.check(docs))));
    group.finish();
}

fn on_seeds(c: &mut Criterion) {
    bench_stages(c, "seeds", &seeds());
    c.bench_function("detector_new", |b| b.iter(|| black_box(Detector::new())));
}

fn on_corpus(c: &mut Criterion) {
    let docs = corpus::documents(CORPUS_DOCS, CORPUS_DOCS / 50, 7);
    bench_stages(c, "corpus", &docs);
}

criterion_group!(benches, on_seeds, on_corpus);
criterion_main!(benches);
