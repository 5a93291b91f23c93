//! The HTML handout: one self-contained file (inline CSS, no script, nothing fetched)
//! with the same content as the Markdown report, made to read well on screen and to
//! print on A4 or Letter. Every piece of user text goes through [`esc`].

use super::report::{BoardView, PaneView, Report, iso_date, minutes, votes};
use super::tables::{TableView, shown};
use crate::domain::plan::PlanRow;
use crate::domain::plan::StatusTone;
use crate::domain::template::{ColumnKind, TableDef};
use std::fmt::Write;

const STYLE: &str = include_str!("handout.css");

pub(super) fn render(r: &Report) -> String {
    let s = r.session;
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"convene\">\n");
    let _ = writeln!(
        out,
        "<title>{} · {}</title>",
        esc(&s.title),
        esc(&s.workshop.title)
    );
    let _ = writeln!(
        out,
        "<style>\n{STYLE}</style>\n</head>\n<body>\n<div class=\"page\">"
    );

    out.push_str("<header class=\"cover\">\n");
    let _ = writeln!(out, "<p class=\"eyebrow\">{}</p>", esc(&s.workshop.title));
    let _ = writeln!(out, "<h1>{}</h1>", esc(&s.title));
    let _ = writeln!(
        out,
        "<p class=\"meta\"><time datetime=\"{}\">{}</time> · {}</p>",
        r.date,
        r.date.format("%-d %B %Y"),
        esc(&r.counts())
    );
    if !s.workshop.description.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"lead\">{}</p>",
            esc(&s.workshop.description)
        );
    }
    if !r.fields.is_empty() {
        out.push_str("<dl class=\"fields\">\n");
        for (title, text) in &r.fields {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(title), esc(text));
        }
        out.push_str("</dl>\n");
    }
    out.push_str(
        "<nav class=\"toc\" aria-label=\"Contents\"><a href=\"#agenda\">Agenda</a>\
         <a href=\"#initiatives\">Initiatives</a>",
    );
    if r.reviews.is_some() {
        out.push_str("<a href=\"#reviews\">Reviews</a>");
    }
    if !r.groups.is_empty() {
        out.push_str("<a href=\"#groups\">Groups</a>");
    }
    out.push_str("<a href=\"#boards\">Boards</a>");
    for table in &r.tables {
        let _ = write!(
            out,
            "<a href=\"#{}\">{}</a>",
            anchor(table),
            esc(&table.def.title)
        );
    }
    out.push_str(
        "<a href=\"#takeaways\">Takeaways and next steps</a>\
         <a href=\"#check\">Plan check</a></nav>\n</header>\n<main>\n",
    );

    agenda(&mut out, r);
    initiatives(&mut out, r);
    if let Some(reviews) = &r.reviews {
        super::reviews::html(&mut out, reviews);
    }
    groups(&mut out, r);
    boards(&mut out, r);
    for table in &r.tables {
        plan_table(&mut out, table);
    }
    summary(&mut out, r);
    check(&mut out, r);

    let _ = writeln!(
        out,
        "</main>\n<footer>Exported from convene on <time datetime=\"{0}\">{0}</time>.</footer>\n</div>\n</body>\n</html>",
        r.check.today
    );
    out
}

fn agenda(out: &mut String, r: &Report) {
    out.push_str("<section id=\"agenda\">\n<h2>Agenda</h2>\n<table class=\"agenda\">\n");
    out.push_str("<thead><tr><th class=\"num\" scope=\"col\">#</th><th scope=\"col\">Step</th><th class=\"num\" scope=\"col\">Planned</th><th class=\"num\" scope=\"col\">Actual</th></tr></thead>\n<tbody>\n");
    for step in &r.agenda.steps {
        let actual = if r.agenda.started && step.spent_ms > 0 {
            minutes(step.spent_ms)
        } else {
            "—".into()
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            step.number,
            esc(step.title),
            minutes(step.planned_ms),
            actual
        );
    }
    let total = if r.agenda.started {
        minutes(r.agenda.spent_ms)
    } else {
        "—".into()
    };
    let _ = writeln!(
        out,
        "</tbody>\n<tfoot><tr><td></td><th scope=\"row\">Total</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr></tfoot>\n</table>",
        minutes(r.agenda.planned_ms),
        total
    );
    if !r.agenda.started {
        out.push_str("<p class=\"muted\">The workshop clock was never started, so there are no actual times.</p>\n");
    }
    out.push_str("</section>\n");
}

