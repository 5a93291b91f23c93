//! What the board's keys do to notes and panes.

use super::{BoardAction, BoardEdit, quote};
use crate::app::App;
use crate::app::editor::{EditTarget, Editor};
use crate::domain::board::{Note, with_author};
use crate::domain::promote;
use crate::domain::template::Activity;
use crate::domain::text::{sanitize_line, shorten, with_article};

impl App {
    pub(in crate::app) fn board_action(&mut self, action: BoardAction) {
        let Some(board) = self.board_id() else { return };
        self.board.clamp(&self.session);
        let note = self.focused_note().cloned();
        match action {
            BoardAction::Add => {
                let Some(pane) = self
                    .current_board()
                    .and_then(|b| b.panes.get(self.board.pane))
                else {
                    return;
                };
                let target = EditTarget::Board(BoardEdit::New {
                    board,
                    pane: pane.key.clone(),
                });
                self.editor = Some(Editor::new(
                    target,
                    "New note (\"AB: \" first sets initials)",
                    "",
                    true,
                ));
            }
            BoardAction::Focus(dir) => self.move_focus(dir),
            BoardAction::Pane { forward } => {
                let panes = self.current_board().map_or(0, |b| b.panes.len());
                if panes > 0 {
                    let p = self.board.pane;
                    self.board.pane = if forward {
                        (p + 1) % panes
                    } else {
                        (p + panes - 1) % panes
                    };
                    self.board.note = self.first_note_in_view(self.board.pane);
                }
            }
            BoardAction::Ends { last } => self.board.note = if last { usize::MAX } else { 0 },
            BoardAction::Sort => self.sort_pane(),
            BoardAction::Compact => {
                self.board.compact = !self.board.compact;
                let key = self
                    .keymap
                    .first_keys(crate::app::keys::Context::Board, &["compact"]);
                self.say(if self.board.compact {
                    format!("Compact view: every note on one or two lines ({key}: cards)")
                } else {
                    format!(
                        "Cards (a pane too full for its cards still shows compact; {key}: compact)"
                    )
                });
            }
            _ => {
                let Some(note) = note else {
                    self.say("No note here: press a to add one");
                    return;
                };
                self.note_action(action, board, note);
            }
        }
    }

    /// Actions on the focused note.
    fn note_action(&mut self, action: BoardAction, board: String, note: Note) {
        let id = note.id;
        let (p, i) = (self.board.pane, self.board.note);
        match action {
            BoardAction::Edit => {
                let text = with_author(note.author.as_deref(), &note.text);
                self.editor = Some(Editor::new(
                    EditTarget::Board(BoardEdit::Text { board, note: id }),
                    "Edit note (\"AB: \" first sets initials)",
                    &text,
                    true,
                ));
            }
            BoardAction::Delete => {
                self.record(format!("delete note {}", quote(&note.text)));
                if let Some(b) = self.current_board_mut() {
                    b.remove(id);
                }
                self.after_content_change();
                self.say(format!("Deleted {} (u undoes)", quote(&note.text)));
            }
            BoardAction::Colour { forward } => {
                let colour = if forward {
                    note.colour.next()
                } else {
                    note.colour.prev()
                };
                self.record(format!("colour {}", colour.name()));
                if let Some(n) = self.current_board_mut().and_then(|b| b.note_mut(id)) {
                    n.colour = colour;
                }
                self.after_content_change();
                self.say(format!("Colour: {} {}", colour.name(), colour.marker()));
            }
            BoardAction::MoveToPane { forward } => {
                let panes = self.current_board().map_or(0, |b| b.panes.len());
                let to = if forward {
                    Some(p + 1).filter(|&t| t < panes)
                } else {
                    p.checked_sub(1)
                };
                let Some(to) = to else {
                    self.say(if forward {
                        "Already in the last pane"
                    } else {
                        "Already in the first pane"
                    });
                    return;
                };
                let title = self
                    .current_board()
                    .map(|b| sanitize_line(&b.panes[to].title))
                    .unwrap_or_default();
                self.record(format!("move note to {title:?}"));
                if let Some(idx) = self
                    .current_board_mut()
                    .and_then(|b| b.move_to_pane(id, to))
                {
                    (self.board.pane, self.board.note) = (to, idx);
                }
                self.after_content_change();
                self.say(format!("Moved to {title}"));
            }
            BoardAction::Shift { forward } => {
                let len = self.current_board().map_or(0, |b| b.panes[p].notes.len());
                if (forward && i + 1 >= len) || (!forward && i == 0) {
                    self.say(if forward {
                        "Already the last note of this pane"
                    } else {
                        "Already the first note of this pane"
                    });
                    return;
                }
                self.record("reorder note");
                if let Some(idx) = self
                    .current_board_mut()
                    .and_then(|b| b.panes[p].shift(i, forward))
                {
                    self.board.note = idx;
                }
                self.after_content_change();
            }
            BoardAction::Vote | BoardAction::Unvote => {
                let up = action == BoardAction::Vote;
                if !up && note.votes == 0 {
                    self.say("No votes to take back");
                    return;
                }
                self.record(if up { "vote" } else { "take back a vote" });
                let votes = if up {
                    note.votes.saturating_add(1)
                } else {
                    note.votes - 1
                };
                if let Some(n) = self.current_board_mut().and_then(|b| b.note_mut(id)) {
                    n.votes = votes;
                    // "0 votes (3 from the room)" must never be said.
                    n.room_votes = n.room_votes.min(votes);
                }
                self.after_content_change();
                self.say(format!(
                    "{votes} vote{} on {}",
                    if votes == 1 { "" } else { "s" },
                    quote(&note.text)
                ));
            }
            BoardAction::Group => {
                let groups: Vec<String> = self
                    .current_board()
                    .map(|b| b.panes[p].groups().into_iter().map(String::from).collect())
                    .unwrap_or_default();
                let offer = note.group.clone().or_else(|| self.nearby_group(p, i));
                let label = if groups.is_empty() {
                    "Cluster heading for this note".to_string()
                } else {
                    shorten(
                        &format!("Cluster heading (existing: {})", groups.join(", ")),
                        70,
                    )
                };
                self.editor = Some(Editor::new(
                    EditTarget::Board(BoardEdit::Group { board, note: id }),
                    label,
                    offer.as_deref().unwrap_or(""),
                    false,
                ));
            }
            BoardAction::Ungroup => {
                let Some(group) = note.group else {
                    self.say("This note is not in a cluster");
                    return;
                };
                self.record(format!("take note out of {group:?}"));
                if let Some(idx) = self.current_board_mut().and_then(|b| b.set_group(id, None)) {
                    self.board.note = idx;
                }
                self.after_content_change();
                self.say(format!("Out of cluster “{group}”"));
            }
            BoardAction::Promote => self.promote(p, note),
            BoardAction::Add
            | BoardAction::Focus(_)
            | BoardAction::Pane { .. }
            | BoardAction::Ends { .. }
            | BoardAction::Sort
            | BoardAction::Compact => {}
        }
    }

