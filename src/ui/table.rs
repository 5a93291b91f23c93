//! The action-plan table: a line of tables (one per initiative, then all), the plan
//! check's summary, and a grid whose focused column always shows; or the focused
//! row's detail. The editor opens over the cell it edits.

use super::editor as editor_view;
use super::text::wrap_lines;
use super::theme::Theme;
use crate::app::App;
use crate::app::editor::{EditTarget, Editor};
use crate::app::table::{TableEdit, column_order};
use crate::domain::check::{self, Problem, ProblemKind};
use crate::domain::dates;
use crate::domain::plan::{PlanRow, StatusTone, status_value};
use crate::domain::session::Session;
use crate::domain::template::{ColumnKind, ColumnSpec};
use crate::domain::text::{sanitize, sanitize_line};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// Rows measured to size the columns: enough to be fair, few enough to stay fast.
const MEASURED_ROWS: usize = 400;
/// The width of a column with nothing in it (its title, cut).
const EMPTY_MIN: usize = 8;
/// A person column with names in it shows this much of them at least.
const NAME_MIN: usize = 14;

/// Everything the drawing needs, worked out once per frame.
struct Ctx<'a> {
    session: &'a Session,
    columns: &'a [ColumnSpec],
    theme: &'a Theme,
    today: NaiveDate,
    /// Problems by row id.
    problems: HashMap<u64, Vec<&'a Problem>>,
    /// All rows of the table's scope (before the filter): for the summary.
    scope_ids: Vec<u64>,
    all_view: bool,
}

impl Ctx<'_> {
    fn problem(&self, row: u64, key: &str) -> Option<&Problem> {
        self.problems
            .get(&row)?
            .iter()
            .find(|p| p.column == key)
            .copied()
    }
}

/// One row slot of the grid: a stored row, or the row being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Row(usize),
    New,
}

