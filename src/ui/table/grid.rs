//! The grid of rows and cells, with the plan check's markers.

use crate::app::App;
use crate::app::editor::EditTarget;
use crate::app::table::TableEdit;
use crate::domain::check::ProblemKind;
use crate::domain::dates;
use crate::domain::plan::{PlanRow, StatusTone, status_value};
use crate::domain::template::{ColumnKind, ColumnSpec};
use crate::domain::text::{sanitize, sanitize_line};
use crate::layout::table::{Grid, Slot};
use crate::layout::text::wrap_lines;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::{Ctx, shorten};

/// A status as it always shows: its symbol and label, in its tone (colour is extra).
pub(super) fn status_display(theme: &Theme, cell: &str, values: &[String]) -> (String, Style) {
    let value = status_value(cell, values);
    let tone = StatusTone::of(value);
    (
        format!("{} {}", tone.symbol(), sanitize_line(value)),
        tone_style(theme, tone),
    )
}

/// A cell's text and style as the grid shows it.
fn cell_display(ctx: &Ctx, row: &PlanRow, spec: &ColumnSpec, width: usize) -> (String, Style) {
    let theme = ctx.theme;
    let cell = row.cell(&spec.key);
    let problem = ctx.problem(row.id, &spec.key);
    let flagged = |text: String| (format!("▲ {text}"), theme.error());
    match &spec.kind {
        ColumnKind::Status(values) => status_display(theme, cell, values),
        ColumnKind::Date => match dates::stored(cell) {
            Some(d) => {
                let room = if problem.is_some() {
                    width.saturating_sub(2)
                } else {
                    width
                };
                let forms = dates::forms(d);
                let text = forms
                    .iter()
                    .find(|f| f.width() <= room)
                    .unwrap_or(&forms[3])
                    .clone();
                match problem {
                    Some(_) => flagged(text),
                    None => (text, theme.base()),
                }
            }
            None if cell.is_empty() => match problem {
                Some(_) => flagged("when?".into()),
                None => (String::new(), theme.base()),
            },
            None => flagged(sanitize_line(cell)),
        },
        _ => {
            let text = one_line(&sanitize(cell)).unwrap_or_else(|| sanitize_line(cell));
            match problem {
                Some(p) if cell.trim().is_empty() => flagged(placeholder(p.kind).into()),
                Some(_) => flagged(text),
                None => (text, theme.base()),
            }
        }
    }
}

/// Several lines shown on one: "first · second".
fn one_line(text: &str) -> Option<String> {
    text.contains('\n').then(|| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    })
}

/// What an empty cell the plan check flags asks for.
fn placeholder(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::NoOwner => "who?",
        ProblemKind::NoDate => "when?",
        ProblemKind::NoKpi => "how measured?",
        ProblemKind::VagueAction => "what?",
        _ => "?",
    }
}

pub(super) fn tone_style(theme: &Theme, tone: StatusTone) -> Style {
    match tone {
        StatusTone::Todo => theme.base(),
        StatusTone::Active => theme.accent(),
        StatusTone::Done => theme.ok(),
        StatusTone::Stuck => theme.error(),
    }
}

