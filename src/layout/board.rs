//! The board's geometry: which panes show and where, where every card sits, and how
//! far each pane scrolls so the focused card is in view. Arrow keys, clicks and the
//! view all read positions from here.
//!
//! Panes sit side by side (wrapping to more rows, then paging, when there are many);
//! cards flow in a grid inside each pane, a cluster starts a new row under its heading.
//! Positions inside a pane's content are `u32`: a crafted file may hold tens of
//! thousands of notes, far more rows than a `u16` counts.

use crate::domain::board::{Board, Pane};
use ratatui::layout::{Position, Rect};

/// Panes narrower or lower than this are paged instead.
pub const MIN_PANE_W: u16 = 20;
pub const MIN_PANE_H: u16 = 8;
/// Cards are at least this wide unless the pane itself is narrower.
const MIN_CARD_W: u16 = 22;
const GAP_X: u16 = 1;

/// What the layout needs of the board's view state.
#[derive(Debug, Clone, Copy)]
pub struct Focus<'a> {
    pub pane: usize,
    /// The focused note; `None` while a new note is written (its slot must show).
    pub note: Option<usize>,
    /// First content line shown, per pane, as last kept.
    pub scroll: &'a [u32],
}

/// Where a card sits inside its pane: `x` on screen, `y` in the pane's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub x: u16,
    pub y: u32,
    /// Where to scroll to show this card (its cluster heading included).
    pub top: u32,
    /// Grid row and column, for the arrow keys.
    pub row: usize,
    pub col: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub y: u32,
    /// The first note of the cluster, and how many notes it has.
    pub first: usize,
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneLayout {
    /// The pane's index on the board.
    pub index: usize,
    pub outer: Rect,
    pub inner: Rect,
    pub card_w: u16,
    pub card_h: u16,
    /// Cards per grid row.
    pub cols: u16,
    /// First content line shown.
    pub scroll: u32,
    pub content_h: u32,
    /// One slot per note, in the pane's order.
    pub cards: Vec<Slot>,
    pub headings: Vec<Heading>,
    /// Where a new note goes.
    pub next: Slot,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardLayout {
    /// The panes on screen (all of them, or the page holding the focused one).
    pub panes: Vec<PaneLayout>,
    /// Panes on the board, shown or not.
    pub total: usize,
    /// Panes per row of panes.
    pub pane_cols: usize,
}

impl PaneLayout {
    fn view_bottom(&self) -> u32 {
        self.scroll + u32::from(self.inner.height)
    }

    /// A content line's row on screen (the line must be in view).
    fn screen_y(&self, y: u32) -> u16 {
        self.inner.y + (y - self.scroll) as u16
    }

    /// The card's rectangle on screen, if it is wholly in view.
    pub fn rect(&self, slot: Slot) -> Option<Rect> {
        let bottom = slot.y + u32::from(self.card_h);
        if slot.y < self.scroll || bottom > self.view_bottom() {
            return None;
        }
        Some(Rect::new(
            slot.x,
            self.screen_y(slot.y),
            self.card_w,
            self.card_h,
        ))
    }

    /// The part of the card on screen, if any (a card cut by the pane's edge shows in part).
    pub fn visible(&self, slot: Slot) -> Option<Rect> {
        let top = slot.y.max(self.scroll);
        let bottom = (slot.y + u32::from(self.card_h)).min(self.view_bottom());
        (top < bottom).then(|| {
            Rect::new(
                slot.x,
                self.screen_y(top),
                self.card_w,
                (bottom - top) as u16,
            )
        })
    }

    /// Rows of the card cut off above the pane's top edge.
    pub fn cut_above(&self, slot: Slot) -> u16 {
        self.scroll
            .saturating_sub(slot.y)
            .min(u32::from(self.card_h)) as u16
    }

    /// A cluster heading's row on screen, if it is in view.
    pub fn heading_y(&self, heading: &Heading) -> Option<u16> {
        (heading.y >= self.scroll && heading.y < self.view_bottom())
            .then(|| self.screen_y(heading.y))
    }

    /// Notes out of view above and below.
    pub fn hidden(&self) -> (usize, usize) {
        let above = self.cards.iter().filter(|s| s.y < self.scroll).count();
        let bottom = self.view_bottom();
        let below = self
            .cards
            .iter()
            .filter(|s| s.y + u32::from(self.card_h) > bottom)
            .count();
        (above, below)
    }

    /// The first note wholly in view when the pane is scrolled to `scroll` (else the
    /// first one that starts in view): where Tab lands, so the pane does not jump.
    pub fn first_in_view(&self, scroll: u32) -> Option<usize> {
        let (top, bottom) = (scroll, scroll + u32::from(self.inner.height));
        self.cards
            .iter()
            .position(|s| s.y >= top && s.y + u32::from(self.card_h) <= bottom)
            .or_else(|| self.cards.iter().position(|s| s.y >= top))
    }

    /// The card of grid row `row` whose column is nearest `col`.
    pub fn nearest(&self, row: usize, col: u16) -> Option<usize> {
        self.cards
            .iter()
            .enumerate()
            .filter(|(_, s)| s.row == row)
            .min_by_key(|(_, s)| s.col.abs_diff(col))
            .map(|(i, _)| i)
    }

    pub fn last_in_row(&self, row: usize) -> Option<usize> {
        self.cards.iter().rposition(|s| s.row == row)
    }
}

impl BoardLayout {
    pub fn pane(&self, index: usize) -> Option<&PaneLayout> {
        self.panes.iter().find(|p| p.index == index)
    }

    /// What is under a screen position: (pane, note) — the note when on a card.
    pub fn hit(&self, column: u16, row: u16) -> Option<(usize, Option<usize>)> {
        let at = Position::new(column, row);
        let pane = self.panes.iter().find(|p| p.outer.contains(at))?;
        let note = pane
            .cards
            .iter()
            .position(|&s| pane.visible(s).is_some_and(|r| r.contains(at)));
        Some((pane.index, note))
    }
}

/// Card height and grid for a pane's inner size: taller cards where there is room.
fn card_geometry(inner: Rect) -> (u16, u16, u16, u16) {
    let card_h = match inner.height {
        h if h >= 30 => 7,
        h if h >= 13 => 6,
        h if h >= 10 => 5,
        h => h.clamp(1, 4),
    };
    let gap_y = u16::from(inner.height >= 13);
    let cols = ((inner.width + GAP_X) / (MIN_CARD_W + GAP_X)).max(1);
    let card_w = inner.width.saturating_sub(GAP_X * (cols - 1)) / cols;
    (card_w, card_h, cols, gap_y)
}

/// Lays out the board in `area`: which panes show, where, and where every card sits.
pub fn layout(area: Rect, board: &Board, focus: Focus) -> BoardLayout {
    let total = board.panes.len();
    if total == 0 || area.width < 6 || area.height < 3 {
        return BoardLayout {
            total,
            ..BoardLayout::default()
        };
    }
    let pane_cols = usize::from(area.width / MIN_PANE_W).clamp(1, total);
    let pane_rows = usize::from(area.height / MIN_PANE_H).clamp(1, total.div_ceil(pane_cols));
    let per_page = pane_cols * pane_rows;
    let focused = focus.pane.min(total - 1);
    // Pages of panes; the last page is filled up with panes from the one before.
    let first = ((focused / per_page) * per_page).min(total.saturating_sub(per_page));
    let shown = per_page.min(total - first);
    let rows_shown = shown.div_ceil(pane_cols);
    let mut panes = Vec::with_capacity(shown);
    for k in 0..shown {
        let (r, c) = ((k / pane_cols) as u32, (k % pane_cols) as u32);
        let split = |start: u16, len: u16, i: u32, n: u32| {
            let a = u32::from(len) * i / n;
            let b = u32::from(len) * (i + 1) / n;
            (start + a as u16, (b - a) as u16)
        };
        let (x, w) = split(area.x, area.width, c, pane_cols as u32);
        let (y, h) = split(area.y, area.height, r, rows_shown as u32);
        let index = first + k;
        let stored = focus.scroll.get(index).copied().unwrap_or(0);
        let keep = (index == focused).then_some(focus.note);
        panes.push(pane_layout(
            index,
            Rect::new(x, y, w, h),
            &board.panes[index],
            stored,
            keep,
        ));
    }
    BoardLayout {
        panes,
        total,
        pane_cols,
    }
}

/// `keep`: `Some(Some(i))` keeps note i in view, `Some(None)` the new-note slot.
fn pane_layout(
    index: usize,
    outer: Rect,
    pane: &Pane,
    stored_scroll: u32,
    keep: Option<Option<usize>>,
) -> PaneLayout {
    let inner = ratatui::widgets::Block::bordered().inner(outer);
    let (card_w, card_h, cols, gap_y) = card_geometry(inner);
    let mut cards = Vec::with_capacity(pane.notes.len());
    let mut headings = Vec::new();
    let (mut y, mut row, mut col) = (0u32, 0usize, 0u16);
    let mut top = 0u32;
    let mut group: Option<Option<&str>> = None;
    let step = u32::from(card_h + gap_y);
    for (i, note) in pane.notes.iter().enumerate() {
        let g = note.group.as_deref();
        if group != Some(g) {
            // A new section starts on a fresh row, under its heading if it is a cluster.
            if col != 0 {
                (y, row, col) = (y.saturating_add(step), row + 1, 0);
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
        let x = inner.x + col * (card_w + GAP_X);
        cards.push(Slot {
            x,
            y,
            top: if col == 0 { top } else { y },
            row,
            col,
        });
        col += 1;
        if col == cols {
            (y, row, col) = (y.saturating_add(step), row + 1, 0);
            top = y;
        }
    }
    // A new note is never in a cluster: after one, it starts a row of its own.
    if col != 0 && group.flatten().is_some() {
        (y, row, col) = (y.saturating_add(step), row + 1, 0);
    }
    let next = Slot {
        x: inner.x + col * (card_w + GAP_X),
        y,
        top: y,
        row,
        col,
    };
    let card_h32 = u32::from(card_h);
    let content_h = if col == 0 {
        y
    } else {
        y.saturating_add(card_h32)
    };
    let height = u32::from(inner.height);
    let mut scroll = stored_scroll.min(content_h.saturating_sub(height));
    let keep_slot = keep.map(|k| match k {
        Some(i) => cards.get(i).copied().unwrap_or(next),
        None => next,
    });
    if let Some(s) = keep_slot {
        let bottom = s.y.saturating_add(card_h32);
        if bottom > scroll + height {
            scroll = bottom - height;
        }
        if s.top < scroll || s.y < scroll {
            scroll = if bottom - s.top <= height { s.top } else { s.y };
        }
    }
    PaneLayout {
        index,
        outer,
        inner,
        card_w,
        card_h,
        cols,
        scroll,
        content_h,
        cards,
        headings,
        next,
    }
}

/// Where the editor goes: over the card being written, grown to a usable size.
pub fn editor_rect(pane: &PaneLayout, slot: Slot, area: Rect, long: bool) -> Rect {
    let base = pane.rect(slot).unwrap_or(Rect::new(
        pane.inner.x,
        pane.inner.y,
        pane.card_w,
        pane.card_h,
    ));
    let (width, height) = if long { (90, 20) } else { (46, 7) };
    let width = base.width.max(width).min(area.width);
    let height = base.height.max(height).min(area.height);
    let x = base.x.min(area.right().saturating_sub(width)).max(area.x);
    let y = base.y.min(area.bottom().saturating_sub(height)).max(area.y);
    Rect::new(x, y, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::Note;

    fn board(panes: &[usize]) -> Board {
        let mut board = Board::default();
        let names: Vec<(String, String)> = (0..panes.len())
            .map(|p| (format!("p{p}"), format!("Pane {p}")))
            .collect();
        board.sync_panes(&names);
        let mut id = 0;
        for (p, &n) in panes.iter().enumerate() {
            for _ in 0..n {
                id += 1;
                board.panes[p]
                    .notes
                    .push(Note::new(id, format!("note {id}")));
            }
        }
        board
    }

    fn focus(pane: usize, note: usize, scroll: &[u32]) -> Focus<'_> {
        Focus {
            pane,
            note: Some(note),
            scroll,
        }
    }

    #[test]
    fn a_click_on_a_card_names_its_pane_and_note() {
        let b = board(&[3, 2]);
        let l = layout(Rect::new(0, 0, 100, 30), &b, focus(0, 0, &[]));
        assert_eq!(l.pane_cols, 2);
        let second = l.pane(1).unwrap();
        let card = second.rect(second.cards[1]).unwrap();
        assert_eq!(l.hit(card.x + 2, card.y + 1), Some((1, Some(1))));
        let inner = l.pane(0).unwrap().inner;
        assert_eq!(
            l.hit(inner.x, inner.bottom() - 1),
            Some((0, None)),
            "below the cards: the pane"
        );
        assert_eq!(l.hit(0, 40), None, "off the board");
    }

    #[test]
    fn the_focused_card_is_kept_in_view_and_the_scroll_stays_put_otherwise() {
        let b = board(&[40]);
        let area = Rect::new(0, 0, 30, 20);
        let l = layout(area, &b, focus(0, 39, &[0]));
        let pane = l.pane(0).unwrap();
        assert!(pane.rect(pane.cards[39]).is_some(), "the last card shows");
        assert!(pane.scroll > 0);
        assert_eq!(pane.hidden(), (pane.cards.len() - 2, 0));
        // Kept scroll: the focus moves up one card, still in view, nothing moves.
        let again = layout(area, &b, focus(0, 38, &[pane.scroll]));
        assert_eq!(again.pane(0).unwrap().scroll, pane.scroll);
        // Back to the top.
        let top = layout(area, &b, focus(0, 0, &[pane.scroll]));
        assert_eq!(top.pane(0).unwrap().scroll, 0);
    }

    #[test]
    fn tens_of_thousands_of_notes_keep_their_places() {
        let b = board(&[40_000]);
        let l = layout(Rect::new(0, 0, 40, 24), &b, focus(0, 39_999, &[]));
        let pane = l.pane(0).unwrap();
        let last = pane.cards[39_999];
        assert!(last.y > u32::from(u16::MAX), "beyond what a u16 counts");
        let rect = pane.rect(last).expect("the last card is in view");
        assert!(pane.inner.contains(rect.as_position()));
        assert_eq!(pane.hidden().1, 0);
    }

    #[test]
    fn panes_that_do_not_fit_are_paged_around_the_focus() {
        let b = board(&[1; 12]);
        let l = layout(Rect::new(0, 0, 80, 20), &b, focus(9, 0, &[]));
        assert_eq!(l.total, 12);
        assert!(l.panes.len() < 12);
        assert!(l.pane(9).is_some(), "the focused pane's page shows");
    }
}
