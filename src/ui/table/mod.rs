//! The action-plan table: a line of tables (one per initiative, then all), the plan
//! check's summary, and a grid whose focused column always shows; or the focused
//! row's detail. The editor opens over the cell it edits.

mod detail;
mod grid;
mod review;

use detail::{render_detail, render_editor};
use grid::render_grid;

use super::theme::Theme;
use crate::app::App;
use crate::app::editor::EditTarget;
use crate::app::keys::Context;
use crate::domain::check::{self, ByRow, Problem, ProblemKind};
use crate::domain::plan::PlanRow;
use crate::domain::progress::Outlook;
use crate::domain::session::Session;
use crate::domain::template::{ColumnSpec, Per, TableDef};
use crate::domain::text::sanitize_line;
use crate::layout::table::{Grid, Slot, bands, grid};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Everything the drawing needs, worked out once per frame.
struct Ctx<'a> {
    session: &'a Session,
    columns: &'a [ColumnSpec],
    theme: &'a Theme,
    today: NaiveDate,
    problems: &'a ByRow<'a>,
    /// All rows of the table's scope (before the filter): for the summary.
    scope_ids: Vec<u64>,
    all_view: bool,
    /// Put before the first cell of a child table's rows, under their parent's heading.
    indent: &'static str,
    /// A parent table's child tables: each row says how many of their rows it has.
    child_tables: Vec<&'a TableDef>,
    /// In a review: what "overdue", "the next review" and "since the last review" mean.
    outlook: Option<Outlook>,
}

impl Ctx<'_> {
    fn problem(&self, row: u64, key: &str) -> Option<&Problem> {
        self.problems.cell(row, key)
    }

    /// " · 3 milestones" after a parent row's first cell, so nobody forgets them.
    fn children(&self, row: &PlanRow, spec: &ColumnSpec) -> String {
        if self.columns.first().is_none_or(|c| c.key != spec.key) {
            return String::new();
        }
        self.child_tables
            .iter()
            .map(|t| {
                let n = self
                    .session
                    .tables
                    .rows(&t.key)
                    .iter()
                    .filter(|r| r.parent == Some(row.id))
                    .count();
                format!(" · {}", t.count(n))
            })
            .collect()
    }
}

/// Where the grid or the detail view shows the edited cell, for the editor to open
/// on top of it.
#[derive(Default)]
struct Placement {
    /// (slot, y, height)
    rows: Vec<(Slot, u16, u16)>,
    /// (template column, x, width)
    columns: Vec<(usize, u16, u16)>,
}

