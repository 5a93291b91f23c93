//! The sticky-note board view, and the layout math it shares with mouse hit-testing
//! and arrow-key navigation (`layout` is the one place where cards get positions).
//!
//! Panes sit side by side (wrapping to more rows, then paging, when there are many);
//! cards flow in a grid inside each pane, a cluster starts a new row under its heading,
//! and a pane scrolls so that the focused card is always in view.

use super::editor;
use super::text::{fit, shorten_to_width, wrap};
use super::theme::Theme;
use crate::app::App;
use crate::app::board::BoardUi;
use crate::app::editor::EditTarget;
use crate::domain::board::{Board, Note, Pane};
use crate::domain::text::clean;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Panes narrower or lower than this are paged instead.
pub const MIN_PANE_W: u16 = 20;
pub const MIN_PANE_H: u16 = 8;
/// Cards are at least this wide unless the pane itself is narrower.
const MIN_CARD_W: u16 = 22;
const GAP_X: u16 = 1;
/// More votes than this show as "●×12".
const MAX_DOTS: u32 = 5;

/// Where a card sits inside its pane: `x` on screen, `y` in the pane's scrolled content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub x: u16,
    pub y: u16,
    /// Where to scroll to show this card (its cluster heading included).
    pub top: u16,
    /// Grid row and column, for the arrow keys.
    pub row: u16,
    pub col: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub y: u16,
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
    pub scroll: u16,
    pub content_h: u16,
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
    /// The card's rectangle on screen, if it is wholly in view.
    pub fn rect(&self, slot: Slot) -> Option<Rect> {
        let bottom = slot.y + self.card_h;
        if slot.y < self.scroll || bottom > self.scroll + self.inner.height {
            return None;
        }
        Some(Rect::new(
            slot.x,
            self.inner.y + slot.y - self.scroll,
            self.card_w,
            self.card_h,
        ))
    }

    /// The part of the card on screen, if any (a card cut by the pane's edge shows in part).
    pub fn visible(&self, slot: Slot) -> Option<Rect> {
        let top = slot.y.max(self.scroll);
        let bottom = (slot.y + self.card_h).min(self.scroll + self.inner.height);
        (top < bottom).then(|| {
            Rect::new(
                slot.x,
                self.inner.y + top - self.scroll,
                self.card_w,
                bottom - top,
            )
        })
    }

    /// Notes out of view above and below.
    pub fn hidden(&self) -> (usize, usize) {
        let above = self.cards.iter().filter(|s| s.y < self.scroll).count();
        let below = self
            .cards
            .iter()
            .filter(|s| s.y + self.card_h > self.scroll + self.inner.height)
            .count();
        (above, below)
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
/// `adding`: a new note is being typed in the focused pane (its slot must be in view).
pub fn layout(area: Rect, board: &Board, ui: &BoardUi, adding: bool) -> BoardLayout {
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
    let focus = ui.pane.min(total - 1);
    // Pages of panes; the last page is filled up with panes from the one before.
    let first = ((focus / per_page) * per_page).min(total.saturating_sub(per_page));
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
        let outer = Rect::new(x, y, w, h);
        let index = first + k;
        let stored = ui.scroll.get(index).copied().unwrap_or(0);
        let focus_note = (index == focus).then_some(if adding { None } else { Some(ui.note) });
        panes.push(pane_layout(
            index,
            outer,
            &board.panes[index],
            stored,
            focus_note,
        ));
    }
    BoardLayout {
        panes,
        total,
        pane_cols,
    }
}

