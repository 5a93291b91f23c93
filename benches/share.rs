//! The room writing at once, at full size: 100 phones sending 10 notes each over
//! HTTP on 127.0.0.1, while the facilitator moves across the board. Every note must
//! arrive once; prints how long it took, the slowest frame drawn (160x48) and the
//! slowest key handled. `cargo bench --bench share`.

#[path = "../tests/common/share.rs"]
mod harness;

fn main() {
    let (people, notes) = (100, 10);
    let (took, timings) = harness::load(people, notes);
    println!(
        "{people} phones x {notes} notes: all {} arrived once in {took:.2?}; \
         slowest frame {:.2?}, slowest key {:.2?}",
        people * notes,
        timings.frame,
        timings.key
    );
    assert!(
        timings.frame.as_secs_f64() < 0.002,
        "a frame took {:?}",
        timings.frame
    );
    assert!(
        timings.key.as_secs_f64() < 0.010,
        "a key took {:?}",
        timings.key
    );
}
