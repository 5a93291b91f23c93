//! What participants do from their phones, done on the session: a note for a pane of
//! the step's board (straight onto it, or into its inbox for the facilitator to
//! accept), and dots on its notes within each participant's budget. Pure: the app calls
//! these from its update function, so they are undone and saved like any change.

use super::board::{Board, Note};
use super::text::{sanitize, sanitize_line};
use serde::{Deserialize, Serialize};

/// A note's length from a phone, in characters: a sticky note, not an essay.
pub const MAX_NOTE_CHARS: usize = 280;
/// Initials, as on the facilitator's notes ("AB: …": 1 to 3 capital letters).
pub const MAX_INITIALS_CHARS: usize = 3;

/// What the room's screen shows of sharing: the join address and code, how many
/// joined, what phones may do, and whether the join panel shows (else a badge). The
/// facilitator's convene leaves it beside the session for mirrors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Joining {
    pub url: String,
    pub code: String,
    pub people: usize,
    pub panel: bool,
    pub notes_open: bool,
    pub votes_open: bool,
}

/// A note from a phone waiting in a board's inbox, with the pane it was sent to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waiting {
    pub pane: String,
    pub note: Note,
}

/// Why a participant's action was not taken, in words the phone shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NoBoard,
    NotesClosed,
    VotesClosed,
    NoSuchPane,
    Empty,
    TooLong,
    NoSuchNote,
    NoDotsLeft,
}

impl Refusal {
    pub fn message(self) -> &'static str {
        match self {
            Refusal::NoBoard => "This step has no board: wait for the next one.",
            Refusal::NotesClosed => "The facilitator has closed notes for now.",
            Refusal::VotesClosed => "Voting is not open.",
            Refusal::NoSuchPane => "That part of the board is gone: pick another.",
            Refusal::Empty => "Write something first.",
            Refusal::TooLong => "That note is too long: keep it short.",
            Refusal::NoSuchNote => "That note is no longer on the board.",
            Refusal::NoDotsLeft => "You have no dots left.",
        }
    }
}

/// The note's text cleaned like typed text (no control characters or escapes), trimmed,
/// within the length a phone may send.
pub fn clean_note(text: &str) -> Result<String, Refusal> {
    let text = sanitize(text);
    let text = text.trim();
    if text.is_empty() {
        Err(Refusal::Empty)
    } else if text.chars().count() > MAX_NOTE_CHARS {
        Err(Refusal::TooLong)
    } else {
        Ok(text.to_string())
    }
}

/// Initials as the facilitator's notes carry them (`board::parse_author`): letters in
/// capitals, at most three, so editing the note later keeps its author; none when blank.
pub fn clean_initials(text: &str) -> Option<String> {
    let text: String = sanitize_line(text)
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .filter(|c| c.is_uppercase())
        .take(MAX_INITIALS_CHARS)
        .collect();
    (!text.is_empty()).then_some(text)
}

impl Board {
    /// Puts a note from the room on the pane `pane`, or in the inbox when `inbox`.
    pub fn add_from_room(&mut self, pane: &str, note: Note, inbox: bool) -> Result<(), Refusal> {
        let p = self.pane_index(pane).ok_or(Refusal::NoSuchPane)?;
        let note = Note {
            from_room: true,
            ..note
        };
        if inbox {
            self.inbox.push(Waiting {
                pane: pane.to_string(),
                note,
            });
        } else {
            self.panes[p].notes.push(note);
        }
        Ok(())
    }

    /// The dots a participant has left of `budget` on this board.
    pub fn dots_left(&self, participant: &str, budget: u32) -> u32 {
        budget.saturating_sub(self.room_dots.get(participant).copied().unwrap_or(0))
    }

