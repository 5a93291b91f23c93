//! The action plan as the room sees it: each initiative's rows under its name, cells
//! wrapped to a few lines, no plan-check marks. When the rows do not all fit, the
//! newest stay in view.

use crate::domain::room::RoomTable;
use crate::layout::text::wrap_lines;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Table};

/// Lines a cell shows at most.
const CELL_LINES: usize = 3;
const SPACING: u16 = 1;

pub fn render(frame: &mut Frame, area: Rect, table: &RoomTable, theme: &Theme) {
    if table.columns.is_empty() || area.height < 2 {
        return;
    }
    let constraints: Vec<Constraint> = (0..table.columns.len())
        .map(|c| Constraint::Fill(if c == 0 { 3 } else { 2 }))
        .collect();
    let widths: Vec<usize> = Layout::horizontal(constraints.clone())
        .spacing(SPACING)
        .split(area)
        .iter()
        .map(|r| usize::from(r.width))
        .collect();
    let several = table.sections.len() > 1;
    // (row, its height, the initiative's heading when it is one)
    let mut rows: Vec<(Row, u16, Option<String>)> = Vec::new();
    for section in &table.sections {
        if let Some(name) = section.title.as_deref().filter(|_| several) {
            let heading = format!("{name} ({})", section.rows.len());
            rows.push((Row::new([""]), 1, Some(heading)));
        }
        for cells in &section.rows {
            let wrapped: Vec<Vec<String>> = cells
                .iter()
                .zip(&widths)
                .map(|(text, &w)| wrap_lines(text, w.max(1), CELL_LINES))
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1) as u16;
            let row = Row::new(
                wrapped
                    .into_iter()
                    .map(|lines| Cell::from(Text::from_iter(lines.into_iter().map(Line::from)))),
            )
            .height(height);
            rows.push((row, height, None));
        }
    }
    if table.sections.iter().all(|s| s.rows.is_empty()) {
        let [_, below] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("Nothing in {} yet", table.title),
                theme.muted(),
            )),
            below,
        );
    }
    // The newest rows stay in view: rows that do not fit are dropped from the top.
    let room = area.height.saturating_sub(1);
    let mut used = 0;
    let first = rows
        .iter()
        .rposition(|(_, h, _)| {
            used += h;
            used > room
        })
        .map_or(0, |i| i + 1);
    let header = Row::new(table.columns.iter().map(|c| Cell::from(c.as_str()))).style(
        theme
            .title()
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    );
    let shown = &rows[first..];
    // Headings span the whole width, which a table's cells cannot.
    let mut y = area.y + 1;
    let mut headings = Vec::new();
    for (_, height, heading) in shown {
        if let Some(text) = heading {
            headings.push((Rect::new(area.x, y, area.width, 1), text.clone()));
        }
        y += height;
    }
    let widget = Table::new(shown.iter().map(|(r, _, _)| r.clone()), constraints)
        .header(header)
        .column_spacing(SPACING)
        .style(theme.base());
    frame.render_widget(widget, area);
    for (at, text) in headings {
        frame.render_widget(
            Paragraph::new(Span::styled(
                text,
                theme.accent().add_modifier(Modifier::BOLD),
            )),
            at.intersection(area),
        );
    }
}
