//! Sticky-note boards: panes of notes, with colours, votes and groups.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub panes: Vec<Pane>,
    /// Dots each participant spent from their phone, by participant key (see `share`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub room_dots: BTreeMap<String, u32>,
    /// Notes from phones waiting for the facilitator to accept them (inbox mode).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inbox: Vec<super::share::Waiting>,
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
    /// Sent from a phone: the projector and the exports mark it as from the room.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_room: bool,
    /// How many of `votes` came from phones.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub room_votes: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
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

impl Note {
    /// A new yellow note with no votes, no author and no group.
    pub fn new(id: u64, text: impl Into<String>) -> Note {
        Note {
            id,
            text: text.into(),
            colour: NoteColour::default(),
            author: None,
            votes: 0,
            group: None,
            from_room: false,
            room_votes: 0,
        }
    }
}

impl NoteColour {
    pub fn prev(self) -> NoteColour {
        let i = NoteColour::ALL.iter().position(|c| *c == self).unwrap_or(0);
        NoteColour::ALL[(i + NoteColour::ALL.len() - 1) % NoteColour::ALL.len()]
    }
}

impl Pane {
    /// Every vote given to the notes of this pane.
    pub fn votes(&self) -> u64 {
        self.notes.iter().map(|n| u64::from(n.votes)).sum()
    }

    /// The cluster headings of this pane, each once, in the order they appear.
    pub fn groups(&self) -> Vec<&str> {
        let mut seen: Vec<&str> = Vec::new();
        for g in self.notes.iter().filter_map(|n| n.group.as_deref()) {
            if !seen.contains(&g) {
                seen.push(g);
            }
        }
        seen
    }

    /// The runs of notes sharing a group (or none), in order: the board draws each
    /// run as a section, under its heading when it has one.
    pub fn sections(&self) -> Vec<(Option<&str>, Range<usize>)> {
        let mut out: Vec<(Option<&str>, Range<usize>)> = Vec::new();
        for (i, note) in self.notes.iter().enumerate() {
            let group = note.group.as_deref();
            match out.last_mut() {
                Some((g, range)) if *g == group => range.end = i + 1,
                _ => out.push((group, i..i + 1)),
            }
        }
        out
    }

    /// Keeps each cluster in one piece, where its first note is; ungrouped notes keep
    /// their places relative to the clusters. Stable: the notes of a cluster keep their order.
    pub fn gather_groups(&mut self) {
        let n = self.notes.len();
        let mut order: Vec<usize> = Vec::with_capacity(n);
        let mut placed = vec![false; n];
        for i in 0..n {
            if placed[i] {
                continue;
            }
            match &self.notes[i].group {
                None => {
                    placed[i] = true;
                    order.push(i);
                }
                Some(g) => {
                    for (j, note) in self.notes.iter().enumerate().skip(i) {
                        if !placed[j] && note.group.as_ref() == Some(g) {
                            placed[j] = true;
                            order.push(j);
                        }
                    }
                }
            }
        }
        if order.iter().enumerate().all(|(k, &i)| k == i) {
            return;
        }
        let mut old: Vec<Option<Note>> = std::mem::take(&mut self.notes)
            .into_iter()
            .map(Some)
            .collect();
        self.notes = order
            .into_iter()
            .map(|i| old[i].take().expect("each note placed once"))
            .collect();
    }

    /// The range of the section (run) holding note `i`.
    fn section_of(&self, i: usize) -> Range<usize> {
        let group = &self.notes[i].group;
        if group.is_none() {
            return i..i + 1;
        }
        let mut start = i;
        while start > 0 && &self.notes[start - 1].group == group {
            start -= 1;
        }
        let mut end = i + 1;
        while end < self.notes.len() && &self.notes[end].group == group {
            end += 1;
        }
        start..end
    }

