//! Nothing: the benchmarks are in `pipeline.rs`; the corpus generator in
//! `corpus.rs` is shared with the example programs by path.
