//! The sticky-note board view: panes with their titles and "more" markers, cluster
//! headings, and the cards, where `layout::board` puts them.

mod card;

use super::editor;
use super::theme::Theme;
use crate::app::App;
use crate::app::editor::EditTarget;
use crate::app::keys::Context;
use crate::domain::board::{Board, Pane};
use crate::domain::text::clean;
use crate::layout::board::{BoardLayout, Focus, Heading, PaneLayout, editor_rect, layout};
use crate::layout::text::{fit, shorten_to_width};
use card::Card;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// A board as one screen shows it: the facilitator's, with its focus, or the room's.
pub struct Scene<'a> {
    pub board: &'a Board,
    /// What the layout keeps in view.
    pub focus: Focus<'a>,
    /// The pane drawn as focused, and its focused card (none while a note is added):
    /// none on the room's screen.
    pub focused: Option<(usize, Option<usize>)>,
    /// Notes a row of the plan came from.
    /// Promoted notes and the table each went to.
    pub promoted: &'a HashMap<u64, &'a str>,
    /// The key that adds a note, for an empty focused pane's hint ("" for none).
    pub add_key: String,
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
    let focus = app.board.pane.min(board.panes.len().saturating_sub(1));
    let promoted = app.session.promoted_to();
    let scene = Scene {
        board,
        focus: app.board_focus(),
        focused: Some((focus, (!adding).then_some(app.board.note))),
        promoted: &promoted,
        add_key: app.keymap.first_keys(Context::Board, &["add"]),
    };
    let Some(layout) = render_scene(frame, area, &scene, theme) else {
        return;
    };
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

/// Draws the panes and their cards; returns the layout, or `None` when the board
/// does not fit.
pub fn render_scene(
    frame: &mut Frame,
    area: Rect,
    scene: &Scene,
    theme: &Theme,
) -> Option<BoardLayout> {
    let board = scene.board;
    let layout = layout(area, board, scene.focus);
    if layout.panes.is_empty() {
        frame.render_widget(
            Paragraph::new("Too small for the board: make the window bigger or press f")
                .style(theme.muted())
                .wrap(Wrap { trim: true }),
            area,
        );
        return None;
    }
    // While a note is added, its pane shows the editor and the others no hint.
    let adding = scene.focused.is_some_and(|(_, note)| note.is_none());
    let paged = (layout.panes.len() < layout.total).then_some(layout.total);
    // One form of title for every pane: the count in words only where all have room.
    let words = layout
        .panes
        .iter()
        .all(|pl| pane_title(pl, &board.panes[pl.index], paged, true).is_some());
    let buf = frame.buffer_mut();
    for pl in &layout.panes {
        let pane = &board.panes[pl.index];
        let (focused, focused_note) = match scene.focused {
            Some((pane, note)) if pane == pl.index => (true, note),
            _ => (false, None),
        };
        render_pane(buf, pl, pane, focused, paged, words, theme);
        for (i, (slot, note)) in pl.cards.iter().zip(&pane.notes).enumerate() {
            let card = Card {
                note,
                focused: focused_note == Some(i),
                promoted: scene.promoted.get(&note.id).copied(),
                compact: pl.compact,
            };
            if let Some(part) = pl.visible(*slot) {
                card.draw(buf, part, slot.h, pl.cut_above(*slot), theme);
            }
        }
        for h in &pl.headings {
            render_heading(buf, pl, pane, h, theme);
        }
        if pane.notes.is_empty() && !adding {
            let add = &scene.add_key;
            let hint = if focused && !add.is_empty() {
                format!("Empty: {add} adds a note")
            } else {
                "No notes yet".to_string()
            };
            Paragraph::new(hint)
                .style(theme.muted())
                .wrap(Wrap { trim: true })
                .render(pl.inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
        }
    }
    Some(layout)
}

/// " Financial · 3 notes · ●2 " (`words`) or " Financial · 3 · ●2 ", the name cut to
/// fit; `None` when the count in words does not fit.
fn pane_title(pl: &PaneLayout, pane: &Pane, paged: Option<usize>, words: bool) -> Option<String> {
    let title = clean(&pane.title);
    let votes = pane.votes();
    let notes = pane.notes.len();
    let page = paged.map(|total| format!("{}/{total} ", pl.index + 1));
    let page = page.as_deref().unwrap_or("");
    let room = usize::from(pl.outer.width.saturating_sub(4));
    let votes_text = if votes > 0 {
        format!(" · ●{votes}")
    } else {
        String::new()
    };
    if words {
        let plural = if notes == 1 { "" } else { "s" };
        let long = format!(" · {notes} note{plural}{votes_text}");
        return (page.width() + title.width() + long.width() <= room)
            .then(|| format!(" {page}{title}{long} "));
    }
    let short = format!(" · {notes}{votes_text}");
    let name_room = room.saturating_sub(page.width() + short.width());
    Some(format!(
        " {page}{}{short} ",
        shorten_to_width(&title, name_room)
    ))
}

fn render_pane(
    buf: &mut Buffer,
    pl: &PaneLayout,
    pane: &Pane,
    focused: bool,
    paged: Option<usize>,
    words: bool,
    theme: &Theme,
) {
    let text = pane_title(pl, pane, paged, words)
        .or_else(|| pane_title(pl, pane, paged, false))
        .unwrap_or_default();
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
    let Some(y) = pl.heading_y(h) else {
        return;
    };
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
