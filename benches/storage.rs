//! Saving and loading a large session (2,000 notes, 500 action rows): under 20 ms each.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn storage(c: &mut Criterion) {
    let session = common::large_session(2_000, 500);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.json");
    convene::storage::save(&path, &convene::storage::to_json(&session)).unwrap();
    let mut group = c.benchmark_group("large session");
    group.sample_size(30);
    group.bench_function("save (serialize, atomic write, fsync, backup)", |b| {
        b.iter(|| {
            convene::storage::save(&path, &convene::storage::to_json(black_box(&session))).unwrap()
        })
    });
    group.bench_function("load (read, parse, check)", |b| {
        b.iter(|| convene::storage::load(black_box(&path)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, storage);
criterion_main!(benches);
