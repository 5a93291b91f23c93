//! The focused row's detail view, and the editor opened over a cell.

use crate::app::App;
use crate::app::editor::Editor;
use crate::app::keys::Context;
use crate::app::table::TableEdit;
use crate::domain::check::Problem;
use crate::domain::dates;
use crate::domain::plan::PlanRow;
use crate::domain::template::ColumnKind;
use crate::domain::text::{sanitize, sanitize_line};
use crate::layout::table::Slot;
use crate::layout::text::wrap_lines;
use crate::ui::editor as editor_view;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::grid::status_display;
use super::{Ctx, Placement};

/// Every field of the focused row in full, the focused field highlighted.
pub(super) fn render_detail(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    ctx: &Ctx,
    view: &[usize],
) -> Placement {
    let theme = ctx.theme;
    let ui = &app.table;
    let mut placement = Placement::default();
    let Some(&index) = view.get(ui.row) else {
        return placement;
    };
    let row = &ctx.session.step_rows().rows[index];
    let initiative = ctx
        .session
        .initiative(row.initiative)
        .map(|i| sanitize_line(&i.name))
        .unwrap_or_else(|| "no initiative".into());
    let [head, area] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    // The row's history: beside the fields on a wide screen, else after them.
    let (area, side) = if !row.history.is_empty() && area.width >= 100 {
        let [fields, side] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(area);
        (fields, Some(side))
    } else {
        (area, None)
    };
    let width = area.width.saturating_sub(4).max(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!(" Row {} of {} · {initiative} ", ui.row + 1, view.len()),
                theme.title(),
            ),
            Span::styled(detail_hint(app), theme.muted()),
        ])),
        head,
    );
    let mut field_lines: Vec<(usize, usize, u16)> = Vec::new();
    let order = ctx.session.column_order();
    for &k in &order {
        let spec = &ctx.columns[k];
        let focused = k == ui.column;
        let problems: Vec<&&Problem> = ctx
            .problems
            .row(row.id)
            .iter()
            .filter(|p| p.column == spec.key)
            .collect();
        let title = format!(
            "{}{}",
            if problems.is_empty() { "" } else { "▲ " },
            sanitize_line(&spec.title)
        );
        let start = lines.len();
        lines.push(Line::from(Span::styled(
            format!(" {title} "),
            if focused {
                theme.selected()
            } else if problems.is_empty() {
                theme.accent()
            } else {
                theme.error()
            },
        )));
        let value_line = lines.len();
        let cell = row.cell(&spec.key);
        let (text, style) = match &spec.kind {
            ColumnKind::Status(_) => status_display(theme, cell, spec),
            ColumnKind::Date => match dates::stored(cell) {
                Some(d) => (dates::long(d), theme.base()),
                None => (sanitize_line(cell), theme.base()),
            },
            _ => (sanitize(cell), theme.base()),
        };
        if text.trim().is_empty() {
            lines.push(Line::from(Span::styled("   —", theme.muted())));
        } else {
            for l in wrap_lines(&text, width, usize::MAX) {
                lines.push(Line::from(Span::styled(format!("   {l}"), style)));
            }
        }
        for p in problems {
            for l in wrap_lines(&format!("▲ {}", p.message), width, usize::MAX) {
                lines.push(Line::from(Span::styled(format!("   {l}"), theme.error())));
            }
        }
        field_lines.push((start, lines.len(), value_line as u16));
    }
    match side {
        Some(side) => {
            let side_width = side.width.saturating_sub(3).max(1) as usize;
            frame.render_widget(Paragraph::new(history_lines(ctx, row, side_width)), side);
        }
        None => lines.extend(history_lines(ctx, row, width)),
    }
    // Scroll so the focused field shows.
    let focus_at = order.iter().position(|&k| k == ui.column).unwrap_or(0);
    let height = area.height as usize;
    let (start, end, _) = field_lines[focus_at.min(field_lines.len() - 1)];
    let offset = if end > height {
        (end - height).min(start.saturating_sub(1))
    } else {
        0
    };
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(offset).collect::<Vec<_>>()),
        area,
    );
    let (_, _, value_line) = field_lines[focus_at.min(field_lines.len() - 1)];
    let y = area.y + value_line.saturating_sub(offset as u16);
    placement
        .rows
        .push((Slot::Row(index), y.min(area.bottom().saturating_sub(1)), 1));
    placement
        .columns
        .push((ui.column, area.x + 3, area.width.saturating_sub(4)));
    placement
}