    /// Moves note `i` one place earlier (`forward` false) or later. Inside a cluster it
    /// swaps with its neighbour; at the cluster's edge the whole cluster moves past the
    /// next note or cluster; an ungrouped note jumps a whole neighbouring cluster.
    /// Returns the note's new index, or `None` when it cannot move.
    pub fn shift(&mut self, i: usize, forward: bool) -> Option<usize> {
        let n = self.notes.len();
        if i >= n {
            return None;
        }
        let j = if forward {
            Some(i + 1).filter(|&j| j < n)?
        } else {
            i.checked_sub(1)?
        };
        if self.notes[i].group.is_some() && self.notes[i].group == self.notes[j].group {
            self.notes.swap(i, j);
            return Some(j);
        }
        let mine = self.section_of(i);
        let theirs = self.section_of(j);
        let offset = i - mine.start;
        if forward {
            // [mine][theirs] -> [theirs][mine]
            self.notes[mine.start..theirs.end].rotate_left(mine.len());
            Some(mine.start + theirs.len() + offset)
        } else {
            // [theirs][mine] -> [mine][theirs]
            self.notes[theirs.start..mine.end].rotate_left(theirs.len());
            Some(theirs.start + offset)
        }
    }

    /// Most votes first. A stable sort: equal votes keep their order, and clusters stay
    /// whole (ordered by their best note). Returns whether anything moved.
    pub fn sort_by_votes(&mut self) -> bool {
        let before: Vec<u64> = self.notes.iter().map(|n| n.id).collect();
        self.notes.sort_by_key(|n| std::cmp::Reverse(n.votes));
        self.gather_groups();
        self.notes.iter().map(|n| n.id).ne(before.iter().copied())
    }
}

impl Board {
    pub fn note_count(&self) -> usize {
        self.panes.iter().map(|p| p.notes.len()).sum()
    }

    /// (pane index, note index) of a note.
    pub fn locate(&self, id: u64) -> Option<(usize, usize)> {
        self.panes
            .iter()
            .enumerate()
            .find_map(|(p, pane)| pane.notes.iter().position(|n| n.id == id).map(|i| (p, i)))
    }

    pub fn note(&self, id: u64) -> Option<&Note> {
        let (p, i) = self.locate(id)?;
        Some(&self.panes[p].notes[i])
    }

    pub fn note_mut(&mut self, id: u64) -> Option<&mut Note> {
        let (p, i) = self.locate(id)?;
        Some(&mut self.panes[p].notes[i])
    }

    pub fn pane_index(&self, key: &str) -> Option<usize> {
        self.panes.iter().position(|p| p.key == key)
    }

    pub fn remove(&mut self, id: u64) -> Option<Note> {
        let (p, i) = self.locate(id)?;
        Some(self.panes[p].notes.remove(i))
    }

    /// Moves a note to the end of another pane (its cluster heading goes with it).
    /// Returns its new index there.
    pub fn move_to_pane(&mut self, id: u64, to: usize) -> Option<usize> {
        if to >= self.panes.len() {
            return None;
        }
        let (from, _) = self.locate(id)?;
        if from == to {
            return None;
        }
        let note = self.remove(id)?;
        let pane = &mut self.panes[to];
        pane.notes.push(note);
        pane.gather_groups();
        pane.notes.iter().position(|n| n.id == id)
    }

