//! The per-person digest: for each person of the roster (and each owner named in the
//! plan who is not on it), what they own and when it is due, what they must be told
//! about, and the next review. One section a person, in Markdown or HTML.

use super::html::esc;
use super::markdown::inline;
use crate::domain::dates;
use crate::domain::plan::{PlanRow, Roles, StatusTone, status_value};
use crate::domain::progress::{Attention, Outlook, attention};
use crate::domain::roster::names_people;
use crate::domain::session::Session;
use crate::domain::template::{ColumnKind, TableDef};
use chrono::NaiveDate;
use std::fmt::Write;

pub(super) struct Digest {
    pub title: String,
    pub today: NaiveDate,
    pub next_review: String,
    pub people: Vec<PersonDigest>,
}

pub(super) struct PersonDigest {
    pub name: String,
    /// "Head of permits · ana@city.example · 555 0101", what the roster knows.
    pub about: String,
    /// Open rows they answer for, the most urgent first.
    pub owns: Vec<Item>,
    /// What they answer for that is done.
    pub done: Vec<String>,
    /// Rows whose "kept informed" or communication cells name them.
    pub told: Vec<Item>,
}

pub(super) struct Item {
    pub action: String,
    /// "due Fri 15 Jan 2027 · overdue · ✗ Blocked · Open data"
    pub detail: String,
    pub urgent: bool,
}

/// Whether a cell names `name` (one of its comma-separated names, or a word run of
/// it in free text: "tell Ana Lopez monthly").
fn names(cell: &str, name: &str, free_text: bool) -> bool {
    let (cell, name) = (cell.to_lowercase(), name.trim().to_lowercase());
    if name.is_empty() {
        return false;
    }
    if free_text {
        cell.contains(&name)
    } else {
        cell.split(',').any(|n| n.trim() == name)
    }
}

impl Digest {
    pub fn of(session: &Session, today: NaiveDate) -> Digest {
        let outlook = Outlook::of_day(session, today);
        let mut names: Vec<String> = session.roster.iter().map(|p| p.name.clone()).collect();
        names.extend(session.names_not_on_roster());
        let people = names
            .into_iter()
            .filter(|n| !n.trim().is_empty())
            .map(|name| person(session, &outlook, name))
            .collect();
        Digest {
            title: session.title.clone(),
            today,
            // Said as `convene status` says it: passed, or typed but not a date.
            next_review: match session.next_review.is_empty() {
                true => "not set yet".into(),
                false => super::status::next_review(session, today),
            },
            people,
        }
    }
}

impl Digest {
    /// One digest a person, for a file each.
    pub fn each(self) -> impl Iterator<Item = Digest> {
        let Digest {
            title,
            today,
            next_review,
            people,
        } = self;
        people.into_iter().map(move |p| Digest {
            title: title.clone(),
            today,
            next_review: next_review.clone(),
            people: vec![p],
        })
    }

    pub fn name(&self) -> &str {
        self.people.first().map_or("", |p| p.name.as_str())
    }
}

fn person(session: &Session, outlook: &Outlook, name: String) -> PersonDigest {
    let about = session.person(&name).map_or(String::new(), |p| {
        [&p.role, &p.email, &p.phone]
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" · ")
    });
    let (mut owns, mut done, mut told) = (Vec::new(), Vec::new(), Vec::new());
    for table in &session.workshop.tables {
        let roles = Roles::of(&table.columns);
        let informed: Vec<&str> = table
            .columns
            .iter()
            .filter(|c| names_people(c) && c.kind != ColumnKind::Person)
            .map(|c| c.key.as_str())
            .collect();
        for row in session.tables.rows(&table.key) {
            let owner = roles.owner.map_or("", |i| row.cell(&table.columns[i].key));
            let action = table
                .columns
                .first()
                .map_or("", |c| row.cell(&c.key))
                .to_string();
            if names(owner, &name, false) {
                let tone = roles.status.map(|i| {
                    let c = &table.columns[i];
                    StatusTone::of(status_value(row.cell(&c.key), c))
                });
                if tone == Some(StatusTone::Done) {
                    done.push(action);
                } else {
                    owns.push(item(session, table, row, outlook, action));
                }
            } else if informed.iter().any(|k| names(row.cell(k), &name, true)) {
                told.push(item(session, table, row, outlook, action));
            }
        }
    }
    owns.sort_by_key(|i| !i.urgent);
    PersonDigest {
        name,
        about,
        owns,
        done,
        told,
    }
}

