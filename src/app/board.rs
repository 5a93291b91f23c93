//! Board interaction: focus, notes added in rapid succession and edited in place,
//! moved, coloured, clustered, dot-voted and promoted to the action plan.

use super::App;
use super::editor::{EditTarget, Editor};
use crate::domain::board::{Board, Note, parse_author, with_author};
use crate::domain::plan::PlanRow;
use crate::domain::session::Session;
use crate::domain::template::Activity;
use crate::domain::text::{sanitize_line, shorten};
use crate::layout::board::{self as geometry, BoardLayout, Focus};

/// Which pane and note have the focus, and how far each pane is scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardUi {
    pub pane: usize,
    pub note: usize,
    /// First content line shown, per pane (kept so the focused card is in view).
    pub scroll: Vec<u32>,
    /// The board and its note ids as last seen: a note that appears since (an undone
    /// delete, a redone add) takes the focus, so the room sees it come back.
    seen: Option<(String, Vec<u64>)>,
}

impl BoardUi {
    /// Keeps the focus on a pane and note that exist; a note that was not there the
    /// last time takes the focus.
    pub fn clamp(&mut self, session: &Session) {
        let Some((id, board)) = session
            .current_step()
            .board()
            .and_then(|spec| Some((&spec.board, session.boards.get(&spec.board)?)))
        else {
            return;
        };
        let mut ids: Vec<u64> = board
            .panes
            .iter()
            .flat_map(|p| p.notes.iter().map(|n| n.id))
            .collect();
        ids.sort_unstable();
        if let Some((seen_board, seen)) = &self.seen
            && seen_board == id
            && let Some(&new) = ids.iter().rev().find(|n| seen.binary_search(n).is_err())
            && let Some((p, i)) = board.locate(new)
        {
            (self.pane, self.note) = (p, i);
        }
        self.seen = Some((id.clone(), ids));
        self.pane = self.pane.min(board.panes.len().saturating_sub(1));
        let notes = board.panes.get(self.pane).map_or(0, |p| p.notes.len());
        self.note = self.note.min(notes.saturating_sub(1));
        self.scroll.resize(board.panes.len(), 0);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardAction {
    /// Open the editor for a new note in the focused pane (rapid entry).
    Add,
    Edit,
    Delete,
    Colour {
        forward: bool,
    },
    Focus(Dir),
    /// Tab / Shift-Tab: the next or previous pane.
    Pane {
        forward: bool,
    },
    /// Home / End: the first or last note of the pane.
    Ends {
        last: bool,
    },
    /// `<` `>`: the note goes to the previous or next pane.
    MoveToPane {
        forward: bool,
    },
    /// `[` `]`: the note goes one place earlier or later in its pane.
    Shift {
        forward: bool,
    },
    Vote,
    Unvote,
    Sort,
    Group,
    Ungroup,
    Promote,
}

/// What the text being edited on the board becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardEdit {
    New {
        board: String,
        pane: String,
    },
    Text {
        board: String,
        note: u64,
    },
    /// The heading of the cluster the note joins.
    Group {
        board: String,
        note: u64,
    },
}

impl BoardEdit {
    pub fn is_new(&self) -> bool {
        matches!(self, BoardEdit::New { .. })
    }
}

/// A short quote of a note for the status line.
fn quote(text: &str) -> String {
    format!("“{}”", shorten(&sanitize_line(text), 30))
}

impl App {
    /// The id of the board the current step shows.
    pub fn board_id(&self) -> Option<String> {
        self.session.current_step().board().map(|b| b.board.clone())
    }

    fn current_board(&self) -> Option<&Board> {
        let spec = self.session.current_step().board()?;
        self.session.boards.get(&spec.board)
    }

    fn current_board_mut(&mut self) -> Option<&mut Board> {
        let id = self.session.current_step().board()?.board.clone();
        self.session.boards.get_mut(&id)
    }

    /// The focused note, if the focused pane has any.
    pub fn focused_note(&self) -> Option<&Note> {
        self.current_board()?
            .panes
            .get(self.board.pane)?
            .notes
            .get(self.board.note)
    }

    /// What the board's layout needs of its view state: the view draws with it, and
    /// the update step moves the focus and hit-tests clicks with it.
    pub fn board_focus(&self) -> Focus<'_> {
        let adding = self
            .editor
            .as_ref()
            .is_some_and(|e| matches!(&e.target, EditTarget::Board(edit) if edit.is_new()));
        Focus {
            pane: self.board.pane,
            note: (!adding).then_some(self.board.note),
            scroll: &self.board.scroll,
        }
    }