fn initiatives(out: &mut String, r: &Report) {
    out.push_str("<section id=\"initiatives\">\n<h2>Initiatives</h2>\n");
    if r.session.initiatives.is_empty() {
        out.push_str("<p class=\"muted\">No initiatives were set up.</p>\n</section>\n");
        return;
    }
    out.push_str("<ol class=\"initiatives\">\n");
    for initiative in &r.session.initiatives {
        let _ = write!(out, "<li><strong>{}</strong>", esc(&initiative.name));
        if !initiative.description.trim().is_empty() {
            let _ = write!(out, "<p>{}</p>", esc(&initiative.description));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

fn boards(out: &mut String, r: &Report) {
    out.push_str("<section id=\"boards\" class=\"newpage\">\n<h2>Boards</h2>\n");
    if r.boards.is_empty() {
        out.push_str(if r.summary.is_some() {
            "<p class=\"muted\">The notes are under Takeaways and next steps.</p>\n"
        } else {
            "<p class=\"muted\">This workshop has no boards.</p>\n"
        });
    }
    for board in &r.boards {
        out.push_str("<div class=\"board\">\n");
        let _ = writeln!(out, "<h3>{}</h3>", esc(&board.heading()));
        let count = board.note_count();
        let notes = if count == 1 { "note" } else { "notes" };
        let steps = board.step_numbers();
        let _ = if steps.is_empty() {
            writeln!(
                out,
                "<p class=\"muted\">Board “{}” · {count} {notes}</p>",
                esc(board.id)
            )
        } else {
            writeln!(out, "<p class=\"muted\">{steps} · {count} {notes}</p>")
        };
        panes(out, r, board, "h4");
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn panes(out: &mut String, r: &Report, board: &BoardView, level: &str) {
    if board.note_count() == 0 {
        out.push_str("<p class=\"muted\">No notes.</p>\n");
        return;
    }
    for pane in board.panes.iter().filter(|p| !p.is_empty()) {
        let _ = writeln!(out, "<{level}>{}</{level}>", esc(pane.title));
        notes(out, r, pane);
    }
}

fn notes(out: &mut String, r: &Report, pane: &PaneView) {
    let grouped = pane.has_groups();
    for group in &pane.groups {
        if grouped {
            let _ = writeln!(
                out,
                "<p class=\"group\">{}</p>",
                group.name.map(esc).unwrap_or_else(|| "Not grouped".into())
            );
        }
        out.push_str("<ul class=\"cards\">\n");
        for note in &group.notes {
            let colour = note.colour.name();
            let _ = write!(
                out,
                "<li class=\"note note-{colour}\"><span class=\"marker\" title=\"{colour}\">{}</span><p class=\"note-text\">{}</p><p class=\"note-meta\">",
                note.colour.marker(),
                esc(&note.text)
            );
            if note.votes > 0 {
                let _ = write!(out, "<span class=\"votes\">{}</span>", votes(note));
            }
            if note.from_room {
                out.push_str("<span>from the room</span>");
            }
            if let Some(author) = note.author.as_deref().filter(|a| !a.trim().is_empty()) {
                let _ = write!(out, "<span>by {}</span>", esc(author));
            }
            if let Some(table) = r.promoted.get(&note.id) {
                let _ = write!(out, "<span class=\"promoted\">→ in {}</span>", esc(table));
            }
            let _ = writeln!(out, "<span class=\"colour\">{colour}</span></p></li>");
        }
        out.push_str("</ul>\n");
    }
}

fn groups(out: &mut String, r: &Report) {
    let Some(groups) = &r.session.groups else {
        return;
    };
    out.push_str("<section id=\"groups\">\n<h2>Groups</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"muted\">{} groups, formed {}.</p>",
        groups.count,
        groups.method.formed()
    );
    out.push_str("<table class=\"groups\">\n<thead><tr><th class=\"num\" scope=\"col\">Group</th><th scope=\"col\">Members</th><th scope=\"col\">Works on</th></tr></thead>\n<tbody>\n");
    for g in &r.groups {
        let dash = |text: String| {
            if text.is_empty() {
                "—".into()
            } else {
                esc(&text)
            }
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            g.number,
            dash(g.members.join(", ")),
            dash(g.work.to_string())
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// A table's section id, `table-KEY`, so no table can take another section's id.
fn anchor(view: &TableView) -> String {
    let key: String = view
        .def
        .key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let key = if view.orphans {
        format!("{key}-orphans")
    } else {
        key
    };
    format!("table-{key}")
}

fn plan_table(out: &mut String, view: &TableView) {
    let def = view.def;
    let _ = writeln!(
        out,
        "<section id=\"{}\" class=\"plan newpage\">",
        anchor(view)
    );
    if view.orphans {
        let parent = def.parent.as_deref().unwrap_or_default();
        let _ = writeln!(
            out,
            "<h2>{} (their {} row is gone)</h2>",
            esc(&def.title),
            esc(parent)
        );
    } else {
        let _ = writeln!(out, "<h2>{}</h2>", esc(&def.title));
    }
    let none = format!("<p class=\"muted\">No {} yet.</p>\n", esc(&def.nouns()));
    if view.groups.is_empty() {
        out.push_str(&none);
    }
    for group in &view.groups {
        out.push_str("<div class=\"initiative-plan\">\n");
        if group.by_initiative {
            let _ = writeln!(out, "<h3>{}</h3>", esc(group.name()));
            if let Some(description) = group
                .initiative
                .map(|i| i.description.as_str())
                .filter(|d| !d.trim().is_empty())
            {
                let _ = writeln!(out, "<p class=\"muted\">{}</p>", esc(description));
            }
        }
        if group.rows.is_empty() {
            out.push_str(&none);
            out.push_str("</div>\n");
            continue;
        }
        out.push_str("<div class=\"table-scroll\">\n<table>\n");
        table_head(out, def);
        out.push_str("<tbody>\n");
        for view in &group.rows {
            row_cells(out, def, view.row);
            for (child, rows) in &view.children {
                // The rows under this one, in a table of their own inside the row.
                let _ = write!(
                    out,
                    "<tr class=\"children\"><td colspan=\"{}\">\n<table class=\"nested\">\n<caption>{}</caption>\n",
                    def.columns.len(),
                    esc(&child.title)
                );
                table_head(out, child);
                out.push_str("<tbody>\n");
                for row in rows {
                    row_cells(out, child, row);
                }
                out.push_str("</tbody>\n</table>\n</td></tr>\n");
            }
        }
        out.push_str("</tbody>\n</table>\n</div>\n</div>\n");
    }
    out.push_str("</section>\n");
}

/// Column widths by what a column holds (the first column most, a date enough for
/// YYYY-MM-DD on one line), then the header.
fn table_head(out: &mut String, def: &TableDef) {
    let weights: Vec<f64> = def
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| match c.kind {
            _ if i == 0 => 1.75,
            ColumnKind::Text => 1.1,
            ColumnKind::LongText => 1.4,
            ColumnKind::Person => 1.0,
            ColumnKind::Date => 1.3,
            ColumnKind::Status(_) => 1.45,
        })
        .collect();
    let total: f64 = weights.iter().sum();
    out.push_str("<colgroup>");
    for w in &weights {
        let _ = write!(out, "<col style=\"width:{:.1}%\">", w * 100.0 / total);
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for column in &def.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&column.title));
    }
    out.push_str("</tr></thead>\n");
}

/// The handout's badge colour for a status tone (see handout.css).
fn badge(tone: StatusTone) -> &'static str {
    match tone {
        StatusTone::Todo => "idle",
        StatusTone::Active => "busy",
        StatusTone::Done => "good",
        StatusTone::Stuck => "bad",
    }
}

fn row_cells(out: &mut String, def: &TableDef, row: &PlanRow) {
    out.push_str("<tr>");
    for column in &def.columns {
        let value = shown(row, column);
        if value.trim().is_empty() {
            out.push_str("<td class=\"empty\">—</td>");
            continue;
        }
        match column.kind {
            ColumnKind::Status(_) => {
                let tone = StatusTone::of(value);
                let _ = write!(
                    out,
                    "<td><span class=\"badge badge-{}\">{}\u{a0}{}</span></td>",
                    badge(tone),
                    tone.symbol(),
                    esc(value)
                );
            }
            ColumnKind::Date if iso_date(value).is_some() => {
                let _ = write!(out, "<td class=\"date\">{}</td>", esc(value));
            }
            _ => {
                let _ = write!(out, "<td>{}</td>", esc(value));
            }
        }
    }
    out.push_str("</tr>\n");
}

fn summary(out: &mut String, r: &Report) {
    out.push_str(
        "<section id=\"takeaways\" class=\"newpage\">\n<h2>Takeaways and next steps</h2>\n",
    );
    match &r.summary {
        Some(board) if board.note_count() > 0 => panes(out, r, board, "h3"),
        _ => out.push_str("<p class=\"muted\">Nothing was written down.</p>\n"),
    }
    out.push_str("</section>\n");
}

fn check(out: &mut String, r: &Report) {
    out.push_str("<section id=\"check\">\n<h2>Plan check</h2>\n");
    let c = &r.check;
    if c.summary.is_empty() {
        let _ = writeln!(
            out,
            "<div class=\"callout callout-ok\" role=\"note\"><p class=\"callout-title\">✓ No open warnings on {}</p><p>Every action has what the check looks for.</p></div>",
            c.today
        );
        out.push_str("</section>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<div class=\"callout\" role=\"note\">\n<p class=\"callout-title\">⚠ Open warnings on {}</p>\n<ul>",
        c.today
    );
    for line in &c.summary {
        let _ = writeln!(out, "<li>{}</li>", esc(line));
    }
    let _ = writeln!(
        out,
        "</ul>\n<p class=\"callout-sub\">{}</p>\n<ul class=\"problems\">",
        r.check_heading()
    );
    for row in &c.rows {
        let _ = write!(out, "<li><strong>{}</strong>", esc(&row.action));
        if !row.context.is_empty() {
            let _ = write!(
                out,
                " <span class=\"muted\">({})</span>",
                esc(&row.context.join(" · "))
            );
        }
        let _ = writeln!(out, ": {}</li>", esc(&row.messages.join("; ")));
    }
    out.push_str("</ul>\n</div>\n</section>\n");
}

/// Escapes text for HTML element content and attribute values. Line breaks are kept
/// (the stylesheet shows them); other control characters, which HTML does not allow,
/// become U+FFFD.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_markup_character_is_escaped() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(esc("a\r\nb\rc\u{7}"), "a\nb\nc\u{fffd}");
        assert_eq!(esc("会議 🎉"), "会議 🎉");
    }
}
