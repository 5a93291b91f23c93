//! Timer math under random facilitation: whatever the facilitator presses, every
//! running millisecond is booked to exactly one step and paused time to none.

mod common;

use chrono::Duration;
use common::start;
use convene::domain::session::Session;
use convene::domain::template::Template;
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Toggle,
    GoTo(usize),
    Adjust(i64),
    Wait(i64),
    Rebalance,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Toggle),
        (0usize..8).prop_map(Op::GoTo),
        prop_oneof![Just(60i64), Just(-60)].prop_map(Op::Adjust),
        (0i64..900_000).prop_map(Op::Wait),
        Just(Op::Rebalance),
    ]
}

proptest! {
    #[test]
    fn running_time_is_booked_to_steps(ops in proptest::collection::vec(op(), 0..60)) {
        let mut s = Session::new(Template::default_template(), "P", start());
        let mut now = start();
        let mut running_ms = 0i64;
        for op in ops {
            match op {
                Op::Toggle => s.timing.toggle(now),
                Op::GoTo(i) => s.timing.go_to(i, now),
                Op::Adjust(secs) => {
                    let planned = i64::from(s.current_step().minutes) * 60;
                    s.timing.adjust(secs, planned, now);
                }
                Op::Wait(ms) => {
                    if s.timing.is_running() {
                        running_ms += ms;
                    }
                    now += Duration::milliseconds(ms);
                }
                Op::Rebalance => s.rebalance(now),
            }
            let budget = s.budget(now);
            prop_assert_eq!(budget.elapsed_ms, running_ms);
            for (i, step) in budget.steps.iter().enumerate() {
                prop_assert!(step.allotted_ms >= 60_000, "step {} keeps a minute", i + 1);
            }
            // A plus sign shows exactly when the step has run over.
            let c = s.countdown(now);
            let text = c.text();
            prop_assert!(text.starts_with('+') == (c.remaining_ms < 0), "{}", text);
        }
    }
}