    /// Puts a note under a cluster heading (`None` takes it out of its cluster), keeping
    /// clusters whole. Returns the note's new index in its pane.
    pub fn set_group(&mut self, id: u64, group: Option<String>) -> Option<usize> {
        let (p, i) = self.locate(id)?;
        let pane = &mut self.panes[p];
        if group.is_none() {
            // Leaving a cluster: the note goes just after it, not into its middle.
            let section = pane.section_of(i);
            let note = pane.notes.remove(i);
            pane.notes.insert(section.end - 1, note);
            pane.notes[section.end - 1].group = None;
        } else {
            pane.notes[i].group = group;
        }
        pane.gather_groups();
        pane.notes.iter().position(|n| n.id == id)
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

/// Splits a leading author prefix off a note: 1 to 3 capital letters, a colon and a
/// space ("AB: call the mayor" is by AB). Anything else is all text.
pub fn parse_author(text: &str) -> (Option<String>, &str) {
    let Some((head, rest)) = text.split_once(": ") else {
        return (None, text);
    };
    let letters = head.chars().count();
    if (1..=3).contains(&letters) && head.chars().all(char::is_uppercase) {
        (Some(head.to_string()), rest.trim_start())
    } else {
        (None, text)
    }
}

/// The text to edit for a note: its author's prefix, if any, then its text.
pub fn with_author(author: Option<&str>, text: &str) -> String {
    match author {
        Some(a) => format!("{a}: {text}"),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: u64) -> Note {
        Note::new(id, format!("note {id}"))
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

    fn pane(groups: &[(u64, Option<&str>)]) -> Pane {
        Pane {
            key: "p".into(),
            title: "P".into(),
            notes: groups
                .iter()
                .map(|&(id, g)| Note {
                    group: g.map(str::to_string),
                    ..note(id)
                })
                .collect(),
        }
    }

    fn ids(p: &Pane) -> Vec<u64> {
        p.notes.iter().map(|n| n.id).collect()
    }

    #[test]
    fn clusters_are_gathered_where_their_first_note_is() {
        let mut p = pane(&[(1, Some("A")), (2, None), (3, Some("B")), (4, Some("A"))]);
        p.gather_groups();
        assert_eq!(ids(&p), [1, 4, 2, 3]);
        let sections: Vec<_> = p
            .sections()
            .into_iter()
            .map(|(g, r)| (g, r.len()))
            .collect();
        assert_eq!(sections, [(Some("A"), 2), (None, 1), (Some("B"), 1)]);
        assert_eq!(p.groups(), ["A", "B"]);
    }

    #[test]
    fn shifting_moves_inside_a_cluster_and_jumps_whole_clusters() {
        let mut p = pane(&[(1, None), (2, Some("A")), (3, Some("A")), (4, None)]);
        assert_eq!(
            p.shift(0, true),
            Some(2),
            "an ungrouped note jumps the cluster"
        );
        assert_eq!(ids(&p), [2, 3, 1, 4]);
        assert_eq!(p.shift(2, false), Some(0), "and back");
        assert_eq!(ids(&p), [1, 2, 3, 4]);
        assert_eq!(p.shift(2, false), Some(1), "inside the cluster: a swap");
        assert_eq!(ids(&p), [1, 3, 2, 4]);
        assert_eq!(p.shift(1, false), Some(0), "at its edge the cluster moves");
        assert_eq!(ids(&p), [3, 2, 1, 4]);
        assert_eq!(p.shift(0, false), None, "nothing before the first");
        assert_eq!(p.shift(3, true), None, "nothing after the last");
    }

    #[test]
    fn sort_by_votes_is_stable_and_keeps_clusters_whole() {
        let mut p = pane(&[(1, None), (2, Some("A")), (3, None), (4, Some("A"))]);
        for (n, v) in p.notes.iter_mut().zip([1, 2, 5, 0]) {
            n.votes = v;
        }
        assert!(p.sort_by_votes());
        assert_eq!(ids(&p), [3, 2, 4, 1]);
        assert!(!p.sort_by_votes(), "sorting twice changes nothing");
        assert_eq!(p.votes(), 8);
    }

    #[test]
    fn notes_move_between_panes_and_leave_clusters() {
        let mut board = Board {
            panes: vec![
                pane(&[(1, Some("A")), (2, Some("A")), (3, None)]),
                pane(&[]),
            ],
            ..Board::default()
        };
        assert_eq!(board.set_group(1, None), Some(1), "after its old cluster");
        assert_eq!(ids(&board.panes[0]), [2, 1, 3]);
        assert_eq!(board.set_group(3, Some("A".into())), Some(1), "joins A");
        assert_eq!(ids(&board.panes[0]), [2, 3, 1]);
        assert_eq!(board.move_to_pane(3, 1), Some(0));
        assert_eq!(board.locate(3), Some((1, 0)));
        assert_eq!(board.move_to_pane(3, 1), None, "already there");
        assert_eq!(board.remove(2).map(|n| n.id), Some(2));
        assert_eq!(board.note_count(), 2);
    }

    #[test]
    fn author_prefix_is_initials_a_colon_and_a_space() {
        assert_eq!(parse_author("AB: call"), (Some("AB".into()), "call"));
        assert_eq!(parse_author("JdR: x"), (None, "JdR: x"), "capitals only");
        assert_eq!(
            parse_author("TODO: x"),
            (None, "TODO: x"),
            "three letters at most"
        );
        assert_eq!(parse_author("Note: x"), (None, "Note: x"));
        assert_eq!(parse_author("AB:x"), (None, "AB:x"));
        assert_eq!(with_author(Some("AB"), "call"), "AB: call");
        assert_eq!(with_author(None, "call"), "call");
    }
}