    /// One dot from a participant on a note; returns the dots they have left.
    pub fn room_vote(&mut self, participant: &str, id: u64, budget: u32) -> Result<u32, Refusal> {
        if self.dots_left(participant, budget) == 0 {
            return Err(Refusal::NoDotsLeft);
        }
        let note = self.note_mut(id).ok_or(Refusal::NoSuchNote)?;
        note.votes = note.votes.saturating_add(1);
        note.room_votes = note.room_votes.saturating_add(1);
        *self.room_dots.entry(participant.to_string()).or_default() += 1;
        Ok(self.dots_left(participant, budget))
    }

    /// Moves the oldest waiting note onto its pane (the first pane if its own is gone).
    /// Returns whether there was one.
    pub fn accept_waiting(&mut self) -> bool {
        if self.inbox.is_empty() || self.panes.is_empty() {
            return false;
        }
        let waiting = self.inbox.remove(0);
        let p = self.pane_index(&waiting.pane).unwrap_or(0);
        self.panes[p].notes.push(waiting.note);
        true
    }

    /// Drops the oldest waiting note; returns it.
    pub fn drop_waiting(&mut self) -> Option<Note> {
        (!self.inbox.is_empty()).then(|| self.inbox.remove(0).note)
    }

    /// Votes on this board that came from phones.
    pub fn room_votes(&self) -> u64 {
        self.panes
            .iter()
            .flat_map(|p| &p.notes)
            .map(|n| u64::from(n.room_votes))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board() -> Board {
        let mut board = Board::default();
        board.sync_panes(&[("a".into(), "A".into()), ("b".into(), "B".into())]);
        board
    }

    #[test]
    fn a_note_from_the_room_is_cleaned_and_marked() {
        let mut b = board();
        let text = clean_note("  call \u{1b}[31mthe mayor\u{202e}\n  ").unwrap();
        assert_eq!(text, "call the mayor");
        b.add_from_room("b", Note::new(1, text), false).unwrap();
        assert!(b.panes[1].notes[0].from_room);
        assert_eq!(
            b.add_from_room("zz", Note::new(2, "x"), false),
            Err(Refusal::NoSuchPane)
        );
        assert_eq!(clean_note(" \n "), Err(Refusal::Empty));
        assert_eq!(
            clean_note(&"x".repeat(MAX_NOTE_CHARS + 1)),
            Err(Refusal::TooLong)
        );
        assert_eq!(clean_initials(" ab\u{7}cdef "), Some("ABC".into()));
        assert_eq!(clean_initials("zoë"), Some("ZOË".into()));
        assert_eq!(clean_initials("1 2"), None);
        assert_eq!(clean_initials("  "), None);
    }

    #[test]
    fn dots_stop_at_the_budget_and_add_to_the_facilitators() {
        let mut b = board();
        b.add_from_room("a", Note::new(1, "x"), false).unwrap();
        b.note_mut(1).unwrap().votes = 2;
        assert_eq!(b.room_vote("p1", 1, 2), Ok(1));
        assert_eq!(b.room_vote("p1", 1, 2), Ok(0));
        assert_eq!(b.room_vote("p1", 1, 2), Err(Refusal::NoDotsLeft));
        assert_eq!(b.room_vote("p2", 9, 2), Err(Refusal::NoSuchNote));
        assert_eq!(b.dots_left("p2", 2), 2, "a refused dot is not spent");
        let note = b.note(1).unwrap();
        assert_eq!((note.votes, note.room_votes), (4, 2));
        assert_eq!(b.room_votes(), 2);
    }

    #[test]
    fn the_inbox_keeps_notes_until_accepted_or_dropped() {
        let mut b = board();
        b.add_from_room("b", Note::new(1, "one"), true).unwrap();
        b.add_from_room("a", Note::new(2, "two"), true).unwrap();
        assert_eq!(b.note_count(), 0);
        assert!(b.accept_waiting());
        assert_eq!(b.panes[1].notes[0].text, "one");
        assert_eq!(b.drop_waiting().map(|n| n.text), Some("two".into()));
        assert!(!b.accept_waiting());
    }
}