/// " History" and each change and note of the row, oldest first, wrapped to `width`.
fn history_lines<'a>(ctx: &Ctx, row: &PlanRow, width: usize) -> Vec<Line<'a>> {
    if row.history.is_empty() {
        return Vec::new();
    }
    let theme = ctx.theme;
    let table = ctx.session.step_table();
    let mut lines = vec![Line::from(Span::styled(" History ", theme.accent()))];
    let mut last = None;
    for change in &row.history {
        // One heading per meeting and day, its changes under it.
        let when = change.when();
        if last.as_ref() != Some(&when) {
            lines.push(Line::from(Span::styled(
                format!("   {}", sanitize_line(&when)),
                theme.muted(),
            )));
        }
        last = Some(when);
        for l in wrap_lines(
            &sanitize(&change.describe(table)),
            width.saturating_sub(2),
            usize::MAX,
        ) {
            lines.push(Line::from(Span::styled(format!("     {l}"), theme.base())));
        }
    }
    lines
}

/// " Left/Right rows · Up/Down fields · Enter edits · Esc back", with the user's keys.
fn detail_hint(app: &App) -> String {
    let keys = |actions: &[&str]| app.keymap.first_keys(Context::Table, actions);
    let parts = [
        (keys(&["left", "right"]), "rows"),
        (keys(&["up", "down"]), "fields"),
        (keys(&["edit"]), "edits"),
        (keys(&["back"]), "back"),
    ];
    let parts: Vec<String> = parts
        .iter()
        .filter(|(k, _)| !k.is_empty())
        .map(|(k, what)| format!("{k} {what}"))
        .collect();
    format!(" {}", parts.join(" · "))
}

pub(super) fn render_editor(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    ctx: &Ctx,
    editor: &Editor,
    edit: &TableEdit,
    placement: &Placement,
) {
    let theme = ctx.theme;
    let height: u16 = if editor.multiline { 7 } else { 3 };
    // Where the edited cell is: its row and its column.
    let (slot, column) = match edit {
        TableEdit::Cell { row, column, .. } => (
            ctx.session.step_rows().position(*row).map(Slot::Row),
            ctx.columns.iter().position(|c| &c.key == column),
        ),
        TableEdit::NewRow { .. } => (Some(Slot::New), ctx.session.column_order().first().copied()),
        // A progress note sits over its row, as wide as a note needs.
        TableEdit::Note { row } => (ctx.session.step_rows().position(*row).map(Slot::Row), None),
        TableEdit::Filter => (None, None),
    };
    let row_at = slot.and_then(|s| placement.rows.iter().find(|(r, _, _)| *r == s));
    let col_at = column.and_then(|c| placement.columns.iter().find(|(k, _, _)| *k == c));
    let min_width = if editor.multiline { 56 } else { 40 };
    let boxed = match (row_at, col_at) {
        (Some(&(_, y, _)), Some(&(_, x, w))) => {
            let width = (w + 2).max(min_width).min(area.width);
            let x = x.saturating_sub(1).max(area.x).min(area.right() - width);
            // Over the cell: its text sits on the cell's own line.
            let y = y.saturating_sub(1).max(area.y);
            let y = y.min(area.bottom().saturating_sub(height).max(area.y));
            Rect::new(x, y, width, height.min(area.height))
        }
        _ if matches!(edit, TableEdit::Filter) => {
            Rect::new(area.x, area.y, area.width.min(100), height.min(area.height))
        }
        _ => editor_view::popup_area(area, editor.multiline),
    };
    editor_view::render(frame, boxed, editor, theme);

    // Under the box: the names (or values) Tab takes, or how a date reads.
    let hint: Option<Line> = match (edit, column.map(|c| &ctx.columns[c].kind)) {
        (TableEdit::Filter, _) => None,
        (_, Some(ColumnKind::Date)) => {
            let text = editor.text();
            if text.trim().is_empty() {
                Some(Line::from(Span::styled(
                    format!(" e.g. {} ", dates::EXAMPLES),
                    theme.muted(),
                )))
            } else {
                Some(match dates::parse_date(&text, ctx.today) {
                    Ok(d) => {
                        Line::from(Span::styled(format!(" → {} ", dates::long(d)), theme.ok()))
                    }
                    Err(why) => Line::from(Span::styled(
                        format!(" ✗ {why} (Enter keeps the text) "),
                        theme.error(),
                    )),
                })
            }
        }
        _ => {
            let offers = editor.suggestions();
            (!offers.is_empty()).then(|| {
                let mut spans = vec![Span::styled(" Tab → ", theme.muted())];
                for (i, name) in offers.iter().take(6).enumerate() {
                    if i > 0 {
                        spans.push(Span::styled(" · ", theme.muted()));
                    }
                    let style = if i == 0 {
                        theme.selected()
                    } else {
                        theme.base()
                    };
                    spans.push(Span::styled(sanitize_line(name), style));
                }
                spans.push(Span::raw(" "));
                Line::from(spans)
            })
        }
    };
    if let Some(hint) = hint {
        let y = if boxed.bottom() < area.bottom() {
            boxed.bottom()
        } else if boxed.y > area.y {
            boxed.y - 1
        } else {
            return;
        };
        let strip = Rect::new(boxed.x, y, boxed.width, 1);
        frame.render_widget(Clear, strip);
        frame.render_widget(Paragraph::new(hint).style(theme.base()), strip);
    }
    let _ = app;
}