/// Where the grid drew things, for the editor to open on top of them.
#[derive(Default)]
struct Placement {
    /// (slot, y, height)
    rows: Vec<(Slot, u16, u16)>,
    /// (template column, x, width)
    columns: Vec<(usize, u16, u16)>,
    /// "rows 10–15 of 16" when not every row shows.
    range: Option<String>,
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let ui = &app.table;
    let columns = session.workshop.plan.columns.as_slice();
    if area.height < 3 || area.width < 10 || columns.is_empty() {
        return;
    }
    let today = app.today();
    let all_problems = check::check(session, today);
    let initiative = ui.initiative(session);
    let mut problems: HashMap<u64, Vec<&Problem>> = HashMap::new();
    for p in &all_problems {
        problems.entry(p.row).or_default().push(p);
    }
    let scope_ids: Vec<u64> = session
        .plan
        .rows
        .iter()
        .filter(|r| initiative.is_none_or(|i| r.initiative == i))
        .map(|r| r.id)
        .collect();
    let ctx = Ctx {
        session,
        columns,
        theme,
        today,
        problems,
        scope_ids,
        all_view: initiative.is_none(),
    };
    let view = ui.view(session);
    let [tabs, summary, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    render_tabs(frame, tabs, app, &ctx);
    let editing = match app.editor.as_ref().map(|e| &e.target) {
        Some(EditTarget::Table(edit)) => Some(edit),
        _ => None,
    };
    let placement = if ui.detail {
        render_detail(frame, body, app, &ctx, &view)
    } else {
        render_grid(frame, body, app, &ctx, &view, editing)
    };
    render_summary(frame, summary, app, &ctx, &view, placement.range.as_deref());
    if let Some(editor) = &app.editor
        && let EditTarget::Table(edit) = &editor.target
    {
        render_editor(frame, body, app, &ctx, editor, edit, &placement);
    }
}

/// "Permits online (3) │ Open data (2) │ All (5)", the showing one reversed.
fn render_tabs(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx) {
    let theme = ctx.theme;
    let session = ctx.session;
    let current = app.table.initiative(session);
    let count = |id: Option<u64>| {
        session
            .plan
            .rows
            .iter()
            .filter(|r| id.is_none_or(|i| r.initiative == i))
            .count()
    };
    let mut tabs: Vec<(String, bool)> = session
        .initiatives
        .iter()
        .map(|i| {
            (
                format!(" {} ({}) ", sanitize_line(&i.name), count(Some(i.id))),
                current == Some(i.id),
            )
        })
        .collect();
    if tabs.is_empty() {
        tabs.push((format!(" All actions ({}) ", count(None)), true));
    } else {
        tabs.push((format!(" All ({}) ", count(None)), current.is_none()));
    }
    let hint = if session.initiatives.is_empty() {
        " i: add initiatives "
    } else {
        " w / W: tables "
    };
    let full: usize = tabs.iter().map(|(t, _)| t.width() + 1).sum::<usize>() + hint.width();
    let mut spans = Vec::new();
    if full <= area.width as usize {
        for (i, (text, on)) in tabs.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled("│", theme.muted()));
            }
            let style = if *on { theme.selected() } else { theme.base() };
            spans.push(Span::styled(text.clone(), style));
        }
    } else {
        // Too many to list: the showing one, and where it is in the list.
        let at = tabs.iter().position(|(_, on)| *on).unwrap_or(0);
        let room = (area.width as usize).saturating_sub(hint.width() + 12);
        spans.push(Span::styled(
            format!("{}/{} ", at + 1, tabs.len()),
            theme.muted(),
        ));
        spans.push(Span::styled(shorten(&tabs[at].0, room), theme.selected()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let hint_width = (hint.width() as u16).min(area.width);
    let hint_area = Rect::new(area.right() - hint_width, area.y, hint_width, 1);
    if full <= area.width as usize || area.width > 30 {
        frame.render_widget(Paragraph::new(Span::styled(hint, theme.muted())), hint_area);
    }
}

/// The plan check's summary for this table, and the view's sort and filter.
fn render_summary(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    ctx: &Ctx,
    view: &[usize],
    range: Option<&str>,
) {
    let theme = ctx.theme;
    let ui = &app.table;
    let mut right: Vec<String> = Vec::new();
    if let Some(filter) = &ui.filter {
        right.push(format!(
            "{} ({} of {})",
            filter.describe(),
            view.len(),
            ctx.scope_ids.len()
        ));
    }
    if let Some(key) = ui.sort {
        right.push(format!("by {}", key.label()));
    }
    right.extend(range.map(String::from));
    let right = if right.is_empty() {
        String::new()
    } else {
        format!(" {} ", right.join(" · "))
    };
    let right_width = (right.width() as u16)
        .min(area.width / 2 + 10)
        .min(area.width);
    let [l, r] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    frame.render_widget(
        Paragraph::new(Span::styled(
            shorten(&right, r.width as usize),
            theme.accent(),
        )),
        r,
    );
    let room = l.width as usize;
    let in_scope: Vec<Problem> = ctx
        .scope_ids
        .iter()
        .flat_map(|id| ctx.problems.get(id).into_iter().flatten())
        .map(|p| (*p).clone())
        .collect();
    // The focused cell's own problem comes first: it is what the room looks at.
    let focused = view.get(app.table.row).and_then(|&i| {
        let row = &ctx.session.plan.rows[i];
        let spec = ctx.columns.get(app.table.column)?;
        ctx.problem(row.id, &spec.key)
            .map(|p| format!(" ▲ {}: {}", sanitize_line(&spec.title), p.message))
    });
    let (text, style) = if let Some(message) = focused.filter(|_| !app.table.detail) {
        (message, theme.error())
    } else if ctx.scope_ids.is_empty() {
        (String::new(), theme.muted())
    } else if in_scope.is_empty() {
        (" ✓ Plan check: nothing to fix".to_string(), theme.ok())
    } else {
        let full = format!(" ▲ {} · ! next", check::summary(&in_scope).join(" · "));
        if full.width() <= room {
            (full, theme.error())
        } else {
            (
                format!(" ▲ {} · ! next", compact_summary(&in_scope)),
                theme.error(),
            )
        }
    };
    frame.render_widget(Paragraph::new(Span::styled(shorten(&text, room), style)), l);
}

/// "3 no owner · 2 no date": the summary when the full sentences do not fit.
fn compact_summary(problems: &[Problem]) -> String {
    crate::domain::check::counts(problems)
        .into_iter()
        .map(|(kind, n)| {
            let what = match kind {
                ProblemKind::NoOwner => "no owner",
                ProblemKind::SharedOwner => "2+ owners",
                ProblemKind::NoDate => "no date",
                ProblemKind::InvalidDate => "not a date",
                ProblemKind::PastDate => "past",
                ProblemKind::BeyondHorizon => "too far",
                ProblemKind::VagueAction => "vague",
                ProblemKind::NoKpi => "no KPI",
            };
            format!("{n} {what}")
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Narrowest and most useful widths of a column's content.
fn column_limits(kind: &ColumnKind) -> (usize, usize) {
    match kind {
        ColumnKind::Text => (14, 44),
        ColumnKind::LongText => (10, 32),
        ColumnKind::Person => (8, 20),
        ColumnKind::Date => (10, 17),
        ColumnKind::Status(values) => {
            let widest = values.iter().map(|v| v.width()).max().unwrap_or(4) + 2;
            (widest.min(8), widest)
        }
    }
}

/// The width a cell would like, without the cost of laying it out.
fn natural_width(cell: &str, kind: &ColumnKind) -> usize {
    match kind {
        ColumnKind::Date if dates::stored(cell).is_some() => 15,
        ColumnKind::Status(values) => status_value(cell, values).width() + 2,
        _ => cell.lines().next().unwrap_or("").width() + if cell.contains('\n') { 4 } else { 0 },
    }
}

/// Chooses the columns that show and their widths. The focused column always shows;
/// the first one stays as a frozen label while the others scroll.
/// Works on display positions (`order` maps them to template columns) and returns
/// template columns with their widths.
fn layout_columns(
    ctx: &Ctx,
    rows: &[usize],
    width: usize,
    order: &[usize],
    focused_column: usize,
    left: &std::cell::Cell<usize>,
) -> (Vec<(usize, usize)>, bool, bool) {
    let columns: Vec<&ColumnSpec> = order.iter().map(|&k| &ctx.columns[k]).collect();
    let focus = order.iter().position(|&k| k == focused_column).unwrap_or(0);
    let n = columns.len();
    let limits: Vec<(usize, usize)> = columns.iter().map(|c| column_limits(&c.kind)).collect();
    let mut ideal: Vec<usize> = limits
        .iter()
        .zip(&columns)
        .map(|((min, _), c)| (*min).max(sanitize_line(&c.title).width().min(16)))
        .collect();
    let mut filled = vec![false; n];
    for &i in rows.iter().take(MEASURED_ROWS) {
        let row = &ctx.session.plan.rows[i];
        for (k, c) in columns.iter().enumerate() {
            let mut w = natural_width(row.cell(&c.key), &c.kind);
            if ctx.problem(row.id, &c.key).is_some() {
                w += 2;
            }
            filled[k] |= w > 0;
            ideal[k] = ideal[k].max(w.min(limits[k].1));
        }
    }
    // What each column needs to be worth showing: an empty one only its title's start,
    // a person column its names (the owner is what the plan step is about: "Ben Okaf…"
    // beside an empty column was the wrong trade).
    // Which columns show is chosen with the usual minimums (so the view does not
    // fill up with empty columns); the widths then start from these needs.
    let needs: Vec<usize> = limits
        .iter()
        .enumerate()
        .map(|(k, &(min, _))| {
            if k == 0 {
                min
            } else if !filled[k] {
                min.min(EMPTY_MIN)
            } else if columns[k].kind == ColumnKind::Person {
                min.max(ideal[k].min(NAME_MIN))
            } else {
                min
            }
        })
        .collect();
    for k in 1..n {
        if !filled[k] {
            ideal[k] = needs[k];
        }
    }
    let gap = 1;
    let sum_min: usize = limits.iter().map(|(m, _)| m + gap).sum();
    let mut first_width = limits[0].0;
    let visible: Vec<usize> = if sum_min <= width {
        left.set(1);
        (0..n).collect()
    } else {
        // Scroll: column 0 stays (it says which action a row is, so it keeps a fair
        // share); a window of the others holds the focused column.
        first_width = ideal[0].min(width / 3).max(limits[0].0);
        let room = width.saturating_sub(first_width + gap);
        let mut start = left.get().clamp(1, n.saturating_sub(1).max(1));
        if focus >= 1 && focus < start {
            start = focus;
        }
        let fits = |from: usize, to: usize| -> bool {
            (from..=to).map(|k| limits[k].0 + gap).sum::<usize>() <= room
        };
        if focus >= 1 {
            while start < focus && !fits(start, focus) {
                start += 1;
            }
        }
        left.set(start);
        let mut end = start;
        while end + 1 < n && fits(start, end + 1) {
            end += 1;
        }
        let mut v = vec![0];
        if start < n {
            v.extend(start..=end);
        }
        v
    };
    let more_left = visible.len() > 1 && visible[1] > 1;
    let more_right = visible.last().is_some_and(|&l| l + 1 < n);
    // Widths: every shown column gets its minimum, then more towards its ideal, then
    // whatever is left goes to the text columns.
    let mut widths: Vec<usize> = visible
        .iter()
        .map(|&k| if k == 0 { first_width } else { needs[k] })
        .collect();
    let used: usize = widths.iter().map(|w| w + gap).sum();
    let mut spare = width.saturating_sub(used);
    let mut wants: Vec<usize> = visible
        .iter()
        .zip(&widths)
        .map(|(&k, w)| ideal[k].saturating_sub(*w))
        .collect();
    // One column at a time, so that short wants (a name, a date) are met first; the
    // action step and the people, which say what a row is, get a double share.
    while spare > 0 && wants.iter().any(|&w| w > 0) {
        for (j, (w, want)) in widths.iter_mut().zip(wants.iter_mut()).enumerate() {
            let step = if visible[j] == 0 || columns[visible[j]].kind == ColumnKind::Person {
                2
            } else {
                1
            };
            let add = step.min(*want).min(spare);
            *w += add;
            *want -= add;
            spare -= add;
        }
    }
    let text_cols: Vec<usize> = visible
        .iter()
        .enumerate()
        .filter(|(_, k)| {
            matches!(columns[**k].kind, ColumnKind::Text | ColumnKind::LongText)
                && (**k == 0 || filled[**k])
        })
        .map(|(j, _)| j)
        .collect();
    if !text_cols.is_empty() && spare > 0 {
        let each = spare / text_cols.len();
        for &j in &text_cols {
            widths[j] += each;
        }
        widths[text_cols[0]] += spare - each * text_cols.len();
    } else if let Some(last) = widths.last_mut() {
        *last += spare;
    }
    let shrink_to = |widths: &mut Vec<usize>| {
        // When even the minimums do not fit, the frozen column gives way.
        let used: usize = widths.iter().map(|w| w + gap).sum();
        if used > width {
            let over = used - width;
            widths[0] = widths[0].saturating_sub(over).max(4);
        }
    };
    shrink_to(&mut widths);
    (
        visible.into_iter().map(|p| order[p]).zip(widths).collect(),
        more_left,
        more_right,
    )
}

/// A cell's text and style as the grid shows it.
fn cell_display(ctx: &Ctx, row: &PlanRow, spec: &ColumnSpec, width: usize) -> (String, Style) {
    let theme = ctx.theme;
    let cell = row.cell(&spec.key);
    let problem = ctx.problem(row.id, &spec.key);
    let flagged = |text: String| (format!("▲ {text}"), theme.error());
    match &spec.kind {
        ColumnKind::Status(values) => {
            let value = status_value(cell, values);
            let tone = StatusTone::of(value);
            (
                format!("{} {}", tone.symbol(), sanitize_line(value)),
                tone_style(theme, tone),
            )
        }
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

fn tone_style(theme: &Theme, tone: StatusTone) -> Style {
    match tone {
        StatusTone::Todo => theme.base(),
        StatusTone::Active => theme.accent(),
        StatusTone::Done => theme.ok(),
        StatusTone::Stuck => theme.error(),
    }
}

fn render_grid(
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
    let order = column_order(session);
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

/// Every field of the focused row in full, the focused field highlighted.
fn render_detail(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx, view: &[usize]) -> Placement {
    let theme = ctx.theme;
    let ui = &app.table;
    let mut placement = Placement::default();
    let Some(&index) = view.get(ui.row) else {
        return placement;
    };
    let row = &ctx.session.plan.rows[index];
    let initiative = ctx
        .session
        .initiative(row.initiative)
        .map(|i| sanitize_line(&i.name))
        .unwrap_or_else(|| "no initiative".into());
    let width = area.width.saturating_sub(4).max(1) as usize;
    let [head, area] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let mut lines: Vec<Line> = Vec::new();
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!(" Row {} of {} · {initiative} ", ui.row + 1, view.len()),
                theme.title(),
            ),
            Span::styled(
                " ←/→ rows · ↑/↓ fields · Enter edits · Esc back",
                theme.muted(),
            ),
        ])),
        head,
    );
    let mut field_lines: Vec<(usize, usize, u16)> = Vec::new();
    let order = column_order(ctx.session);
    for &k in &order {
        let spec = &ctx.columns[k];
        let focused = k == ui.column;
        let problems: Vec<&&Problem> = ctx
            .problems
            .get(&row.id)
            .map(|ps| ps.iter().filter(|p| p.column == spec.key).collect())
            .unwrap_or_default();
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
            ColumnKind::Status(values) => {
                let v = status_value(cell, values);
                let tone = StatusTone::of(v);
                (
                    format!("{} {}", tone.symbol(), sanitize_line(v)),
                    tone_style(theme, tone),
                )
            }
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

fn render_editor(
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
            ctx.session.plan.position(*row).map(Slot::Row),
            ctx.columns.iter().position(|c| &c.key == column),
        ),
        TableEdit::NewRow { .. } => (Some(Slot::New), column_order(ctx.session).first().copied()),
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

/// Text cut to `width` columns as an owned string, "…" marking the cut.
fn shorten(text: &str, width: usize) -> String {
    super::text::shorten_to_width(text, width).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_and_fitting_respect_display_width() {
        assert_eq!(shorten("会議室の予約", 7), "会議室…");
        assert_eq!(
            wrap_lines("one two three four", 9, 5),
            ["one two", "three", "four"]
        );
        assert_eq!(
            wrap_lines("one two three four", 9, 2),
            ["one two", "three …"]
        );
        assert_eq!(wrap_lines("a\nb", 10, 5), ["a", "b"]);
        assert_eq!(wrap_lines("abcdefghij", 4, 5), ["abcd", "efgh", "ij"]);
    }
}
