//! What a review adds to the table: a line of progress (this initiative's and the
//! whole plan's, done of total with a small bar) and how many rows need attention for
//! each reason, with the same marks as the rows' margin.

use super::{Ctx, shorten};
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::dates;
use crate::domain::progress::{Attention, PlanProgress, Progress, attention};
use crate::domain::review::Review;
use crate::domain::text::sanitize_line;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::BTreeMap;
use unicode_width::UnicodeWidthStr;

/// How a reason for attention looks: the mark carries it, colour only helps.
pub(super) fn style(attention: Attention, theme: &Theme) -> Style {
    match attention {
        Attention::Overdue | Attention::Blocked => theme.error(),
        Attention::DueSoon | Attention::Changed => theme.accent(),
        Attention::Done => theme.ok(),
        Attention::Calm => theme.base(),
    }
}

pub(super) fn render_progress(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    ctx: &Ctx,
    review: &Review,
) {
    if area.height == 0 {
        return;
    }
    let width = area.width as usize;
    // Full words where they fit; on a narrow screen "1/3" and the marks alone.
    let mut spans = parts(app, ctx, review, false);
    if spans.iter().map(|(t, _)| t.width()).sum::<usize>() > width {
        spans = parts(app, ctx, review, true);
    }
    let mut line = Vec::new();
    let mut used = 0;
    for (text, style) in spans {
        let w = text.width();
        if used + w > width {
            line.push(Span::styled(shorten(&text, width - used), style));
            break;
        }
        used += w;
        line.push(Span::styled(text, style));
    }
    frame.render_widget(Paragraph::new(Line::from(line)), area);
}

/// The progress line's pieces in the order they are dropped last to first.
fn parts(app: &App, ctx: &Ctx, review: &Review, compact: bool) -> Vec<(String, Style)> {
    let session = ctx.session;
    let theme = ctx.theme;
    let number = session.in_review.map_or(0, |i| i + 1);
    let mut parts = vec![if compact {
        (format!(" Review {number} "), theme.title())
    } else {
        (
            format!(" Review {number} · {} ", dates::long(review.on)),
            theme.title(),
        )
    }];
    let done = |p: &Progress| {
        if compact {
            format!("{}/{} {}", p.done, p.total, p.bar(4))
        } else {
            p.line(8)
        }
    };
    if let Some(progress) = PlanProgress::of(session, review.on) {
        let here = app.table.initiative(session).and_then(|id| {
            let name = &session.initiative(id)?.name;
            let p = progress.initiatives.iter().find(|(n, _)| n == name)?.1;
            Some((sanitize_line(name), p))
        });
        if let Some((name, p)) = here {
            let name = shorten(&name, if compact { 16 } else { 24 });
            parts.push((format!("│ {name} {} ", done(&p)), theme.base()));
        }
        parts.push((format!("│ Plan {} ", done(&progress.whole)), theme.base()));
    }
    if let Some(outlook) = &ctx.outlook {
        let table = session.step_table();
        let rows = session.step_rows().rows.iter();
        let mut counts: BTreeMap<Attention, usize> = BTreeMap::new();
        for row in rows.filter(|r| ctx.scope_ids.contains(&r.id)) {
            *counts.entry(attention(row, table, outlook)).or_default() += 1;
        }
        for (a, n) in counts.into_iter().filter(|(a, _)| *a != Attention::Calm) {
            let word = match a {
                Attention::Overdue => "overdue",
                Attention::DueSoon => "due soon",
                Attention::Blocked => "blocked",
                Attention::Changed => "changed",
                Attention::Done | Attention::Calm => "done",
            };
            parts.push((format!("│ {} {n} {word} ", a.mark()), style(a, theme)));
        }
    }
    if !compact {
        let next = match dates::stored(&session.next_review) {
            Some(d) => format!("│ next review {} ", dates::long(d)),
            None => format!(
                "│ next review: {} sets it ",
                app.keymap.first_keys(Context::Workshop, &["next_review"])
            ),
        };
        parts.push((next, theme.muted()));
    }
    parts
}