    /// The cluster a note next to the focused one is in: what `g` offers to join.
    fn nearby_group(&self, pane: usize, i: usize) -> Option<String> {
        let notes = &self.current_board()?.panes.get(pane)?.notes;
        let before = notes[..i].iter().rev().find_map(|n| n.group.clone());
        before.or_else(|| notes[i + 1..].iter().find_map(|n| n.group.clone()))
    }

    fn sort_pane(&mut self) {
        let p = self.board.pane;
        let Some(pane) = self.current_board().and_then(|b| b.panes.get(p)) else {
            return;
        };
        let focused = pane.notes.get(self.board.note).map(|n| n.id);
        let mut sorted = pane.clone();
        if !sorted.sort_by_votes() {
            self.say("Already sorted by votes");
            return;
        }
        self.record("sort by votes");
        if let Some(id) = focused {
            self.board.note = sorted.notes.iter().position(|n| n.id == id).unwrap_or(0);
        }
        if let Some(b) = self.current_board_mut() {
            b.panes[p] = sorted;
        }
        self.after_content_change();
        self.say("Sorted by votes, most first (u undoes)");
    }

    /// Turns the focused note into a row of the table its board promotes to, once.
    fn promote(&mut self, pane: usize, note: Note) {
        if self.session.tables.promoted_notes().contains(&note.id) {
            self.say("Already in the plan: promoting again adds nothing");
            return;
        }
        let Some(spec) = self.session.current_step().board().cloned() else {
            return;
        };
        let (key, pane_title) = self
            .current_board()
            .map(|b| (b.panes[pane].key.clone(), b.panes[pane].title.clone()))
            .unwrap_or_default();
        let initiative = self.session.initiative_for_pane(&key);
        let needs = promote::needs_initiative(&self.session.workshop, &spec);
        if needs && initiative.is_none() {
            self.warn("A plan row belongs to an initiative: press i and add one first");
            return;
        }
        self.record(format!("promote {} to the plan", quote(&note.text)));
        let row_id = self.session.new_id();
        let (table, row) = promote::promote(
            &self.session.workshop,
            &spec,
            &pane_title,
            &note,
            initiative,
            row_id,
        );
        self.session.tables.table_mut(&table).rows.push(row);
        self.after_content_change();
        let def = self.session.workshop.table(&table);
        let noun = def.map(|t| t.noun.clone()).unwrap_or_default();
        let owner = match initiative.filter(|_| needs) {
            Some(id) => self
                .session
                .initiative(id)
                .map(|i| format!(" of “{}”", sanitize_line(&i.name)))
                .unwrap_or_default(),
            None => String::new(),
        };
        let step = self.session.steps().iter().position(|s| match &s.activity {
            Activity::Table(t) => self.session.workshop.step_table(t).key == table,
            _ => false,
        });
        let title = def.map(|t| sanitize_line(&t.title)).unwrap_or_default();
        self.say(match step {
            Some(s) => format!(
                "Now {}{owner} in {title} (step {})",
                with_article(&noun),
                s + 1
            ),
            None => format!("Now {}{owner} in {title}", with_article(&noun)),
        });
    }
}
