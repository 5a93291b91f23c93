//! Sticky-note boards: panes of notes, with colours, votes and groups.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub panes: Vec<Pane>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Pane {
    /// Stable key: an initiative's id (`initiative-3`) or the fixed pane's name.
    pub key: String,
    pub title: String,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: u64,
    pub text: String,
    pub colour: NoteColour,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default)]
    pub votes: u32,
    /// The heading of the cluster this note belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The action-plan row this note was promoted to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promoted_to: Option<u64>,
}

/// Colours picked to stay apart on a washed-out projector and for colour-blind viewers
/// (Okabe-Ito based); each has a name and a marker so colour is never the only signal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteColour {
    #[default]
    Yellow,
    Orange,
    Sky,
    Green,
    Pink,
    Grey,
}

impl NoteColour {
    pub const ALL: [NoteColour; 6] = [
        NoteColour::Yellow,
        NoteColour::Orange,
        NoteColour::Sky,
        NoteColour::Green,
        NoteColour::Pink,
        NoteColour::Grey,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NoteColour::Yellow => "yellow",
            NoteColour::Orange => "orange",
            NoteColour::Sky => "sky",
            NoteColour::Green => "green",
            NoteColour::Pink => "pink",
            NoteColour::Grey => "grey",
        }
    }

    /// A marker shown on the card, readable without colour.
    pub fn marker(self) -> &'static str {
        match self {
            NoteColour::Yellow => "○",
            NoteColour::Orange => "△",
            NoteColour::Sky => "□",
            NoteColour::Green => "◇",
            NoteColour::Pink => "☆",
            NoteColour::Grey => "·",
        }
    }

    pub fn next(self) -> NoteColour {
        let i = NoteColour::ALL.iter().position(|c| *c == self).unwrap_or(0);
        NoteColour::ALL[(i + 1) % NoteColour::ALL.len()]
    }
}

impl Board {
    pub fn note_count(&self) -> usize {
        self.panes.iter().map(|p| p.notes.len()).sum()
    }

    /// Makes the panes match `wanted` (key, title) in order, keeping the notes of panes
    /// that still exist. Notes of a pane that disappears move to the first pane, so a
    /// renamed or removed initiative never takes notes with it.
    pub fn sync_panes(&mut self, wanted: &[(String, String)]) {
        let mut old = std::mem::take(&mut self.panes);
        for (key, title) in wanted {
            let notes = old
                .iter()
                .position(|p| &p.key == key)
                .map(|i| old.remove(i).notes)
                .unwrap_or_default();
            self.panes.push(Pane {
                key: key.clone(),
                title: title.clone(),
                notes,
            });
        }
        let orphans: Vec<Note> = old.into_iter().flat_map(|p| p.notes).collect();
        if !orphans.is_empty() {
            if self.panes.is_empty() {
                self.panes.push(Pane {
                    key: "unsorted".into(),
                    title: "Unsorted".into(),
                    notes: Vec::new(),
                });
            }
            self.panes[0].notes.extend(orphans);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: u64) -> Note {
        Note {
            id,
            text: format!("note {id}"),
            colour: NoteColour::Yellow,
            author: None,
            votes: 0,
            group: None,
            promoted_to: None,
        }
    }

    #[test]
    fn sync_keeps_notes_of_surviving_panes_and_rescues_orphans() {
        let mut board = Board::default();
        let panes = |names: &[&str]| -> Vec<(String, String)> {
            names
                .iter()
                .map(|n| (n.to_string(), n.to_uppercase()))
                .collect()
        };
        board.sync_panes(&panes(&["a", "b"]));
        board.panes[1].notes.push(note(1));
        board.sync_panes(&panes(&["c", "b"]));
        assert_eq!(board.panes[1].notes[0].id, 1);
        board.sync_panes(&panes(&["c"]));
        assert_eq!(board.panes[0].notes[0].id, 1, "orphaned note kept");
        assert_eq!(board.panes[0].title, "C");
    }

    #[test]
    fn colours_cycle_through_all_six() {
        let mut c = NoteColour::Yellow;
        let mut seen = vec![c];
        for _ in 0..5 {
            c = c.next();
            seen.push(c);
        }
        assert_eq!(seen, NoteColour::ALL);
        assert_eq!(c.next(), NoteColour::Yellow);
    }
}
