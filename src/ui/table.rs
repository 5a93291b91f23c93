//! The action-plan table view.

use super::theme::Theme;
use crate::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = app.session.plan.rows.len();
    frame.render_widget(
        Paragraph::new(format!("{rows} actions")).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border()),
        ),
        area,
    );
}
