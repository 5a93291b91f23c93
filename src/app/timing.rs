//! Changes to the plan's minutes (`+`, `-`, `R`): undoable like the room's writing,
//! unlike the clock's starts and pauses.

use super::App;

impl App {
    /// Adds (or, negative, takes away) minutes on the current step.
    pub(super) fn adjust_minutes(&mut self, minutes: i64) {
        let step = self.session.clock().current + 1;
        let what = if minutes > 0 {
            format!("a minute more on step {step}")
        } else {
            format!("a minute less on step {step}")
        };
        self.record(what);
        let planned = i64::from(self.session.current_step().minutes) * 60;
        let now = self.now();
        self.session.clock_mut().adjust(minutes * 60, planned, now);
    }

    /// Shares out the time the room is behind (or ahead) among the steps to come.
    pub(super) fn rebalance(&mut self) {
        if self.session.clock().current + 1 >= self.session.steps().len() {
            self.say("This is the last step: no steps remain to rebalance");
            return;
        }
        self.record("the rebalance of the remaining steps");
        let now = self.now();
        self.session.rebalance(now);
        let behind = self.session.budget(now).behind_ms;
        self.say(if behind > 0 {
            "Remaining steps shortened as far as they go (one minute each at least)"
        } else {
            "Remaining steps rebalanced to finish on time"
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::app::Action;
    use crate::app::tests::app;
    use chrono::Duration;

    #[test]
    fn rebalance_on_the_last_step_says_there_is_nothing_to_do() {
        let (mut app, _) = app();
        let last = app.session.steps().len() - 1;
        app.update(Action::GoToStep(last));
        let before = app.session.timing.clone();
        app.update(Action::Rebalance);
        let status = app.status.clone().unwrap().text;
        assert!(status.contains("no steps remain"), "{status}");
        assert_eq!(app.session.timing, before);
        app.update(Action::Undo);
        assert_eq!(app.status.unwrap().text, "Nothing to undo");
    }

    #[test]
    fn minutes_and_rebalancing_are_undone_but_not_the_clock() {
        let (mut app, clock) = app();
        let allotted = |app: &crate::app::App, step: usize| {
            let minutes = app.session.steps()[step].minutes;
            app.session.timing.allotted_ms(step, minutes) / 60_000
        };
        app.update(Action::ToggleClock);
        clock.advance(Duration::minutes(8));
        app.update(Action::AddMinute);
        app.update(Action::AddMinute);
        assert_eq!(allotted(&app, 0), 7);
        app.update(Action::Rebalance);
        let after: Vec<i64> = (1..6).map(|i| allotted(&app, i)).collect();
        assert_ne!(
            after,
            vec![5, 15, 10, 5, 5],
            "the rebalance changed the plan"
        );
        app.update(Action::Undo);
        assert_eq!(
            app.status.clone().unwrap().text,
            "Undone: the rebalance of the remaining steps"
        );
        let back: Vec<i64> = (1..6).map(|i| allotted(&app, i)).collect();
        assert_eq!(back, vec![5, 15, 10, 5, 5]);
        app.update(Action::Undo);
        assert_eq!(allotted(&app, 0), 6, "one minute taken back");
        assert!(
            app.session.countdown(app.now()).running,
            "the clock still runs"
        );
        app.update(Action::Redo);
        assert_eq!(allotted(&app, 0), 7);
        app.update(Action::RemoveMinute);
        app.update(Action::Undo);
        assert_eq!(allotted(&app, 0), 7);
    }
}
