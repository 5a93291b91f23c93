//! The sticky-note board view.

use super::theme::Theme;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(id) = app.board_id() else { return };
    let Some(board) = app.session.boards.get(&id) else {
        return;
    };
    let text: Vec<String> = board
        .panes
        .iter()
        .map(|p| format!("{}: {} notes", p.title, p.notes.len()))
        .collect();
    frame.render_widget(
        Paragraph::new(text.join("\n")).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border()),
        ),
        area,
    );
}
