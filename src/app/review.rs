//! The review meeting in the app: opening and leaving it (`r`), a row's progress note
//! (`N`), moving its date (`t`), the next review's date (`T`), and the history that
//! records itself: after every change the undo history remembers, what changed in
//! the followed columns is written into the rows' history, so undo takes both away.

use super::App;
use super::editor::{EditTarget, Editor};
use super::table::TableEdit;
use crate::domain::dates;
use crate::domain::plan::Roles;
use crate::domain::review;
use crate::domain::template::{REVIEW_TEMPLATE, Template};
use crate::domain::text::{sanitize, sanitize_line};

impl App {
    /// Opens the review meeting (today's again, or the next one); in a review, goes
    /// back to the workshop's agenda (the review stays recorded once anything happened
    /// in it).
    pub(super) fn toggle_review(&mut self) {
        self.commit_open_editor();
        let now = self.now();
        if self.session.in_review.is_some() {
            if self.session.close_review(now) {
                self.say("Back to the workshop's agenda (r opens the review again)");
            } else {
                self.say("Back to the workshop: nothing happened in the review, so it is not kept");
            }
        } else {
            let agenda = match &self.session.review_agenda {
                Some(agenda) => agenda.clone(),
                None => {
                    Template::built_in(REVIEW_TEMPLATE).expect("the review template is built in")
                }
            };
            let today = self.today();
            self.session.open_review(&agenda, now, today);
            let n = self.session.reviews.len();
            self.say(format!(
                "Review {n} of the plan, {}: the table opens on what needs attention",
                dates::long(today)
            ));
        }
        self.board = super::board::BoardUi::default();
        self.table = super::table::TableUi::default();
        self.plenary = 0;
        self.touch();
    }

    /// `convene review`: the review meeting open, today's (a review left open on an
    /// earlier day is closed and the next one opened).
    pub fn open_review_meeting(&mut self) {
        let today = self.today();
        if self.session.review().is_some_and(|r| r.on != today) {
            self.session.close_review(self.now());
        }
        if self.session.in_review.is_none() {
            self.toggle_review();
        }
    }

    /// Records who is at the review being run (each name once, cleaned as typed).
    pub fn add_attendees(&mut self, names: &[String]) {
        let Some(review) = self
            .session
            .in_review
            .and_then(|i| self.session.reviews.get_mut(i))
        else {
            return;
        };
        for name in names.iter().map(|n| sanitize_line(n).trim().to_string()) {
            if !name.is_empty()
                && !review
                    .attendees
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&name))
            {
                review.attendees.push(name);
            }
        }
        self.touch();
    }

    /// The focused row's progress note for this meeting: what happened, the evidence.
    pub(super) fn edit_progress_note(&mut self) {
        let Some(row) = self.table.focused(&self.session) else {
            return self.say("No row to write progress for");
        };
        let meeting = self.session.meeting();
        let text = row.note_in(meeting).unwrap_or("").to_string();
        let label = format!("Progress, {meeting}: what happened, the evidence (Enter keeps it)");
        self.editor = Some(Editor::new(
            EditTarget::Table(TableEdit::Note { row: row.id }),
            label,
            &text,
            true,
        ));
    }

    pub(super) fn commit_progress_note(&mut self, row: u64, text: &str) {
        let text = sanitize(text).trim().to_string();
        let meeting = self.session.meeting();
        let Some(current) = self.session.tables.row(row) else {
            return;
        };
        if current.note_in(meeting).unwrap_or("") == text {
            return;
        }
        self.record("progress note");
        let today = self.today();
        if let Some(r) = self.session.tables.row_mut(row) {
            r.set_note(meeting, today, text);
        }
        self.after_content_change();
        self.say(format!(
            "Progress noted for {meeting} (v shows the row's history)"
        ));
    }

    /// Edits the focused row's date column: moving a date is two keys, `t` and Enter.
    pub(super) fn move_date(&mut self) {
        match Roles::of(&self.session.step_table().columns).due {
            Some(due) => {
                self.table.column = due;
                self.table_action(super::table::TableAction::Edit);
            }
            None => self.say("This table has no date column"),
        }
    }

    /// The next review's date, typed as in the table.
    pub(super) fn edit_next_review(&mut self) {
        let stored = &self.session.next_review;
        let shown = dates::stored(stored).map_or(stored.clone(), dates::long);
        self.editor = Some(
            Editor::new(
                EditTarget::NextReview,
                "Next review: a date (\"in 4 weeks\", \"jan 20\"), Enter keeps it",
                &shown,
                false,
            )
            .with_text_selected(),
        );
    }

    pub(super) fn commit_next_review(&mut self, text: &str) {
        let line = sanitize_line(text).trim().to_string();
        let value = if line.is_empty() {
            line
        } else {
            match dates::parse_date(&line, self.today()) {
                Ok(date) => {
                    self.say(format!("Next review: {}", dates::long(date)));
                    dates::iso(date)
                }
                Err(why) => {
                    self.warn(format!("Kept {line:?}, but it is not a date: {why}"));
                    line
                }
            }
        };
        if value != self.session.next_review {
            self.record("next review");
            self.session.next_review = value;
            self.after_content_change();
        }
    }

    /// Writes into the rows' history what the last change recorded for undo did to
    /// the followed columns, once per change.
    pub(super) fn record_row_history(&mut self) {
        if self.history.recorded() == self.history_written {
            return;
        }
        self.history_written = self.history.recorded();
        let Some(before) = self.history.last_tables() else {
            return;
        };
        let meeting = self.session.meeting();
        let today = self.today();
        let session = &mut self.session;
        review::record_changes(
            &session.workshop,
            before,
            &mut session.tables,
            meeting,
            today,
        );
    }
}
