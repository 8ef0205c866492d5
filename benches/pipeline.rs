//! Benchmarks of each stage on the seed articles: segmentation, extraction,
//! comparison and end to end.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gainsay::{Detector, Document};

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

fn stages(c: &mut Criterion) {
    let docs = seeds();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let detector = Detector::new();
    let statements: Vec<_> = docs.iter().flat_map(|d| detector.statements(d)).collect();

    let mut group = c.benchmark_group("seeds");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(detector.sentences(doc));
            }
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(detector.statements(doc));
            }
        })
    });
    group.bench_function("compare", |b| {
        b.iter(|| black_box(detector.compare(&statements)))
    });
    group.bench_function("end_to_end", |b| {
        b.iter(|| black_box(detector.check(&docs)))
    });
    group.finish();

    c.bench_function("detector_new", |b| b.iter(|| black_box(Detector::new())));
}

criterion_group!(benches, stages);
criterion_main!(benches);
