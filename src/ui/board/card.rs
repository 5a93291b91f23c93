//! One card: a filled block with a border (thick, with a reversed title bar, when
//! focused), its colour's marker and votes on top, author and plan marker below, the
//! note's text word-wrapped inside.

use crate::domain::board::Note;
use crate::domain::text::clean;
use crate::layout::board::{ROOM_TAG, card_text_width, compact_text_width};
use crate::layout::text::{fit, shorten_to_width, wrap, wrap_lines};
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::symbols::border;
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// More votes than this show as "●×12".
const MAX_DOTS: u32 = 5;

/// A note as one card shows it.
pub(super) struct Card<'a> {
    pub note: &'a Note,
    pub focused: bool,
    /// The table a row came into from this note ("Action plan").
    pub promoted: Option<&'a str>,
    /// One or two lines, not a card (the pane's compact view).
    pub compact: bool,
}

impl Card<'_> {
    /// Draws the part of the card that shows: `part` on screen, with `cut_above` of
    /// its `height` rows cut off by the pane's top edge. A card cut by an edge (or
    /// reaching past the buffer, which a layout bug must never turn into a panic) is
    /// drawn whole aside and only what shows inside the buffer is copied.
    pub fn draw(&self, buf: &mut Buffer, part: Rect, height: u16, cut_above: u16, theme: &Theme) {
        let shown = part.intersection(buf.area);
        if shown.is_empty() {
            return;
        }
        if cut_above == 0 && part.height == height && shown == part {
            render_card(buf, part, self, theme);
            return;
        }
        let whole = Rect::new(part.x, 0, part.width, height);
        let mut scratch = Buffer::empty(whole);
        render_card(&mut scratch, whole, self, theme);
        let first = cut_above + (shown.y - part.y);
        for r in 0..shown.height.min(height.saturating_sub(first)) {
            for x in shown.left()..shown.right() {
                buf[(x, shown.y + r)] = scratch[(x, first + r)].clone();
            }
        }
    }
}

fn render_card(buf: &mut Buffer, rect: Rect, card: &Card, theme: &Theme) {
    if card.compact {
        render_compact(buf, rect, card, theme);
        return;
    }
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
    // Bottom edge: "→ Action plan" left when promoted (the table's title, cut to leave
    // the author their place), the author's initials right ("room AB" for a note sent
    // from a phone).
    let label = match (note.from_room, note.author.as_deref()) {
        (true, Some(a)) => Some(format!("room {}", clean(a))),
        (true, None) => Some("room".to_string()),
        (false, a) => a.map(|a| clean(a).into_owned()),
    };
    let mut used = 0;
    if let Some(table) = card.promoted {
        let author_w = label.as_ref().map_or(0, |a| a.width() + 2);
        let free = match room.saturating_sub(author_w) {
            free if free >= 8 => free,
            _ => room,
        };
        if free >= 8 {
            let mark = format!(" → {} ", shorten_to_width(&clean(table), free - 4));
            used = mark.width();
            buf.set_stringn(left + 1, bottom, &mark, free, side);
        }
    }
    if let Some(author) = label {
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
    let text_w = usize::from(card_text_width(rect.width));
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

/// A note on one or two lines: its colour's marker, its text (cut with "…"), its
/// votes at the right; in its colour, reversed when focused.
fn render_compact(buf: &mut Buffer, rect: Rect, card: &Card, theme: &Theme) {
    let note = card.note;
    let mut style = theme.note(note.colour);
    if card.focused {
        style = style.add_modifier(Modifier::BOLD | Modifier::REVERSED);
    }
    buf.set_style(rect, style);
    let width = usize::from(rect.width);
    buf.set_stringn(rect.x, rect.y, note.colour.marker(), width, style);
    let dots = vote_dots(note.votes);
    let text_w = usize::from(compact_text_width(rect.width, note));
    if !dots.is_empty() && text_w > 0 {
        let x = rect.right() - dots.width() as u16;
        buf.set_stringn(x, rect.y, &dots, dots.width(), style);
    }
    if text_w == 0 {
        return;
    }
    if note.from_room {
        // Between the text and the votes, in the columns the layout left for it.
        let x = rect.x + 2 + text_w as u16 + 1;
        buf.set_stringn(x, rect.y, ROOM_TAG, ROOM_TAG.len(), style);
    }
    let text = clean(&note.text);
    let lines = wrap_lines(text.trim_end(), text_w, usize::from(rect.height));
    for (y, line) in (rect.y..).zip(&lines) {
        buf.set_stringn(rect.x + 2, y, line, text_w, style);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::ThemeName;

    #[test]
    fn vote_dots_turn_into_a_count_past_five() {
        assert_eq!(vote_dots(0), "");
        assert_eq!(vote_dots(3), "●●●");
        assert_eq!(vote_dots(12), "●×12");
    }

    #[test]
    fn a_card_reaching_past_the_buffer_is_clipped_not_a_panic() {
        let note = Note::new(1, "A note near the edge of the screen");
        let card = Card {
            note: &note,
            focused: true,
            promoted: None,
            compact: false,
        };
        let theme = Theme::new(ThemeName::Light, true);
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 6));
        card.draw(&mut buf, Rect::new(10, 3, 22, 7), 7, 0, &theme);
        card.draw(&mut buf, Rect::new(0, 0, 22, 2), 7, 5, &theme);
        assert_eq!(buf[(10, 3)].symbol(), "┏", "the corner that shows");
        assert_eq!(
            buf[(0, 1)].symbol(),
            "┗",
            "the bottom of the card cut above"
        );
    }

    #[test]
    fn a_promoted_card_names_its_table_and_keeps_the_authors_initials() {
        let note = Note {
            author: Some("AB".into()),
            ..Note::new(1, "Half of permits applied for online")
        };
        let bottom = |width: u16| {
            let card = Card {
                note: &note,
                focused: false,
                promoted: Some("Benchmarks of early evidence"),
                compact: false,
            };
            let mut buf = Buffer::empty(Rect::new(0, 0, width, 5));
            card.draw(
                &mut buf,
                Rect::new(0, 0, width, 5),
                5,
                0,
                &Theme::new(ThemeName::Light, true),
            );
            (0..width).map(|x| buf[(x, 4)].symbol()).collect::<String>()
        };
        let wide = bottom(50);
        assert!(wide.contains("→ Benchmarks of early evidence"), "{wide}");
        assert!(wide.contains(" AB "), "{wide}");
        let narrow = bottom(24);
        assert!(
            narrow.contains("→ Benchmarks of…"),
            "cut, and says so: {narrow}"
        );
        assert!(
            narrow.contains(" AB "),
            "the initials keep their place: {narrow}"
        );
    }
}
