//! The Markdown report (GitHub-flavoured). User text is written on one line per block:
//! Markdown punctuation is backslash-escaped so it reads as typed, line breaks become
//! `<br>`, and pipes in table cells are escaped, so every table row keeps its columns.

use super::report::{BoardView, PaneView, Report, minutes, status_label, votes};
use super::tables::{RowView, TableView, shown};
use crate::domain::plan::PlanRow;
use crate::domain::template::{ColumnKind, TableDef};
use std::fmt::Write;

pub(super) fn render(r: &Report) -> String {
    let mut out = String::new();
    let s = r.session;
    let _ = writeln!(out, "# {}\n", inline(&s.title));
    let _ = writeln!(
        out,
        "**{}** · {} · {}\n",
        inline(&s.workshop.title),
        r.date.format("%-d %B %Y"),
        r.counts()
    );
    if !s.workshop.description.trim().is_empty() {
        let _ = writeln!(out, "_{}_\n", inline(&s.workshop.description));
    }
    for (title, text) in &r.fields {
        let _ = writeln!(out, "**{}:** {}\n", inline(title), inline(text));
    }

    agenda(&mut out, r);
    initiatives(&mut out, r);
    if let Some(reviews) = &r.reviews {
        super::reviews::markdown(&mut out, reviews);
    }
    groups(&mut out, r);
    boards(&mut out, r);
    for table in &r.tables {
        plan_table(&mut out, table);
    }
    summary(&mut out, r);
    check(&mut out, r);
    let _ = writeln!(out, "---\n\n_Exported from convene on {}._", r.check.today);
    // Exactly one newline at the end.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn agenda(out: &mut String, r: &Report) {
    out.push_str("## Agenda\n\n");
    let mut rows: Vec<Vec<String>> = r
        .agenda
        .steps
        .iter()
        .map(|step| {
            vec![
                step.number.to_string(),
                inline(step.title),
                minutes(step.planned_ms),
                if r.agenda.started && step.spent_ms > 0 {
                    minutes(step.spent_ms)
                } else {
                    "—".into()
                },
            ]
        })
        .collect();
    rows.push(vec![
        String::new(),
        "**Total**".into(),
        format!("**{}**", minutes(r.agenda.planned_ms)),
        if r.agenda.started {
            format!("**{}**", minutes(r.agenda.spent_ms))
        } else {
            "—".into()
        },
    ]);
    table(
        out,
        &["#", "Step", "Planned", "Actual"],
        &[true, false, true, true],
        &rows,
    );
    if !r.agenda.started {
        out.push_str("_The workshop clock was never started, so there are no actual times._\n\n");
    }
}

fn initiatives(out: &mut String, r: &Report) {
    out.push_str("## Initiatives\n\n");
    if r.session.initiatives.is_empty() {
        out.push_str("_No initiatives were set up._\n\n");
        return;
    }
    for (i, initiative) in r.session.initiatives.iter().enumerate() {
        let _ = write!(out, "{}. **{}**", i + 1, inline(&initiative.name));
        if !initiative.description.trim().is_empty() {
            let _ = write!(out, ": {}", inline(&initiative.description));
        }
        out.push('\n');
    }
    out.push('\n');
}

fn boards(out: &mut String, r: &Report) {
    out.push_str("## Boards\n\n");
    if r.boards.is_empty() {
        out.push_str(if r.summary.is_some() {
            "_The notes are under Takeaways and next steps._\n\n"
        } else {
            "_This workshop has no boards._\n\n"
        });
    }
    for board in &r.boards {
        let _ = writeln!(out, "### {}\n", inline(&board.heading()));
        let count = board.note_count();
        let notes = if count == 1 { "note" } else { "notes" };
        let steps = board.step_numbers();
        let _ = if steps.is_empty() {
            writeln!(out, "_Board “{}” · {count} {notes}_\n", inline(board.id))
        } else {
            writeln!(out, "_{steps} · {count} {notes}_\n")
        };
        panes(out, r, board, "####");
    }
}

fn panes(out: &mut String, r: &Report, board: &BoardView, level: &str) {
    if board.note_count() == 0 {
        out.push_str("_No notes._\n\n");
        return;
    }
    for pane in board.panes.iter().filter(|p| !p.is_empty()) {
        let _ = writeln!(out, "{level} {}\n", inline(pane.title));
        notes(out, r, pane);
    }
}

