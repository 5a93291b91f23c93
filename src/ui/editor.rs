//! Draws the open editor: in place where a view gives it a spot, else as a pop-up.

use super::theme::Theme;
use crate::app::editor::Editor;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

pub fn render(frame: &mut Frame, area: Rect, editor: &Editor, theme: &Theme) {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.accent())
        .title(Span::styled(format!(" {} ", editor.label), theme.title()))
        .title_bottom(Span::styled(
            if editor.multiline {
                " Enter keeps · Alt+Enter new line · Esc "
            } else {
                " Enter keeps · Esc "
            },
            theme.muted(),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut textarea = editor.area.clone();
    textarea.set_style(theme.base());
    textarea.set_cursor_line_style(theme.base());
    textarea.set_cursor_style(theme.selected());
    frame.render_widget(&textarea, inner);
}

/// The pop-up position: a wide box in the lower half of the screen.
pub fn popup_area(screen: Rect, multiline: bool) -> Rect {
    let width = screen.width.saturating_sub(4).min(100);
    let height = if multiline { 8 } else { 3 }.min(screen.height);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + screen.height.saturating_sub(height + 2),
        width,
        height,
    )
}
