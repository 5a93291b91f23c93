//! Undo and redo for everything the room writes: initiatives, boards, the tables, the
//! session's fields and its groups.
//! Each change stores a copy of that content before it, and the minutes added to or
//! taken from steps (`+`, `-`, `R`); the clock's starts, pauses and step moves are not
//! undone: they are what happened in the room.

use crate::domain::board::Board;
use crate::domain::groups::Groups;
use crate::domain::roster::Person;
use crate::domain::session::{Initiative, Session};
use crate::domain::tables::Tables;
use std::collections::BTreeMap;

const DEPTH: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    initiatives: Vec<Initiative>,
    boards: BTreeMap<String, Board>,
    tables: Tables,
    fields: BTreeMap<String, String>,
    groups: Option<Groups>,
    next_review: String,
    roster: Vec<Person>,
    /// The minutes added to or taken from steps, of the meeting whose clock it was:
    /// the workshop's (`None`) or review N's (its index).
    adjust_secs: (Option<usize>, Vec<i64>),
}

impl Content {
    pub fn of(session: &Session) -> Content {
        Content {
            initiatives: session.initiatives.clone(),
            boards: session.boards.clone(),
            tables: session.tables.clone(),
            fields: session.fields.clone(),
            groups: session.groups.clone(),
            next_review: session.next_review.clone(),
            roster: session.roster.clone(),
            adjust_secs: (session.in_review, session.clock().adjust_secs.clone()),
        }
    }

    fn restore(self, session: &mut Session) {
        session.initiatives = self.initiatives;
        session.boards = self.boards;
        session.tables = self.tables;
        session.fields = self.fields;
        session.groups = self.groups;
        session.next_review = self.next_review;
        session.roster = self.roster;
        let (meeting, adjust) = self.adjust_secs;
        match meeting {
            Some(i) => {
                if let Some(review) = session.reviews.get_mut(i) {
                    review.timing.adjust_secs = adjust;
                }
            }
            None => session.timing.adjust_secs = adjust,
        }
    }
}

#[derive(Default)]
pub struct History {
    undo: Vec<(Content, String)>,
    redo: Vec<(Content, String)>,
    /// Counts the changes recorded, so the app knows when one was (to write the
    /// rows' history against the content before it).
    recorded: u64,
}

impl History {
    /// Call before changing the content; `what` names the change for the status line.
    pub fn record(&mut self, session: &Session, what: impl Into<String>) {
        self.undo.push((Content::of(session), what.into()));
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.recorded += 1;
    }

    pub fn recorded(&self) -> u64 {
        self.recorded
    }

    /// The tables before the last change recorded.
    pub fn last_tables(&self) -> Option<&Tables> {
        self.undo.last().map(|(content, _)| &content.tables)
    }

    /// Restores the content before the last change; returns what was undone.
    pub fn undo(&mut self, session: &mut Session) -> Option<String> {
        let (before, what) = self.undo.pop()?;
        self.redo.push((Content::of(session), what.clone()));
        before.restore(session);
        Some(what)
    }

    pub fn redo(&mut self, session: &mut Session) -> Option<String> {
        let (after, what) = self.redo.pop()?;
        self.undo.push((Content::of(session), what.clone()));
        after.restore(session);
        Some(what)
    }

    pub fn depth(&self) -> usize {
        self.undo.len()
    }
}
