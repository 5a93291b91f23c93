//! What is drawn over the screen: the help, the quit question, a pop-up editor, and
//! the question a change made outside convene asks, over everything.

use super::editor;
use super::theme::Theme;
use crate::app::editor::EditTarget;
use crate::app::keys::{self, Context};
use crate::app::{App, Overlay};
use crate::layout::centered;
use crate::layout::text::wrap_lines;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(e) = &app.editor
        && !matches!(e.target, EditTarget::Board(_) | EditTarget::Table(_))
    {
        editor::render(frame, editor::popup_area(area, e.multiline), e, theme);
    }
    match app.overlay {
        Some(Overlay::Help) => render_help(frame, area, app, theme),
        Some(Overlay::ConfirmQuit) => {
            let confirm: Vec<String> = app
                .keymap
                .keys(Context::Quit, "confirm")
                .iter()
                .map(|k| k.to_string())
                .collect();
            let confirm = confirm.join(" / ");
            let text = vec![
                Line::from(Span::styled("Quit convene?", theme.title())),
                Line::from("Saved; `convene open` resumes it."),
                Line::from(Span::styled(
                    format!("{confirm}: quit    any other key: stay"),
                    theme.accent(),
                )),
            ];
            render_box(frame, centered(area, 46, 5), text, theme.accent(), theme);
        }
        Some(Overlay::ConfirmStopSharing) => {
            let key = |action| app.keymap.first_keys(Context::StopSharing, &[action]);
            let text = vec![
                Line::from(Span::styled("Stop sharing?", theme.title())),
                Line::from("Phones can no longer join or send notes."),
                Line::from(Span::styled(
                    format!(
                        "{}: stop    {}: show the code    any other key: keep sharing",
                        key("confirm"),
                        key("show")
                    ),
                    theme.accent(),
                )),
            ];
            render_box(frame, centered(area, 64, 5), text, theme.accent(), theme);
        }
        None => {}
    }
    if let Some(outside) = &app.outside {
        render_outside(frame, area, app, outside.theirs.as_ref().err(), theme);
    }
}

/// "The session file was changed outside convene": reload it, or keep ours; either
/// way the other version is kept beside it. `unreadable`: why the file cannot be read.
fn render_outside(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    unreadable: Option<&String>,
    theme: &Theme,
) {
    let key = |action| app.keymap.first_keys(Context::Outside, &[action]);
    let name = app.path.file_stem().unwrap_or_default().to_string_lossy();
    let mut lines = vec![
        Line::from(Span::styled(
            "The session file was changed outside convene",
            theme.title(),
        )),
        Line::from("Nothing is saved over it until you choose; nothing is lost either way."),
        Line::from(""),
    ];
    match unreadable {
        Some(why) => lines.push(Line::from(Span::styled(
            format!("It cannot be read: {why}"),
            theme.error(),
        ))),
        None => lines.push(Line::from(Span::styled(
            format!(
                "{}  reload it (yours is kept as {name}.conflict.json)",
                key("reload")
            ),
            theme.accent(),
        ))),
    }
    lines.push(Line::from(Span::styled(
        format!(
            "{}  keep yours (the file's version is kept as {name}.conflict.json)",
            key("keep")
        ),
        theme.accent(),
    )));
    let width = area.width.saturating_sub(4).min(72);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines
        .iter()
        .map(|l| wrap_lines(&l.to_string(), inner, usize::MAX).len())
        .sum();
    let box_area = centered(area, width, rows as u16 + 2);
    render_box(frame, box_area, lines, theme.error(), theme);
}

/// A question in a bordered box, over whatever is under it.
fn render_box(frame: &mut Frame, at: Rect, lines: Vec<Line>, border: Style, theme: &Theme) {
    frame.render_widget(Clear, at);
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.base())
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::ALL).border_style(border)),
        at,
    );
}

/// The keys of what is on screen: a heading per context, then one line per binding
/// line of the keymap, its text wrapped under itself (never under the keys).
fn render_help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let sections = keys::help(app);
    let width = area.width.saturating_sub(4).clamp(20, 110);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let widest = sections
        .iter()
        .flat_map(|s| s.lines.iter().map(|(k, _)| k.width()))
        .max()
        .unwrap_or(0);
    // A longer label than this goes on a line of its own, above its text.
    let key_width = widest.min(inner / 3);
    let indent = key_width + 4;
    let text_width = inner.saturating_sub(indent).max(8);
    let mut lines = Vec::new();
    for section in sections {
        lines.push(Line::from(Span::styled(section.title, theme.accent())));
        for (keys, what) in section.lines {
            let mut text = wrap_lines(what, text_width, usize::MAX).into_iter();
            let first = if keys.width() > key_width {
                lines.push(Line::from(Span::styled(format!("  {keys}"), theme.title())));
                format!("{:indent$}", "")
            } else {
                let pad = " ".repeat(key_width - keys.width());
                format!("  {keys}{pad}  ")
            };
            lines.push(Line::from(vec![
                Span::styled(first, theme.title()),
                Span::raw(text.next().unwrap_or_default()),
            ]));
            for more in text {
                lines.push(Line::from(format!("{:indent$}{more}", "")));
            }
        }
    }
    let rows = lines.len() as u16;
    let height = (rows + 2).min(area.height);
    let visible = height.saturating_sub(2);
    let scroll = app.help_scroll.min(rows.saturating_sub(visible));
    let title = if rows > visible {
        let keys = app.keymap.first_keys(Context::Help, &["up", "down"]);
        format!(" Keys ({keys} scroll, any other key closes) ")
    } else {
        " Keys (any key closes) ".to_string()
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
