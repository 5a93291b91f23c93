//! The board's geometry: which panes show and where, where every card sits, and how
//! far each pane scrolls so the focused card is in view. Arrow keys, clicks and the
//! view all read positions from here.
//!
//! Panes sit side by side (wrapping to more rows, then paging, when there are many);
//! cards flow in a grid inside each pane, a cluster starts a new row under its heading.
//! Positions inside a pane's content are `u32`: a crafted file may hold tens of
//! thousands of notes, far more rows than a `u16` counts.

mod cards;

use crate::domain::board::{Board, Pane};
use cards::{Grid, Sizing, card_grid, place};
pub use cards::{card_text_width, compact_text_width};
use ratatui::layout::{Position, Rect};

/// Panes narrower or lower than this are paged instead.
pub const MIN_PANE_W: u16 = 20;
pub const MIN_PANE_H: u16 = 8;
/// Cards are at least this wide unless the pane itself is narrower.
pub(super) const MIN_CARD_W: u16 = 22;
pub(super) const GAP_X: u16 = 1;

/// What the layout needs of the board's view state.
#[derive(Debug, Clone, Copy)]
pub struct Focus<'a> {
    pub pane: usize,
    /// The focused note; `None` while a new note is written (its slot must show).
    pub note: Option<usize>,
    /// First content line shown, per pane, as last kept.
    pub scroll: &'a [u32],
    /// Every pane in the compact view (one or two lines a note), whether its cards
    /// would fit or not.
    pub compact: bool,
}

/// Where a card sits inside its pane: `x` on screen, `y` in the pane's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub x: u16,
    pub y: u32,
    /// The card's height: as tall as its text, within the pane's limits.
    pub h: u16,
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
    /// Notes as one or two lines each, not cards.
    pub compact: bool,
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
        let bottom = slot.y + u32::from(slot.h);
        if slot.y < self.scroll || bottom > self.view_bottom() {
            return None;
        }
        Some(Rect::new(
            slot.x,
            self.screen_y(slot.y),
            self.card_w,
            slot.h,
        ))
    }

    /// The part of the card on screen, if any (a card cut by the pane's edge shows in part).
    pub fn visible(&self, slot: Slot) -> Option<Rect> {
        let top = slot.y.max(self.scroll);
        let bottom = (slot.y + u32::from(slot.h)).min(self.view_bottom());
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
        self.scroll.saturating_sub(slot.y).min(u32::from(slot.h)) as u16
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
            .filter(|s| s.y + u32::from(s.h) > bottom)
            .count();
        (above, below)
    }

    /// The first note wholly in view when the pane is scrolled to `scroll` (else the
    /// first one that starts in view): where Tab lands, so the pane does not jump.
    pub fn first_in_view(&self, scroll: u32) -> Option<usize> {
        let (top, bottom) = (scroll, scroll + u32::from(self.inner.height));
        self.cards
            .iter()
            .position(|s| s.y >= top && s.y + u32::from(s.h) <= bottom)
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
            focus.compact,
        ));
    }
    BoardLayout {
        panes,
        total,
        pane_cols,
    }
}

/// `keep`: `Some(Some(i))` keeps note i in view, `Some(None)` the new-note slot.
/// `compact`: the compact view whatever the room; without it, a pane is compact only
/// when that is the only way to show every one of its notes.
fn pane_layout(
    index: usize,
    outer: Rect,
    pane: &Pane,
    stored_scroll: u32,
    keep: Option<Option<usize>>,
    compact: bool,
) -> PaneLayout {
    let inner = ratatui::widgets::Block::bordered().inner(outer);
    let (card_w, cols) = card_grid(inner);
    let mut grid = place(inner, pane, Sizing::new(inner, card_w, compact), cols);
    if !compact && grid.content_h > u32::from(inner.height) {
        let dense = place(inner, pane, Sizing::new(inner, card_w, true), cols);
        if dense.content_h <= u32::from(inner.height) {
            grid = dense;
        }
    }
    let Grid {
        cards,
        headings,
        next,
        content_h,
        sizing,
    } = grid;
    let height = u32::from(inner.height);
    let mut scroll = stored_scroll.min(content_h.saturating_sub(height));
    let keep_slot = keep.map(|k| match k {
        Some(i) => cards.get(i).copied().unwrap_or(next),
        None => next,
    });
    if let Some(s) = keep_slot {
        let bottom = s.y.saturating_add(u32::from(s.h));
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
        compact: sizing.compact,
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
    let base =
        pane.rect(slot)
            .unwrap_or(Rect::new(pane.inner.x, pane.inner.y, pane.card_w, slot.h));
    let (width, height) = if long { (90, 20) } else { (46, 7) };
    let width = base.width.max(width).min(area.width);
    let height = base.height.max(height).min(area.height);
    let x = base.x.min(area.right().saturating_sub(width)).max(area.x);
    let y = base.y.min(area.bottom().saturating_sub(height)).max(area.y);
    Rect::new(x, y, width, height)
}

#[cfg(test)]
mod tests {
    use super::cards::{MAX_CARD_H, MIN_CARD_H};
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
            compact: false,
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
        let (above, below) = pane.hidden();
        assert!(above > 30 && below == 0, "{above} above, {below} below");
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

    #[test]
    fn a_card_is_as_tall_as_its_text_within_bounds() {
        let mut b = board(&[3]);
        let notes = &mut b.panes[0].notes;
        notes[0].text = "Call the mayor".into();
        notes[1].text = "word ".repeat(30);
        notes[2].text = "word ".repeat(400);
        let l = layout(Rect::new(0, 0, 30, 40), &b, focus(0, 0, &[]));
        let pane = l.pane(0).unwrap();
        let h: Vec<u16> = pane.cards.iter().map(|s| s.h).collect();
        assert_eq!(h[0], MIN_CARD_H, "a short note: the minimum");
        assert!(
            h[1] > MIN_CARD_H && h[1] < MAX_CARD_H,
            "its lines and borders: {h:?}"
        );
        assert_eq!(h[2], MAX_CARD_H, "a long one stops growing");
        assert_eq!(pane.cards[1].y, pane.cards[0].y + u32::from(h[0]) + 1);
        assert!(!pane.compact);
    }

    #[test]
    fn a_pane_goes_compact_only_when_that_shows_every_note() {
        let b = board(&[7]);
        // 80x24's board area: the cards do not all fit, compact lines do.
        let area = Rect::new(0, 0, 26, 12);
        let l = layout(area, &b, focus(0, 0, &[]));
        let pane = l.pane(0).unwrap();
        assert!(pane.compact, "7 notes in 10 rows: compact");
        assert_eq!(pane.hidden(), (0, 0), "every note shows");
        let few = layout(area, &board(&[2]), focus(0, 0, &[]));
        assert!(!few.pane(0).unwrap().compact, "two cards fit: cards");
        let many = layout(area, &board(&[40]), focus(0, 0, &[]));
        assert!(
            !many.pane(0).unwrap().compact,
            "compact cannot show 40 either: cards"
        );
        let forced = Focus {
            compact: true,
            ..focus(0, 0, &[])
        };
        assert!(
            layout(area, &board(&[2]), forced).pane(0).unwrap().compact,
            "z"
        );
    }
}
