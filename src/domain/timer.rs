//! Timer math. Everything is derived from timestamps stored in the session, so a session
//! reopened after a crash shows the time that real time has put on the clock.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};

/// Where the app gets the time from; tests use [`FakeClock`] to fast-forward.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The system's clock moved to another moment (`--now`, `CONVENE_NOW`): to try a review
/// weeks after a workshop. Time runs on from there at the normal pace.
pub struct ShiftedClock {
    pub by: Duration,
}

impl ShiftedClock {
    /// A clock that reads `at` now.
    pub fn starting_at(at: DateTime<Utc>) -> ShiftedClock {
        ShiftedClock {
            by: at - Utc::now(),
        }
    }
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.by
    }
}

/// A clock that only moves when told to. Clones share the same time.
#[derive(Clone)]
pub struct FakeClock(Arc<Mutex<DateTime<Utc>>>);

impl FakeClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        FakeClock(Arc::new(Mutex::new(start)))
    }

    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl Clock for FakeClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

/// The running state of the agenda, saved with the session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    /// Index of the current step.
    pub current: usize,
    /// Set while the clock runs: when the current stretch of running began.
    pub running_since: Option<DateTime<Utc>>,
    /// Milliseconds spent on each step, not counting the stretch that is running now.
    pub spent_ms: Vec<i64>,
    /// Seconds added to (or, negative, taken from) each step's planned time.
    pub adjust_secs: Vec<i64>,
    /// Every timer action, for the record of how the workshop really went.
    pub log: Vec<LogEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub at: DateTime<Utc>,
    pub step: usize,
    pub event: TimerEvent,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimerEvent {
    Start,
    Pause,
    Resume,
    GoTo { to: usize },
    Adjust { secs: i64 },
    Rebalance,
}

/// How urgent the clock looks: never shown by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Calm,
    /// The last fifth of the step.
    Warning,
    /// The last minute.
    Urgent,
    Overtime,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Calm => "ON TIME",
            Stage::Warning => "TIME RUNNING LOW",
            Stage::Urgent => "LAST MINUTE",
            Stage::Overtime => "TIME IS UP",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Stage::Calm => "●",
            Stage::Warning => "▲",
            Stage::Urgent => "◆",
            Stage::Overtime => "■",
        }
    }
}

const MINUTE_MS: i64 = 60_000;

impl Timing {
    pub fn new(steps: usize) -> Self {
        Timing {
            spent_ms: vec![0; steps],
            adjust_secs: vec![0; steps],
            ..Timing::default()
        }
    }

    /// Makes the per-step vectors match the agenda (an older or hand-edited file may differ).
    pub fn fit(&mut self, steps: usize) {
        self.spent_ms.resize(steps, 0);
        self.adjust_secs.resize(steps, 0);
        self.current = self.current.min(steps.saturating_sub(1));
    }