pub(super) fn render_grid(frame: &mut Frame, grid: &Grid, app: &App, ctx: &Ctx) {
    let theme = ctx.theme;
    let ui = &app.table;
    let session = ctx.session;
    let area = grid.area;
    let editing = match app.editor.as_ref().map(|e| &e.target) {
        Some(EditTarget::Table(edit)) => Some(edit),
        _ => None,
    };
    if area.height < 2 {
        return;
    }
    if grid.slots.is_empty() {
        let name = ui
            .initiative(session)
            .and_then(|id| session.initiative(id))
            .map(|i| format!("for “{}” ", sanitize_line(&i.name)))
            .unwrap_or_default();
        let text = if ui.filter.is_some() {
            "No row matches the filter. / to change it, Esc to show every row.".to_string()
        } else if session.initiatives.is_empty() {
            "No actions yet. Press i, then a, to add the initiatives being planned; \
             then o here writes the first action."
                .to_string()
        } else {
            format!(
                "No actions {name}yet. Press o (or Enter) to write the first one: \
                 Enter moves on to the owner, the date and the rest; Esc stops. \
                 Notes promoted from the board show up here too."
            )
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.muted())).wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let marker = usize::from(grid.marker);
    let digits = grid.digits;
    let initiative_width = usize::from(grid.initiative);

    // Header.
    let buf = frame.buffer_mut();
    let header_style = theme.title().add_modifier(Modifier::UNDERLINED);
    buf.set_style(Rect::new(area.x, area.y, area.width, 1), header_style);
    buf.set_stringn(
        area.x,
        area.y,
        format!("{:>w$} ", "#", w = marker - 1),
        marker,
        header_style,
    );
    if ctx.all_view {
        let x = area.x + grid.marker;
        buf.set_stringn(x, area.y, "Initiative", initiative_width, header_style);
    }
    for (j, column) in grid.columns.iter().enumerate() {
        let (k, w, x) = (column.index, usize::from(column.width), column.x);
        let mut title = sanitize_line(&ctx.columns[k].title);
        if j == 1 && grid.more_left {
            title = format!("◀ {title}");
        }
        let style = if k == ui.column && !matches!(editing, Some(TableEdit::Filter)) {
            header_style.add_modifier(Modifier::REVERSED)
        } else {
            header_style
        };
        let shown = if j + 1 == grid.columns.len() && grid.more_right {
            let t = shorten(&title, w.saturating_sub(2));
            format!("{t:<pad$} ▶", pad = w.saturating_sub(2))
        } else {
            shorten(&title, w)
        };
        buf.set_stringn(x, area.y, format!("{shown:<w$}"), w, style);
    }

    for r in &grid.rows {
        let (s, slot, yy, h) = (r.at, &r.slot, r.y, usize::from(r.height));
        let focused = s == grid.focus;
        let row = match slot {
            Slot::Row(i) => Some(&session.plan.rows[*i]),
            Slot::New => None,
        };
        let flagged = row.is_some_and(|r| !ctx.problems.row(r.id).is_empty());
        let row_style = if focused { theme.title() } else { theme.base() };
        let mark = format!(
            "{}{}{:>d$} ",
            if focused { "▶" } else { " " },
            if flagged { "▲" } else { " " },
            if row.is_some() {
                (s + 1).to_string()
            } else {
                "+".to_string()
            },
            d = digits
        );
        buf.set_stringn(area.x, yy, &mark, marker, row_style);
        if flagged {
            buf.set_stringn(area.x + 1, yy, "▲", 1, theme.error());
        }
        if ctx.all_view {
            let name = row
                .and_then(|r| session.initiative(r.initiative))
                .map(|i| sanitize_line(&i.name))
                .unwrap_or_else(|| "—".into());
            buf.set_stringn(
                area.x + grid.marker,
                yy,
                shorten(&name, initiative_width),
                initiative_width,
                theme.muted(),
            );
        }
        for column in &grid.columns {
            let (k, w, x) = (column.index, usize::from(column.width), column.x);
            let spec = &ctx.columns[k];
            let cell_focused = focused && k == ui.column;
            if let Some(row) = row {
                let (text, style) = cell_display(ctx, row, spec, w);
                let style = if cell_focused {
                    theme.selected()
                } else if focused {
                    style.add_modifier(Modifier::BOLD)
                } else {
                    style
                };
                let wrapped = h > 1 && matches!(spec.kind, ColumnKind::Text | ColumnKind::LongText);
                if cell_focused {
                    buf.set_style(Rect::new(x, yy, w as u16, h as u16), theme.selected());
                }
                if wrapped {
                    let problem = ctx.problem(row.id, &spec.key);
                    let raw = sanitize(row.cell(&spec.key));
                    let (lines, style) = match problem {
                        Some(p) if raw.trim().is_empty() => (
                            vec![shorten(&format!("▲ {}", placeholder(p.kind)), w)],
                            style,
                        ),
                        Some(_) => {
                            let mut lines = wrap_lines(&raw, w.saturating_sub(2).max(1), h);
                            if let Some(first) = lines.first_mut() {
                                *first = format!("▲ {first}");
                            }
                            for l in lines.iter_mut().skip(1) {
                                *l = format!("  {l}");
                            }
                            (lines, style)
                        }
                        None => (wrap_lines(&raw, w, h), style),
                    };
                    for (dy, line) in lines.iter().enumerate().take(h) {
                        buf.set_stringn(x, yy + dy as u16, line, w, style);
                    }
                } else {
                    buf.set_stringn(x, yy, shorten(&text, w), w, style);
                }
            } else if cell_focused {
                buf.set_style(Rect::new(x, yy, w as u16, 1), theme.selected());
            }
        }
    }
}