fn item(
    session: &Session,
    table: &TableDef,
    row: &PlanRow,
    outlook: &Outlook,
    action: String,
) -> Item {
    let roles = Roles::of(&table.columns);
    let mut parts = Vec::new();
    if let Some(i) = roles.due {
        let cell = row.cell(&table.columns[i].key);
        parts.push(match dates::stored(cell) {
            Some(d) => format!("due {}", dates::long(d)),
            None if cell.is_empty() => "no date".to_string(),
            None => format!("due {cell:?} (not a date)"),
        });
    }
    let reason = attention(row, table, outlook);
    let urgent = matches!(
        reason,
        Attention::Overdue | Attention::DueSoon | Attention::Blocked
    );
    if matches!(reason, Attention::Overdue | Attention::DueSoon) {
        parts.push(reason.label().to_string());
    }
    if let Some(i) = roles.status {
        let c = &table.columns[i];
        let value = status_value(row.cell(&c.key), c);
        parts.push(format!("{} {value}", StatusTone::of(value).symbol()));
    }
    if let Some(i) = session.initiative(row.initiative) {
        parts.push(i.name.clone());
    }
    Item {
        action,
        detail: parts.join(" · "),
        urgent,
    }
}

pub(super) fn markdown(d: &Digest) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: who does what\n", inline(&d.title));
    let _ = writeln!(
        out,
        "As of {} · next review: **{}**\n",
        dates::long(d.today),
        inline(&d.next_review)
    );
    if d.people.is_empty() {
        out.push_str("_Nobody is named in the plan or on the roster yet._\n");
    }
    for p in &d.people {
        let _ = writeln!(out, "## {}\n", inline(&p.name));
        if !p.about.is_empty() {
            let _ = writeln!(out, "{}\n", inline(&p.about));
        }
        let list = |out: &mut String, heading: &str, items: &[Item]| {
            if items.is_empty() {
                return;
            }
            let _ = writeln!(out, "**{heading}**\n");
            for i in items {
                let mark = if i.urgent { "▲ " } else { "" };
                let _ = writeln!(out, "- {mark}{}: {}", inline(&i.action), inline(&i.detail));
            }
            out.push('\n');
        };
        list(&mut out, "Owns", &p.owns);
        if !p.done.is_empty() {
            let done: Vec<String> = p.done.iter().map(|a| inline(a)).collect();
            let _ = writeln!(out, "_Done: {}._\n", done.join("; "));
        }
        list(&mut out, "To be told about", &p.told);
        if p.owns.is_empty() && p.told.is_empty() && p.done.is_empty() {
            out.push_str("_Nothing in the plan names them yet._\n\n");
        }
        let _ = writeln!(out, "Next review: {}\n", inline(&d.next_review));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

pub(super) fn html(d: &Digest) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}: who does what</title>", esc(&d.title));
    out.push_str(
        "<style>\nbody { font: 16px/1.5 system-ui, sans-serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }\n\
         section { break-inside: avoid; border-top: 2px solid #222; margin-top: 1.5rem; }\n\
         .urgent { font-weight: bold; }\n.about, .done { color: #333; }\n</style>\n</head>\n<body>\n",
    );
    let _ = writeln!(out, "<h1>{}: who does what</h1>", esc(&d.title));
    let _ = writeln!(
        out,
        "<p>As of <time datetime=\"{0}\">{1}</time> · next review: <strong>{2}</strong></p>",
        d.today,
        dates::long(d.today),
        esc(&d.next_review)
    );
    for p in &d.people {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(&p.name));
        if !p.about.is_empty() {
            let _ = writeln!(out, "<p class=\"about\">{}</p>", esc(&p.about));
        }
        for (heading, items) in [("Owns", &p.owns), ("To be told about", &p.told)] {
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "<h3>{heading}</h3>\n<ul>");
            for i in items {
                let (class, mark) = if i.urgent {
                    (" class=\"urgent\"", "▲ ")
                } else {
                    ("", "")
                };
                let _ = writeln!(
                    out,
                    "<li{class}>{mark}{}: {}</li>",
                    esc(&i.action),
                    esc(&i.detail)
                );
            }
            out.push_str("</ul>\n");
        }
        if !p.done.is_empty() {
            let done: Vec<String> = p.done.iter().map(|a| esc(a)).collect();
            let _ = writeln!(out, "<p class=\"done\">Done: {}.</p>", done.join("; "));
        }
        let _ = writeln!(
            out,
            "<p>Next review: {}</p>\n</section>",
            esc(&d.next_review)
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}