    /// When Space was first pressed: the log's first entry says so.
    pub fn started_at(&self) -> Option<DateTime<Utc>> {
        self.log
            .iter()
            .find(|e| e.event == TimerEvent::Start)
            .map(|e| e.at)
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    fn log(&mut self, now: DateTime<Utc>, event: TimerEvent) {
        self.log.push(LogEntry {
            at: now,
            step: self.current,
            event,
        });
    }

    /// Space: start the first time, then pause and resume.
    pub fn toggle(&mut self, now: DateTime<Utc>) {
        if self.running_since.is_some() {
            self.bank(now);
            self.running_since = None;
            self.log(now, TimerEvent::Pause);
        } else {
            let event = if self.started_at().is_none() {
                TimerEvent::Start
            } else {
                TimerEvent::Resume
            };
            self.running_since = Some(now);
            self.log(now, event);
        }
    }

    /// Adds the running stretch to the current step's spent time.
    fn bank(&mut self, now: DateTime<Utc>) {
        if let Some(since) = self.running_since {
            let ms = (now - since).num_milliseconds().max(0);
            self.spent_ms[self.current] += ms;
            self.running_since = Some(now);
        }
    }

    pub fn go_to(&mut self, step: usize, now: DateTime<Utc>) {
        let step = step.min(self.spent_ms.len() - 1);
        if step == self.current {
            return;
        }
        self.bank(now);
        self.log(now, TimerEvent::GoTo { to: step });
        self.current = step;
    }

    pub fn adjust(&mut self, secs: i64, planned_secs: i64, now: DateTime<Utc>) {
        let current = &mut self.adjust_secs[self.current];
        // A step keeps at least one minute.
        *current = (*current + secs).max(MINUTE_MS / 1000 - planned_secs);
        self.log(now, TimerEvent::Adjust { secs });
    }

    pub fn spent_ms(&self, step: usize, now: DateTime<Utc>) -> i64 {
        let mut ms = self.spent_ms.get(step).copied().unwrap_or(0);
        if step == self.current
            && let Some(since) = self.running_since
        {
            ms += (now - since).num_milliseconds().max(0);
        }
        ms
    }

    /// The time the room has for a step: planned plus adjustments, in milliseconds.
    pub fn allotted_ms(&self, step: usize, planned_minutes: u32) -> i64 {
        i64::from(planned_minutes) * MINUTE_MS
            + self.adjust_secs.get(step).copied().unwrap_or(0) * 1000
    }
}

/// How many whole minutes each later step gives up (negative: gains) so that the
/// room makes up `minutes_to_cut`: shares in proportion to each step's `allotted`
/// minutes, the remainder of the division handed out a minute at a time, longest
/// steps first. (Each step keeping its last minute is the caller's floor.)
pub fn rebalance_shares(minutes_to_cut: i64, allotted: &[i64]) -> Vec<i64> {
    let total: i64 = allotted.iter().sum();
    let mut shares: Vec<i64> = allotted
        .iter()
        .map(|&a| (minutes_to_cut * a) / total.max(1))
        .collect();
    let left = minutes_to_cut - shares.iter().sum::<i64>();
    let mut longest_first: Vec<usize> = (0..allotted.len()).collect();
    longest_first.sort_by_key(|&k| std::cmp::Reverse(allotted[k]));
    for &k in longest_first
        .iter()
        .cycle()
        .take(left.unsigned_abs() as usize)
    {
        shares[k] += left.signum();
    }
    shares
}

/// What the clock shows for the current step at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Countdown {
    /// Milliseconds left; negative in overtime.
    pub remaining_ms: i64,
    pub allotted_ms: i64,
    pub stage: Stage,
    pub running: bool,
}

impl Countdown {
    pub fn new(allotted_ms: i64, spent_ms: i64, running: bool) -> Self {
        let remaining_ms = allotted_ms - spent_ms;
        let stage = if remaining_ms < 0 {
            Stage::Overtime
        } else if remaining_ms <= MINUTE_MS {
            Stage::Urgent
        } else if remaining_ms * 5 <= allotted_ms {
            Stage::Warning
        } else {
            Stage::Calm
        };
        Countdown {
            remaining_ms,
            allotted_ms,
            stage,
            running,
        }
    }

    /// `04:59` counting down, `+01:20` in overtime. Counting down rounds up, so the
    /// clock shows 05:00 for the whole first second and 00:00 only when time is up.
    pub fn text(&self) -> String {
        if self.remaining_ms < 0 {
            format!("+{}", mm_ss((-self.remaining_ms) / 1000))
        } else {
            mm_ss((self.remaining_ms + 999) / 1000)
        }
    }

    /// Milliseconds until the displayed text next changes.
    pub fn ms_to_next_change(&self) -> i64 {
        let r = self.remaining_ms;
        if r > 0 {
            let m = r % 1000;
            if m == 0 { 1000 } else { m }
        } else {
            // Overtime counts up from the moment time ran out.
            1000 - ((-r) % 1000)
        }
    }
}

