//! Which meeting is on the clock: the workshop, or one of its reviews. A review runs
//! its own agenda (copied once into the session) on its own timing, so nothing a
//! review does moves the workshop's record; the rest of the app asks the session for
//! "the agenda" and "the clock" and needs not know which meeting it is.

use super::review::{Meeting, Review};
use super::session::Session;
use super::template::Template;
use super::timer::Timing;
use chrono::{DateTime, NaiveDate, Utc};

impl Session {
    /// The agenda on the clock: the review's while one is run, else the workshop's.
    pub fn agenda(&self) -> &Template {
        match (self.in_review, &self.review_agenda) {
            (Some(_), Some(agenda)) => agenda,
            _ => &self.workshop,
        }
    }

    /// The clock of the meeting being run: a review's own, so the workshop's record is
    /// never altered by a review.
    pub fn clock(&self) -> &Timing {
        match self.in_review.and_then(|i| self.reviews.get(i)) {
            Some(review) => &review.timing,
            None => &self.timing,
        }
    }

    pub fn clock_mut(&mut self) -> &mut Timing {
        match self.in_review.and_then(|i| self.reviews.get_mut(i)) {
            Some(review) => &mut review.timing,
            None => &mut self.timing,
        }
    }

    /// The meeting changes are made in now: the review being run; else the workshop
    /// until a review has been held, and between reviews after it.
    pub fn meeting(&self) -> Meeting {
        match (self.in_review, self.reviews.len()) {
            (Some(i), _) => Meeting::Review(i as u32 + 1),
            (None, 0) => Meeting::Workshop,
            (None, n) => Meeting::After(n as u32),
        }
    }

    /// The review being run, if any.
    pub fn review(&self) -> Option<&Review> {
        self.reviews.get(self.in_review?)
    }

    /// Opens a review meeting on `agenda`: today's again if one was opened today (a
    /// facilitator who quit and came back), else the next one.
    pub fn open_review(&mut self, agenda: &Template, now: DateTime<Utc>, today: NaiveDate) {
        if self.review_agenda.is_none() {
            self.review_agenda = Some(agenda.clone());
        }
        let steps = self.steps_of_reviews();
        let index = match self.reviews.last() {
            Some(last) if last.on == today => self.reviews.len() - 1,
            _ => {
                self.reviews.push(Review {
                    held_at: now,
                    on: today,
                    attendees: Vec::new(),
                    timing: Timing::new(steps),
                });
                self.reviews.len() - 1
            }
        };
        self.in_review = Some(index);
    }

    /// Back to the workshop's agenda. Its clock is paused, as leaving a step with the
    /// clock running would count the time away. A review in which nothing happened (a
    /// stray `r`: its clock never started, nobody recorded as there, no change made in
    /// it) is not kept, so the report never counts a meeting that was not held; returns
    /// whether the review stays recorded.
    pub fn close_review(&mut self, now: DateTime<Utc>) -> bool {
        let Some(index) = self.in_review else {
            return true;
        };
        if self.clock().is_running() {
            self.clock_mut().toggle(now);
        }
        self.in_review = None;
        let n = index as u32 + 1;
        let empty = self
            .reviews
            .get(index)
            .is_some_and(|r| r.timing.log.is_empty() && r.attendees.is_empty())
            && index + 1 == self.reviews.len()
            && !self.tables.all_rows().any(|row| {
                row.history
                    .iter()
                    .any(|c| matches!(c.meeting, Meeting::Review(m) | Meeting::After(m) if m == n))
            });
        if empty {
            self.reviews.pop();
        }
        !empty
    }

    pub(super) fn steps_of_reviews(&self) -> usize {
        self.review_agenda.as_ref().map_or(0, |a| a.steps.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_review_resumes_the_same_day_and_the_next_one_starts_later() {
        let at = |d| Utc.with_ymd_and_hms(2026, 12, d, 9, 0, 0).unwrap();
        let mut s = Session::new(Template::default_template(), "Plan", at(1));
        let workshop = s.timing.clone();
        let agenda = Template::built_in("plan-review").unwrap();
        s.open_review(&agenda, at(19), at(19).date_naive());
        assert_eq!((s.meeting(), s.steps().len()), (Meeting::Review(1), 5));
        s.clock_mut().toggle(at(19));
        s.close_review(at(19) + chrono::Duration::minutes(30));
        assert!(
            !s.reviews[0].timing.is_running(),
            "leaving pauses its clock"
        );
        assert_eq!(s.meeting(), Meeting::After(1));
        s.open_review(&agenda, at(19), at(19).date_naive());
        assert_eq!(
            s.meeting(),
            Meeting::Review(1),
            "the same day: the same review"
        );
        s.close_review(at(19));
        s.open_review(&agenda, at(20), at(20).date_naive());
        assert_eq!((s.meeting(), s.reviews.len()), (Meeting::Review(2), 2));
        assert_eq!(s.timing, workshop, "the workshop's clock untouched");
    }

    #[test]
    fn a_review_in_which_nothing_happened_is_not_kept() {
        let at = |d| Utc.with_ymd_and_hms(2026, 12, d, 9, 0, 0).unwrap();
        let mut s = Session::new(Template::default_template(), "Plan", at(1));
        let agenda = Template::built_in("plan-review").unwrap();
        s.open_review(&agenda, at(1), at(1).date_naive());
        assert!(!s.close_review(at(1)), "a stray r on the workshop's day");
        assert!(s.reviews.is_empty());
        assert_eq!(s.meeting(), Meeting::Workshop);
        s.open_review(&agenda, at(19), at(19).date_naive());
        s.clock_mut().toggle(at(19));
        assert!(s.close_review(at(19)), "a review whose clock ran was held");
        assert_eq!(s.reviews.len(), 1);
    }

    #[test]
    fn a_review_finds_the_columns_it_names_by_their_part() {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let p4s = Template::built_in("planning-for-success").unwrap();
        let mut s = Session::new(p4s, "School plan", at);
        let agenda = Template::built_in("plan-review").unwrap();
        s.open_review(&agenda, at, at.date_naive());
        s.clock_mut().go_to(1, at); // owner, due, status first
        let keys: Vec<&str> = s.column_order()[..4]
            .iter()
            .map(|&i| s.step_table().columns[i].key.as_str())
            .collect();
        assert_eq!(keys, ["benchmark", "responsible", "date", "status"]);
    }
}