impl From<&Grid> for Placement {
    fn from(grid: &Grid) -> Placement {
        Placement {
            rows: grid.rows.iter().map(|r| (r.slot, r.y, r.height)).collect(),
            columns: grid
                .columns
                .iter()
                .map(|c| (c.index, c.x, c.width))
                .collect(),
        }
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let ui = &app.table;
    let columns = session.step_table().columns.as_slice();
    let review = session.review();
    let Some([tabs, summary, progress, body]) =
        bands(area, review.is_some()).filter(|_| !columns.is_empty())
    else {
        return;
    };
    let today = app.today();
    let all_problems = check::check(session, today);
    let problems = ByRow::new(&all_problems);
    let initiative = ui.initiative(session);
    let scope_ids: Vec<u64> = session
        .step_rows()
        .rows
        .iter()
        .filter(|r| initiative.is_none_or(|i| r.initiative == Some(i)))
        .map(|r| r.id)
        .collect();
    let table = session.step_table();
    let ctx = Ctx {
        session,
        columns,
        theme,
        today,
        problems: &problems,
        scope_ids,
        all_view: initiative.is_none() && table.per == Per::Initiative,
        indent: if table.parent.is_some() { "  " } else { "" },
        child_tables: session.workshop.children(&table.key).collect(),
        outlook: session.review().map(|r| Outlook::of(session, r.on)),
    };
    let view = ui.view(session);
    let sections = ui.sections(session);
    render_tabs(frame, tabs, app, &ctx);
    if let Some(review) = review {
        review::render_progress(frame, progress, app, &ctx, review);
    }
    let (placement, range) = if ui.detail {
        (render_detail(frame, body, app, &ctx, &view), None)
    } else {
        let grid = grid(body, &app.grid_input(&view, sections.as_deref(), &problems));
        render_grid(frame, &grid, app, &ctx);
        (Placement::from(&grid), rows_shown(&grid))
    };
    render_summary(frame, summary, app, &ctx, &view, range.as_deref());
    if let Some(editor) = &app.editor
        && let EditTarget::Table(edit) = &editor.target
    {
        render_editor(frame, body, app, &ctx, editor, edit, &placement);
    }
}

/// "rows 10–15 of 16" when not every row shows.
fn rows_shown(grid: &Grid) -> Option<String> {
    let top = grid.window.top;
    let shown_to = top + grid.rows.len();
    let total = grid.slots.len();
    (!grid.rows.is_empty() && (shown_to < total || top > 0))
        .then(|| format!("rows {}–{shown_to} of {total}", top + 1))
}

/// "Permits online (3) │ Open data (2) │ All (5)", the showing one reversed, after the
/// table's title when the workshop has several; a table of the whole session has one
/// tab.
fn render_tabs(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx) {
    let theme = ctx.theme;
    let session = ctx.session;
    let table = session.step_table();
    let current = app.table.initiative(session);
    let count = |id: Option<u64>| {
        session
            .step_rows()
            .rows
            .iter()
            .filter(|r| id.is_none_or(|i| r.initiative == Some(i)))
            .count()
    };
    let title = sanitize_line(&table.title);
    let per_session = table.per == Per::Session;
    let mut tabs: Vec<(String, bool)> = if per_session {
        Vec::new()
    } else {
        session
            .initiatives
            .iter()
            .map(|i| {
                (
                    format!(" {} ({}) ", sanitize_line(&i.name), count(Some(i.id))),
                    current == Some(i.id),
                )
            })
            .collect()
    };
    let mut spans = Vec::new();
    if tabs.is_empty() {
        tabs.push((format!(" {title} ({}) ", count(None)), true));
    } else {
        tabs.push((format!(" All ({}) ", count(None)), current.is_none()));
        if session.workshop.tables.len() > 1 {
            spans.push(Span::styled(format!("{title} "), theme.title()));
        }
    }
    let keys = &app.keymap;
    let hint = if per_session {
        format!(" {} for the whole plan ", table.nouns())
    } else if session.initiatives.is_empty() {
        format!(
            " {}: add initiatives ",
            keys.first_keys(Context::Workshop, &["setup"])
        )
    } else {
        format!(
            " {}: tables ",
            keys.first_keys(Context::Table, &["next_table", "prev_table"])
        )
    };
    let hint = hint.as_str();
    let lead: usize = spans.iter().map(|s| s.width()).sum();
    let full: usize = lead + tabs.iter().map(|(t, _)| t.width() + 1).sum::<usize>() + hint.width();
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
        spans.clear();
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
        .flat_map(|id| ctx.problems.row(*id))
        .map(|p| (*p).clone())
        .collect();
    // The focused cell's own problem comes first: it is what the room looks at.
    let focused = view.get(app.table.row).and_then(|&i| {
        let row = &ctx.session.step_rows().rows[i];
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
        let next = match app.keymap.first_keys(Context::Table, &["next_problem"]) {
            key if key.is_empty() => String::new(),
            key => format!(" · {key} next"),
        };
        let summary = check::summary(&in_scope, &ctx.session.workshop);
        let full = format!(" ▲ {}{next}", summary.join(" · "));
        if full.width() <= room {
            (full, theme.error())
        } else {
            (
                format!(" ▲ {}{next}", compact_summary(&in_scope)),
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
                ProblemKind::OverCap => "past the limit",
            };
            format!("{n} {what}")
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Text cut to `width` columns as an owned string, "…" marking the cut.
fn shorten(text: &str, width: usize) -> String {
    crate::layout::text::shorten_to_width(text, width).into_owned()
}