/// `focus`: `Some(Some(i))` keeps note i in view, `Some(None)` the new-note slot.
fn pane_layout(
    index: usize,
    outer: Rect,
    pane: &Pane,
    stored_scroll: u16,
    focus: Option<Option<usize>>,
) -> PaneLayout {
    let inner = Block::default().borders(Borders::ALL).inner(outer);
    let (card_w, card_h, cols, gap_y) = card_geometry(inner);
    let mut cards = Vec::with_capacity(pane.notes.len());
    let mut headings = Vec::new();
    let (mut y, mut row, mut col) = (0u16, 0u16, 0u16);
    let mut top = 0u16;
    let mut group: Option<Option<&str>> = None;
    let step = card_h + gap_y;
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
    let content_h = if col == 0 {
        y
    } else {
        y.saturating_add(card_h)
    };
    let focus_slot = focus.map(|f| match f {
        Some(i) => cards.get(i).copied().unwrap_or(next),
        None => next,
    });
    let mut scroll = stored_scroll.min(content_h.saturating_sub(inner.height));
    if let Some(s) = focus_slot {
        let bottom = s.y.saturating_add(card_h);
        if bottom > scroll + inner.height {
            scroll = bottom - inner.height;
        }
        if s.top < scroll || (s.y < scroll) {
            scroll = if bottom - s.top <= inner.height {
                s.top
            } else {
                s.y
            };
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

/// Vote dots for the back row: "●●●", or "●×12" past five.
pub fn vote_dots(votes: u32) -> Cow<'static, str> {
    const DOTS: [&str; 6] = ["", "●", "●●", "●●●", "●●●●", "●●●●●"];
    if votes <= MAX_DOTS {
        Cow::Borrowed(DOTS[votes as usize])
    } else {
        Cow::Owned(format!("●×{votes}"))
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(id) = app.board_id() else { return };
    let Some(board) = app.session.boards.get(&id) else {
        return;
    };
    let board_edit = app.editor.as_ref().and_then(|e| match &e.target {
        EditTarget::Board(edit) => Some((e, edit)),
        _ => None,
    });
    let adding = board_edit.is_some_and(|(_, edit)| edit.is_new());
    let layout = layout(area, board, &app.board, adding);
    if layout.panes.is_empty() {
        frame.render_widget(
            Paragraph::new("Too small for the board: make the window bigger or press f")
                .style(theme.muted())
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let focus = app.board.pane.min(layout.total - 1);
    let promoted = app.session.tables.promoted_notes();
    let buf = frame.buffer_mut();
    for pl in &layout.panes {
        let pane = &board.panes[pl.index];
        let focused = pl.index == focus;
        let paged = (layout.panes.len() < layout.total).then_some(layout.total);
        render_pane(buf, pl, pane, focused, paged, theme);
        for (i, (slot, note)) in pl.cards.iter().zip(&pane.notes).enumerate() {
            let card_focused = focused && !adding && i == app.board.note;
            let card = Card {
                note,
                focused: card_focused,
                promoted: promoted.contains(&note.id),
            };
            if let Some(rect) = pl.rect(*slot) {
                render_card(buf, rect, &card, theme);
            } else if let Some(part) = pl.visible(*slot) {
                // Cut by the pane's edge: draw it whole aside, copy what shows.
                let whole = Rect::new(slot.x, 0, pl.card_w, pl.card_h);
                let mut scratch = Buffer::empty(whole);
                render_card(&mut scratch, whole, &card, theme);
                let first = if slot.y < pl.scroll {
                    pl.card_h - part.height
                } else {
                    0
                };
                for r in 0..part.height {
                    for x in part.left()..part.right() {
                        buf[(x, part.y + r)] = scratch[(x, first + r)].clone();
                    }
                }
            }
        }
        for h in &pl.headings {
            render_heading(buf, pl, pane, h, theme);
        }
        if pane.notes.is_empty() && !adding {
            let hint = if focused {
                "Empty: a adds a note"
            } else {
                "No notes yet"
            };
            Paragraph::new(hint)
                .style(theme.muted())
                .wrap(Wrap { trim: true })
                .render(pl.inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
        }
    }
    if let Some((editor, edit)) = board_edit
        && let Some(pl) = layout.pane(focus)
    {
        let slot = if edit.is_new() {
            pl.next
        } else {
            pl.cards.get(app.board.note).copied().unwrap_or(pl.next)
        };
        let long = editor.area.lines().len() > 3
            || editor.area.lines().iter().map(|l| l.len()).sum::<usize>() > 200;
        editor::render(frame, editor_rect(pl, slot, area, long), editor, theme);
    }
}

fn render_pane(
    buf: &mut Buffer,
    pl: &PaneLayout,
    pane: &Pane,
    focused: bool,
    paged: Option<usize>,
    theme: &Theme,
) {
    let title = clean(&pane.title);
    let votes = pane.votes();
    let notes = pane.notes.len();
    let page = paged.map(|total| format!("{}/{total} ", pl.index + 1));
    let page = page.as_deref().unwrap_or("");
    let room = usize::from(pl.outer.width.saturating_sub(4));
    let plural = if notes == 1 { "" } else { "s" };
    let votes_text = if votes > 0 {
        format!(" · ●{votes}")
    } else {
        String::new()
    };
    // As much as fits: the count in words, then in figures, then a shorter name.
    let long = format!(" · {notes} note{plural}{votes_text}");
    let short = format!(" · {notes}{votes_text}");
    let text = if page.width() + title.width() + long.width() <= room {
        format!(" {page}{title}{long} ")
    } else {
        let name_room = room.saturating_sub(page.width() + short.width());
        format!(" {page}{}{short} ", shorten_to_width(&title, name_room))
    };
    let (set, border_style, title_style) = if focused {
        (border::THICK, theme.accent(), theme.selected())
    } else {
        (border::PLAIN, theme.border(), theme.title())
    };
    let (above, below) = pl.hidden();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(set)
        .border_style(border_style)
        .title(Span::styled(text, title_style));
    if above + below > 0 {
        let more = match (above, below) {
            (0, b) => format!(" ▼ {b} more "),
            (a, 0) => format!(" ▲ {a} more "),
            (a, b) => format!(" ▲ {a} · ▼ {b} more "),
        };
        block = block.title_bottom(Line::from(Span::styled(more, theme.accent())).right_aligned());
    }
    block.render(pl.outer, buf);
}

fn render_heading(buf: &mut Buffer, pl: &PaneLayout, pane: &Pane, h: &Heading, theme: &Theme) {
    if h.y < pl.scroll || h.y >= pl.scroll + pl.inner.height {
        return;
    }
    let y = pl.inner.y + h.y - pl.scroll;
    let notes = &pane.notes[h.first..h.first + h.len];
    let votes: u64 = notes.iter().map(|n| u64::from(n.votes)).sum();
    let name = clean(notes[0].group.as_deref().unwrap_or(""));
    let text = if votes > 0 {
        format!("▌{name} · {} · ●{votes}", h.len)
    } else {
        format!("▌{name} · {}", h.len)
    };
    buf.set_stringn(
        pl.inner.x,
        y,
        fit(&text, usize::from(pl.inner.width)),
        usize::from(pl.inner.width),
        theme.accent(),
    );
}

/// One card: a filled block with a border (thick, with a reversed title bar, when
/// focused), its colour's marker and votes on top, author and plan marker below.
/// A note as one card shows it.
struct Card<'a> {
    note: &'a Note,
    focused: bool,
    /// A row of the plan came from this note.
    promoted: bool,
}

fn render_card(buf: &mut Buffer, rect: Rect, card: &Card, theme: &Theme) {
    let (note, focused) = (card.note, card.focused);
    let fill = theme.note(note.colour);
    buf.set_style(rect, fill);
    if rect.width < 4 || rect.height < 3 {
        let text = clean(&note.text);
        buf.set_stringn(
            rect.x,
            rect.y,
            fit(text.lines().next().unwrap_or(""), usize::from(rect.width)),
            usize::from(rect.width),
            fill.add_modifier(if focused {
                Modifier::REVERSED
            } else {
                Modifier::empty()
            }),
        );
        return;
    }
    let (set, edge) = if focused {
        (
            border::THICK,
            fill.add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    } else {
        (border::ROUNDED, fill)
    };
    let (left, right) = (rect.x, rect.right() - 1);
    let (top, bottom) = (rect.y, rect.bottom() - 1);
    let side = if focused {
        fill.add_modifier(Modifier::BOLD)
    } else {
        fill
    };
    for x in left + 1..right {
        buf[(x, top)].set_symbol(set.horizontal_top).set_style(edge);
        buf[(x, bottom)]
            .set_symbol(set.horizontal_bottom)
            .set_style(side);
    }
    for y in top + 1..bottom {
        buf[(left, y)].set_symbol(set.vertical_left).set_style(side);
        buf[(right, y)]
            .set_symbol(set.vertical_right)
            .set_style(side);
    }
    buf[(left, top)].set_symbol(set.top_left).set_style(edge);
    buf[(right, top)].set_symbol(set.top_right).set_style(edge);
    buf[(left, bottom)]
        .set_symbol(set.bottom_left)
        .set_style(side);
    buf[(right, bottom)]
        .set_symbol(set.bottom_right)
        .set_style(side);

    let room = usize::from(rect.width - 2);
    let title_style = edge.add_modifier(Modifier::BOLD);
    // Top edge: the colour's marker (and name when focused) left, the votes right.
    let dots = vote_dots(note.votes);
    let dots_w = dots.width();
    let mut x = left + 1;
    if room >= 3 {
        let marker = note.colour.marker();
        let label_room = room.saturating_sub(if dots_w > 0 { dots_w + 2 } else { 0 });
        let (end, _) = buf.set_stringn(x, top, " ", 1, title_style);
        let (end, _) = buf.set_stringn(end, top, marker, label_room - 1, title_style);
        x = end;
        if focused && label_room >= 3 + note.colour.name().len() {
            let (end, _) = buf.set_stringn(x, top, " ", 1, title_style);
            x = buf
                .set_stringn(end, top, note.colour.name(), label_room, title_style)
                .0;
        }
        buf.set_stringn(x, top, " ", 1, title_style);
    }
    if dots_w > 0 && dots_w + 2 <= room {
        let start = right - 1 - dots_w as u16;
        buf.set_stringn(start - 1, top, " ", 1, title_style);
        buf.set_stringn(start, top, &dots, dots_w, title_style);
        buf.set_stringn(right - 1, top, " ", 1, title_style);
    }
    // Bottom edge: "→ plan" left when promoted, the author's initials right.
    let mut used = 0;
    if card.promoted && room >= 8 {
        buf.set_stringn(left + 1, bottom, " → plan ", room, side);
        used = 8;
    }
    if let Some(author) = &note.author {
        let author = clean(author);
        let w = author.width() + 2;
        if w + used <= room {
            let start = right - w as u16;
            buf.set_stringn(start, bottom, " ", 1, side);
            buf.set_stringn(start + 1, bottom, &author, w - 2, side);
            buf.set_stringn(right - 1, bottom, " ", 1, side);
        }
    }
    // The text, word-wrapped, with "…" when it does not all fit.
    let pad = u16::from(rect.width >= 16);
    let text_x = left + 1 + pad;
    let text_w = usize::from(rect.width - 2 - 2 * pad);
    let max_lines = usize::from(rect.height - 2);
    let text = clean(&note.text);
    let text_style = fill;
    let mut drawn = 0usize;
    let mut last: Option<&str> = None;
    let mut cut = false;
    wrap(&text, text_w, |line| {
        if drawn == max_lines {
            cut = true;
            return false;
        }
        if let Some(prev) = last {
            buf.set_stringn(text_x, top + drawn as u16, prev, text_w, text_style);
        }
        last = Some(line);
        drawn += 1;
        true
    });
    if let Some(line) = last {
        let y = top + drawn as u16;
        if cut {
            let short = fit(line, text_w.saturating_sub(1));
            let (end, _) = buf.set_stringn(text_x, y, short, text_w, text_style);
            buf.set_stringn(end, y, "…", 1, text_style);
        } else {
            buf.set_stringn(text_x, y, line, text_w, text_style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        wrap(text, width, |l| {
            out.push(l.to_string());
            true
        });
        out
    }

    #[test]
    fn wide_characters_never_split_across_the_edge() {
        // Each CJK character takes two columns: five columns hold two of them.
        let out = lines("会議室予約", 5);
        assert_eq!(out, ["会議", "室予", "約"]);
        for l in &out {
            assert!(l.width() <= 5);
        }
        let out = lines("party 🎉🎉🎉 time", 7);
        assert!(out.iter().all(|l| l.width() <= 7), "{out:?}");
        assert_eq!(out.concat().replace(' ', ""), "party🎉🎉🎉time");
    }

    #[test]
    fn vote_dots_turn_into_a_count_past_five() {
        assert_eq!(vote_dots(0), "");
        assert_eq!(vote_dots(3), "●●●");
        assert_eq!(vote_dots(12), "●×12");
    }
}
