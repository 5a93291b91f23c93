//! The grid of rows and cells, with the plan check's markers.

use crate::app::App;
use crate::app::editor::EditTarget;
use crate::app::table::TableEdit;
use crate::domain::check::ProblemKind;
use crate::domain::dates;
use crate::domain::plan::{PlanRow, StatusTone, status_value};
use crate::domain::progress::{self, Attention};
use crate::domain::template::{ColumnKind, ColumnSpec, Per};
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
pub(super) fn status_display(theme: &Theme, cell: &str, column: &ColumnSpec) -> (String, Style) {
    let value = status_value(cell, column);
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
        ColumnKind::Status(_) => status_display(theme, cell, spec),
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
            let text = format!("{}{text}{}", ctx.indent, ctx.children(row, spec));
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
        let table = session.step_table();
        let nouns = table.nouns();
        let parent = table
            .parent
            .as_deref()
            .and_then(|k| session.workshop.table(k));
        let text = if ui.filter.is_some() {
            "No row matches the filter. / to change it, Esc to show every row.".to_string()
        } else if let Some(parent) = parent {
            format!(
                "No {nouns} yet: each belongs to one of the {}, and there are none {name}yet. \
                 Write the {} first (in their own step), then o here adds {nouns} under them.",
                parent.nouns(),
                parent.nouns()
            )
        } else if session.initiatives.is_empty() && table.per == Per::Initiative {
            format!(
                "No {nouns} yet. Press i, then a, to add the initiatives being planned; \
                 then o here writes the first one."
            )
        } else {
            format!(
                "No {nouns} {name}yet. Press o (or Enter) to write the first one: \
                 Enter moves on to the next column; Esc stops. \
                 Notes promoted from a board show up here too."
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
            Slot::Row(i) => Some(&session.step_rows().rows[*i]),
            Slot::New => None,
            Slot::Heading(parent) => {
                render_heading(buf, grid, ctx, *parent, &grid.slots[s + 1..], yy);
                continue;
            }
        };
        let flagged = row.is_some_and(|r| !ctx.problems.row(r.id).is_empty());
        // In a review the margin says why the row needs attention, before the check.
        let attention = row
            .zip(ctx.outlook.as_ref())
            .map(|(r, o)| progress::attention(r, session.step_table(), o))
            .filter(|a| *a != Attention::Calm);
        let row_style = if focused { theme.title() } else { theme.base() };
        let mark = format!(
            "{}{}{:>d$} ",
            if focused { "▶" } else { " " },
            if flagged { "▲" } else { " " },
            if row.is_some() {
                // Headings take no number: rows count as the view counts them.
                let above = &grid.slots[..s];
                (above.iter().filter(|s| matches!(s, Slot::Row(_))).count() + 1).to_string()
            } else {
                "+".to_string()
            },
            d = digits
        );
        buf.set_stringn(area.x, yy, &mark, marker, row_style);
        if let Some(attention) = attention {
            let mark = attention.mark();
            buf.set_stringn(
                area.x + 1,
                yy,
                mark,
                1,
                super::review::style(attention, theme),
            );
        } else if flagged {
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
                    let raw = format!(
                        "{}{}{}",
                        ctx.indent,
                        sanitize(row.cell(&spec.key)),
                        ctx.children(row, spec)
                    );
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

/// A parent row's heading line in a child table: its first cell, dimmed, and a word
/// when no row is under it yet. `after` holds the slots below it.
fn render_heading(
    buf: &mut ratatui::buffer::Buffer,
    grid: &Grid,
    ctx: &Ctx,
    parent: Option<u64>,
    after: &[Slot],
    y: u16,
) {
    let area = grid.area;
    let session = ctx.session;
    let table = session.step_table();
    let parent_table = table
        .parent
        .as_deref()
        .and_then(|k| session.workshop.table(k));
    let name = match (parent, parent_table) {
        (Some(id), Some(def)) => {
            let text = session
                .tables
                .row(id)
                .map(|r| sanitize_line(r.cell(&def.columns[0].key)))
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| format!("(a {} with no name yet)", def.noun));
            let empty = !matches!(after.first(), Some(Slot::Row(_) | Slot::New));
            if empty {
                format!("{text} — no {} yet", table.nouns())
            } else {
                text
            }
        }
        _ => format!(
            "(no {} any more)",
            parent_table.map_or("parent", |d| &d.noun)
        ),
    };
    let x = area.x + 1;
    let width = usize::from(area.width.saturating_sub(1));
    buf.set_stringn(
        x,
        y,
        shorten(&format!("▸ {name}"), width),
        width,
        ctx.theme.muted().add_modifier(Modifier::BOLD),
    );
}
