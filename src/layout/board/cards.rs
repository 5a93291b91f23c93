//! How tall each note is and where it sits in its pane: cards as tall as their text,
//! or the compact view's one or two lines, in rows as tall as their tallest card.

use super::{GAP_X, Heading, MIN_CARD_W, Slot};
use crate::domain::board::{Note, Pane};
use crate::domain::text::clean;
use crate::layout::text::wrap;
use ratatui::layout::Rect;

/// The tallest a card grows: past this its text is cut with "…".
pub(super) const MAX_CARD_H: u16 = 12;
/// A card shows two lines of text at least (one on a very low pane).
pub(super) const MIN_CARD_H: u16 = 4;
/// A note in the compact view: at most this many lines.
const COMPACT_LINES: u16 = 2;

/// Card width and grid for a pane's inner width.
pub(super) fn card_grid(inner: Rect) -> (u16, u16) {
    let cols = ((inner.width + GAP_X) / (MIN_CARD_W + GAP_X)).max(1);
    let card_w = inner.width.saturating_sub(GAP_X * (cols - 1)) / cols;
    (card_w, cols)
}

/// Columns a card's text wraps in (inside its border, with a column of padding on
/// each side when the card is wide enough): the card's view draws it there.
pub fn card_text_width(card_w: u16) -> u16 {
    let pad = u16::from(card_w >= 16);
    card_w.saturating_sub(2 + 2 * pad)
}

/// Columns a compact note's text takes: after its colour marker, and before its
/// votes and a blank column when it has some.
pub fn compact_text_width(card_w: u16, votes: u32) -> u16 {
    let dots = match votes {
        0 => 0,
        // "●●●", or "●×12" past five.
        1..=5 => votes as u16 + 1,
        _ => votes.to_string().len() as u16 + 3,
    };
    card_w.saturating_sub(2 + dots)
}

/// Lines `text` wraps to in `width` columns, counting no further than `max`.
fn text_lines(text: &str, width: u16, max: u16) -> u16 {
    let mut lines = 0;
    wrap(text.trim_end(), usize::from(width), |_| {
        lines += 1;
        lines < max
    });
    lines.max(1)
}

/// How a pane's notes are drawn: as cards or compact, and how tall each one is.
#[derive(Clone, Copy)]
pub(super) struct Sizing {
    pub(super) compact: bool,
    card_w: u16,
    /// Card height bounds.
    min_h: u16,
    max_h: u16,
    gap_y: u16,
}

impl Sizing {
    pub(super) fn new(inner: Rect, card_w: u16, compact: bool) -> Sizing {
        if compact {
            return Sizing {
                compact,
                card_w,
                min_h: 1,
                max_h: COMPACT_LINES.min(inner.height.max(1)),
                gap_y: 0,
            };
        }
        let max_h = MAX_CARD_H.min(inner.height).max(1);
        Sizing {
            compact,
            card_w,
            min_h: MIN_CARD_H.min(max_h),
            max_h,
            gap_y: u16::from(inner.height >= 13),
        }
    }

    /// A note's height: its text's lines (and a card's border), within the bounds.
    fn height(&self, note: &Note) -> u16 {
        let text = clean(&note.text);
        if self.compact {
            return text_lines(
                &text,
                compact_text_width(self.card_w, note.votes),
                self.max_h,
            );
        }
        let lines = text_lines(&text, card_text_width(self.card_w), self.max_h);
        (lines + 2).clamp(self.min_h, self.max_h)
    }
}

/// A pane's notes placed in their grid.
pub(super) struct Grid {
    pub(super) cards: Vec<Slot>,
    pub(super) headings: Vec<Heading>,
    pub(super) next: Slot,
    pub(super) content_h: u32,
    pub(super) sizing: Sizing,
}

/// Places the notes in rows of `cols` cards, each row as tall as its tallest card;
/// a cluster starts a new row under its heading.
pub(super) fn place(inner: Rect, pane: &Pane, sizing: Sizing, cols: u16) -> Grid {
    let card_w = sizing.card_w;
    let mut cards = Vec::with_capacity(pane.notes.len());
    let mut headings = Vec::new();
    let (mut y, mut row, mut col) = (0u32, 0usize, 0u16);
    // The tallest card of the row being filled.
    let mut row_h = 0u16;
    let mut top = 0u32;
    let mut group: Option<Option<&str>> = None;
    let gap = u32::from(sizing.gap_y);
    for (i, note) in pane.notes.iter().enumerate() {
        let g = note.group.as_deref();
        if group != Some(g) {
            // A new section starts on a fresh row, under its heading if it is a cluster.
            if col != 0 {
                y = y.saturating_add(u32::from(row_h) + gap);
                (row, col, row_h) = (row + 1, 0, 0);
            }
            top = y;
            if g.is_some() {
                let len = pane.notes[i..]
                    .iter()
                    .take_while(|n| n.group.as_deref() == g)
                    .count();
                headings.push(Heading { y, first: i, len });
                y = y.saturating_add(1);
            }
            group = Some(g);
        }
        let h = sizing.height(note);
        row_h = row_h.max(h);
        cards.push(Slot {
            x: inner.x + col * (card_w + GAP_X),
            y,
            h,
            top: if col == 0 { top } else { y },
            row,
            col,
        });
        col += 1;
        if col == cols {
            y = y.saturating_add(u32::from(row_h) + gap);
            (row, col, row_h) = (row + 1, 0, 0);
            top = y;
        }
    }
    // A new note is never in a cluster: after one, it starts a row of its own.
    if col != 0 && group.flatten().is_some() {
        y = y.saturating_add(u32::from(row_h) + gap);
        (row, col, row_h) = (row + 1, 0, 0);
    }
    let next = Slot {
        x: inner.x + col * (card_w + GAP_X),
        y,
        h: sizing.min_h,
        top: y,
        row,
        col,
    };
    let content_h = if col == 0 {
        y
    } else {
        y.saturating_add(u32::from(row_h))
    };
    Grid {
        cards,
        headings,
        next,
        content_h,
        sizing,
    }
}
