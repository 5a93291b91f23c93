//! The room writing at once, at full size: 100 phones sending 10 notes each over
//! HTTP on 127.0.0.1, while the facilitator moves across the board. Every note must
//! arrive once; prints how long it took, the frames drawn meanwhile (160x48) and the
//! facilitator's keys. 100 client threads share the machine's cores with the app, so
//! the slowest frame counts the times the drawing thread was not on a core; the median
//! is what drawing costs. `cargo bench --bench share`.

#[path = "../tests/common/share.rs"]
mod harness;

use harness::Timings;

fn main() {
    let (people, notes) = (100, 10);
    let (took, timings) = harness::load(people, notes);
    let (frame, slowest_frame) = Timings::median_max(&timings.frames);
    let (key, slowest_key) = Timings::median_max(&timings.keys);
    println!(
        "{people} phones x {notes} notes: all {} arrived once in {took:.2?}\n\
         {} frames at 160x48: median {frame:.2?}, slowest {slowest_frame:.2?}\n\
         {} keys: median {key:.2?}, slowest {slowest_key:.2?}",
        people * notes,
        timings.frames.len(),
        timings.keys.len(),
    );
    assert!(frame.as_secs_f64() < 0.002, "frames take {frame:?}");
    assert!(
        slowest_key.as_secs_f64() < 0.010,
        "a key took {slowest_key:?}"
    );
}
