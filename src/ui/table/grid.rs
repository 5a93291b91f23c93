//! The grid of rows and cells, with the plan check's markers.

use crate::app::App;
use crate::app::table::TableEdit;
use crate::domain::check::ProblemKind;
use crate::domain::dates;
use crate::domain::plan::{PlanRow, StatusTone, status_value};
use crate::domain::template::{ColumnKind, ColumnSpec};
use crate::domain::text::{sanitize, sanitize_line};
use crate::ui::text::wrap_lines;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::columns::layout_columns;
use super::{Ctx, Placement, Slot, shorten};

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

pub(super) fn render_grid(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    ctx: &Ctx,
    view: &[usize],
    editing: Option<&TableEdit>,
) -> Placement {
    let theme = ctx.theme;
    let ui = &app.table;
    let session = ctx.session;
    let mut placement = Placement::default();
    if area.height < 2 {
        return placement;
    }
    // The row being written shows where it will go.
    let mut slots: Vec<Slot> = view.iter().map(|&i| Slot::Row(i)).collect();
    let mut focus = ui.row.min(slots.len().saturating_sub(1));
    if let Some(TableEdit::NewRow { anchor, below, .. }) = editing {
        let at = anchor
            .and_then(|id| view.iter().position(|&i| session.plan.rows[i].id == id))
            .map(|p| if *below { p + 1 } else { p })
            .unwrap_or(slots.len());
        slots.insert(at, Slot::New);
        focus = at;
    }
    if slots.is_empty() {
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
        return placement;
    }

    // Marker column: focus ▶, problem ▲, row number.
    let digits = slots.len().to_string().len().max(2);
    let marker = 3 + digits;
    let initiative_width = if ctx.all_view {
        session
            .initiatives
            .iter()
            .map(|i| sanitize_line(&i.name).width())
            .max()
            .unwrap_or(6)
            .clamp(6, 16)
    } else {
        0
    };
    let fixed = marker
        + if ctx.all_view {
            initiative_width + 1
        } else {
            0
        };
    let room = (area.width as usize).saturating_sub(fixed);
    let order = session.column_order();
    let (cols, more_left, more_right) =
        layout_columns(ctx, view, room, &order, ui.column, &ui.left);

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
    let mut x = area.x + marker as u16;
    if ctx.all_view {
        buf.set_stringn(x, area.y, "Initiative", initiative_width, header_style);
        x += initiative_width as u16 + 1;
    }
    for (j, &(k, w)) in cols.iter().enumerate() {
        let mut title = sanitize_line(&ctx.columns[k].title);
        if j == 1 && more_left {
            title = format!("◀ {title}");
        }
        let style = if k == ui.column && !matches!(editing, Some(TableEdit::Filter)) {
            header_style.add_modifier(Modifier::REVERSED)
        } else {
            header_style
        };
        let shown = if j + 1 == cols.len() && more_right {
            let t = shorten(&title, w.saturating_sub(2));
            format!("{t:<pad$} ▶", pad = w.saturating_sub(2))
        } else {
            shorten(&title, w)
        };
        buf.set_stringn(x, area.y, format!("{shown:<w$}"), w, style);
        placement.columns.push((k, x, w as u16));
        x += w as u16 + 1;
    }

    // Rows: the focused one opens up to show its cells in full (a few lines).
    let body_top = area.y + 1;
    let body_height = (area.height - 1) as usize;
    let max_lines = if area.height >= 20 { 5 } else { 3 }.min(body_height);
    let focus_height = match slots.get(focus) {
        Some(Slot::Row(i)) => {
            let row = &session.plan.rows[*i];
            cols.iter()
                .map(|&(k, w)| {
                    let spec = &ctx.columns[k];
                    match spec.kind {
                        ColumnKind::Text | ColumnKind::LongText => {
                            let extra = usize::from(ctx.problem(row.id, &spec.key).is_some()) * 2;
                            wrap_lines(
                                &sanitize(row.cell(&spec.key)),
                                w.saturating_sub(extra).max(1),
                                max_lines,
                            )
                            .len()
                        }
                        _ => 1,
                    }
                })
                .max()
                .unwrap_or(1)
                .clamp(1, max_lines)
        }
        _ => 1,
    };
    let height_of = |s: usize| if s == focus { focus_height } else { 1 };
    let mut top = ui.top.get().min(focus);
    while top < focus && (top..=focus).map(height_of).sum::<usize>() > body_height {
        top += 1;
    }
    // After deleting rows near the end, pull the view back so it stays full.
    while top > 0 && (top - 1..slots.len()).map(height_of).sum::<usize>() <= body_height {
        top -= 1;
    }
    ui.top.set(top);

    let mut y = body_top as usize;
    let bottom = (area.y + area.height) as usize;
    for (s, slot) in slots.iter().enumerate().skip(top) {
        if y >= bottom {
            break;
        }
        let h = height_of(s).min(bottom - y);
        let focused = s == focus;
        let row = match slot {
            Slot::Row(i) => Some(&session.plan.rows[*i]),
            Slot::New => None,
        };
        let flagged = row.is_some_and(|r| ctx.problems.contains_key(&r.id));
        let row_style = if focused { theme.title() } else { theme.base() };
        let yy = y as u16;
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
        let mut x = area.x + marker as u16;
        if ctx.all_view {
            let name = row
                .and_then(|r| session.initiative(r.initiative))
                .map(|i| sanitize_line(&i.name))
                .unwrap_or_else(|| "—".into());
            buf.set_stringn(
                x,
                yy,
                shorten(&name, initiative_width),
                initiative_width,
                theme.muted(),
            );
            x += initiative_width as u16 + 1;
        }
        for &(k, w) in &cols {
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
            x += w as u16 + 1;
        }
        placement.rows.push((*slot, yy, h as u16));
        y += h;
    }
    // Rows beyond the view: the summary line says which ones show.
    let shown_to = top + placement.rows.len();
    if shown_to < slots.len() || top > 0 {
        placement.range = Some(format!("rows {}–{} of {}", top + 1, shown_to, slots.len()));
    }
    placement
}