    /// The board laid out on the terminal, exactly as the view draws it.
    pub(super) fn board_layout(&self) -> Option<BoardLayout> {
        let area = geometry_area(self)?;
        Some(geometry::layout(
            area,
            self.current_board()?,
            self.board_focus(),
        ))
    }

    /// The first note wholly in view in a pane as it is scrolled now: where Tab lands,
    /// so the pane does not jump (the note index of the pane left behind meant nothing
    /// here and scrolled it).
    fn first_note_in_view(&self, pane: usize) -> usize {
        let scroll = self.board.scroll.get(pane).copied().unwrap_or(0);
        self.board_layout()
            .and_then(|l| l.pane(pane)?.first_in_view(scroll))
            .unwrap_or(0)
    }

    pub(super) fn board_action(&mut self, action: BoardAction) {
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
            | BoardAction::Sort => {}
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

    /// Turns the focused note into a row of its initiative's action plan, once.
    fn promote(&mut self, pane: usize, note: Note) {
        if self
            .session
            .plan
            .rows
            .iter()
            .any(|r| r.from_note == Some(note.id))
        {
            self.say("Already in the action plan: promoting again adds nothing");
            return;
        }
        let key = self
            .current_board()
            .map(|b| b.panes[pane].key.clone())
            .unwrap_or_default();
        let Some(initiative) = self.session.initiative_for_pane(&key) else {
            self.warn("A plan row belongs to an initiative: press i and add one first");
            return;
        };
        self.record(format!("promote {} to the plan", quote(&note.text)));
        let row_id = self.session.new_id();
        let columns = &self.session.workshop.plan.columns;
        let row = PlanRow::from_note(row_id, initiative, note.id, &note.text, columns);
        self.session.plan.rows.push(row);
        self.after_content_change();
        let name = self
            .session
            .initiative(initiative)
            .map(|i| sanitize_line(&i.name))
            .unwrap_or_default();
        let step = self
            .session
            .steps()
            .iter()
            .position(|s| matches!(s.activity, Activity::Table(_)));
        self.say(match step {
            Some(s) => format!("Now an action of “{name}” in the plan (step {})", s + 1),
            None => format!("Now an action of “{name}” in the plan"),
        });
    }

    /// Arrow keys: across the grid of cards, into the neighbouring pane at the edges.
    fn move_focus(&mut self, dir: Dir) {
        let (p, i) = (self.board.pane, self.board.note);
        let panes = self.current_board().map_or(0, |b| b.panes.len());
        let Some(layout) = self.board_layout() else {
            // No room to lay the board out: plain order.
            self.board.note = match dir {
                Dir::Up | Dir::Left => i.saturating_sub(1),
                Dir::Down | Dir::Right => i + 1,
            };
            return;
        };
        let Some(pl) = layout.pane(p) else { return };
        let cur = pl.cards.get(i).copied();
        let within = cur.and_then(|c| match dir {
            Dir::Left => (c.col > 0).then(|| i - 1),
            Dir::Right => pl
                .cards
                .get(i + 1)
                .filter(|s| s.row == c.row)
                .map(|_| i + 1),
            Dir::Up => c.row.checked_sub(1).and_then(|r| pl.nearest(r, c.col)),
            Dir::Down => pl.nearest(c.row + 1, c.col),
        });
        if let Some(n) = within {
            self.board.note = n;
            return;
        }
        let row = cur.map_or(0, |c| c.row);
        let col = cur.map_or(0, |c| c.col);
        let cols = layout.pane_cols;
        let target = match dir {
            Dir::Left => p.checked_sub(1),
            Dir::Right => Some(p + 1),
            Dir::Up => p.checked_sub(cols),
            Dir::Down => Some(p + cols),
        }
        .filter(|&t| t < panes);
        let Some(target) = target else { return };
        self.board.pane = target;
        self.board.note = 0;
        let Some(tl) = self.board_layout().and_then(|l| l.pane(target).cloned()) else {
            return;
        };
        let last_row = tl.cards.last().map_or(0, |s| s.row);
        self.board.note = match dir {
            Dir::Left => tl.last_in_row(row.min(last_row)),
            Dir::Right => tl.nearest(row.min(last_row), 0),
            Dir::Up => tl.nearest(last_row, col),
            Dir::Down => tl.nearest(0, col),
        }
        .unwrap_or(0);
    }

    pub(super) fn commit_board_edit(&mut self, edit: BoardEdit, text: String) -> Option<Editor> {
        self.finish_board_edit(edit, text, true)
    }

    pub(super) fn cancel_board_edit(&mut self, edit: BoardEdit, text: String) {
        match edit {
            // Esc stops rapid entry but keeps what was typed: a note is never lost.
            BoardEdit::New { .. } | BoardEdit::Text { .. } => {
                self.finish_board_edit(edit, text, false);
            }
            BoardEdit::Group { .. } => self.say("Not clustered"),
        }
    }

    /// `more`: Enter was pressed on a new note, so the next one opens at once.
    fn finish_board_edit(&mut self, edit: BoardEdit, text: String, more: bool) -> Option<Editor> {
        match edit {
            BoardEdit::New { board, pane } => self.add_note(board, pane, &text, more),
            BoardEdit::Text { board, note } => {
                self.edit_note(&board, note, &text);
                None
            }
            BoardEdit::Group { board, note } => {
                self.group_note(&board, note, &text);
                None
            }
        }
    }

    fn add_note(&mut self, board: String, pane: String, text: &str, more: bool) -> Option<Editor> {
        let (author, body) = parse_author(text);
        let body = body.trim();
        if body.is_empty() {
            if author.is_some() {
                self.say("A note needs some text: nothing added");
            }
            return None;
        }
        let exists = self.session.boards.contains_key(&board);
        if !exists {
            self.warn("This board is gone: the note was not added");
            return None;
        }
        self.record(format!("add note {}", quote(body)));
        let id = self.session.new_id();
        let b = self.session.boards.get_mut(&board)?;
        // The pane can only vanish if the file changed under us: keep the note anyway.
        let p = b.pane_index(&pane).unwrap_or(0);
        let title = sanitize_line(&b.panes.get(p)?.title);
        let notes = &mut b.panes[p].notes;
        notes.push(Note {
            author,
            ..Note::new(id, body)
        });
        let idx = notes.len() - 1;
        if self.board_id().as_deref() == Some(board.as_str()) {
            (self.board.pane, self.board.note) = (p, idx);
        }
        self.after_content_change();
        if !more {
            self.say(format!("Added to {title}"));
            return None;
        }
        self.say(format!("Added to {title}: type the next one, Esc to stop"));
        Some(Editor::new(
            EditTarget::Board(BoardEdit::New { board, pane }),
            "Next note (Esc to stop)",
            "",
            true,
        ))
    }

    fn edit_note(&mut self, board: &str, id: u64, text: &str) {
        let (author, body) = parse_author(text);
        let body = body.trim();
        let Some(old) = self.session.boards.get(board).and_then(|b| b.note(id)) else {
            return;
        };
        if body.is_empty() {
            self.warn("Empty text: the note keeps its old text (d deletes it)");
            return;
        }
        if old.text == body && old.author == author {
            return;
        }
        self.record(format!("edit note {}", quote(body)));
        if let Some(n) = self
            .session
            .boards
            .get_mut(board)
            .and_then(|b| b.note_mut(id))
        {
            n.text = body.to_string();
            n.author = author;
        }
        self.after_content_change();
        self.say("Note changed (u undoes)");
    }

    fn group_note(&mut self, board: &str, id: u64, text: &str) {
        let heading = shorten(sanitize_line(text).trim(), 40);
        let Some(old) = self.session.boards.get(board).and_then(|b| b.note(id)) else {
            return;
        };
        if heading.is_empty() {
            self.say("No heading: nothing clustered");
            return;
        }
        if old.group.as_deref() == Some(heading.as_str()) {
            self.say(format!("Already in cluster “{heading}”"));
            return;
        }
        self.record(format!("cluster under {heading:?}"));
        let idx = self
            .session
            .boards
            .get_mut(board)
            .and_then(|b| b.set_group(id, Some(heading.clone())));
        if let Some(idx) = idx {
            self.board.note = idx;
        }
        self.after_content_change();
        self.say(format!("In cluster “{heading}” (G takes it out)"));
    }

    /// A click selects the card under it; a click on the focused card edits it.
    pub(super) fn board_click(&mut self, column: u16, row: u16) {
        let Some(layout) = self.board_layout() else {
            return;
        };
        let Some((pane, note)) = layout.hit(column, row) else {
            return;
        };
        match note {
            Some(n) if (pane, n) == (self.board.pane, self.board.note) => {
                self.board_action(BoardAction::Edit);
            }
            Some(n) => (self.board.pane, self.board.note) = (pane, n),
            None => self.board.pane = pane,
        }
    }
}

/// Where the current step's board is on the terminal, if it shows.
fn geometry_area(app: &App) -> Option<ratatui::layout::Rect> {
    crate::layout::projector::board_area(app.projector_screen()?, &app.session)
}