fn notes(out: &mut String, r: &Report, pane: &PaneView) {
    let grouped = pane.has_groups();
    for group in &pane.groups {
        if grouped {
            let _ = match group.name {
                Some(name) => writeln!(out, "**{}**\n", inline(name)),
                None => writeln!(out, "**Not grouped**\n"),
            };
        }
        for note in &group.notes {
            let mut parts = vec![format!("{} {}", note.colour.marker(), inline(&note.text))];
            if note.votes > 0 {
                parts.push(format!("**{}**", votes(note)));
            }
            if note.from_room {
                parts.push("from the room".into());
            }
            if let Some(author) = note.author.as_deref().filter(|a| !a.trim().is_empty()) {
                parts.push(format!("by {}", inline(author)));
            }
            if let Some(table) = r.promoted.get(&note.id) {
                parts.push(format!("→ in {}", inline(table)));
            }
            parts.push(format!("_{}_", note.colour.name()));
            let _ = writeln!(out, "- {}", parts.join(" · "));
        }
        out.push('\n');
    }
}

fn groups(out: &mut String, r: &Report) {
    let Some(groups) = &r.session.groups else {
        return;
    };
    out.push_str("## Groups\n\n");
    let _ = writeln!(
        out,
        "_{} groups, formed {}._\n",
        groups.count,
        groups.method.formed()
    );
    let rows: Vec<Vec<String>> = r
        .groups
        .iter()
        .map(|g| {
            vec![
                g.number.to_string(),
                if g.members.is_empty() {
                    "—".into()
                } else {
                    inline(&g.members.join(", "))
                },
                if g.work.is_empty() {
                    "—".into()
                } else {
                    inline(g.work)
                },
            ]
        })
        .collect();
    table(
        out,
        &["Group", "Members", "Works on"],
        &[true, false, false],
        &rows,
    );
}

/// A table of the plan under its title: by initiative or whole, each row's child rows
/// in a table of their own under it.
fn plan_table(out: &mut String, view: &TableView) {
    let def = view.def;
    if view.orphans {
        let parent = def.parent.as_deref().unwrap_or_default();
        let _ = writeln!(
            out,
            "## {} (their {parent} row is gone)\n",
            inline(&def.title)
        );
    } else {
        let _ = writeln!(out, "## {}\n", inline(&def.title));
    }
    let none = format!("_No {} yet._\n\n", def.nouns());
    if view.groups.is_empty() {
        out.push_str(&none);
    }
    for group in &view.groups {
        let level = if group.by_initiative {
            let _ = writeln!(out, "### {}\n", inline(group.name()));
            if let Some(description) = group
                .initiative
                .map(|i| i.description.as_str())
                .filter(|d| !d.trim().is_empty())
            {
                let _ = writeln!(out, "_{}_\n", inline(description));
            }
            "####"
        } else {
            "###"
        };
        if group.rows.is_empty() {
            out.push_str(&none);
            continue;
        }
        let rows: Vec<&PlanRow> = group.rows.iter().map(|v| v.row).collect();
        rows_table(out, def, &rows);
        for view in &group.rows {
            children(out, def, view, level);
        }
    }
}

/// The rows under one row: "#### Milestones of “Open budget data”" and their table.
fn children(out: &mut String, def: &TableDef, view: &RowView, level: &str) {
    let parent = def
        .columns
        .first()
        .map(|c| view.row.cell(&c.key))
        .unwrap_or("");
    for (child, rows) in &view.children {
        let _ = writeln!(
            out,
            "{level} {} of “{}”\n",
            inline(&child.title),
            inline(parent)
        );
        rows_table(out, child, rows);
    }
}

fn rows_table(out: &mut String, def: &TableDef, rows: &[&PlanRow]) {
    let headers: Vec<String> = def.columns.iter().map(|c| inline(&c.title)).collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            def.columns
                .iter()
                .map(|c| match (&c.kind, shown(row, c)) {
                    (ColumnKind::Status(_), value) if !value.is_empty() => {
                        inline(&status_label(value))
                    }
                    (_, value) => inline(value),
                })
                .collect()
        })
        .collect();
    table(out, &headers, &vec![false; headers.len()], &cells);
}