/// `mm:ss`, or `h:mm:ss` from an hour up.
pub fn mm_ss(total_secs: i64) -> String {
    let (h, m, s) = (total_secs / 3600, (total_secs / 60) % 60, total_secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// A signed minutes-and-seconds figure: `+2:30` behind, `-1:00` ahead.
pub fn signed_mm_ss(ms: i64) -> String {
    let sign = if ms < 0 { "-" } else { "+" };
    let secs = ms.abs() / 1000;
    format!("{sign}{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_delay_is_shared_in_proportion_and_the_rest_goes_to_the_longest() {
        // 4 minutes over 15, 10 and 5: 2, 1, 0 by proportion, one left for the 15.
        assert_eq!(rebalance_shares(4, &[15, 10, 5]), [3, 1, 0]);
        // A lead is given back the same way.
        assert_eq!(rebalance_shares(-4, &[15, 10, 5]), [-3, -1, 0]);
        // What cannot be divided evenly cycles through, longest first, ties in order.
        assert_eq!(rebalance_shares(2, &[5, 5, 5]), [1, 1, 0]);
        assert_eq!(rebalance_shares(0, &[5, 10]), [0, 0]);
        for (cut, allotted) in [(7, vec![1, 2, 3]), (-11, vec![4, 4]), (3, vec![0, 0])] {
            let shares = rebalance_shares(cut, &allotted);
            assert_eq!(shares.iter().sum::<i64>(), cut, "every minute is placed");
        }
    }

    #[test]
    fn countdown_text_rounds_up_then_counts_overtime() {
        assert_eq!(Countdown::new(300_000, 0, true).text(), "05:00");
        assert_eq!(Countdown::new(300_000, 1, true).text(), "05:00");
        assert_eq!(Countdown::new(300_000, 1000, true).text(), "04:59");
        assert_eq!(Countdown::new(300_000, 300_000, true).text(), "00:00");
        assert_eq!(Countdown::new(300_000, 380_000, true).text(), "+01:20");
    }

    #[test]
    fn stages_follow_the_remaining_time() {
        let stage = |spent_s: i64| Countdown::new(600_000, spent_s * 1000, true).stage;
        assert_eq!(stage(0), Stage::Calm);
        assert_eq!(stage(479), Stage::Calm);
        assert_eq!(stage(480), Stage::Warning, "last fifth of 10 minutes");
        assert_eq!(stage(540), Stage::Urgent, "last minute");
        assert_eq!(stage(600), Stage::Urgent, "00:00 is still the last minute");
        assert_eq!(stage(601), Stage::Overtime);
    }

    #[test]
    fn next_change_lands_on_the_display_boundary() {
        assert_eq!(Countdown::new(300_000, 0, true).ms_to_next_change(), 1000);
        assert_eq!(Countdown::new(300_000, 250, true).ms_to_next_change(), 750);
        assert_eq!(
            Countdown::new(300_000, 300_250, true).ms_to_next_change(),
            750
        );
    }

    #[test]
    fn paused_time_does_not_count() {
        let mut t = Timing::new(2);
        let now = t0();
        t.toggle(now);
        t.toggle(now + Duration::seconds(30));
        assert_eq!(t.spent_ms(0, now + Duration::minutes(10)), 30_000);
        t.toggle(now + Duration::minutes(10));
        assert_eq!(t.spent_ms(0, now + Duration::minutes(11)), 90_000);
        let events: Vec<_> = t.log.iter().map(|e| e.event.clone()).collect();
        assert_eq!(
            events,
            vec![TimerEvent::Start, TimerEvent::Pause, TimerEvent::Resume]
        );
    }

    #[test]
    fn adjusting_never_leaves_a_step_under_a_minute() {
        let mut t = Timing::new(1);
        for _ in 0..10 {
            t.adjust(-60, 300, t0());
        }
        assert_eq!(t.allotted_ms(0, 5), 60_000);
    }
}
