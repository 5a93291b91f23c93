//! What is drawn over the screen: the help, the quit question, a pop-up editor.

use super::editor;
use super::theme::Theme;
use crate::app::editor::EditTarget;
use crate::app::{App, Overlay, keys};
use crate::layout::centered;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(e) = &app.editor
        && !matches!(e.target, EditTarget::Board(_) | EditTarget::Table(_))
    {
        editor::render(frame, editor::popup_area(area, e.multiline), e, theme);
    }
    match app.overlay {
        Some(Overlay::Help) => render_help(frame, area, app, theme),
        Some(Overlay::ConfirmQuit) => {
            let box_area = centered(area, 46, 5);
            frame.render_widget(Clear, box_area);
            let text = vec![
                Line::from(Span::styled("Quit convene?", theme.title())),
                Line::from("Saved; `convene open` resumes it."),
                Line::from(Span::styled(
                    "y / Enter: quit    any other key: stay",
                    theme.accent(),
                )),
            ];
            frame.render_widget(
                Paragraph::new(text)
                    .style(theme.base())
                    .wrap(Wrap { trim: true })
                    .block(
                        Block::default()
                            .borders(Borders::ALL)
                            .border_style(theme.accent()),
                    ),
                box_area,
            );
        }
        None => {}
    }
}

fn render_help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let sections = keys::help(app);
    let key_width = sections
        .iter()
        .flat_map(|(_, help)| help.iter().map(|(k, _)| k.chars().count()))
        .max()
        .unwrap_or(0);
    let mut lines = Vec::new();
    for (heading, help) in sections {
        lines.push(Line::from(Span::styled(heading, theme.accent())));
        for (keys, what) in help {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<key_width$}  "), theme.title()),
                Span::raw(*what),
            ]));
        }
    }
    let width = area.width.saturating_sub(4).clamp(20, 110);
    let inner = width.saturating_sub(2).max(1) as usize;
    let rows = lines
        .iter()
        .map(|l| l.width().div_ceil(inner).max(1))
        .sum::<usize>() as u16;
    let height = (rows + 2).min(area.height);
    let visible = height.saturating_sub(2);
    let scroll = app.help_scroll.min(rows.saturating_sub(visible));
    let title = if rows > visible {
        " Keys (↑/↓ scroll, any other key closes) "
    } else {
        " Keys (any key closes) "
    };
    let more = if scroll + visible < rows {
        " ▼ more "
    } else {
        ""
    };
    let box_area = centered(area, width, height);
    frame.render_widget(Clear, box_area);
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.base())
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.accent())
                    .title(Span::styled(title, theme.title()))
                    .title_bottom(Span::styled(more, theme.accent())),
            ),
        box_area,
    );
}