fn summary(out: &mut String, r: &Report) {
    out.push_str("## Takeaways and next steps\n\n");
    match &r.summary {
        Some(board) if board.note_count() > 0 => panes(out, r, board, "###"),
        _ => out.push_str("_Nothing was written down._\n\n"),
    }
}

fn check(out: &mut String, r: &Report) {
    out.push_str("## Plan check\n\n");
    let c = &r.check;
    if c.summary.is_empty() {
        let _ = writeln!(
            out,
            "No open warnings on {}: every action has what the check looks for.\n",
            c.today
        );
        return;
    }
    let _ = writeln!(out, "Open warnings on {}:\n", c.today);
    for line in &c.summary {
        let _ = writeln!(out, "- {}", inline(line));
    }
    let _ = writeln!(out, "\n{}:\n", r.check_heading());
    for row in &c.rows {
        let _ = write!(out, "- **{}**", inline(&row.action));
        if !row.context.is_empty() {
            let _ = write!(out, " ({})", inline(&row.context.join(" · ")));
        }
        let _ = writeln!(out, ": {}", inline(&row.messages.join("; ")));
    }
    out.push('\n');
}

/// A GFM table. Cells must already be escaped with [`inline`].
fn table(out: &mut String, headers: &[&str], right: &[bool], rows: &[Vec<String>]) {
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(cell);
            out.push_str(" |");
        }
        out.push('\n');
    };
    line(out, &mut headers.iter().copied());
    let rule: Vec<&str> = right
        .iter()
        .map(|r| if *r { "---:" } else { "---" })
        .collect();
    line(out, &mut rule.into_iter());
    for row in rows {
        debug_assert_eq!(row.len(), headers.len());
        line(
            out,
            &mut (0..headers.len()).map(|i| row.get(i).map(String::as_str).unwrap_or("")),
        );
    }
    out.push('\n');
}

/// User text as one line of inline Markdown that renders exactly as typed: Markdown
/// and HTML punctuation escaped, pipes escaped (safe in table cells), line breaks as
/// `<br>`, and nothing at its start that could open a list, heading or code block.
pub(super) fn inline(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    for (i, &c) in chars.iter().enumerate() {
        if at_start && c == ' ' {
            // Leading spaces would indent the text into a code block.
            out.push_str("&#32;");
            continue;
        }
        match c {
            '\n' => {
                out.push_str("<br>");
                continue;
            }
            '\t' => out.push(' '),
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '#' => {
                out.push('\\');
                out.push(c);
            }
            // Snake_case words are not emphasis; a lone underscore may be.
            '_' => {
                let word = |j: Option<&char>| j.is_some_and(|c| c.is_alphanumeric());
                if !(i > 0 && word(chars.get(i - 1)) && word(chars.get(i + 1))) {
                    out.push('\\');
                }
                out.push('_');
            }
            // List markers and thematic breaks at the start.
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            // "1. " or "2) " at the start would begin a numbered list.
            '.' | ')' if out.bytes().all(|b| b.is_ascii_digit()) && !out.is_empty() => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
        at_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_reads_as_typed() {
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(inline("*bold* [link](x)"), "\\*bold\\* \\[link\\](x)");
        assert_eq!(inline("snake_case _em_"), "snake_case \\_em\\_");
        assert_eq!(inline("$500 & more"), "\\$500 \\& more");
        assert_eq!(
            inline("a\\|b"),
            "a\\\\\\|b",
            "a backslash cannot unescape a pipe"
        );
    }

    #[test]
    fn nothing_at_the_start_opens_a_block() {
        assert_eq!(inline("- item"), "\\- item");
        assert_eq!(inline("# title"), "\\# title");
        assert_eq!(inline("12. done"), "12\\. done");
        assert_eq!(inline("> quote"), "\\> quote");
        assert_eq!(inline("    code"), "&#32;&#32;&#32;&#32;code");
        assert_eq!(inline("2026-12-15"), "2026-12-15");
        assert_eq!(inline("v1.2"), "v1.2");
    }

    #[test]
    fn tables_keep_their_columns() {
        let mut out = String::new();
        table(
            &mut out,
            &["A", "B"],
            &[false, true],
            &[vec![inline("x|y"), inline("")]],
        );
        assert_eq!(out, "| A | B |\n| --- | ---: |\n| x\\|y |  |\n\n");
    }
}
